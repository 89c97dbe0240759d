import { fastExp } from './fastExp.js';
import { standardNormal } from './normal.js';
import type { TycheStream } from './tycheStream.js';

/*
 * Gamma(shape, 1) deviates by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3); for shape < 1 the boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 * Multiply by a scale for Gamma(shape, scale): mean shape·scale, variance shape·scale².
 */

/** A Gamma shape's constants for gammaVariate, computed once per shape instead of per draw. */
export interface GammaSetup {
  readonly shape: number;
  /** Marsaglia–Tsang's d = a − 1/3 and c = 1/√(9d) for a = max(shape, shape + 1 when < 1). */
  readonly d: number;
  readonly c: number;
  /** 1/shape when shape < 1 (the boost U^(1/shape)), else 0: no boost. */
  readonly boostPower: number;
}

/**
 * The constants of Gamma(shape, 1) for gammaVariate.
 * @param shape > 0 (trusted: checked where the distribution is built)
 */
export function gammaSetup(shape: number): GammaSetup {
  const a = shape < 1 ? shape + 1 : shape;
  const d = a - 1 / 3;
  return { shape, d, c: 1 / Math.sqrt(9 * d), boostPower: shape < 1 ? 1 / shape : 0 };
}

/** Where gammaVariate's deviate passes through, so that it is never returned as a boxed number. */
const deviate = new Float64Array(1);

/**
 * One Gamma(shape, 1) deviate, the shape's constants precomputed.
 * @example gammaVariate(stream, gammaSetup(4)) / 4 // mean 1, cv 0.5
 */
export function gammaVariate(stream: TycheStream, setup: GammaSetup): number {
  gammaVariateInto(stream, setup, deviate, 0);
  return deviate[0];
}

/**
 * gammaVariate, written to out[at] (no number returned: see engine/sampleHours.ts on boxing).
 * The boost's uniform is drawn first, then Marsaglia–Tsang's normals and uniforms.
 * @param at index into out
 */
export function gammaVariateInto(stream: TycheStream, setup: GammaSetup, out: Float64Array, at: number): void {
  let boost = 1;
  if (setup.boostPower !== 0) boost = fastExp(Math.log(1 - stream.nextDouble()) * setup.boostPower);
  const { d, c } = setup;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(stream);
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

/**
 * One Beta(a, b) deviate as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b), X drawn first.
 * @param a,b shapes > 0
 * @example betaVariate(stream, 2, 5) // mean 2/7
 */
export function betaVariate(stream: TycheStream, a: number, b: number): number {
  const x = gammaVariate(stream, gammaSetup(a));
  const y = gammaVariate(stream, gammaSetup(b));
  return x / (x + y);
}
