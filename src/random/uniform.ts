import { defineDistribution, type Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import { uniformSampler } from './streamSampler.js';

/**
 * The continuous uniform distribution on [min, max): mean (min + max)/2, variance (max − min)²/12.
 * @throws DistributionError unless min < max
 */
export function uniform(min: number, max: number): Distribution {
  requireParameter('uniform', 'min', min, () => true, 'must be a finite number');
  requireParameter('uniform', 'max', max, (v) => v > min, `must be > min (${min})`);
  const width = max - min;
  return defineDistribution(
    {
      kind: 'uniform',
      parameters: { min, max },
      mean: (min + max) / 2,
      variance: (width * width) / 12,
      scaled: (factor: number) => uniform(min * factor, max * factor),
      cdf: (x: number) => Math.min(1, Math.max(0, (x - min) / width)),
    },
    () => uniformSampler(min, max),
  );
}
