import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { sum } from './moments.js';

/** Which fees the recurring revenue is counted at. */
export type RecurringFees = 'monthly_fee' | 'break-even fee' | 'monthly_fee where stated, else the break-even fee';

/** The portfolio's recurring revenue (MODEL.md, "Which form for whom"), as the JSON shows it. */
export interface RecurringRevenue {
  /** Expected fee revenue per month, all clients (fee × client-months paying it, less credited shares). */
  mrr: number;
  /** 12 × mrr. */
  arr: number;
  /** Expected fees over expected revenue (fees, overage, hourly billing, fixed revenue). */
  recurring_share: number;
  fees: RecurringFees;
}

/**
 * Recurring revenue of the portfolio: the plans' fees at their `monthly_fee` where stated, else
 * at their break-even fee (`breakevenFees[k]`, the plan's fee with the portfolio's risk loading).
 */
export function recurringRevenue(scenario: Scenario, columns: TrialColumns, breakevenFees: readonly number[]): RecurringRevenue {
  const n = columns.netCost.length;
  let fees = 0;
  scenario.plans.forEach((plan, k) => {
    fees += (plan.monthlyFee ?? breakevenFees[k]) * (sum(columns.plans[k].feeWeight) / n);
  });
  const other = sum(columns.revenueBesidesFee) / n;
  const mrr = fees / scenario.termMonths;
  const stated = scenario.plans.filter((p) => p.monthlyFee !== undefined).length;
  return {
    mrr,
    arr: 12 * mrr,
    recurring_share: fees + other > 0 ? fees / (fees + other) : 0,
    fees: stated === scenario.plans.length ? 'monthly_fee' : stated === 0 ? 'break-even fee' : 'monthly_fee where stated, else the break-even fee',
  };
}
