import { probit, quickselect } from 'simple-statistics';

/** z for a two-sided 95% interval: probit(0.975) = 1.959964. */
export const Z95 = probit(0.975);

/** An ascending copy of a column, for quantiles. */
export function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
}

/*
 * A million-trial run reads a few order statistics from a score of columns (fees, quantiles,
 * fee-table rows). Sorting each costs about 120 ms in V8; selecting the few ranks it needs
 * (Floyd–Rivest quickselect, from simple-statistics) costs under 10. Both give the same values:
 * a rank's value does not depend on how the others are ordered. A column with NaN (a trial with
 * no fee weight) is sorted instead, which puts NaN last, as before.
 */

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

/**
 * The values of the given 1-based ranks (the k-th smallest for each k), as a sorted column would
 * give them at index k − 1, rearranging `values` in place instead of sorting it: for a column
 * made for the purpose (a million-trial run's copies are 8 MB each).
 * @param ranks each in 1 … n, any order
 * @example selectRanks(Float64Array.of(5, 1, 4, 2, 3), [1, 4]) // [1, 4]
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): number[] {
  if (hasNaN(values)) {
    values.sort();
    return ranks.map((k) => values[k - 1]);
  }
  const ascending = [...new Set(ranks)].sort((a, b) => a - b);
  let left = 0;
  for (const k of ascending) {
    // Each selection leaves everything from k on ≥ values[k − 1], so the next rank is found there.
    quickselect(values as unknown as number[], k - 1, left, values.length - 1);
    left = k;
  }
  return ranks.map((k) => values[k - 1]);
}

/** selectRanks on a copy: the column is left as it is. */
export function orderStatistics(values: Float64Array, ranks: readonly number[]): number[] {
  return selectRanks(Float64Array.from(values), ranks);
}

/**
 * Rearranges a column in place so that its values from rank `from` on (index from − 1 … n − 1)
 * are the largest n − from + 1, ascending, exactly as in a sorted copy; those before are the rest,
 * unordered. For the upper tail of a loss distribution (value at risk, expected shortfall) at the
 * cost of sorting the tail alone.
 * @param from 1 … n
 * @returns values
 */
export function sortUpper(values: Float64Array, from: number): Float64Array {
  if (hasNaN(values)) return values.sort();
  quickselect(values as unknown as number[], from - 1, 0, values.length - 1);
  values.subarray(from - 1).sort();
  return values;
}

/**
 * The α-quantile as MODEL.md defines the break-even fee: the smallest sample value x with at
 * least a fraction α of the samples ≤ x, i.e. the ⌈nα⌉-th smallest (R's quantile type 1).
 * @param sorted ascending samples, n ≥ 1
 * @param alpha level in (0, 1]
 * @example quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5) // 2
 */
export function quantileSorted(sorted: Float64Array, alpha: number): number {
  return sorted[quantileRank(sorted.length, alpha) - 1];
}

/** ⌈nα⌉ clamped to [1, n]; the tiny slack keeps 0.95 × 20000 at 19000 despite rounding. */
export function quantileRank(n: number, alpha: number): number {
  return Math.min(n, Math.max(1, Math.ceil(n * alpha - 1e-9)));
}

/**
 * A distribution-free 95% Monte Carlo interval for the α-quantile from order statistics: the
 * samples of ranks nα ∓ z·√(nα(1 − α)) (normal approximation to the binomial count of
 * samples below the true quantile).
 * @returns [low, high], both sample values
 */
export function quantileInterval(sorted: Float64Array, alpha: number, z = Z95): [number, number] {
  const [low, high] = intervalRanks(sorted.length, alpha, z);
  return [sorted[low - 1], sorted[high - 1]];
}

/** The ranks of quantileInterval's ends among n samples. */
export function intervalRanks(n: number, alpha: number, z = Z95): [number, number] {
  const half = z * Math.sqrt(n * alpha * (1 - alpha));
  return [Math.min(n, Math.max(1, Math.floor(n * alpha - half))), Math.min(n, Math.max(1, Math.ceil(n * alpha + half)))];
}
