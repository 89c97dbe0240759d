import { gammaVariate } from './gammaVariate.js';
import { logFactorial } from './logFactorial.js';
import type { Rng } from './rng.js';

/** Below this mean, inversion by sequential search is the fastest exact method. */
const INVERSION_LIMIT = 10;

/**
 * One Poisson(mean) count. Inversion (one uniform, sequential search) for mean < 10; for larger
 * means Hörmann's PTRS, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12 (1993), as numpy uses it.
 * @param mean expected count, ≥ 0
 * @example poisson(rng, 1.5) // 0, 1, 2, ... with mean 1.5
 */
export function poisson(rng: Rng, mean: number): number {
  if (mean < INVERSION_LIMIT) {
    if (mean <= 0) return 0;
    const u = rng();
    let term = Math.exp(-mean);
    let cumulative = term;
    let k = 0;
    // The cap only guards against rounding leaving `cumulative` a hair below u near 1.
    while (u > cumulative && k < 200) {
      k++;
      term *= mean / k;
      cumulative += term;
    }
    return k;
  }
  return poissonPtrs(rng, mean);
}

function poissonPtrs(rng: Rng, mean: number): number {
  const sqrtMean = Math.sqrt(mean);
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * sqrtMean;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) {
      return k;
    }
  }
}

/**
 * One negative binomial count with the given mean and dispersion k: variance mean + mean²/k.
 * Drawn as a Gamma–Poisson mixture, Poisson(mean · G) with G ~ Gamma(k, 1/k).
 * @param dispersion k > 0; small k means bursty months
 */
export function negativeBinomial(rng: Rng, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(rng, (mean * gammaVariate(rng, dispersion)) / dispersion);
}
