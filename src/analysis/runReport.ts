import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { clientCount } from '../scenario/types.js';
import { breakevenFees, portfolioFees } from './breakeven.js';
import { indifferentFee, overpayProbability, segmentsOfPlan } from './fairness.js';
import { sum } from './moments.js';
import { summarize, type Summary } from './summary.js';

/** The fields every command's JSON carries (docs/interface.md, "JSON output"). */
export interface RunIdentity {
  scenario: string;
  currency: string;
  trials: number;
  seed: number | string;
  term_months: number;
  clients: number;
}

/** One plan's fees and fairness, as the JSON shows them. */
export interface PlanReport {
  clients: number;
  /** Fair fee with the portfolio's risk loading: what this plan should charge. */
  fee: number;
  fair_fee: number;
  standalone_fee: number;
  standalone_fee_interval: [number, number];
  /** P(one client of the plan pays more than hourly) at `fee`. */
  overpay_probability: number;
  /** Fee at which a client is indifferent on average: expected hourly value of its covered work per month. */
  indifferent_fee: number;
  /** Expected "insurance premium" per month at `fee`: fee − indifferent_fee. */
  premium_per_month: number;
  /** The fee charged today (the scenario's monthly_fee) and how it fares; absent when not given. */
  monthly_fee?: number;
  overpay_probability_at_monthly_fee?: number;
  premium_per_month_at_monthly_fee?: number;
  /** Expected profit of the plan's clients over the term at monthly_fee. */
  expected_profit_at_monthly_fee?: number;
}

/** The break-even results of `run` and `breakeven`. */
export interface BreakevenReport extends RunIdentity {
  confidence: number;
  breakeven_fee: number;
  breakeven_fee_interval: [number, number];
  fair_fee: number;
  fair_fee_standard_error: number;
  risk_loading: number | null;
  pooling_benefit: number;
  hours: Summary;
  net_cost: Summary;
  plans: Record<string, PlanReport>;
  segments: { name: string; plan: string; clients: number; standalone_fee: number; standalone_fee_interval: [number, number] }[];
  levels: { confidence: number; breakeven_fee: number; breakeven_fee_interval: [number, number] }[];
}

/** The seed as the user wrote it: a number stays a number in JSON. */
export function seedValue(seed: string): number | string {
  return /^(0|[1-9]\d{0,14})$/.test(seed) ? Number(seed) : seed;
}

/** The identity fields of a run. */
export function runIdentity(scenario: Scenario, trials: number, seed: string): RunIdentity {
  return {
    scenario: scenario.name,
    currency: scenario.currency,
    trials,
    seed: seedValue(seed),
    term_months: scenario.termMonths,
    clients: clientCount(scenario),
  };
}

/**
 * Everything `breakeven` and `run` report, from the trials: MODEL.md's fees at the first level,
 * the other levels, summaries and per-plan fairness.
 * @param levels confidence levels; the first is the headline
 */
export function breakevenReport(scenario: Scenario, columns: TrialColumns, trials: number, seed: string, levels: readonly number[]): BreakevenReport {
  const confidence = levels[0];
  const fees = portfolioFees(
    columns,
    confidence,
    scenario.clients.map((c) => c.count),
  );
  const n = columns.netCost.length;
  const plans: Record<string, PlanReport> = {};
  scenario.plans.forEach((plan, p) => {
    const segments = segmentsOfPlan(scenario, p);
    const clients = segments.reduce((total, s) => total + scenario.clients[s].count, 0);
    const planFees = fees.plans[p];
    const indifferent = indifferentFee(columns, scenario, p);
    const report: PlanReport = {
      clients,
      fee: planFees.fee,
      fair_fee: planFees.fairFee,
      standalone_fee: planFees.standaloneFee,
      standalone_fee_interval: planFees.standaloneInterval,
      overpay_probability: overpayProbability(columns, scenario, segments, planFees.fee),
      indifferent_fee: indifferent,
      premium_per_month: planFees.fee - indifferent,
    };
    if (plan.monthlyFee !== undefined) {
      const { netCost, feeWeight } = columns.plans[p];
      report.monthly_fee = plan.monthlyFee;
      report.overpay_probability_at_monthly_fee = overpayProbability(columns, scenario, segments, plan.monthlyFee);
      report.premium_per_month_at_monthly_fee = plan.monthlyFee - indifferent;
      report.expected_profit_at_monthly_fee = (plan.monthlyFee * sum(feeWeight) - sum(netCost)) / n;
    }
    // Defined, not assigned: a plan named __proto__ must be a key of the document, not its prototype.
    Object.defineProperty(plans, plan.name, { value: report, enumerable: true, writable: true, configurable: true });
  });
  return {
    ...runIdentity(scenario, trials, seed),
    confidence,
    breakeven_fee: fees.breakeven.fee,
    breakeven_fee_interval: fees.breakeven.interval,
    fair_fee: fees.fair.fee,
    fair_fee_standard_error: fees.fair.standardError,
    risk_loading: fees.riskLoading,
    pooling_benefit: fees.poolingBenefit,
    hours: summarize(columns.hours),
    net_cost: summarize(columns.netCost),
    plans,
    segments: scenario.clients.map((segment, s) => ({
      name: segment.name,
      plan: segment.plan,
      clients: segment.count,
      standalone_fee: fees.segments[s].standaloneFee,
      standalone_fee_interval: fees.segments[s].standaloneInterval,
    })),
    levels: breakevenFees(columns.netCost, columns.feeWeight, levels).map((level) => ({
      confidence: level.confidence,
      breakeven_fee: level.fee,
      breakeven_fee_interval: level.interval,
    })),
  };
}
