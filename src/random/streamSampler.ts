import type { Distribution } from './distribution.js';
import { fastExp } from './fastExp.js';
import { empiricalValues } from './empirical.js';
import { gammaSetup, streamGammaInto, type GammaSetup } from './gammaVariate.js';
import { streamNormal } from './normal.js';
import { betaStripTable, gammaStripTable, streamStripInto, type StripTable } from './stripSampler.js';
import type { TycheStream } from './tycheStream.js';

/** How a StreamSampler draws; the engine's loops switch on it instead of calling through a closure. */
export const SamplerKind = { Fixed: 0, Lognormal: 1, Triangular: 2, Uniform: 3, Gamma: 4, Strip: 5, Empirical: 6, Other: 7 } as const;
export type SamplerKind = (typeof SamplerKind)[keyof typeof SamplerKind];

/**
 * A distribution flattened into numbers for the hot loop: one object shape for every family, so
 * the loop stays monomorphic. Each family draws from the same law as its Distribution.sample.
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
  /** The distribution itself for families without a fast path (drawn through sample()); else null. */
  readonly distribution: Distribution | null;
}

/**
 * Flattens a validated distribution for streamSample.
 * @example streamSample(stream, streamSampler(triangular(1.5, 2.5, 5)))
 */
export function streamSampler(distribution: Distribution): StreamSampler {
  const q = distribution.parameters;
  // One literal with every field in the same order: every sampler shares one hidden class.
  const make = (
    kind: SamplerKind,
    p0 = 0,
    p1 = 0,
    p2 = 0,
    p3 = 0,
    p4 = 0,
    gamma: GammaSetup | null = null,
    strip: StripTable | null = null,
    table: Float64Array | null = null,
  ): StreamSampler => ({
    kind,
    p0,
    p1,
    p2,
    p3,
    p4,
    gamma,
    strip,
    table,
    distribution: kind === SamplerKind.Other ? distribution : null,
  });
  switch (distribution.kind) {
    case 'fixed':
      return make(SamplerKind.Fixed, q.value);
    case 'lognormal':
      return make(SamplerKind.Lognormal, Math.exp(q.mu), q.sigma);
    case 'triangular': {
      const width = q.max - q.min;
      return make(SamplerKind.Triangular, q.min, (q.mode - q.min) / width, width * (q.mode - q.min), q.max, width * (q.max - q.mode));
    }
    case 'uniform':
      return make(SamplerKind.Uniform, q.min, q.max - q.min);
    case 'gamma':
      // Below shape 1 the density is unbounded at 0 and has no table: Marsaglia–Tsang's boost.
      if (q.shape < 1) return make(SamplerKind.Gamma, q.scale, 0, 0, 0, 0, gammaSetup(q.shape));
      return make(SamplerKind.Strip, 0, 0, 0, 0, 0, null, gammaStripTable(q.shape, q.scale));
    case 'pert':
      return make(SamplerKind.Strip, 0, 0, 0, 0, 0, null, betaStripTable(q.alpha, q.beta, q.min, q.max - q.min));
    case 'empirical': {
      const values = empiricalValues(distribution);
      return values ? make(SamplerKind.Empirical, values.length, 0, 0, 0, 0, null, null, values) : make(SamplerKind.Other);
    }
    default:
      return make(SamplerKind.Other);
  }
}

/** Where streamSample's draw passes through (see streamSampleInto). */
const draw = new Float64Array(1);

/**
 * One draw of a flattened distribution from a TycheStream, with the law of its
 * Distribution.sample: most families by the same algorithm (lognormal: e^(μ+σZ) written as
 * median·e^(σZ); triangular: inverse CDF; empirical: a uniform index), a Gamma with shape ≥ 1 and
 * a PERT by exact rejection from their density's table (stripSampler.ts) instead of Gammas.
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
  switch (s.kind) {
    case SamplerKind.Fixed:
      out[at] = s.p0;
      return;
    case SamplerKind.Lognormal:
      out[at] = s.p0 * fastExp(s.p1 * streamNormal(stream));
      return;
    case SamplerKind.Triangular: {
      const u = stream.nextDouble();
      out[at] = u < s.p1 ? s.p0 + Math.sqrt(u * s.p2) : s.p3 - Math.sqrt((1 - u) * s.p4);
      return;
    }
    case SamplerKind.Uniform:
      out[at] = s.p0 + s.p1 * stream.nextDouble();
      return;
    case SamplerKind.Gamma:
      streamGammaInto(stream, s.gamma!, out, at);
      out[at] *= s.p0;
      return;
    case SamplerKind.Strip:
      streamStripInto(stream, s.strip!, out, at);
      return;
    case SamplerKind.Empirical:
      out[at] = s.table![Math.floor(stream.nextDouble() * s.p0)];
      return;
    default:
      out[at] = s.distribution!.sample(stream.rng);
  }
}
