import { describe, expect, it } from 'vitest';
import { flatOverage, rolloverOverage } from '../src/engine/contract/flat.js';
import { createRng } from '../src/random/rng.js';
import { InputError } from '../src/scenario/scenarioError.js';
import { bruteForceRolloverOverage } from './engine-naive.js';
import { baseDocument, scenarioOf } from './helpers/scenario.js';

/*
 * rollover: { months, cap_hours } on a flat plan (MODEL.md, "Contract forms"): the engine's
 * ring-buffer bank (contract/flat.ts) against the brute-force month-by-month list of deposits
 * (engine-naive.ts), exactly, on hours in quarter hours (sums of them are exact in binary). The
 * engine against the naive model with rollover on random months is in engine-shortcuts.test.ts.
 */

function engine(months: readonly number[], included: number, k: number, cap = Number.POSITIVE_INFINITY): number {
  return rolloverOverage(Float64Array.from(months), 0, months.length, included, k, cap, new Float64Array(months.length));
}

const quiet = [0, 1, 5, 0, 0, 6];

describe('rollover', () => {
  it('worked by hand: 2 h included, months of 0, 1, 5, 0, 0 and 6 billed hours', () => {
    // no rollover: 3 + 4 h overage
    expect(flatOverage(Float64Array.from(quiet), 0, 6, 2)).toBe(7);
    // 2 months, no cap: month 3 draws 2 + 1 banked hours, month 6 the 2 + 2 of months 4 and 5
    expect(engine(quiet, 2, 2)).toBe(0);
    expect(bruteForceRolloverOverage(quiet, 2, 2, Number.POSITIVE_INFINITY)).toBe(0);
    // 1 month: month 1's 2 h lapse unused after month 2; month 3 draws month 2's 1 h, month 6 month 5's 2 h
    expect(engine(quiet, 2, 1)).toBe(4);
    // a cap of 1 h: months 1 and 4 bank 1 h each, months 2 and 5 find the bank full
    expect(engine(quiet, 2, 2, 1)).toBe(5);
    expect(bruteForceRolloverOverage(quiet, 2, 2, 1)).toBe(5);
  });

  it('hours banked at the end of the term lapse; a month uses its own hours before the bank', () => {
    expect(engine([0, 0, 0], 3, 12)).toBe(0);
    // month 2 needs 4 of its own 3 + 3 banked: 1 h from the bank, and 2 h of month 1 stay banked
    expect(engine([0, 4, 0, 5], 3, 3)).toBe(0);
    expect(engine([0, 4, 0, 9], 3, 3)).toBe(9 - 3 - 2 - 3);
  });

  it('equals the brute-force reference on random months, caps and bank lengths', () => {
    const rng = createRng('rollover reference');
    for (let client = 0; client < 2000; client++) {
      const H = 1 + Math.floor(rng.nextDouble() * 24);
      const months = Array.from({ length: H }, () => (rng.nextDouble() < 0.3 ? 0 : Math.floor(rng.nextDouble() * 40) / 4));
      const included = Math.floor(rng.nextDouble() * 20) / 4;
      const k = 1 + Math.floor(rng.nextDouble() * H);
      const cap = rng.nextDouble() < 0.4 ? Number.POSITIVE_INFINITY : Math.floor(rng.nextDouble() * 40) / 4;
      expect(engine(months, included, k, cap), JSON.stringify({ months, included, k, cap })).toBe(bruteForceRolloverOverage(months, included, k, cap));
    }
  });

  it('the key: months a whole number from 1, cap_hours ≥ 0, and only on a plan with included hours', () => {
    const problems = (plan: Record<string, unknown>): string[] => {
      try {
        scenarioOf(baseDocument({ plans: { basic: { covers: ['edit'], ...plan } } }));
      } catch (error) {
        if (error instanceof InputError) return error.problems.map((p) => p.path);
        throw error;
      }
      return [];
    };
    expect(problems({ included_hours: 2, rollover: { months: 3, cap_hours: 4 } })).toEqual([]);
    expect(problems({ included_hours: 2, rollover: { months: 3 } })).toEqual([]);
    expect(problems({ included_hours: 2, rollover: { months: 0 } })).toEqual(['plans.basic.rollover.months']);
    expect(problems({ included_hours: 2, rollover: { months: 3, cap_hours: -1 } })).toEqual(['plans.basic.rollover.cap_hours']);
    expect(problems({ rollover: { months: 3 } })).toEqual(['plans.basic.rollover']);
  });
});
