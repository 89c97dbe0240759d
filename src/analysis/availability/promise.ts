import { topThreshold } from '../../engine/uptime/credits.js';
import type { CreditSchedule } from '../../scenario/uptime/spec.js';

/*
 * "What can I promise?" (issue 5, point 4), from simulated monthly availabilities sorted
 * ascending. Both answers are exact for the sample; their Monte Carlo error is that of a
 * quantile (see analysis.ts for the interval).
 */

/** How many sorted values are strictly below x (binary search). */
export function countBelow(sorted: Float64Array, x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < x) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The highest promised level p with P̂(month below p) = #{Aᵢ < p}/n ≤ risk: the (⌊n·risk⌋ + 1)-th
 * smallest monthly availability. (One rank above R's type-1 quantile when n·risk is whole: a
 * promise equal to the m-th smallest value is broken only by the m − 1 months below it.)
 * @param sortedAvailability ascending monthly availabilities, n ≥ 1
 * @param risk accepted share of months below the promise, in (0, 1)
 * @example promiseAtRisk(Float64Array.of(0.97, 0.98, 0.99, 1), 0.25) // 0.98: only 0.97 is below
 */
export function promiseAtRisk(sortedAvailability: Float64Array, risk: number): number {
  const allowedBelow = Math.floor(sortedAvailability.length * risk + 1e-9);
  return sortedAvailability[Math.min(allowedBelow, sortedAvailability.length - 1)];
}

/**
 * The mean credit share over the sample under `schedule` with every threshold moved by `shift`:
 * (1/n)·Σᵢ max{ credit_r : Aᵢ < below_r + shift }, by counting rather than by month (O(R·log n)).
 * @param shift added to every row's `below` (0: the schedule as written)
 * @example expectedCreditShare(sorted, [{ below: 0.995, credit: 0.1 }], 0) // 0.1 × P̂(A < 0.995)
 */
export function expectedCreditShare(sortedAvailability: Float64Array, schedule: CreditSchedule, shift: number): number {
  const rows = [...schedule].sort((a, b) => b.below - a.below); // highest threshold first
  let total = 0;
  let belowPrevious = -1; // months below the previous (higher) threshold
  let bestCredit = 0; // the largest credit of the rows seen so far
  for (const row of rows) {
    const below = countBelow(sortedAvailability, row.below + shift);
    // Months below the previous threshold but not this one earn the best credit seen so far.
    if (belowPrevious >= 0) total += (belowPrevious - below) * bestCredit;
    belowPrevious = below;
    bestCredit = Math.max(bestCredit, row.credit);
  }
  total += Math.max(0, belowPrevious) * bestCredit;
  return total / sortedAvailability.length;
}

/**
 * The highest promised level p in [0, 1] at which the expected credit stays within `budget`,
 * where promising p means the scenario's schedule moved as a whole so that its top threshold is
 * p (a schedule "10% below 99.5%, 25% below 99%" promising 99.7% becomes "10% below 99.7%,
 * 25% below 99.2%"): the largest p with E[credit share] ≤ budget. That expectation only grows
 * with p, so bisection finds p to within 1e-12 (from below, so the budget holds at p).
 * @param budget expected credit as a share of the monthly fee, in [0, 1]
 * @returns null when the schedule is empty (credits cost nothing at any promise)
 * @example promiseWithinCreditBudget(sorted, scenario.credits, 0.02)
 */
export function promiseWithinCreditBudget(sortedAvailability: Float64Array, schedule: CreditSchedule, budget: number): number | null {
  if (schedule.length === 0) return null;
  const top = topThreshold(schedule);
  const cost = (p: number) => expectedCreditShare(sortedAvailability, schedule, p - top);
  if (cost(1) <= budget) return 1;
  let low = 0; // cost(0) = 0: every threshold at or below 0, and no month is below 0
  let high = 1;
  while (high - low > 1e-12) {
    const middle = (low + high) / 2;
    if (cost(middle) <= budget) low = middle;
    else high = middle;
  }
  return low;
}
