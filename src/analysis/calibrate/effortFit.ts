import { Z90 } from '../../random/lognormal.js';
import { MAX_LOGNORMAL_SIGMA } from '../../scenario/limits.js';

/** Fewest positive observations for a lognormal fit; with fewer, the observed values are resampled. */
export const MIN_LOGNORMAL_OBSERVATIONS = 10;

/** The effort distribution fitted to one request type's hours, with what it came from. */
export type EffortFit =
  | {
      dist: 'lognormal';
      /** Observations (hours > 0). */
      n: number;
      /** exp(mean of ln hours), hours. */
      median: number;
      /** Standard error of the median by the delta method: median · sigma / √n. */
      medianSe: number;
      /** Sample standard deviation of ln hours (divisor n − 1). */
      sigma: number;
      /** Its standard error for normal logs: sigma / √(2(n − 1)). */
      sigmaSe: number;
      /** The fitted 90th percentile, median · exp(z₀.₉ · sigma), hours. */
      p90: number;
      /** The observed 90th percentile, for comparison (R's quantile type 7). */
      observedP90: number;
    }
  | { dist: 'empirical'; n: number; values: number[]; median: number; p90: number }
  | { dist: 'fixed'; n: number; value: number };

/** Quantile by linear interpolation between order statistics (R's default, type 7). */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  return sorted[low] + (h - low) * ((sorted[Math.min(low + 1, sorted.length - 1)] ?? sorted[low]) - sorted[low]);
}

/**
 * Fits the hours of one request type's tickets (all > 0; zero-hour tickets are left out by
 * the caller). Lognormal by maximum likelihood on the logs when there are at least
 * MIN_LOGNORMAL_OBSERVATIONS: median = exp(mean ln h), sigma = sd of ln h (the n − 1 divisor,
 * the unbiased variance, rather than the MLE's n: it matters only for small n). With fewer,
 * `empirical` resamples the observed hours; no observations, or all alike, give `fixed`. Hours
 * spread so widely that the lognormal's sigma would pass MAX_LOGNORMAL_SIGMA (where a scenario's
 * lognormal stops being meaningful) are resampled as they are too.
 * @param hours hours per ticket, each > 0
 * @example fitEffort([0.5, 0.25, 1, 0.5, 0.75, 2, 0.5, 0.25, 1.5, 0.5]).dist // 'lognormal'
 */
export function fitEffort(hours: readonly number[]): EffortFit {
  const n = hours.length;
  if (n === 0) return { dist: 'fixed', n, value: 0 };
  const sorted = [...hours].sort((a, b) => a - b);
  if (sorted[0] === sorted[n - 1]) return { dist: 'fixed', n, value: sorted[0] };
  if (n < MIN_LOGNORMAL_OBSERVATIONS) return { dist: 'empirical', n, values: [...hours], median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  const logs = hours.map(Math.log);
  const meanLog = logs.reduce((s, v) => s + v, 0) / n;
  const sigma = Math.sqrt(logs.reduce((s, v) => s + (v - meanLog) ** 2, 0) / (n - 1));
  const median = Math.exp(meanLog);
  if (sigma > MAX_LOGNORMAL_SIGMA) return { dist: 'empirical', n, values: [...hours], median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  return {
    dist: 'lognormal',
    n,
    median,
    medianSe: (median * sigma) / Math.sqrt(n),
    sigma,
    sigmaSe: sigma / Math.sqrt(2 * (n - 1)),
    p90: median * Math.exp(Z90 * sigma),
    observedP90: quantile(sorted, 0.9),
  };
}
