import { describe, expect, it } from 'vitest';
import { HOURS_PER_MONTH } from '../src/scenario/uptime/constants.js';
import { seriesAvailability, parallelAvailability } from '../src/scenario/uptime/exact.js';
import { componentProfile, expectedMonthAvailability, MONTH_GRID, solveOutageRate, timeAverage } from '../src/scenario/uptime/monthModel.js';
import { availabilitySchema } from '../src/scenario/uptime/schema.js';
import type { ComponentSpec } from '../src/scenario/uptime/spec.js';
import { atomsTruncatedMean, continuousTruncatedMean, exponentialTruncatedMean } from '../src/scenario/uptime/truncatedMean.js';
import { lognormal } from '../src/random/lognormal.js';
import { uniform } from '../src/random/uniform.js';

const T = HOURS_PER_MONTH;
const step = MONTH_GRID.hours / MONTH_GRID.cells;

/** Ei(x) = γ + ln x + Σ xᵏ/(k·k!), the exponential integral (Abramowitz & Stegun 5.1.10), x > 0. */
function exponentialIntegral(x: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 1; k < 200; k++) {
    term *= x / k;
    sum += term / k;
    if (term / k < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5772156649015329 + Math.log(x) + sum;
}

/**
 * Month-average P(up) for exponential outages of mean m at r per hour, in closed form:
 * (1/T)∫₀ᵀ exp(−r·m·(1 − e^(−t/m))) dt; with x = e^(−t/m) and c = r·m this is
 * (m/T)·e^(−c)·[Ei(c) − Ei(c·e^(−T/m))].
 */
function exponentialMonthAvailability(perMonth: number, meanHours: number): number {
  const c = (perMonth / T) * meanHours;
  return (meanHours / T) * Math.exp(-c) * (exponentialIntegral(c) - exponentialIntegral(c * Math.exp(-T / meanHours)));
}

/** Month-average P(up) for fixed outages of d hours at r per hour: ((1 − e^(−rd))/r + (T − d)·e^(−rd)) / T. */
function fixedMonthAvailability(perMonth: number, hours: number): number {
  const r = perMonth / T;
  return ((1 - Math.exp(-r * hours)) / r + (T - hours) * Math.exp(-r * hours)) / T;
}

const component = (member: unknown): ComponentSpec => availabilitySchema.parse({ promised: 0.99, chain: [member] }).chain.members[0] as ComponentSpec;

describe('M(t) = E[min(D, t)]', () => {
  it('exponential: m·(1 − e^(−t/m)), near m after a few means', () => {
    const curve = exponentialTruncatedMean(MONTH_GRID, 4);
    expect(curve[0]).toBe(0);
    expect(curve[MONTH_GRID.cells]).toBeCloseTo(4, 12);
  });
  it('atoms 1, 2, 3 h at t = 1.5 h: (1 + 1.5 + 1.5)/3', () => {
    const curve = atomsTruncatedMean({ hours: 3, cells: 2 }, [1, 2, 3]);
    expect([...curve]).toEqual([0, 4 / 3, 2]);
  });
  it('uniform(0, 4) by Simpson matches t − t²/8 (then 2)', () => {
    const curve = continuousTruncatedMean(MONTH_GRID, uniform(0, 4));
    // Exact below the kink (a linear survival function); the cell holding t = 4 h is off by
    // ~6e-6 h (Simpson across a kink in a 0.045 h cell), and that offset stays.
    for (const i of [1, 10, 89]) expect(curve[i]).toBeCloseTo(i * step - (i * step) ** 2 / 8, 12);
    for (const i of [90, 200, MONTH_GRID.cells]) expect(curve[i]).toBeCloseTo(2, 4);
  });
  it("lognormal(median 1, σ 1) reaches its mean e^0.5 by the month's end", () => {
    const curve = continuousTruncatedMean(MONTH_GRID, lognormal({ median: 1, sigma: 1 }));
    expect(curve[MONTH_GRID.cells]).toBeCloseTo(Math.exp(0.5), 6);
  });
});

describe('month model of one component', () => {
  // Simpson across the kink of min(t, d) errs by ~4e-10 per outage a month (monthModel.ts).
  it('fixed 2 h outages, 2 a month: Simpson matches the closed form to 1e-9', () => {
    const profile = componentProfile(component({ outages: { per_month: 2, duration_hours: 2 } }));
    expect(Math.abs(profile.availability - fixedMonthAvailability(2, 2))).toBeLessThan(1e-9);
  });
  it('fixed 100 h outages, 3 a month (heavy overlap): Simpson matches the closed form to 2e-9', () => {
    const profile = componentProfile(component({ outages: { per_month: 3, duration_hours: 100 } }));
    expect(Math.abs(profile.availability - fixedMonthAvailability(3, 100))).toBeLessThan(2e-9);
  });
  it.each([
    [0.99, 4],
    [0.996, 4],
    [0.9, 50],
    [0.5, 4],
    [0.05, 24],
  ])('the rate solved for availability %s with %s h outages gives it back (closed form via Ei)', (availability, meanHours) => {
    const perMonth = solveOutageRate(availability, exponentialTruncatedMean(MONTH_GRID, meanHours));
    expect(exponentialMonthAvailability(perMonth, meanHours)).toBeCloseTo(availability, 10);
    // Above the naive rate (1 − a)·T/m: outages overlap, and every month starts up.
    expect(perMonth).toBeGreaterThan(((1 - availability) * T) / meanHours);
  });
  it('availability 1 needs no outages and 0 means never up', () => {
    expect(solveOutageRate(1, exponentialTruncatedMean(MONTH_GRID, 4))).toBe(0);
    expect(solveOutageRate(0, exponentialTruncatedMean(MONTH_GRID, 4))).toBe(Number.POSITIVE_INFINITY);
    expect(componentProfile(component({ availability: 0 })).upProbability.every((p) => p === 0)).toBe(true);
  });
  it('no outages: always up', () => {
    expect(componentProfile(component({ outages: { per_month: 0, duration_hours: 5 } })).availability).toBe(1);
  });
  it("timeAverage is Simpson's rule: exact for a parabola, ∫₀¹ t² = 1/3", () => {
    expect(timeAverage(Float64Array.from({ length: 11 }, (_, i) => (i / 10) ** 2))).toBeCloseTo(1 / 3, 14);
  });
});

describe('month model of a structure', () => {
  const spec = (chain: unknown[]) => availabilitySchema.parse({ promised: 0.99, chain });
  it('a single component is its own availability', () => {
    expect(expectedMonthAvailability(spec([{ availability: 0.99 }]).chain)).toBeCloseTo(0.99, 10);
  });
  it('a chain differs from the product of its members only by the fresh start of each month (< 1e-6)', () => {
    const expected = expectedMonthAvailability(spec([{ availability: 0.99 }, { availability: 0.996 }]).chain);
    expect(Math.abs(expected - seriesAvailability([0.99, 0.996]))).toBeLessThan(1e-6);
  });
  it('a parallel pair likewise differs from 1 − Π(1 − a) by little', () => {
    const expected = expectedMonthAvailability(spec([{ parallel: [{ availability: 0.99 }, { availability: 0.98 }] }]).chain);
    expect(Math.abs(expected - parallelAvailability([0.99, 0.98]))).toBeLessThan(1e-6);
  });
});
