import type { TrialColumns } from '../engine/columns.js';
import { type Scenario, statedPrice } from '../scenario/types.js';
import { sum } from './moments.js';

/** Which fees the recurring revenue is counted at. */
export type RecurringFees = 'stated prices' | 'break-even prices' | 'stated prices where given, else the break-even prices';

/** The portfolio's recurring revenue (MODEL.md, "Which form for whom"), as the JSON shows it. */
export interface RecurringRevenue {
  /**
   * Expected recurring revenue per month, all clients: flat fees (fee × client-months paying it,
   * less credited shares) and bundle prices earned; hourly and per-request billing is not recurring.
   */
  mrr: number;
  /** 12 × mrr. */
  arr: number;
  /** Expected recurring revenue over expected revenue (prices of every form, overage, hourly billing, fixed revenue). */
  recurring_share: number;
  fees: RecurringFees;
}

/**
 * Recurring revenue of the portfolio (MODEL.md, "Which form for whom"): each plan at its stated
 * price where given, else at its break-even price (`breakevenPrices[k]`, null for a plan
 * without clients). Flat fees and bundle prices recur; hourly and per-request billing does not.
 */
export function recurringRevenue(scenario: Scenario, columns: TrialColumns, breakevenPrices: readonly (number | null)[]): RecurringRevenue {
  const n = columns.netCost.length;
  let recurring = 0;
  let other = sum(columns.revenueBesidesFee) / n;
  scenario.plans.forEach((plan, k) => {
    const revenue = (statedPrice(plan) ?? breakevenPrices[k] ?? 0) * (sum(columns.plans[k].feeWeight) / n);
    if (plan.form === 'flat' || plan.form === 'bundle') recurring += revenue;
    else other += revenue;
  });
  const mrr = recurring / scenario.termMonths;
  const stated = scenario.plans.filter((p) => statedPrice(p) !== undefined).length;
  return {
    mrr,
    arr: 12 * mrr,
    recurring_share: recurring + other > 0 ? recurring / (recurring + other) : 0,
    fees: stated === scenario.plans.length ? 'stated prices' : stated === 0 ? 'break-even prices' : 'stated prices where given, else the break-even prices',
  };
}
