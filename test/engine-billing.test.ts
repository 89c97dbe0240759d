import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listColumns } from '../src/engine/columns.js';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import { parseScenario } from '../src/scenario/load.js';
import { InputError } from '../src/scenario/scenarioError.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

/*
 * billing_increment_minutes (MODEL.md, "Contract forms"): a request's billed hours are its
 * worked hours rounded up to whole increments; included hours, overage and hourly billing count
 * billed hours, costs worked hours, the hourly equivalent hours billed at the scenario's
 * increment. The engine against the naive model with increments is in engine-shortcuts.test.ts.
 */

const TRIALS = 4000;
const RATE = 2;
const H = 12;

/** One client with Poisson(2) requests a month of a fixed 0.3 h (18 minutes) each. */
function fixedEffort(plan: Record<string, unknown>, increment: number | undefined) {
  return simulateDocument(
    baseDocument({
      ...(increment === undefined ? {} : { billing_increment_minutes: increment }),
      cost_per_hour: 50,
      hourly_rate: 80,
      request_types: { edit: { category: 'perfective', frequency: { per_month: RATE }, effort: 0.3 } },
      plans: { basic: plan },
    }),
    TRIALS,
    'billing',
  ).columns;
}

/** The request count N of each trial, from the worked hours 0.3·N (exact: a term's count times 0.3). */
function counts(hours: Float64Array): number[] {
  return Array.from(hours, (h) => {
    const n = Math.round(h / 0.3);
    expect(h).toBe(0.3 * n);
    return n;
  });
}

/**
 * N from billed hours of 0.5 each (sums of halves are exact); a capped plan's requests are
 * placed in months one by one, so their worked hours are the sum of N × 0.3, to rounding.
 */
function countsOfBilled(billed: Float64Array, hours: Float64Array): number[] {
  return Array.from(billed, (b, t) => {
    const n = b / 0.5;
    expect(Number.isInteger(n)).toBe(true);
    expect(hours[t]).toBeCloseTo(0.3 * n, 10);
    return n;
  });
}

function expectPoissonMean(n: number[]): void {
  const mean = n.reduce((s, v) => s + v, 0) / n.length;
  const se = Math.sqrt((RATE * H) / n.length);
  expect(Math.abs(mean - RATE * H)).toBeLessThanOrEqual(4 * se);
}

describe('billing increments', () => {
  it('a fixed 0.3 h at 15-minute increments bills 0.5 h per request; its cost stays 0.3 h', () => {
    // covered, no included hours: every billed hour is overage at 90
    const columns = fixedEffort({ covers: ['edit'], included_hours: 0, overage_rate: 90 }, 15);
    const plan = columns.plans[0];
    const n = countsOfBilled(plan.coveredHours, columns.hours);
    expectPoissonMean(n);
    n.forEach((count, t) => {
      expect(plan.overageHours[t]).toBe(0.5 * count);
      expect(columns.netCost[t]).toBe(50 * columns.hours[t] - 90 * (0.5 * count));
      expect(columns.segments[0].hourlyValue[t]).toBe(80 * (0.5 * count) - 90 * (0.5 * count));
    });
  });

  it('uncovered requests are billed hourly per billed hour', () => {
    const columns = fixedEffort({ covers: [] }, 15);
    const n = counts(columns.hours);
    expectPoissonMean(n);
    n.forEach((count, t) => {
      expect(columns.netCost[t]).toBe(50 * (0.3 * count) - 80 * (0.5 * count));
      expect(columns.typeNetCost[0][t]).toBeCloseTo(50 * 0.3 * count - 80 * 0.5 * count, 9);
    });
  });

  it("a plan's own increment bills it; the hourly equivalent keeps the scenario's", () => {
    const columns = fixedEffort({ covers: ['edit'], included_hours: 0, overage_rate: 90, billing_increment_minutes: 60 }, 15);
    const n = countsOfBilled(columns.plans[0].coveredHours, columns.hours);
    n.forEach((count, t) => {
      expect(columns.plans[0].overageHours[t]).toBe(count);
      expect(columns.plans[0].coveredHours[t]).toBe(0.5 * count);
    });
  });

  it('a plan of 0 minutes under a scenario increment bills worked hours', () => {
    const columns = fixedEffort({ covers: ['edit'], included_hours: 0, overage_rate: 90, billing_increment_minutes: 0 }, 15);
    countsOfBilled(columns.plans[0].coveredHours, columns.hours).forEach((count, t) => {
      expect(columns.plans[0].overageHours[t]).toBeCloseTo(columns.hours[t], 10);
      expect(columns.plans[0].coveredHours[t]).toBe(0.5 * count);
    });
  });

  const webagency = readFileSync('scenarios/webagency.yaml', 'utf8');
  const run = (prefix: string) => simulateScenario(parseScenario(prefix + webagency, 'webagency.yaml'), { trials: 2000, seed: '7' }).columns;

  it('0 minutes leaves every column as it is without the key', () => {
    const without = listColumns(run(''));
    const zero = listColumns(run('billing_increment_minutes: 0\n'));
    expect(zero.length).toBe(without.length);
    zero.forEach((column, i) => {
      expect(Array.from(column)).toEqual(Array.from(without[i]));
    });
  });

  it('an increment bills the same requests: worked hours are unchanged, billed ones only grow', () => {
    const without = run('');
    const quarter = run('billing_increment_minutes: 15\n');
    expect(Array.from(quarter.hours)).toEqual(Array.from(without.hours));
    quarter.typeHours.forEach((column, i) => {
      expect(Array.from(column)).toEqual(Array.from(without.typeHours[i]));
    });
    quarter.plans.forEach((plan, k) => {
      for (let t = 0; t < 2000; t++) {
        expect(plan.coveredHours[t]).toBeGreaterThanOrEqual(without.plans[k].coveredHours[t] - 1e-9);
        expect(plan.overageHours[t]).toBeGreaterThanOrEqual(without.plans[k].overageHours[t] - 1e-9);
      }
    });
  });

  it('the key is a whole number of minutes from 0 to 600, at scenario and plan level', () => {
    const problems = (document: Record<string, unknown>): string[] => {
      try {
        parseScenario(JSON.stringify(baseDocument(document)), 'bad.json');
      } catch (error) {
        if (error instanceof InputError) return error.problems.map((p) => p.path);
        throw error;
      }
      return [];
    };
    expect(problems({ billing_increment_minutes: 600 })).toEqual([]);
    expect(problems({ billing_increment_minutes: 601 })).toEqual(['billing_increment_minutes']);
    expect(problems({ billing_increment_minutes: 7.5 })).toEqual(['billing_increment_minutes']);
    expect(problems({ billing_increment_minutes: -1 })).toEqual(['billing_increment_minutes']);
    expect(problems({ plans: { basic: { covers: ['edit'], billing_increment_minutes: 1000 } } })).toEqual(['plans.basic.billing_increment_minutes']);
  });
});
