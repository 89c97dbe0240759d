import { createRng } from '../../src/random/rng.js';
import type { TycheStream } from '../../src/random/tycheStream.js';

/** Draws n values from a sampler with a fixed seed. */
export function draw(n: number, sample: (rng: TycheStream) => number, seed = 'test'): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(rng);
  return out;
}

/** Sample mean, variance and their Monte Carlo standard errors (the variance's from the 4th moment). */
export function sampleMoments(values: Float64Array): { mean: number; variance: number; meanSe: number; varianceSe: number } {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (const v of values) {
    const d = (v - mean) ** 2;
    m2 += d;
    m4 += d * d;
  }
  const variance = m2 / (n - 1);
  m4 /= n;
  return { mean, variance, meanSe: Math.sqrt(variance / n), varianceSe: Math.sqrt(Math.max(m4 - variance * variance, 0) / n) };
}

/** Kolmogorov–Smirnov distance between the sample and an exact CDF. */
export function ksDistance(values: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, f - i / n, (i + 1) / n - f);
  }
  return d;
}

/** KS critical value at level 0.001 for n samples: 1.949/√n (asymptotic Kolmogorov distribution). */
export function ksCritical(n: number): number {
  return 1.949 / Math.sqrt(n);
}

/** Expectation of a check: |observed − expected| ≤ 4 standard errors. */
export function within4Se(observed: number, expected: number, se: number): boolean {
  return Math.abs(observed - expected) <= 4 * se;
}
