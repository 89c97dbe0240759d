import { chiSquaredUpperTail } from './chiSquared.js';

/** The level below which counts are called overdispersed: 1%, so Poisson data rarely fails it. */
export const DISPERSION_TEST_LEVEL = 0.01;

/** Counts that share one expected value: one plan's client-months of one request type. */
export interface CountGroup {
  /** Number of counts, zeros included (the plan's clients × months). */
  cells: number;
  /** The counts above 0 (client-months with requests); the rest are 0. */
  nonZeroCounts: readonly number[];
  /** Expected count e of each cell, ≥ 0. */
  expected: number;
}

/** The index-of-dispersion test of a set of counts, and the negative binomial k if it fails. */
export interface DispersionFit {
  /** Number of counts (client-months), zeros included. */
  cells: number;
  /** Their mean. */
  mean: number;
  /** Their sample variance (divisor cells − 1), around the one mean. */
  variance: number;
  /** Dispersion index statistic / degreesOfFreedom: near 1 for Poisson counts, above 1 for bursty ones; variance/mean for one group. */
  index: number;
  /** Pearson's D = Σ(x − e)²/e, approximately χ²(degreesOfFreedom) for Poisson counts. */
  statistic: number;
  /** cells − groups (one mean fitted per group). */
  degreesOfFreedom: number;
  /** P(χ² ≥ D) for Poisson counts; 1 when there is nothing to test. */
  pValue: number;
  /** Negative binomial dispersion k when p < DISPERSION_TEST_LEVEL and the counts vary more than Poisson; else undefined. */
  k?: number;
}

/**
 * Are the counts Poisson, or overdispersed? The index-of-dispersion test (Cox & Lewis 1966,
 * 6.3): for Poisson counts x with expectations e, D = Σ(x − e)²/e is approximately
 * χ²(cells − groups). When its upper tail p < 1% and the counts vary more than Poisson, the
 * negative binomial (variance e + e²/k) is fitted by the method of moments:
 * k = Σe² / (S·cells/(cells − groups) − Σe), S = Σ(x − e)². For one group of mean m and
 * sample variance v this is the textbook D = (n − 1)·v/m and k = m²/(v − m). Groups (plans
 * whose clients ask more or less) keep differences between plans, which the scenario models
 * with `usage`, from counting as burstiness.
 * @example dispersionTest([{ cells: 40, nonZeroCounts: [3, 5], expected: 0.2 }]).k // 0.14: 8 requests in 40 client-months, in two bursts
 */
export function dispersionTest(groups: readonly CountGroup[]): DispersionFit {
  let cells = 0;
  let sum = 0;
  let sumSquares = 0;
  let fittedGroups = 0;
  let statistic = 0;
  let squaredResiduals = 0;
  let sumExpected = 0;
  let sumExpectedSquares = 0;
  for (const group of groups) {
    let groupSum = 0;
    let groupSquares = 0;
    for (const count of group.nonZeroCounts) {
      groupSum += count;
      groupSquares += count * count;
    }
    cells += group.cells;
    sum += groupSum;
    sumSquares += groupSquares;
    if (group.expected <= 0) continue;
    const e = group.expected;
    // Σ(x − e)² over the group's cells, the zero cells included.
    const residuals = groupSquares - 2 * e * groupSum + group.cells * e * e;
    fittedGroups++;
    statistic += residuals / e;
    squaredResiduals += residuals;
    sumExpected += group.cells * e;
    sumExpectedSquares += group.cells * e * e;
  }
  const mean = cells > 0 ? sum / cells : 0;
  const variance = cells > 1 ? Math.max(0, (sumSquares - cells * mean * mean) / (cells - 1)) : 0;
  const fittedCells = groups.reduce((s, g) => s + (g.expected > 0 ? g.cells : 0), 0);
  const degreesOfFreedom = fittedCells - fittedGroups;
  if (sum === 0 || degreesOfFreedom < 1) {
    return { cells, mean, variance, index: 1, statistic: 0, degreesOfFreedom: Math.max(0, degreesOfFreedom), pValue: 1 };
  }
  const pValue = chiSquaredUpperTail(statistic, degreesOfFreedom);
  const fit: DispersionFit = { cells, mean, variance, index: statistic / degreesOfFreedom, statistic, degreesOfFreedom, pValue };
  const excess = (squaredResiduals * fittedCells) / degreesOfFreedom - sumExpected;
  if (pValue < DISPERSION_TEST_LEVEL && excess > 0) fit.k = sumExpectedSquares / excess;
  return fit;
}
