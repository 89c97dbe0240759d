import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { histogram } from '../src/analysis/histogram.js';
import { intervalRanks, orderStatistics, quantileInterval, quantileRank, quantileSorted, quantileWithInterval, sortedCopy, upperSorted } from '../src/analysis/quantile.js';

/*
 * Selection in place of sorting (src/analysis/quantile.ts): every rank read must be the value a
 * sorted copy holds there, bit for bit, with ties, duplicates, NaN and tiny columns.
 */

function column(n: number, seed: string, ties = false): Float64Array {
  const rng = seedrandom(seed);
  return Float64Array.from({ length: n }, () => (ties ? Math.floor(rng() * 7) - 3 : (rng() - 0.3) * 1e4));
}

describe('orderStatistics', () => {
  it.each([
    ['continuous', column(100_001, 'a')],
    ['many ties', column(50_000, 'b', true)],
    ['one value', Float64Array.of(4.5)],
    ['two values', Float64Array.of(2, -1)],
  ])('%s: every asked rank as in a sorted copy, the column untouched', (_name, values) => {
    const before = Float64Array.from(values);
    const n = values.length;
    const sorted = sortedCopy(values);
    const ranks = [n, 1, quantileRank(n, 0.95), quantileRank(n, 0.5), ...intervalRanks(n, 0.99), quantileRank(n, 0.95)];
    expect(orderStatistics(values, ranks)).toEqual(ranks.map((k) => sorted[k - 1]));
    expect(values).toEqual(before);
  });

  it('with NaN: as a sorted copy (NaN last)', () => {
    const values = Float64Array.of(3, NaN, 1, 2);
    expect(orderStatistics(values, [1, 3, 4])).toEqual([1, 3, NaN]);
  });

  it('quantileWithInterval is quantileSorted and quantileInterval of a sorted copy', () => {
    const values = column(20_000, 'c');
    const sorted = sortedCopy(values);
    for (const alpha of [0.5, 0.9, 0.95, 0.999]) {
      expect(quantileWithInterval(values, alpha)).toEqual({ value: quantileSorted(sorted, alpha), interval: quantileInterval(sorted, alpha) });
    }
  });
});

describe('upperSorted', () => {
  it.each([1, 2, 9_000, 9_500, 10_000])('from rank %i: the tail equals a sorted copy, the rest holds the smaller values', (from) => {
    const values = column(10_000, `d${from}`);
    const sorted = sortedCopy(values);
    const partial = upperSorted(values, from);
    expect(partial.subarray(from - 1)).toEqual(sorted.subarray(from - 1));
    expect(Float64Array.from(partial.subarray(0, from - 1)).sort()).toEqual(sorted.subarray(0, from - 1));
  });
});

describe('histogram', () => {
  it('counts the same whatever the order of the values', () => {
    const values = column(30_000, 'e');
    const shuffled = histogram(values);
    expect(shuffled).toEqual(histogram(sortedCopy(values)));
    expect(shuffled.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
  });
});
