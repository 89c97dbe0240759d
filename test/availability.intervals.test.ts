import { describe, expect, it } from 'vitest';
import {
  combineDownSets,
  createDownSets,
  ensureCapacity,
  measureDownSet,
  mergeSortedIntervals,
  unionOfIntervals,
  type DownSets,
} from '../src/engine/uptime/intervals.js';

/** Writes the given sets (each sorted and disjoint) into a store, as simulateMonth does for components. */
function storeOf(sets: [number, number][][], extra = 1): DownSets {
  const store = createDownSets(sets.length + extra, 2);
  sets.forEach((intervals, id) => {
    ensureCapacity(store, store.top + intervals.length);
    store.offset[id] = store.top;
    store.count[id] = intervals.length;
    for (const [start, end] of intervals) {
      store.starts[store.top] = start;
      store.ends[store.top] = end;
      store.top++;
    }
  });
  return store;
}

function read(store: DownSets, id: number): [number, number][] {
  const first = store.offset[id];
  return Array.from({ length: store.count[id] }, (_, i): [number, number] => [store.starts[first + i], store.ends[first + i]]);
}

/** The set of times at least `threshold` of `sets` are down, written as set `sets.length`. */
function combined(sets: [number, number][][], threshold: number): [number, number][] {
  const store = storeOf(sets);
  const members = Int32Array.from(sets.keys());
  combineDownSets(store, sets.length, members, 0, sets.length, threshold, new Int32Array(sets.length));
  return read(store, sets.length);
}

describe("merging one component's outages", () => {
  it('counts overlapping outages once: 1–3, 2–5, 4–6, 7–8 is down 6 h, not 8 h', () => {
    const union = unionOfIntervals([
      [1, 3],
      [2, 5],
      [7, 8],
      [4, 6],
    ]);
    expect(union).toEqual([
      [1, 6],
      [7, 8],
    ]);
    const store = storeOf([union]);
    const measured = { total: 0, longest: 0 };
    measureDownSet(store, 0, measured);
    expect(measured).toEqual({ total: 6, longest: 5 });
  });
  it('swallows an outage inside another, and joins touching ones', () => {
    expect(
      unionOfIntervals([
        [0, 10],
        [2, 3],
      ]),
    ).toEqual([[0, 10]]);
    expect(
      unionOfIntervals([
        [1, 2],
        [2, 3],
      ]),
    ).toEqual([[1, 3]]);
    expect(unionOfIntervals([])).toEqual([]);
  });
  it('merges in place at an offset and reports the new count', () => {
    const starts = Float64Array.of(99, 1, 2, 7, 99);
    const ends = Float64Array.of(99, 3, 5, 8, 99);
    expect(mergeSortedIntervals(starts, ends, 1, 3)).toBe(2);
    expect([...starts.subarray(1, 3)]).toEqual([1, 7]);
    expect([...ends.subarray(1, 3)]).toEqual([5, 8]);
  });
});

describe('combining members', () => {
  const a: [number, number][] = [
    [1, 4],
    [10, 12],
  ];
  const b: [number, number][] = [
    [3, 6],
    [11, 15],
    [20, 21],
  ];
  const c: [number, number][] = [
    [2, 3.5],
    [14, 16],
  ];
  it('series: union across members, overlaps once (1–6, 10–15, 20–21)', () => {
    expect(combined([a, b], 1)).toEqual([
      [1, 6],
      [10, 15],
      [20, 21],
    ]);
  });
  it('parallel: only while all are down (3–4, 11–12)', () => {
    expect(combined([a, b], 2)).toEqual([
      [3, 4],
      [11, 12],
    ]);
  });
  it('2 of 3 up: down while at least 2 are down (2–4, 11–12, 14–15)', () => {
    // a∩c = 2–3.5, a∩b = 3–4, b∩c = 3–3.5; a∩b = 11–12; b∩c = 14–15.
    expect(combined([a, b, c], 2)).toEqual([
      [2, 4],
      [11, 12],
      [14, 15],
    ]);
  });
  it('all three down: only 3–3.5', () => {
    expect(combined([a, b, c], 3)).toEqual([[3, 3.5]]);
  });
  it('a series chain joins outages that touch across members', () => {
    expect(combined([[[1, 2]], [[2, 3]]], 1)).toEqual([[1, 3]]);
  });
  it('a parallel group where one member recovers as the other fails is never down', () => {
    expect(combined([[[1, 2]], [[2, 3]]], 2)).toEqual([]);
  });
  it('an empty member leaves a series chain as the other, a parallel group up', () => {
    expect(combined([a, []], 1)).toEqual(a);
    expect(combined([a, []], 2)).toEqual([]);
  });
  it('grows the store when the result needs room', () => {
    const many: [number, number][] = Array.from({ length: 300 }, (_, i): [number, number] => [2 * i, 2 * i + 1]);
    expect(combined([many, [[1000, 1001]]], 1)).toHaveLength(301);
  });
});
