import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { histogram } from '../src/analysis/histogram.js';
import { breakevenFee, breakevenFees } from '../src/analysis/breakeven.js';
import { ratio } from '../src/analysis/moments.js';
import {
  intervalRanks,
  orderStatistics,
  quantileInterval,
  quantileRank,
  quantileSorted,
  selectRanks,
  sortedCopy,
  sortUpper,
} from '../src/analysis/quantile.js';

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

  it("selectRanks gives the same values and keeps the column's values, rearranged", () => {
    const values = column(30_000, 'f');
    const sorted = sortedCopy(values);
    const ranks = [quantileRank(values.length, 0.9), 1, 30_000];
    expect(selectRanks(values, ranks)).toEqual(ranks.map((k) => sorted[k - 1]));
    expect(sortedCopy(values)).toEqual(sorted);
  });

  it('break-even fees are quantileSorted and quantileInterval of the sorted per-trial fees', () => {
    const netCost = column(20_000, 'g').map((v) => v + 20_000);
    const feeWeight = column(20_000, 'h').map((v) => 600 + v / 100);
    const sorted = ratio(netCost, feeWeight).sort();
    for (const alpha of [0.5, 0.9, 0.95, 0.999]) {
      expect(breakevenFee(netCost, feeWeight, alpha)).toEqual({
        confidence: alpha,
        fee: quantileSorted(sorted, alpha),
        interval: quantileInterval(sorted, alpha),
      });
    }
    expect(breakevenFees(netCost, feeWeight, [0.99, 0.9]).map((f) => f.fee)).toEqual([quantileSorted(sorted, 0.99), quantileSorted(sorted, 0.9)]);
  });
});

describe('sortUpper', () => {
  it.each([1, 2, 9_000, 9_500, 10_000])('from rank %i: the tail equals a sorted copy, the rest holds the smaller values', (from) => {
    const values = column(10_000, `d${from}`);
    const sorted = sortedCopy(values);
    const partial = sortUpper(values, from);
    expect(partial).toBe(values);
    expect(partial.subarray(from - 1)).toEqual(sorted.subarray(from - 1));
    expect(Float64Array.from(partial.subarray(0, from - 1)).sort()).toEqual(sorted.subarray(0, from - 1));
  });

  it('with NaN: sorted whole (NaN last)', () => {
    expect(sortUpper(Float64Array.of(2, NaN, 1), 2)).toEqual(Float64Array.of(1, 2, NaN));
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
