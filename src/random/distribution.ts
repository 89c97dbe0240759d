import type { Rng } from './rng.js';

/** The distribution families a scenario may name (INTERFACE.md, "Distributions"). */
export type DistributionKind = 'lognormal' | 'triangular' | 'pert' | 'gamma' | 'uniform' | 'fixed' | 'empirical';

/**
 * An immutable, validated distribution of a non-negative quantity (hours, a factor, a
 * duration). Built by the factory of its family, which checks the parameters once.
 */
export interface Distribution {
  readonly kind: DistributionKind;
  /** E[X], exact. */
  readonly mean: number;
  /** Var[X], exact. */
  readonly variance: number;
  /** The family's natural parameters (lognormal: mu, sigma of ln X; fixed: value; ...). */
  readonly parameters: Readonly<Record<string, number>>;
  /** One draw. */
  sample(rng: Rng): number;
  /** The distribution of factor · X (same family), for what-if and sensitivity runs. */
  scaled(factor: number): Distribution;
  /** P(X ≤ x), exact where the family has a closed form. */
  cdf(x: number): number;
}
