/** Mean, standard deviation and the mean's Monte Carlo standard error of a column. */
export interface Moments {
  mean: number;
  sd: number;
  /** sd/√n: the Monte Carlo standard error of the mean. */
  standardError: number;
}

/**
 * Sample mean and (n − 1) standard deviation in one pass (Welford), exact enough for millions
 * of trials without keeping a sorted copy.
 */
export function moments(values: ArrayLike<number>): Moments {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const delta = values[i] - mean;
    mean += delta / (i + 1);
    m2 += delta * (values[i] - mean);
  }
  const n = values.length;
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  return { mean, sd, standardError: n > 0 ? sd / Math.sqrt(n) : 0 };
}

/** Σ values. */
export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** Element-wise ratio a/b, e.g. the per-trial break-even fees D_t / w_t. */
export function ratio(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] / b[i];
  return out;
}
