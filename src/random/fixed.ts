import { defineDistribution, type Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import { fixedSampler } from './streamSampler.js';

/**
 * A fixed value (a bare number in a scenario): every draw is `value`, variance 0. Draws no
 * random numbers, which lets the engine count requests instead of sampling each one.
 */
export function fixed(value: number): Distribution {
  requireParameter('fixed', 'value', value, () => true, 'must be a finite number');
  return defineDistribution(
    {
      kind: 'fixed',
      parameters: { value },
      mean: value,
      variance: 0,
      scaled: (factor: number) => fixed(value * factor),
      cdf: (x: number) => (x >= value ? 1 : 0),
    },
    () => fixedSampler(value),
  );
}
