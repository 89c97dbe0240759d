import type { Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import type { Rng } from './rng.js';

/**
 * The continuous uniform distribution on [min, max): mean (min + max)/2, variance (max − min)²/12.
 * @throws DistributionError unless min < max
 */
export function uniform(min: number, max: number): Distribution {
  requireParameter('uniform', 'min', min, () => true, 'must be a finite number');
  requireParameter('uniform', 'max', max, (v) => v > min, `must be > min (${min})`);
  const width = max - min;
  return {
    kind: 'uniform',
    parameters: { min, max },
    mean: (min + max) / 2,
    variance: (width * width) / 12,
    sample: (rng: Rng) => min + width * rng(),
    scaled: (factor: number) => uniform(min * factor, max * factor),
    cdf: (x: number) => Math.min(1, Math.max(0, (x - min) / width)),
  };
}
