import { standardNormal } from './normal.js';
import type { Rng } from './rng.js';

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
