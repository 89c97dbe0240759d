import { orderStatistics } from './quantile.js';

/** Counts of values in equal-width bins between the 0.5% and 99.5% quantiles; outliers join the end bins. */
export interface Histogram {
  /** bins + 1 ascending edges. */
  edges: number[];
  counts: number[];
}

/**
 * A histogram of a column for the terminal and JSON: equal-width bins over the bulk of the
 * distribution, so one extreme trial does not squash the picture.
 * @param values in any order
 */
export function histogram(values: Float64Array, bins = 16): Histogram {
  const n = values.length;
  const [low, high] = orderStatistics(values, [Math.floor(0.005 * (n - 1)) + 1, Math.ceil(0.995 * (n - 1)) + 1]);
  const width = high > low ? (high - low) / bins : 1;
  const edges = Array.from({ length: bins + 1 }, (_, i) => low + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    const bin = Math.floor((values[i] - low) / width);
    counts[Math.min(bins - 1, Math.max(0, bin))]++;
  }
  return { edges, counts };
}
