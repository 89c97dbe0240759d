import { errorFunction } from 'simple-statistics';
import { regularizedGamma } from '../../random/regularizedGamma.js';

/**
 * Above this many degrees of freedom the Wilson–Hilferty approximation is used: the series of
 * regularizedGamma needs ~9√(df/2) terms and stops at 1000, and the approximation's error in
 * the tail probability is below 1e-4 there.
 */
const EXACT_DF_LIMIT = 2000;

/**
 * P(X ≥ statistic) for X ~ χ²(df): the p-value of a chi-square test.
 * Exact as 1 − P(df/2, statistic/2) (regularized lower incomplete gamma) up to 2000 degrees of
 * freedom; beyond, Wilson–Hilferty: (X/df)^(1/3) is normal with mean 1 − 2/(9df) and variance
 * 2/(9df) (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions 1, 18.5).
 * @param statistic ≥ 0
 * @param df degrees of freedom, > 0
 * @example chiSquaredUpperTail(23.209, 10) // 0.0100 (the 1% point of χ²(10))
 */
export function chiSquaredUpperTail(statistic: number, df: number): number {
  if (statistic <= 0) return 1;
  if (df <= EXACT_DF_LIMIT) return Math.min(1, Math.max(0, 1 - regularizedGamma(df / 2, statistic / 2)));
  const variance = 2 / (9 * df);
  const z = (Math.cbrt(statistic / df) - (1 - variance)) / Math.sqrt(variance);
  return 0.5 * (1 - errorFunction(z / Math.SQRT2));
}
