import { defineDistribution, type Distribution } from './distribution.js';
import { requireParameter } from './distributionError.js';
import { regularizedBeta } from './regularizedBeta.js';
import { pertSampler } from './streamSampler.js';

/**
 * The (beta-)PERT distribution from a three-point estimate: min + (max − min)·Beta(α, β) with
 * α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min).
 * Mean (min + 4·mode + max)/6, variance (mean − min)(max − mean)/7. Drawn by exact rejection from
 * its density's table (pertSampler).
 * @throws DistributionError unless min ≤ mode ≤ max and min < max
 * @example pert(0.5, 1, 4).mean // 1.4166…
 */
export function pert(min: number, mode: number, max: number): Distribution {
  const name = 'pert';
  requireParameter(name, 'min', min, () => true, 'must be a finite number');
  requireParameter(name, 'max', max, (v) => v > min, `must be > min (${min})`);
  requireParameter(name, 'mode', mode, (v) => v >= min && v <= max, `must be between min (${min}) and max (${max})`);
  const width = max - min;
  const alpha = 1 + (4 * (mode - min)) / width;
  const beta = 1 + (4 * (max - mode)) / width;
  const mean = (min + 4 * mode + max) / 6;
  return defineDistribution(
    {
      kind: 'pert',
      parameters: { min, mode, max, alpha, beta },
      mean,
      variance: ((mean - min) * (max - mean)) / 7,
      scaled: (factor: number) => pert(min * factor, mode * factor, max * factor),
      cdf: (x: number) => (x <= min ? 0 : x >= max ? 1 : regularizedBeta((x - min) / width, alpha, beta)),
    },
    () => pertSampler(alpha, beta, min, max),
  );
}
