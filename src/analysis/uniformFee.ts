import type { Scenario } from '../scenario/types.js';
import { statedPrice } from '../scenario/types.js';

/**
 * Why the portfolio has no uniform flat fee (MODEL.md, "One price per plan"), or null when it
 * has one: the uniform fee is over the flat plans with every other plan at its stated price,
 * so it needs a flat plan with clients, and a stated price of every other plan with clients.
 */
export function uniformFeeProblem(scenario: Scenario): string | null {
  const used = new Set(scenario.clients.map((c) => c.plan));
  const plans = scenario.plans.filter((p) => used.has(p.name));
  if (!plans.some((p) => p.form === 'flat')) return 'no client is on a flat plan: each plan has its own price (see plans)';
  const unpriced = plans.find((p) => p.form !== 'flat' && statedPrice(p) === undefined);
  if (unpriced)
    return `plan ${JSON.stringify(unpriced.name)} (${unpriced.form}) states no price, and the uniform flat fee counts the other forms at their stated prices`;
  return null;
}

/** Clients of each segment on a flat plan, 0 for segments on other forms. */
export function flatSegmentCounts(scenario: Scenario): number[] {
  const flat = new Set(scenario.plans.filter((p) => p.form === 'flat').map((p) => p.name));
  return scenario.clients.map((c) => (flat.has(c.plan) ? c.count : 0));
}
