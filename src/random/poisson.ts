import { fastExp } from './fastExp.js';
import { gammaSetup, gammaVariate } from './gammaVariate.js';
import { logFactorial } from './logFactorial.js';
import { RECIPROCAL_COUNT, RECIPROCALS } from './reciprocals.js';
import type { TycheStream } from './tycheStream.js';

/**
 * poisson's switch from inversion to PTRS. Inversion costs a step per unit of mean; PTRS about two uniforms
 * and a square root (its logarithms only in the rare final test). Measured on the benchmark
 * machine the two cost the same (±3%) anywhere between 8 and 24; 10 is numpy's choice.
 */
export const POISSON_INVERSION_LIMIT = 10;
/** Most steps of the inversion search; far beyond any count a mean below the limit gives. */
const INVERSION_CAP = RECIPROCAL_COUNT - 1;

/**
 * Poisson(mean) by inversion (one uniform, sequential search) given e^−mean, for means the caller
 * knows ahead (a client's fixed term rate) so the exponential is computed once, not per draw.
 * @param mean ≥ 0 and below POISSON_INVERSION_LIMIT
 * @param expMinusMean fastExp(−mean), as poisson computes it (Math.exp(−mean) may differ in the last bit)
 */
export function poissonInversion(stream: TycheStream, mean: number, expMinusMean: number): number {
  const u = stream.nextDouble();
  let term = expMinusMean;
  let cumulative = term;
  let k = 0;
  // The cap only guards against rounding leaving `cumulative` a hair below u near 1.
  while (u > cumulative && k < INVERSION_CAP) {
    k++;
    term *= mean * RECIPROCALS[k];
    cumulative += term;
  }
  return k;
}

/**
 * One Poisson(mean) count: inversion below POISSON_INVERSION_LIMIT (one uniform, with fastExp for
 * e^−mean); above, Hörmann's PTRS, "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12 (1993), as numpy uses it.
 * @param mean expected count, ≥ 0
 * @example poisson(stream, 18) // 0, 1, 2, ... with mean 18
 */
export function poisson(stream: TycheStream, mean: number): number {
  if (mean >= POISSON_INVERSION_LIMIT) return poissonPtrs(stream, mean);
  if (mean <= 0) return 0;
  return poissonInversion(stream, mean, fastExp(-mean));
}

/** PTRS; kept apart so poisson stays small enough to inline. */
function poissonPtrs(stream: TycheStream, mean: number): number {
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = stream.nextDouble() - 0.5;
    const v = stream.nextDouble();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (ptrsAccepts(mean, a, b, us, v, k)) return k;
  }
}

/**
 * PTRS's final acceptance test (Hörmann 1993, step 3), reached by about one attempt in seven:
 * the logarithms it needs are computed only here, not for every draw, and its left side
 * ln v + ln(1/α) − ln(a/us² + b) as the logarithm of one quotient (two calls of Math.log, not four).
 */
function ptrsAccepts(mean: number, a: number, b: number, us: number, v: number, k: number): boolean {
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  return Math.log((v * invAlpha) / (a / (us * us) + b)) <= -mean + k * Math.log(mean) - logFactorial(k);
}

/**
 * One negative binomial count with the given mean and dispersion k: variance mean + mean²/k.
 * Drawn as a Gamma–Poisson mixture, Poisson(mean · G) with G ~ Gamma(k, 1/k), G drawn first.
 * @param dispersion k > 0; small k means bursty months
 * @example negativeBinomial(stream, 2, 0.5) // mean 2, variance 10
 */
export function negativeBinomial(stream: TycheStream, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(stream, (mean * gammaVariate(stream, gammaSetup(dispersion))) / dispersion);
}
