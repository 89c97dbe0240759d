/*
 * Down times as sets of disjoint intervals, in hours from the month's start. All sets of one
 * month live in two shared typed arrays (a bump allocator reset every month), so simulating a
 * month allocates nothing once the arrays have grown to the largest month seen.
 */

/** The interval store: set `id` is starts/ends[offset[id] .. offset[id] + count[id]). */
export interface DownSets {
  starts: Float64Array;
  ends: Float64Array;
  readonly offset: Int32Array;
  readonly count: Int32Array;
  /** First free slot. */
  top: number;
}

/**
 * An empty store for `setCount` sets with room for `capacity` intervals (it grows on demand).
 * @example createDownSets(4).count.length // 4
 */
export function createDownSets(setCount: number, capacity = 256): DownSets {
  return {
    starts: new Float64Array(capacity),
    ends: new Float64Array(capacity),
    offset: new Int32Array(setCount),
    count: new Int32Array(setCount),
    top: 0,
  };
}

/**
 * Makes room for `needed` intervals in total, keeping the first `top`: doubling, so it happens a
 * few times early in a run and never again once the store fits the busiest month.
 * @example ensureCapacity(sets, sets.top + 1) // before writing one more interval
 */
export function ensureCapacity(sets: DownSets, needed: number): void {
  if (needed <= sets.starts.length) return;
  let capacity = sets.starts.length * 2;
  while (capacity < needed) capacity *= 2;
  const starts = new Float64Array(capacity);
  const ends = new Float64Array(capacity);
  starts.set(sets.starts.subarray(0, sets.top));
  ends.set(sets.ends.subarray(0, sets.top));
  sets.starts = starts;
  sets.ends = ends;
}

/**
 * Merges, in place, `count` intervals sorted by start into disjoint ones: an interval that starts
 * before (or when) the current one ends extends it, so overlapping outages are counted once.
 * @param offset index of the first interval in `starts`/`ends`
 * @returns the number of disjoint intervals now at offset
 * @example starts [1, 2, 7], ends [3, 5, 8] → 2 intervals [1, 5], [7, 8]
 */
export function mergeSortedIntervals(starts: Float64Array, ends: Float64Array, offset: number, count: number): number {
  if (count === 0) return 0;
  let last = offset;
  for (let i = offset + 1; i < offset + count; i++) {
    if (starts[i] <= ends[last]) {
      if (ends[i] > ends[last]) ends[last] = ends[i];
    } else {
      last++;
      starts[last] = starts[i];
      ends[last] = ends[i];
    }
  }
  return last - offset + 1;
}

/**
 * The union of intervals given in any order, as sorted disjoint [start, end] pairs: the
 * allocating convenience form of `mergeSortedIntervals`.
 * @example unionOfIntervals([[1, 3], [2, 5], [7, 8], [4, 6]]) // [[1, 6], [7, 8]]
 */
export function unionOfIntervals(intervals: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const starts = Float64Array.from(sorted, (i) => i[0]);
  const ends = Float64Array.from(sorted, (i) => i[1]);
  const count = mergeSortedIntervals(starts, ends, 0, sorted.length);
  return Array.from({ length: count }, (_, i): [number, number] => [starts[i], ends[i]]);
}

/**
 * Writes as set `out` (at the store's top) the times when at least `threshold` of the member
 * sets are down: a sweep line over the members' start and end events in time order, counting
 * members down. threshold 1 is the union (a series chain), n the intersection (a parallel
 * group), n − k + 1 a k-of-n group. At equal times starts go first, so touching intervals join
 * and nothing of zero length is written.
 * @param out id of the set to write
 * @param members ids of the member sets in `members[from .. to)`
 * @param threshold members down at once that make the group down, 1 ≤ threshold ≤ to − from
 * @param cursor scratch, at least to − from long
 * @example members down 1–4 h and 3–6 h: threshold 1 gives 1–6 h, threshold 2 gives 3–4 h
 */
export function combineDownSets(sets: DownSets, out: number, members: Int32Array, from: number, to: number, threshold: number, cursor: Int32Array): void {
  let room = 0;
  for (let j = from; j < to; j++) room += sets.count[members[j]];
  ensureCapacity(sets, sets.top + room);
  const { starts, ends, offset, count } = sets;
  const n = to - from;
  for (let j = 0; j < n; j++) cursor[j] = 0;
  const base = sets.top;
  let written = 0;
  let down = 0;
  let openedAt = 0;
  for (;;) {
    let best = -1;
    let bestTime = Number.POSITIVE_INFINITY;
    let bestIsStart = false;
    for (let j = 0; j < n; j++) {
      const id = members[from + j];
      const event = cursor[j];
      if (event >= 2 * count[id]) continue;
      const slot = offset[id] + (event >> 1);
      const isStart = (event & 1) === 0;
      const time = isStart ? starts[slot] : ends[slot];
      if (time < bestTime || (time === bestTime && isStart && !bestIsStart)) {
        best = j;
        bestTime = time;
        bestIsStart = isStart;
      }
    }
    if (best < 0) break;
    cursor[best]++;
    if (bestIsStart) {
      down++;
      if (down === threshold) openedAt = bestTime;
      continue;
    }
    if (down === threshold && bestTime > openedAt) {
      if (written > 0 && ends[base + written - 1] >= openedAt) {
        ends[base + written - 1] = bestTime;
      } else {
        starts[base + written] = openedAt;
        ends[base + written] = bestTime;
        written++;
      }
    }
    down--;
  }
  offset[out] = base;
  count[out] = written;
  sets.top = base + written;
}

/**
 * Total length and longest interval of a set, hours.
 * @example with intervals [1, 6], [7, 8]: { total: 6, longest: 5 }
 */
export function measureDownSet(sets: DownSets, id: number, into: { total: number; longest: number }): void {
  let total = 0;
  let longest = 0;
  const first = sets.offset[id];
  for (let i = first; i < first + sets.count[id]; i++) {
    const length = sets.ends[i] - sets.starts[i];
    total += length;
    if (length > longest) longest = length;
  }
  into.total = total;
  into.longest = longest;
}
