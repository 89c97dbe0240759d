import { fastExp } from './fastExp.js';
import { gammaSetup, gammaVariateInto, type GammaSetup } from './gammaVariate.js';
import { standardNormal } from './normal.js';
import { betaStripTable, gammaStripTable, stripSampleInto, type StripTable } from './stripSampler.js';
import type { TycheStream } from './tycheStream.js';

/**
 * How a StreamSampler draws; the engine's loops switch on it instead of calling through a
 * closure. Every family has its kind and streamSampleInto a case for each (a switch the compiler
 * checks is exhaustive), so there is no slow path through a closure for a family to fall into.
 */
export const SamplerKind = { Fixed: 0, Lognormal: 1, Triangular: 2, Uniform: 3, Gamma: 4, Strip: 5, Empirical: 6 } as const;
export type SamplerKind = (typeof SamplerKind)[keyof typeof SamplerKind];

/**
 * A distribution flattened into numbers for drawing: one object shape for every family, so the
 * engine's loops stay monomorphic, and plain data (numbers, typed arrays, a strip table), so it
 * travels to worker threads by structured clone. Distribution.sample draws through it too.
 */
export interface StreamSampler {
  readonly kind: SamplerKind;
  /** Fixed: value. Lognormal: median e^μ. Triangular, uniform: min. Gamma: scale. Empirical: count. */
  readonly p0: number;
  /** Lognormal: σ. Triangular: (mode − min)/(max − min). Uniform: max − min. */
  readonly p1: number;
  /** Triangular: (max − min)(mode − min). */
  readonly p2: number;
  /** Triangular: max. */
  readonly p3: number;
  /** Triangular: (max − min)(max − mode). */
  readonly p4: number;
  /** Gamma with shape < 1: the shape's constants. */
  readonly gamma: GammaSetup | null;
  /** Gamma with shape ≥ 1 and PERT: the density's table (stripSampler.ts). */
  readonly strip: StripTable | null;
  /** Empirical: the values, each drawn with probability 1/length. */
  readonly table: Float64Array | null;
}

/** One literal with every field in the same order: every sampler shares one hidden class. */
function sampler(
  kind: SamplerKind,
  p0 = 0,
  p1 = 0,
  p2 = 0,
  p3 = 0,
  p4 = 0,
  gamma: GammaSetup | null = null,
  strip: StripTable | null = null,
  table: Float64Array | null = null,
): StreamSampler {
  return { kind, p0, p1, p2, p3, p4, gamma, strip, table };
}

/** The sampler of a fixed value: draws nothing. */
export function fixedSampler(value: number): StreamSampler {
  return sampler(SamplerKind.Fixed, value);
}

/** The sampler of e^(μ + σZ), written as median·e^(σZ) with median e^μ. */
export function lognormalSampler(mu: number, sigma: number): StreamSampler {
  return sampler(SamplerKind.Lognormal, Math.exp(mu), sigma);
}

/** The sampler of triangular(min, mode, max): its inverse CDF. @param min < max, min ≤ mode ≤ max */
export function triangularSampler(min: number, mode: number, max: number): StreamSampler {
  const width = max - min;
  return sampler(SamplerKind.Triangular, min, (mode - min) / width, width * (mode - min), max, width * (max - mode));
}

/** The sampler of the uniform distribution on [min, max). */
export function uniformSampler(min: number, max: number): StreamSampler {
  return sampler(SamplerKind.Uniform, min, max - min);
}

/**
 * The sampler of Gamma(shape, scale): exact rejection from its density's table for shape ≥ 1;
 * below, where the density is unbounded at 0 and has no table, Marsaglia–Tsang with the boost.
 */
export function gammaSampler(shape: number, scale: number): StreamSampler {
  if (shape < 1) return sampler(SamplerKind.Gamma, scale, 0, 0, 0, 0, gammaSetup(shape));
  return sampler(SamplerKind.Strip, 0, 0, 0, 0, 0, null, gammaStripTable(shape, scale));
}

/** The sampler of min + (max − min)·Beta(α, β), a PERT: exact rejection from its density's table. */
export function pertSampler(alpha: number, beta: number, min: number, max: number): StreamSampler {
  return sampler(SamplerKind.Strip, 0, 0, 0, 0, 0, null, betaStripTable(alpha, beta, min, max - min));
}

/** The sampler that resamples `values` with equal weight (kept, not copied). */
export function empiricalSampler(values: Float64Array): StreamSampler {
  return sampler(SamplerKind.Empirical, values.length, 0, 0, 0, 0, null, null, values);
}

/**
 * The triangular inverse CDF at u in [0, 1) (SamplerKind.Triangular's numbers). Small, so V8
 * inlines it where the engine draws overrun factors as well as in streamSampleInto.
 */
export function triangularQuantile(s: StreamSampler, u: number): number {
  return u < s.p1 ? s.p0 + Math.sqrt(u * s.p2) : s.p3 - Math.sqrt((1 - u) * s.p4);
}

/** Where streamSample's draw passes through (see streamSampleInto). */
const draw = new Float64Array(1);

/**
 * One draw of a flattened distribution: lognormal as median·e^(σZ) (ziggurat normal, fastExp);
 * triangular by its inverse CDF; uniform and empirical from one uniform; a Gamma with shape ≥ 1
 * and a PERT by exact rejection from their density's table (stripSampler.ts), a Gamma with
 * shape < 1 by Marsaglia–Tsang.
 * @example streamSample(stream, triangular(1.5, 2.5, 5).sampler)
 */
export function streamSample(stream: TycheStream, s: StreamSampler): number {
  streamSampleInto(stream, s, draw, 0);
  return draw[0];
}

/**
 * streamSample written to out[at]: the engine's loops use this form, since V8 would allocate a
 * heap number for each non-integer returned from a call it does not inline.
 */
export function streamSampleInto(stream: TycheStream, s: StreamSampler, out: Float64Array, at: number): void {
  const kind = s.kind;
  switch (kind) {
    case SamplerKind.Fixed:
      out[at] = s.p0;
      return;
    case SamplerKind.Lognormal:
      out[at] = s.p0 * fastExp(s.p1 * standardNormal(stream));
      return;
    case SamplerKind.Triangular:
      out[at] = triangularQuantile(s, stream.nextDouble());
      return;
    case SamplerKind.Uniform:
      out[at] = s.p0 + s.p1 * stream.nextDouble();
      return;
    case SamplerKind.Gamma:
      gammaVariateInto(stream, s.gamma!, out, at);
      out[at] *= s.p0;
      return;
    case SamplerKind.Strip:
      stripSampleInto(stream, s.strip!, out, at);
      return;
    case SamplerKind.Empirical:
      out[at] = s.table![Math.floor(stream.nextDouble() * s.p0)];
      return;
    default: {
      // A kind without a case is a compile error here.
      const missing: never = kind;
      throw new Error(`streamSampleInto: no sampler of kind ${String(missing)}`);
    }
  }
}
