import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';

/**
 * P(a client of the given segments pays more under the contract than hourly) at monthly fee f:
 * the contract payment H·f + overage exceeds the hourly equivalent (hourly rate × covered
 * hours) when H·f > hourlyValue_t. Client-weighted over the segments; each segment's
 * representative client stands for its members, which are alike in distribution.
 * @param segments indices of the segments to include
 */
export function overpayProbability(columns: TrialColumns, scenario: Scenario, segments: readonly number[], fee: number): number {
  const threshold = scenario.termMonths * fee;
  let weighted = 0;
  let clients = 0;
  for (const s of segments) {
    const values = columns.segments[s].hourlyValue;
    let over = 0;
    for (let t = 0; t < values.length; t++) if (threshold > values[t]) over++;
    weighted += (over / values.length) * scenario.clients[s].count;
    clients += scenario.clients[s].count;
  }
  return clients > 0 ? weighted / clients : 0;
}

/** The segments whose clients are on plan `planIndex`. */
export function segmentsOfPlan(scenario: Scenario, planIndex: number): number[] {
  const name = scenario.plans[planIndex].name;
  return scenario.clients.flatMap((segment, i) => (segment.plan === name ? [i] : []));
}

/**
 * The monthly fee at which a client of the plan is indifferent on average: the expected hourly
 * equivalent of its covered work, less the overage it is billed anyway, per month.
 * Computed over all the plan's clients (not only representatives) for precision.
 */
export function indifferentFee(columns: TrialColumns, scenario: Scenario, planIndex: number): number {
  const plan = scenario.plans[planIndex];
  const clients = segmentsOfPlan(scenario, planIndex).reduce((n, s) => n + scenario.clients[s].count, 0);
  if (clients === 0) return 0;
  const { coveredHours, overageHours } = columns.plans[planIndex];
  let total = 0;
  for (let t = 0; t < coveredHours.length; t++) total += scenario.hourlyRate * coveredHours[t] - plan.overageRate * overageHours[t];
  return total / coveredHours.length / clients / scenario.termMonths;
}
