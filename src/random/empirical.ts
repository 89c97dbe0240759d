import { defineDistribution, type Distribution } from './distribution.js';
import { DistributionError, requireParameter } from './distributionError.js';
import { empiricalSampler } from './streamSampler.js';

/**
 * The empirical distribution of observed values (timesheet hours), resampled with equal weight:
 * each draw is one of `values` chosen uniformly. Mean and variance are the population moments.
 * @throws DistributionError when values is empty or holds a non-finite number
 * @example empirical([0.25, 0.5, 2]).mean // 0.9166…
 */
export function empirical(values: readonly number[]): Distribution {
  if (values.length === 0) throw new DistributionError('empirical', 'values', 'must hold at least one value', '[]');
  values.forEach((v, i) => {
    requireParameter('empirical', `values[${i}]`, v, () => true, 'must be a finite number');
  });
  const table = Float64Array.from(values);
  const n = table.length;
  const mean = table.reduce((s, v) => s + v, 0) / n;
  const variance = table.reduce((s, v) => s + (v - mean) * (v - mean), 0) / n;
  const sorted = Float64Array.from(table).sort();
  return defineDistribution(
    {
      kind: 'empirical',
      parameters: { size: n },
      mean,
      variance,
      scaled: (factor: number) => empirical(values.map((v) => v * factor)),
      cdf: (x: number) => {
        let count = 0;
        while (count < n && sorted[count] <= x) count++;
        return count / n;
      },
    },
    () => empiricalSampler(table),
  );
}
