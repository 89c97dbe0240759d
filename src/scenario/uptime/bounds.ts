/*
 * Bounds that hold without assuming independence: what a careful supplier contract can rely
 * on when outages may coincide in the worst way (one storm takes out both data centres).
 */

/**
 * The additive bound of a series chain: A ≥ 1 − Σ(1 − aₖ), exact when outages never overlap,
 * otherwise pessimistic (the union of down times is at most their sum). Clamped at 0.
 * @param availabilities shares in [0, 1]
 * @example additiveBound([0.99, 0.996]) // 0.986
 */
export function additiveBound(availabilities: readonly number[]): number {
  let downtime = 0;
  for (const a of availabilities) downtime += 1 - a;
  return Math.max(0, 1 - downtime);
}

/**
 * The worst-case availability of a k-of-n group whatever the dependence between members:
 * the group is down only while at least h = n − k + 1 members are down. Any s members include
 * at least h − (n − s) down ones at such a moment, so downtime ≤ (sum of the s smallest member
 * downtimes) / (h − n + s); the bound takes the best s. For series (k = n) it is the additive
 * bound, for parallel (k = 1) the best member's availability (max aₖ).
 * @param k members that must be up, 1 ≤ k ≤ n
 * @param availabilities shares in [0, 1]
 * @throws RangeError unless 1 ≤ k ≤ n is a whole number
 * @example pessimisticBound(1, [0.99, 0.996]) // 0.996
 */
export function pessimisticBound(k: number, availabilities: readonly number[]): number {
  const n = availabilities.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k of n: k must be a whole number from 1 to ${n} (got ${k})`);
  const downtimes = availabilities.map((a) => 1 - a).sort((x, y) => x - y);
  const h = n - k + 1;
  let best = Number.POSITIVE_INFINITY;
  let smallest = 0;
  for (let s = 1; s <= n; s++) {
    smallest += downtimes[s - 1];
    const downAtOnce = h - n + s;
    if (downAtOnce >= 1) best = Math.min(best, smallest / downAtOnce);
  }
  return Math.max(0, 1 - Math.min(1, best));
}
