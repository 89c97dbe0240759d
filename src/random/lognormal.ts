import { errorFunction } from 'simple-statistics';
import { defineDistribution, type Distribution } from './distribution.js';
import { DistributionError, requireParameter } from './distributionError.js';
import { lognormalSampler } from './streamSampler.js';

/** z such that P(Z ≤ z) = 0.9 for a standard normal (qnorm(0.9) in R). */
export const Z90 = 1.2815515655446004;

/** How a lognormal may be given, as estimators think of it. */
export type LognormalParameters = { median: number; sigma: number } | { median: number; p90: number } | { mean: number; sd: number };

/**
 * A lognormal distribution: X = exp(μ + σZ). From median and σ (μ = ln median), from median
 * and 90th percentile ("most take half an hour, one in ten more than 1.5 h":
 * σ = ln(p90/median)/z₀.₉), or from mean and sd (σ² = ln(1 + sd²/mean²), μ = ln mean − σ²/2).
 * @throws DistributionError when a parameter is out of range
 * @example lognormal({ median: 0.5, p90: 1.5 }).mean // 0.5·exp(σ²/2)
 */
export function lognormal(parameters: LognormalParameters): Distribution {
  const name = 'lognormal';
  let mu: number;
  let sigma: number;
  if ('sigma' in parameters) {
    requireParameter(name, 'median', parameters.median, (v) => v > 0, 'must be > 0');
    requireParameter(name, 'sigma', parameters.sigma, (v) => v >= 0, 'must be ≥ 0');
    mu = Math.log(parameters.median);
    sigma = parameters.sigma;
  } else if ('p90' in parameters) {
    requireParameter(name, 'median', parameters.median, (v) => v > 0, 'must be > 0');
    requireParameter(name, 'p90', parameters.p90, (v) => v >= parameters.median, 'must be ≥ median');
    mu = Math.log(parameters.median);
    sigma = Math.log(parameters.p90 / parameters.median) / Z90;
  } else if ('mean' in parameters) {
    requireParameter(name, 'mean', parameters.mean, (v) => v > 0, 'must be > 0');
    requireParameter(name, 'sd', parameters.sd, (v) => v >= 0, 'must be ≥ 0');
    const cv = parameters.sd / parameters.mean;
    sigma = Math.sqrt(Math.log1p(cv * cv));
    mu = Math.log(parameters.mean) - (sigma * sigma) / 2;
  } else {
    throw new DistributionError(name, 'parameters', 'must be median+sigma, median+p90 or mean+sd', JSON.stringify(parameters));
  }
  return lognormalFromLog(mu, sigma);
}

/** A lognormal from the mean μ and sd σ of ln X, drawn as e^μ·e^(σZ) (lognormalSampler). */
export function lognormalFromLog(mu: number, sigma: number): Distribution {
  const s2 = sigma * sigma;
  const mean = Math.exp(mu + s2 / 2);
  return defineDistribution(
    {
      kind: 'lognormal',
      parameters: { mu, sigma },
      mean,
      variance: Math.expm1(s2) * mean * mean,
      scaled: (factor: number) => lognormalFromLog(mu + Math.log(factor), sigma),
      cdf: (x: number) => {
        if (x <= 0) return 0;
        if (sigma === 0) return x >= Math.exp(mu) ? 1 : 0;
        return 0.5 * (1 + errorFunction((Math.log(x) - mu) / (sigma * Math.SQRT2)));
      },
    },
    () => lognormalSampler(mu, sigma),
  );
}
