import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';

/*
 * The client's side (MODEL.md, "Fairness"): what the same covered work would cost by the hour
 * against what the plan bills. A plan bills its price p times its price quantity w plus any
 * overage; a segment's representative column hourlyValue_t holds the hourly equivalent less
 * the overage billed, so the client pays more than hourly when p·w_t > hourlyValue_t. A flat
 * plan's w is counted as its H months (credits are the agency's promise, not the fee's price).
 */

/**
 * P(a client of the given segments pays more under its plan than hourly) at price `price` (in
 * the plan's unit). Client-weighted over the segments; each segment's representative client
 * stands for its members, which are alike in distribution.
 * @param segments indices of the segments to include (all on plan `planIndex`)
 */
export function overpayProbability(columns: TrialColumns, scenario: Scenario, segments: readonly number[], price: number, planIndex?: number): number {
  let weighted = 0;
  let clients = 0;
  for (const s of segments) {
    const plan = scenario.plans[planIndex ?? scenario.plans.findIndex((p) => p.name === scenario.clients[s].plan)];
    const { hourlyValue, feeWeight } = columns.segments[s];
    let over = 0;
    if (plan.form === 'flat') {
      const threshold = scenario.termMonths * price;
      for (let t = 0; t < hourlyValue.length; t++) if (threshold > hourlyValue[t]) over++;
    } else {
      for (let t = 0; t < hourlyValue.length; t++) if (price * feeWeight[t] > hourlyValue[t]) over++;
    }
    weighted += (over / hourlyValue.length) * scenario.clients[s].count;
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
 * The price at which a client of the plan is indifferent on average, in the plan's unit: the
 * expected hourly equivalent of its covered work, less the overage it is billed anyway, per
 * unit of w (per month for a flat plan). Computed over all the plan's clients (not only
 * representatives) for precision; null when the plan has no clients or no price quantity.
 */
export function indifferentFee(columns: TrialColumns, scenario: Scenario, planIndex: number): number | null {
  const plan = scenario.plans[planIndex];
  const clients = segmentsOfPlan(scenario, planIndex).reduce((n, s) => n + scenario.clients[s].count, 0);
  if (clients === 0) return null;
  const { coveredHours, overageHours, feeWeight } = columns.plans[planIndex];
  let total = 0;
  let weight = 0;
  for (let t = 0; t < coveredHours.length; t++) {
    total += scenario.hourlyRate * coveredHours[t] - plan.overageRate * overageHours[t];
    weight += feeWeight[t];
  }
  if (plan.form === 'flat') return total / coveredHours.length / clients / scenario.termMonths;
  return weight > 0 ? total / weight : null;
}
