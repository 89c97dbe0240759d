import type { Distribution } from '../../random/distribution.js';

/*
 * M(t) = E[min(D, t)] = ∫₀ᵗ P(D > s) ds for an outage duration D, tabulated on the month grid.
 * It is what an outage process contributes to P(down at t) (see monthModel.ts).
 */

/** A uniform grid of `cells` steps over [0, hours]: knots tᵢ = i·hours/cells, i = 0..cells. */
export interface MonthGrid {
  readonly hours: number;
  /** Even, for Simpson's rule. */
  readonly cells: number;
}

/**
 * M at the knots for exponential durations of mean m: M(t) = m·(1 − e^(−t/m)).
 * @param meanHours m > 0
 * @example exponentialTruncatedMean({ hours: 730, cells: 2 }, 4)[2] // ≈ 4
 */
export function exponentialTruncatedMean(grid: MonthGrid, meanHours: number): Float64Array {
  const curve = new Float64Array(grid.cells + 1);
  const step = grid.hours / grid.cells;
  for (let i = 0; i <= grid.cells; i++) curve[i] = -meanHours * Math.expm1(-(i * step) / meanHours);
  return curve;
}

/**
 * M at the knots for equally likely values v₁ ≤ … ≤ vₙ (a fixed duration, empirical values),
 * exactly: M(t) = (Σ_{vⱼ ≤ t} vⱼ + t·#{vⱼ > t}) / n.
 * @param sortedValues ascending hours ≥ 0
 * @example atomsTruncatedMean({ hours: 730, cells: 730 }, [2])[1] // 1 (one hour in, a 2 h outage has lasted 1 h)
 */
export function atomsTruncatedMean(grid: MonthGrid, sortedValues: readonly number[]): Float64Array {
  const curve = new Float64Array(grid.cells + 1);
  const step = grid.hours / grid.cells;
  const n = sortedValues.length;
  let done = 0;
  let doneSum = 0;
  for (let i = 0; i <= grid.cells; i++) {
    const t = i * step;
    while (done < n && sortedValues[done] <= t) doneSum += sortedValues[done++];
    curve[i] = (doneSum + t * (n - done)) / n;
  }
  return curve;
}

/**
 * M at the knots for a continuous duration, from its CDF: cell by cell with Simpson's rule on
 * the survival function (knots and midpoints), so the error per cell is O(step⁵) where P(D > s)
 * is smooth; kinks (triangular's mode, uniform's ends) cost O(step³) once each. Once the CDF
 * reaches 1, M stays constant.
 * @example continuousTruncatedMean(grid, lognormal({ median: 1, sigma: 1 })).at(-1) // ≈ its mean, e^0.5
 */
export function continuousTruncatedMean(grid: MonthGrid, duration: Distribution): Float64Array {
  const curve = new Float64Array(grid.cells + 1);
  const step = grid.hours / grid.cells;
  const survival = (s: number) => 1 - duration.cdf(s);
  let previous = survival(0);
  for (let i = 1; i <= grid.cells; i++) {
    if (previous <= 0) {
      curve[i] = curve[i - 1];
      continue;
    }
    const start = (i - 1) * step;
    const end = survival(i * step);
    curve[i] = curve[i - 1] + (step / 6) * (previous + 4 * survival(start + step / 2) + end);
    previous = end;
  }
  return curve;
}
