import { fastExp } from './fastExp.js';
import { gammaVariate } from './gammaVariate.js';
import { logFactorial } from './logFactorial.js';
import { RECIPROCAL_COUNT, RECIPROCALS } from './reciprocals.js';
import type { Rng } from './rng.js';
import type { TycheStream } from './tycheStream.js';

/** Below this mean, inversion by sequential search is the fastest exact method. */
const INVERSION_LIMIT = 10;

/**
 * streamPoisson's switch from inversion to PTRS. Inversion costs a step per unit of mean; PTRS about two uniforms
 * and a square root (its logarithms only in the rare final test). Measured on the benchmark
 * machine the two cost the same (±3%) anywhere between 8 and 24; 10 is numpy's choice.
 */
export const STREAM_INVERSION_LIMIT = 10;
/** Most steps of the inversion search; far beyond any count a mean below the limit gives. */
const INVERSION_CAP = RECIPROCAL_COUNT - 1;

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
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng() - 0.5;
    const v = rng();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (ptrsAccepts(mean, a, b, us, v, k)) return k;
  }
}

/**
 * PTRS's final acceptance test (Hörmann 1993, step 3), reached by about one attempt in seven:
 * the logarithms it needs are computed only here, not for every draw.
 */
function ptrsAccepts(mean: number, a: number, b: number, us: number, v: number, k: number): boolean {
  const logInvAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  return Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -mean + k * Math.log(mean) - logFactorial(k);
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

/**
 * Poisson(mean) by inversion given e^−mean, for means the caller knows ahead (a client's fixed
 * term rate) so the exponential is computed once, not per draw. Same search as poisson().
 * @param mean ≥ 0 and below STREAM_INVERSION_LIMIT
 * @param expMinusMean Math.exp(−mean) or fastExp(−mean)
 */
export function streamPoissonInversion(stream: TycheStream, mean: number, expMinusMean: number): number {
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
 * poisson() drawn from a TycheStream: inversion below STREAM_INVERSION_LIMIT (one uniform,
 * with fastExp for e^−mean), PTRS above.
 * @param mean expected count, ≥ 0
 * @example streamPoisson(stream, 18) // 0, 1, 2, ... with mean 18
 */
export function streamPoisson(stream: TycheStream, mean: number): number {
  if (mean >= STREAM_INVERSION_LIMIT) return streamPoissonPtrs(stream, mean);
  if (mean <= 0) return 0;
  return streamPoissonInversion(stream, mean, fastExp(-mean));
}

/** PTRS as in poissonPtrs, drawing from the stream; kept apart so streamPoisson stays small enough to inline. */
function streamPoissonPtrs(stream: TycheStream, mean: number): number {
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
