import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';

/** What one plan's uptime promise costs: the share of its fee credited back, and in money at a fee. */
export interface PlanUptimeCost {
  plan: string;
  /** The promise the plan's clients hold: its own, or the scenario-level one. */
  promised: number;
  own: boolean;
  /** Expected share of the fee credited per client-month. */
  creditShare: number;
  /** The fee the money figure is at (monthly_fee, else the plan's break-even fee). */
  fee: number;
  /** creditShare × fee: money per client-month. */
  creditPerClientMonth: number;
}

/**
 * Per plan whose clients are promised an uptime (their own `uptime`, or the scenario-level
 * availability credits), the expected credits: 1 − E[fee weight] / (clients × H). Null when no
 * plan is promised anything (no availability block, or no credits anywhere).
 * @param fees each plan's fee to state the money at, scenario order (NaN: none)
 */
export function uptimeCosts(scenario: Scenario, columns: TrialColumns, trials: number, fees: readonly number[]): PlanUptimeCost[] | null {
  const availability = scenario.availability;
  if (!availability) return null;
  const rows: PlanUptimeCost[] = [];
  scenario.plans.forEach((plan, p) => {
    const own = plan.uptime !== undefined;
    const credits = own ? plan.uptime!.credits : availability.credits;
    if (credits.length === 0) return;
    const clients = scenario.clients.filter((c) => c.plan === plan.name).reduce((s, c) => s + c.count, 0);
    if (clients === 0) return;
    let weight = 0;
    for (let t = 0; t < trials; t++) weight += columns.plans[p].feeWeight[t];
    const creditShare = 1 - weight / trials / (clients * scenario.termMonths);
    const fee = plan.monthlyFee ?? fees[p];
    rows.push({
      plan: plan.name,
      promised: own ? plan.uptime!.promised : availability.promised,
      own,
      creditShare,
      fee,
      creditPerClientMonth: creditShare * fee,
    });
  });
  return rows.length > 0 ? rows : null;
}
