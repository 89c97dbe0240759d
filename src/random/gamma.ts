import { defineDistribution, type Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import { regularizedGamma } from './regularizedGamma.js';
import { gammaSampler } from './streamSampler.js';

/**
 * The Gamma distribution from its mean and standard deviation: shape k = mean²/sd²,
 * scale θ = sd²/mean, drawn (gammaSampler) by exact rejection from its density's table for
 * shape ≥ 1, by Marsaglia–Tsang below.
 * @throws DistributionError unless mean > 0 and sd > 0
 * @example gamma(2, 1).variance // 1
 */
export function gamma(mean: number, sd: number): Distribution {
  requireParameter('gamma', 'mean', mean, (v) => v > 0, 'must be > 0');
  requireParameter('gamma', 'sd', sd, (v) => v > 0, 'must be > 0');
  const shape = (mean * mean) / (sd * sd);
  const scale = (sd * sd) / mean;
  return defineDistribution(
    {
      kind: 'gamma',
      parameters: { shape, scale },
      mean,
      variance: sd * sd,
      scaled: (factor: number) => gamma(mean * factor, sd * factor),
      cdf: (x: number) => regularizedGamma(shape, x / scale),
    },
    () => gammaSampler(shape, scale),
  );
}
