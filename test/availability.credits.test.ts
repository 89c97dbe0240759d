import { describe, expect, it } from 'vitest';
import { creditShare, topThreshold } from '../src/engine/uptime/credits.js';
import { countBelow, expectedCreditShare, promiseAtRisk, promiseWithinCreditBudget } from '../src/analysis/availability/promise.js';
import type { CreditSchedule } from '../src/scenario/uptime/spec.js';
import { createRng } from '../src/random/rng.js';

/** The documented two-tier schedule: 10% of the fee below 99.5%, 25% below 99%. */
const SCHEDULE: CreditSchedule = [
  { below: 0.995, credit: 0.1 },
  { below: 0.99, credit: 0.25 },
];

describe('credit schedule lookup', () => {
  it.each([
    [1, 0],
    [0.9951, 0],
    [0.995, 0], // exactly at the threshold: not below it
    [0.99499, 0.1],
    [0.992, 0.1],
    [0.99, 0.1], // at 99%: below 99.5% only
    [0.98999, 0.25],
    [0.5, 0.25],
    [0, 0.25],
  ])('availability %s earns %s of the fee', (availability, credit) => {
    expect(creditShare(SCHEDULE, availability)).toBe(credit);
    expect(creditShare([...SCHEDULE].reverse(), availability)).toBe(credit); // row order does not matter
  });
  it('takes the largest applicable credit even when a lower threshold credits less', () => {
    expect(
      creditShare(
        [
          { below: 0.999, credit: 0.3 },
          { below: 0.99, credit: 0.1 },
        ],
        0.98,
      ),
    ).toBe(0.3);
  });
  it('no schedule, no credit; a threshold of 1 credits every month with any downtime', () => {
    expect(creditShare([], 0.5)).toBe(0);
    expect(creditShare([{ below: 1, credit: 0.05 }], 1)).toBe(0);
    expect(creditShare([{ below: 1, credit: 0.05 }], 0.9999999)).toBe(0.05);
  });
  it('topThreshold is the highest below, NaN without rows', () => {
    expect(topThreshold(SCHEDULE)).toBe(0.995);
    expect(topThreshold([])).toBeNaN();
  });
});

describe('expected credit of a sample', () => {
  it('equals the month-by-month average, for random samples, schedules and shifts', () => {
    const rng = createRng('expected credit');
    for (let trial = 0; trial < 30; trial++) {
      const months = Float64Array.from({ length: 500 }, () => (rng.nextDouble() < 0.3 ? 1 : 0.95 + 0.05 * rng.nextDouble())).sort();
      const schedule = Array.from({ length: 1 + Math.floor(rng.nextDouble() * 4) }, () => ({
        below: 0.95 + 0.05 * rng.nextDouble(),
        credit: rng.nextDouble(),
      }));
      const shift = (rng.nextDouble() - 0.5) * 0.02;
      const shifted = schedule.map((row) => ({ below: row.below + shift, credit: row.credit }));
      let direct = 0;
      for (const a of months) direct += creditShare(shifted, a);
      expect(expectedCreditShare(months, schedule, shift)).toBeCloseTo(direct / months.length, 12);
    }
  });
  it('countBelow counts strictly smaller values', () => {
    const sorted = Float64Array.of(0.9, 0.95, 0.95, 1);
    expect([0.9, 0.95, 0.96, 1, 1.1].map((x) => countBelow(sorted, x))).toEqual([0, 1, 3, 3, 4]);
  });
});

describe('what can I promise?', () => {
  const months = Float64Array.of(0.97, 0.98, 0.99, 1);
  it('at a risk: the highest level with at most that share of months below', () => {
    expect(promiseAtRisk(months, 0.25)).toBe(0.98); // only 0.97 is below 98%: 1 of 4
    expect(promiseAtRisk(months, 0.2)).toBe(0.97); // 1 of 4 would already be 25% > 20%
    expect(promiseAtRisk(months, 0.5)).toBe(0.99);
    expect(promiseAtRisk(Float64Array.of(0.99, 1, 1, 1), 0.3)).toBe(1); // one month in four misses 100%
  });
  it('within a credit budget: E[credit] = 0.1 × P̂(A < p) ≤ 0.05 holds up to p = 0.99', () => {
    const schedule: CreditSchedule = [{ below: 0.995, credit: 0.1 }];
    expect(promiseWithinCreditBudget(months, schedule, 0.05)).toBeCloseTo(0.99, 11);
    expect(promiseWithinCreditBudget(months, schedule, 0)).toBeCloseTo(0.97, 11);
    expect(promiseWithinCreditBudget(months, schedule, 0.1)).toBe(1);
  });
  it('moves the whole schedule: with rows at 0.995 and 0.99, promising p keeps them 0.005 apart', () => {
    // At p = 0.985 + ε: 0.97 and 0.98 are below p − 0.005 + ε → 0.25 each; E = 0.125 > 0.1.
    // At p = 0.985: 0.97 is below 0.98 (0.25), 0.98 is below 0.985 but not 0.98 (0.1): E = 0.0875.
    expect(promiseWithinCreditBudget(months, SCHEDULE, 0.1)).toBeCloseTo(0.985, 11);
  });
  it('has no answer without a schedule', () => {
    expect(promiseWithinCreditBudget(months, [], 0.02)).toBeNull();
  });
});
