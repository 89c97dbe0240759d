import { probit } from 'simple-statistics';

/** z for a two-sided 95% interval: probit(0.975) = 1.959964. */
export const Z95 = probit(0.975);

/** An ascending copy of a column, for quantiles. */
export function sortedCopy(values: Float64Array): Float64Array {
  return Float64Array.from(values).sort();
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
  const n = sorted.length;
  const half = z * Math.sqrt(n * alpha * (1 - alpha));
  const low = Math.min(n, Math.max(1, Math.floor(n * alpha - half)));
  const high = Math.min(n, Math.max(1, Math.ceil(n * alpha + half)));
  return [sorted[low - 1], sorted[high - 1]];
}
