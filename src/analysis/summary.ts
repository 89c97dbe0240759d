import { moments } from './moments.js';
import { orderStatistics, quantileRank } from './quantile.js';

/** Mean, sd and quantiles of a per-trial quantity. */
export interface Summary {
  mean: number;
  /** Monte Carlo standard error of the mean. */
  standard_error: number;
  sd: number;
  p05: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Summarises a column: moments and the 5/50/95/99% quantiles (type 1, as the break-even fee). */
export function summarize(values: Float64Array): Summary {
  const { mean, sd, standardError } = moments(values);
  const n = values.length;
  const [p05, p50, p95, p99] = orderStatistics(
    values,
    [0.05, 0.5, 0.95, 0.99].map((alpha) => quantileRank(n, alpha)),
  );
  return { mean, standard_error: standardError, sd, p05, p50, p95, p99 };
}
