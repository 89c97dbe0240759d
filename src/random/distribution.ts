import { streamSample, type StreamSampler } from './streamSampler.js';
import type { TycheStream } from './tycheStream.js';

/** The distribution families a scenario may name (docs/interface.md, "Scenario file"). */
export type DistributionKind = 'lognormal' | 'triangular' | 'pert' | 'gamma' | 'uniform' | 'fixed' | 'empirical';

/**
 * An immutable, validated distribution of a non-negative quantity (hours, a factor, a
 * duration). Built by the factory of its family, which checks the parameters once. Its draws
 * come from its flattened `sampler`, plain data that worker threads receive.
 */
export interface Distribution {
  readonly kind: DistributionKind;
  /** E[X], exact. */
  readonly mean: number;
  /** Var[X], exact. */
  readonly variance: number;
  /** The family's natural parameters (lognormal: mu, sigma of ln X; fixed: value; ...). */
  readonly parameters: Readonly<Record<string, number>>;
  /** The distribution flattened for drawing (built on first use: a strip table takes a moment). */
  readonly sampler: StreamSampler;
  /** One draw: streamSample of `sampler`. */
  sample(stream: TycheStream): number;
  /** The distribution of factor · X (same family), for what-if and sensitivity runs. */
  scaled(factor: number): Distribution;
  /** P(X ≤ x), exact where the family has a closed form. */
  cdf(x: number): number;
}

/** What a family's factory says about a distribution; defineDistribution adds how to draw. */
export type DistributionDescription = Omit<Distribution, 'sampler' | 'sample'>;

/**
 * A distribution from its description and its family's sampler, which is built on the first
 * draw (or first read of `sampler`) and kept: every draw, in the engine or through sample(),
 * goes through the one flattened sampler.
 * @example defineDistribution({ kind: 'fixed', ... }, () => fixedSampler(2))
 */
export function defineDistribution(description: DistributionDescription, flatten: () => StreamSampler): Distribution {
  let flat: StreamSampler | null = null;
  const sampler = () => {
    flat ??= flatten();
    return flat;
  };
  return {
    ...description,
    get sampler() {
      return sampler();
    },
    sample: (stream: TycheStream) => streamSample(stream, sampler()),
  };
}
