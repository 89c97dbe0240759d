import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { indifferentFee, overpayProbability, segmentsOfPlan } from './fairness.js';
import { moments } from './moments.js';
import { quantileRank, selectRanks } from './quantile.js';

/** One plan at its price: the provider's side and the client's side. */
export interface PlanAtPrice {
  plan: string;
  clients: number;
  fee: number;
  /** E[fee·w_p − D_p]: the plan's expected profit contribution over the term. */
  expected_profit: number;
  expected_profit_standard_error: number;
  /** P(the plan's clients together make a loss over the term). */
  loss_probability: number;
  /** Fee at which a client is indifferent on average (expected hourly value per month). */
  indifferent_fee: number;
  /** The client's expected "insurance premium" per month: fee − indifferent fee. */
  premium_per_month: number;
  /** P(a client of the plan pays more than it would hourly). */
  overpay_probability: number;
}

/** A concrete price list evaluated on the trials. */
export interface PriceListResult {
  fees: Record<string, number>;
  loss_probability: number;
  expected_profit: number;
  expected_profit_standard_error: number;
  profit_p05: number;
  plans: PlanAtPrice[];
}

/**
 * Evaluates fees per plan on the same trials: portfolio profit Σ_p f_p·w_p,t − D_t, and for
 * each plan its profit contribution, loss probability and fairness to its clients.
 * @param fees monthly fee per plan name; every plan must have one
 */
export function evaluatePriceList(columns: TrialColumns, scenario: Scenario, fees: Record<string, number>): PriceListResult {
  const n = columns.netCost.length;
  const profit = new Float64Array(n);
  let losses = 0;
  const plans = scenario.plans.map((plan, p): PlanAtPrice => {
    // An own key only: a plan named toString must not find Object.prototype.toString.
    const fee = Object.hasOwn(fees, plan.name) ? fees[plan.name] : Number.NaN;
    const { netCost, feeWeight } = columns.plans[p];
    const planProfit = new Float64Array(n);
    let planLosses = 0;
    for (let t = 0; t < n; t++) {
      planProfit[t] = fee * feeWeight[t] - netCost[t];
      profit[t] += planProfit[t];
      if (planProfit[t] < 0) planLosses++;
    }
    const m = moments(planProfit);
    const segments = segmentsOfPlan(scenario, p);
    // NaN without clients: the JSON writes null with its note.
    const indifferent = indifferentFee(columns, scenario, p) ?? Number.NaN;
    return {
      plan: plan.name,
      clients: segments.reduce((total, s) => total + scenario.clients[s].count, 0),
      fee,
      expected_profit: m.mean,
      expected_profit_standard_error: m.standardError,
      loss_probability: planLosses / n,
      indifferent_fee: indifferent,
      premium_per_month: fee - indifferent,
      overpay_probability: overpayProbability(columns, scenario, segments, fee, p),
    };
  });
  for (let t = 0; t < n; t++) if (profit[t] < 0) losses++;
  const m = moments(profit);
  return {
    fees,
    loss_probability: losses / n,
    expected_profit: m.mean,
    expected_profit_standard_error: m.standardError,
    profit_p05: selectRanks(profit, [quantileRank(n, 0.05)])[0],
    plans,
  };
}
