import { chiSquaredUpperTail } from './chiSquared.js';

/** The level below which the between-client variance counts as real: 5%. */
export const CREDIBILITY_TEST_LEVEL = 0.05;

/** One entity's observations (a client's monthly request counts): ratios X_ij with weights w_ij > 0. */
export interface CredibilityGroup {
  name: string;
  ratios: readonly number[];
  weights: readonly number[];
}

/** One entity's credibility figures. */
export interface CredibilityEntity {
  name: string;
  /** Observations n_i (months). */
  months: number;
  /** Total weight w_i = Σ_j w_ij. */
  weight: number;
  /** Weighted mean X̄_i. */
  mean: number;
  /** Z_i = w_i / (w_i + σ²/τ²); 0 when τ² = 0. */
  factor: number;
  /** Z_i·X̄_i + (1 − Z_i)·X̄_z. */
  estimate: number;
}

/** The Bühlmann–Straub fit of a set of entities (MODEL.md, "Credibility"). */
export interface CredibilityFit {
  /** σ² = Σ_i Σ_j w_ij (X_ij − X̄_i)² / Σ_i (n_i − 1); NaN when no entity has two observations. */
  withinVariance: number;
  /** τ², truncated at 0 (0 too when it cannot be estimated: one entity, or no σ²). */
  betweenVariance: number;
  /** X̄_w = Σ_i w_i X̄_i / w. */
  weightedMean: number;
  /** X̄_z = Σ_i Z_i X̄_i / Σ_i Z_i, or X̄_w when every Z_i is 0. */
  collectiveMean: number;
  /** Q = Σ_i w_i (X̄_i − X̄_w)² / σ², about χ²(I − 1) when the entities do not differ. */
  statistic: number;
  degreesOfFreedom: number;
  /** P(χ² ≥ Q); 1 when there is nothing to test. */
  pValue: number;
  /** τ² > 0 and pValue < CREDIBILITY_TEST_LEVEL: the entities differ by more than chance. */
  significant: boolean;
  entities: CredibilityEntity[];
}

/**
 * The Bühlmann–Straub credibility estimators of the one-level model, as R actuar's
 * `cm(~entity, data, ratios, weights)` computes them (its Bühlmann–Gisler and Ohlsson methods
 * coincide with one level): within variance σ², between variance τ² (unbiased, truncated at 0),
 * factors Z_i, the credibility-weighted collective mean X̄_z and each entity's estimate.
 * Besides, a test of τ² = 0: under it Σ_i w_i (X̄_i − X̄_w)²/σ² is about χ²(I − 1) (exact
 * for normal ratios, the index-of-dispersion test for Poisson counts), so a τ² that chance alone
 * would give is not used.
 * @param groups entities with at least one observation each, weights > 0
 * @example buhlmannStraub([{ name: 'a', ratios: [1, 3], weights: [1, 1] }, { name: 'b', ratios: [5, 7], weights: [1, 1] }]).betweenVariance // 7
 */
export function buhlmannStraub(groups: readonly CredibilityGroup[]): CredibilityFit {
  let squares = 0;
  let degreesWithin = 0;
  const totals = groups.map((g) => {
    let weight = 0;
    let weighted = 0;
    for (let j = 0; j < g.ratios.length; j++) {
      weight += g.weights[j];
      weighted += g.weights[j] * g.ratios[j];
    }
    const mean = weight > 0 ? weighted / weight : 0;
    for (let j = 0; j < g.ratios.length; j++) squares += g.weights[j] * (g.ratios[j] - mean) ** 2;
    degreesWithin += g.ratios.length - 1;
    return { weight, mean };
  });
  const withinVariance = degreesWithin > 0 ? squares / degreesWithin : Number.NaN;
  const w = totals.reduce((s, t) => s + t.weight, 0);
  const weightedMean = w > 0 ? totals.reduce((s, t) => s + t.weight * t.mean, 0) / w : 0;
  const between = totals.reduce((s, t) => s + t.weight * (t.mean - weightedMean) ** 2, 0);
  const entitiesCount = groups.length;
  const denominator = w - totals.reduce((s, t) => s + t.weight * t.weight, 0) / (w > 0 ? w : 1);
  const estimable = entitiesCount > 1 && Number.isFinite(withinVariance) && denominator > 0;
  const betweenVariance = estimable ? Math.max(0, (between - (entitiesCount - 1) * withinVariance) / denominator) : 0;
  const factors = totals.map((t) => {
    if (betweenVariance <= 0) return 0;
    // σ² = 0 with τ² > 0: every entity's months agree exactly, so its own mean is all there is.
    return withinVariance === 0 ? 1 : t.weight / (t.weight + withinVariance / betweenVariance);
  });
  const factorSum = factors.reduce((s, z) => s + z, 0);
  const collectiveMean = factorSum > 0 ? totals.reduce((s, t, i) => s + factors[i] * t.mean, 0) / factorSum : weightedMean;
  const degreesOfFreedom = Math.max(0, entitiesCount - 1);
  let statistic = 0;
  let pValue = 1;
  if (estimable && degreesOfFreedom > 0) {
    if (withinVariance > 0) {
      statistic = between / withinVariance;
      pValue = chiSquaredUpperTail(statistic, degreesOfFreedom);
    } else if (between > 0) {
      statistic = Number.POSITIVE_INFINITY;
      pValue = 0;
    }
  }
  return {
    withinVariance,
    betweenVariance,
    weightedMean,
    collectiveMean,
    statistic,
    degreesOfFreedom,
    pValue,
    significant: betweenVariance > 0 && pValue < CREDIBILITY_TEST_LEVEL,
    entities: groups.map((g, i) => ({
      name: g.name,
      months: g.ratios.length,
      weight: totals[i].weight,
      mean: totals[i].mean,
      factor: factors[i],
      estimate: factors[i] * totals[i].mean + (1 - factors[i]) * collectiveMean,
    })),
  };
}
