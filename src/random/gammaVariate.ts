import { fastExp } from './fastExp.js';
import { standardNormal, streamNormal } from './normal.js';
import type { Rng } from './rng.js';
import type { TycheStream } from './tycheStream.js';

/**
 * One Gamma(shape, 1) deviate by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3); for shape < 1 the boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 * Multiply by a scale for Gamma(shape, scale): mean shape·scale, variance shape·scale².
 * @param shape > 0 (trusted: checked where the distribution is built)
 * @example gammaVariate(rng, 4) * 0.25 // mean 1, cv 0.5
 */
export function gammaVariate(rng: Rng, shape: number): number {
  if (shape < 1) {
    // exp(log u / a) rather than Math.pow(u, 1/a): same value, and V8's pow is several times slower.
    const boost = Math.exp(Math.log(1 - rng()) / shape);
    return gammaVariate(rng, shape + 1) * boost;
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Gamma deviate with mean 1 and coefficient of variation `cv` (shape 1/cv², scale cv²):
 * the multiplier MODEL.md uses for client heterogeneity and the common factor. cv 0 gives 1.
 */
export function unitMeanGamma(rng: Rng, cv: number): number {
  if (cv === 0) return 1;
  const shape = 1 / (cv * cv);
  return gammaVariate(rng, shape) / shape;
}

/** One Beta(a, b) deviate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function betaVariate(rng: Rng, a: number, b: number): number {
  const x = gammaVariate(rng, a);
  const y = gammaVariate(rng, b);
  return x / (x + y);
}

/** A Gamma shape's constants for streamGamma, computed once per shape instead of per draw. */
export interface GammaSetup {
  readonly shape: number;
  /** Marsaglia–Tsang's d = a − 1/3 and c = 1/√(9d) for a = max(shape, shape + 1 when < 1). */
  readonly d: number;
  readonly c: number;
  /** 1/shape when shape < 1 (the boost U^(1/shape)), else 0: no boost. */
  readonly boostPower: number;
}

/**
 * The constants of Gamma(shape, 1) for streamGamma.
 * @param shape > 0 (trusted)
 */
export function gammaSetup(shape: number): GammaSetup {
  const a = shape < 1 ? shape + 1 : shape;
  const d = a - 1 / 3;
  return { shape, d, c: 1 / Math.sqrt(9 * d), boostPower: shape < 1 ? 1 / shape : 0 };
}

/** Where streamGamma's deviate passes through, so that it is never returned as a boxed number. */
const deviate = new Float64Array(1);

/**
 * gammaVariate from a TycheStream with the shape's constants precomputed: the same algorithm
 * and the same uniforms as `gammaVariate(stream.rng, shape)`, so the same deviate up to the last
 * bits of the boost's exponential (fastExp).
 * @example streamGamma(stream, gammaSetup(4)) / 4 // mean 1, cv 0.5
 */
export function streamGamma(stream: TycheStream, setup: GammaSetup): number {
  streamGammaInto(stream, setup, deviate, 0);
  return deviate[0];
}

/**
 * streamGamma, written to out[at] (no number returned: see sampleHours.ts on boxing).
 * @param at index into out
 */
export function streamGammaInto(stream: TycheStream, setup: GammaSetup, out: Float64Array, at: number): void {
  let boost = 1;
  if (setup.boostPower !== 0) boost = fastExp(Math.log(1 - stream.nextDouble()) * setup.boostPower);
  const { d, c } = setup;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = streamNormal(stream);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = stream.nextDouble();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
      out[at] = d * v * boost;
      return;
    }
  }
}
