import type { AvailabilityNode, ComponentSpec, GroupSpec } from './spec.js';

/*
 * Exact availability of independent components (MODEL.md, "Availability"): each is up with its
 * own probability, independently of the others, and a structure is up when enough members are.
 */

/**
 * Components in series (all needed): A = Π aₖ.
 * @param availabilities shares in [0, 1]
 * @example seriesAvailability([0.99, 0.996]) // 0.98604
 */
export function seriesAvailability(availabilities: readonly number[]): number {
  let product = 1;
  for (const a of availabilities) product *= a;
  return product;
}

/**
 * Components in parallel (redundant, one is enough): A = 1 − Π(1 − aₖ).
 * @param availabilities shares in [0, 1]
 * @example parallelAvailability([0.99, 0.99]) // 0.9999
 */
export function parallelAvailability(availabilities: readonly number[]): number {
  let allDown = 1;
  for (const a of availabilities) allDown *= 1 - a;
  return 1 - allDown;
}

/**
 * At least k of n components up, with different availabilities: the upper tail of the
 * Poisson-binomial distribution, P(#up ≥ k), by dynamic programming over the components
 * (O(n·k)). It sums the small probabilities of fewer than k up, so a result near 1 keeps
 * its digits. k = n is the series chain, k = 1 the parallel group.
 * @param k members that must be up, 1 ≤ k ≤ n
 * @param availabilities shares in [0, 1]
 * @throws RangeError unless 1 ≤ k ≤ n is a whole number
 * @example kOfNAvailability(2, [0.9, 0.9, 0.9]) // 3·0.9²·0.1 + 0.9³ = 0.972
 */
export function kOfNAvailability(k: number, availabilities: readonly number[]): number {
  const n = availabilities.length;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new RangeError(`k of n: k must be a whole number from 1 to ${n} (got ${k})`);
  // exactlyUp[j] = P(exactly j of the components seen so far are up), for j < k only.
  const exactlyUp = new Float64Array(k);
  exactlyUp[0] = 1;
  for (const a of availabilities) {
    for (let j = k - 1; j >= 1; j--) exactlyUp[j] = exactlyUp[j] * (1 - a) + exactlyUp[j - 1] * a;
    exactlyUp[0] *= 1 - a;
  }
  let fewerThanK = 0;
  for (let j = 0; j < k; j++) fewerThanK += exactlyUp[j];
  return 1 - fewerThanK;
}

/**
 * A group's availability from its members': series and parallel by their product formulas
 * (fewest roundings), any other k by the Poisson-binomial tail.
 * @example groupAvailability({ kind: 'k_of_n', k: 2 }, [0.99, 0.99, 0.99]) // 0.999702
 */
export function groupAvailability(group: Pick<GroupSpec, 'kind' | 'k'>, availabilities: readonly number[]): number {
  const n = availabilities.length;
  if (group.k === n) return seriesAvailability(availabilities);
  if (group.k === 1) return parallelAvailability(availabilities);
  return kOfNAvailability(group.k, availabilities);
}

/**
 * The exact availability of a nested structure of independent components, composed from the
 * leaves up with `groupAvailability`.
 * @param componentAvailability each component's own availability (see monthModel.ts for
 *   components given by their outages)
 * @example nodeAvailability(spec.chain, (c) => componentAvailabilities.get(c)!)
 */
export function nodeAvailability(node: AvailabilityNode, componentAvailability: (component: ComponentSpec) => number): number {
  if (node.kind === 'component') return componentAvailability(node);
  return groupAvailability(
    node,
    node.members.map((member) => nodeAvailability(member, componentAvailability)),
  );
}
