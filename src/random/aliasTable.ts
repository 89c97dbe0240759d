import type { TycheStream } from './tycheStream.js';

/*
 * Walker's alias method in Vose's construction (Vose 1991, "A linear algorithm for generating
 * random numbers with a given distribution", IEEE TSE 17(9)): after O(n) set-up, one uniform
 * picks an outcome i with probability weight[i]/Σweight in O(1), without a search. The engine
 * places each request of a capped plan in a month with it. Tables live in caller-owned typed
 * arrays at an offset, so a block keeps one table per trial without allocating.
 */

let small = new Int32Array(64);
let large = new Int32Array(64);
let scaled = new Float64Array(64);

/**
 * Builds the alias table of `weights[from … from+n−1]` into `probability` and `alias` at
 * `offset … offset+n−1`.
 * @param weights ≥ 0, not all 0
 */
export function buildAliasTable(weights: Float64Array, from: number, n: number, probability: Float64Array, alias: Int32Array, offset: number): void {
  if (scaled.length < n) {
    small = new Int32Array(n);
    large = new Int32Array(n);
    scaled = new Float64Array(n);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[from + i];
  if (!(total > 0)) {
    // No weight at all: never drawn from, but keep the table finite (all outcomes alike).
    for (let i = 0; i < n; i++) {
      probability[offset + i] = 1;
      alias[offset + i] = i;
    }
    return;
  }
  let smallCount = 0;
  let largeCount = 0;
  for (let i = 0; i < n; i++) {
    const value = (weights[from + i] * n) / total;
    scaled[i] = value;
    if (value < 1) small[smallCount++] = i;
    else large[largeCount++] = i;
  }
  while (smallCount > 0 && largeCount > 0) {
    const s = small[--smallCount];
    const l = large[--largeCount];
    probability[offset + s] = scaled[s];
    alias[offset + s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[smallCount++] = l;
    else large[largeCount++] = l;
  }
  // What is left has probability 1, up to rounding (Vose's numerically stable ending).
  while (largeCount > 0) {
    const l = large[--largeCount];
    probability[offset + l] = 1;
    alias[offset + l] = l;
  }
  while (smallCount > 0) {
    const s = small[--smallCount];
    probability[offset + s] = 1;
    alias[offset + s] = s;
  }
}

/**
 * One outcome in 0 … n−1 from an alias table. The integer part of u·n picks a column and its
 * fractional part (uniform, with 32 − log2 n bits) decides between the column and its alias,
 * so one 32-bit draw suffices; the probabilities are exact to within n·2^−32. The engine calls
 * it once per request placed in a month; small and returning an integer, it is inlined there.
 * @param probability the table's probabilities, or null when all outcomes are alike (u·n's integer part)
 */
export function aliasPick(stream: TycheStream, probability: Float64Array | null, alias: Int32Array, offset: number, n: number): number {
  const x = stream.nextDouble() * n;
  const column = Math.floor(x);
  return probability === null || x - column < probability[offset + column] ? column : alias[offset + column];
}
