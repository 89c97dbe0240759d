import type { Distribution } from './distribution.js';
import { fastExp } from './fastExp.js';
import { gammaSetup, streamGamma, type GammaSetup } from './gammaVariate.js';
import { streamNormal } from './normal.js';
import type { TycheStream } from './tycheStream.js';

/** How a StreamSampler draws; the engine's loops switch on it instead of calling through a closure. */
export const SamplerKind = { Fixed: 0, Lognormal: 1, Triangular: 2, Uniform: 3, Gamma: 4, Pert: 5, Other: 6 } as const;
export type SamplerKind = (typeof SamplerKind)[keyof typeof SamplerKind];

/**
 * A distribution flattened into numbers for the hot loop: one object shape for every family, so
 * the loop stays monomorphic. Each family draws from the same law as its Distribution.sample.
 */
export interface StreamSampler {
  readonly kind: SamplerKind;
  /** Fixed: value. Lognormal: median e^μ. Triangular, uniform, PERT: min. Gamma: scale. */
  readonly p0: number;
  /** Lognormal: σ. Triangular: (mode − min)/(max − min). Uniform, PERT: max − min. */
  readonly p1: number;
  /** Triangular: (max − min)(mode − min). */
  readonly p2: number;
  /** Triangular: max. */
  readonly p3: number;
  /** Triangular: (max − min)(max − mode). */
  readonly p4: number;
  /** Gamma: the shape's constants; PERT: those of α. */
  readonly gammaA: GammaSetup | null;
  /** PERT: the constants of β. */
  readonly gammaB: GammaSetup | null;
  /** The distribution itself, drawn through for families without a fast path (empirical). */
  readonly distribution: Distribution;
}

/**
 * Flattens a validated distribution for streamSample.
 * @example streamSample(stream, streamSampler(triangular(1.5, 2.5, 5)))
 */
export function streamSampler(distribution: Distribution): StreamSampler {
  const q = distribution.parameters;
  // One literal with every field in the same order: every sampler shares one hidden class.
  const make = (kind: SamplerKind, p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, gammaA: GammaSetup | null = null, gammaB: GammaSetup | null = null): StreamSampler => ({
    kind,
    p0,
    p1,
    p2,
    p3,
    p4,
    gammaA,
    gammaB,
    distribution,
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
      return make(SamplerKind.Gamma, q.scale, 0, 0, 0, 0, gammaSetup(q.shape));
    case 'pert':
      return make(SamplerKind.Pert, q.min, q.max - q.min, 0, 0, 0, gammaSetup(q.alpha), gammaSetup(q.beta));
    default:
      return make(SamplerKind.Other);
  }
}

/**
 * One draw of a flattened distribution from a TycheStream. Each family uses the algorithm of
 * its Distribution.sample (lognormal: e^(μ+σZ) written as median·e^(σZ); triangular: inverse
 * CDF; PERT: a Beta from two Gammas), so the law is the same. The common families are drawn
 * here, small enough for V8 to inline into the engine's loops; the others in one call.
 */
export function streamSample(stream: TycheStream, s: StreamSampler): number {
  const kind = s.kind;
  if (kind === SamplerKind.Lognormal) return s.p0 * fastExp(s.p1 * streamNormal(stream));
  if (kind === SamplerKind.Triangular) {
    const u = stream.nextDouble();
    return u < s.p1 ? s.p0 + Math.sqrt(u * s.p2) : s.p3 - Math.sqrt((1 - u) * s.p4);
  }
  if (kind === SamplerKind.Fixed) return s.p0;
  return sampleOther(stream, s);
}

function sampleOther(stream: TycheStream, s: StreamSampler): number {
  switch (s.kind) {
    case SamplerKind.Uniform:
      return s.p0 + s.p1 * stream.nextDouble();
    case SamplerKind.Gamma:
      return streamGamma(stream, s.gammaA!) * s.p0;
    case SamplerKind.Pert: {
      const x = streamGamma(stream, s.gammaA!);
      const y = streamGamma(stream, s.gammaB!);
      return s.p0 + s.p1 * (x / (x + y));
    }
    default:
      return s.distribution.sample(stream.rng);
  }
}
