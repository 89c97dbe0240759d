import { defineDistribution, type Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import { triangularSampler } from './streamSampler.js';

/**
 * The triangular distribution on [min, max] with peak at mode, drawn by inverting its CDF.
 * Mean (min + mode + max)/3, variance (a² + b² + c² − ab − ac − bc)/18.
 * @throws DistributionError unless min ≤ mode ≤ max and min < max
 * @example triangular(1.5, 2.5, 5).mean // 3
 */
export function triangular(min: number, mode: number, max: number): Distribution {
  const name = 'triangular';
  requireParameter(name, 'min', min, () => true, 'must be a finite number');
  requireParameter(name, 'max', max, (v) => v > min, `must be > min (${min})`);
  requireParameter(name, 'mode', mode, (v) => v >= min && v <= max, `must be between min (${min}) and max (${max})`);
  const width = max - min;
  return defineDistribution(
    {
      kind: 'triangular',
      parameters: { min, mode, max },
      mean: (min + mode + max) / 3,
      variance: (min * min + mode * mode + max * max - min * mode - min * max - mode * max) / 18,
      scaled: (factor: number) => triangular(min * factor, mode * factor, max * factor),
      cdf: (x: number) => {
        if (x <= min) return 0;
        if (x >= max) return 1;
        if (x <= mode) return ((x - min) * (x - min)) / (width * (mode - min));
        return 1 - ((max - x) * (max - x)) / (width * (max - mode));
      },
    },
    () => triangularSampler(min, mode, max),
  );
}
