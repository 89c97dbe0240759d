import type { TrialColumns } from '../engine/columns.js';
import type { ContractForm, Scenario } from '../scenario/types.js';
import { clientCount, priceUnit, statedPrice } from '../scenario/types.js';
import { breakevenFees } from './breakeven.js';
import { portfolioFees } from './portfolioFees.js';
import { indifferentFee, overpayProbability, segmentsOfPlan } from './fairness.js';
import { sum } from './moments.js';
import { summarize, type Summary } from './summary.js';
import { flatSegmentCounts, uniformFeeProblem } from './uniformFee.js';

/** The fields every command's JSON carries (docs/interface.md, "JSON output"). */
export interface RunIdentity {
  scenario: string;
  currency: string;
  trials: number;
  seed: number | string;
  term_months: number;
  clients: number;
}

/** One plan's prices and fairness, as the JSON shows them; prices in the plan's own unit. */
export interface PlanReport {
  form: ContractForm;
  /** What one unit of the price buys: "per month", "per 20-hour card", "per hour", "x price list". */
  price_unit: string;
  clients: number;
  /**
   * The plan's break-even price: its fair price plus its covariance share of the portfolio's
   * risk margin (MODEL.md, "One price per plan"); NaN without clients (JSON: null with a note).
   */
  fee: number;
  fair_fee: number;
  /** The plan's share of the risk margin, Cov(Y_k, Y)/Var(Y); the shares add up to 1. */
  risk_share: number;
  standalone_fee: number;
  standalone_fee_interval: [number, number];
  /** P(one client of the plan pays more than hourly) at `fee`. */
  overpay_probability: number;
  /** Price at which a client is indifferent on average: expected hourly value of its covered work per unit of price (per month for flat). */
  indifferent_fee: number;
  /** Expected "insurance premium" per unit at `fee`: fee − indifferent_fee. */
  premium_per_month: number;
  /** A bundle plan's expected breakage and deferred hours per client over the term. */
  breakage_hours?: number;
  deferred_hours?: number;
  /** The price the scenario states (any form) and how it fares; absent when not given. */
  price_now?: number;
  overpay_probability_at_price_now?: number;
  expected_profit_at_price_now?: number;
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
  /** The uniform flat fee and its figures: null when the portfolio has none (uniform_fee_problem says why). */
  breakeven_fee: number | null;
  breakeven_fee_interval: [number, number] | null;
  fair_fee: number | null;
  fair_fee_standard_error: number | null;
  risk_loading: number | null;
  pooling_benefit: number | null;
  /** Why there is no uniform flat fee; absent when there is one. */
  uniform_fee_problem?: string;
  /** The per-plan prices' margin λ and the share of trials the portfolio breaks even in at them. */
  plan_prices: { confidence: number; margin: number; breakeven_share: number };
  hours: Summary;
  net_cost: Summary;
  plans: Record<string, PlanReport>;
  segments: { name: string; plan: string; clients: number; standalone_fee: number; standalone_fee_interval: [number, number] }[];
  levels: { confidence: number; breakeven_fee: number; breakeven_fee_interval: [number, number] }[];
}

/** A break-even report with a uniform flat fee: its uniform figures are numbers. */
export type UniformReport = BreakevenReport & {
  breakeven_fee: number;
  breakeven_fee_interval: [number, number];
  fair_fee: number;
  fair_fee_standard_error: number;
  pooling_benefit: number;
};

/** Whether the portfolio has a uniform flat fee (MODEL.md, "One price per plan"). */
export function hasUniformFee(report: BreakevenReport): report is UniformReport {
  return report.uniform_fee_problem === undefined && report.breakeven_fee !== null;
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
  const fees = portfolioFees(columns, confidence, flatSegmentCounts(scenario));
  const problem = uniformFeeProblem(scenario);
  const n = columns.netCost.length;
  const plans: Record<string, PlanReport> = {};
  scenario.plans.forEach((plan, p) => {
    const segments = segmentsOfPlan(scenario, p);
    const clients = segments.reduce((total, s) => total + scenario.clients[s].count, 0);
    const price = fees.plans.plans[p];
    // NaN where a figure has no value: the JSON writes null with its note (report/jsonNotes.ts).
    const fee = clients > 0 ? (price.price ?? Number.NaN) : Number.NaN;
    const indifferent = indifferentFee(columns, scenario, p) ?? Number.NaN;
    const report: PlanReport = {
      form: plan.form,
      price_unit: priceUnit(plan),
      clients,
      fee,
      fair_fee: clients > 0 ? (price.fairPrice ?? Number.NaN) : Number.NaN,
      risk_share: price.riskShare,
      standalone_fee: clients > 0 ? price.standalonePrice : Number.NaN,
      standalone_fee_interval: clients > 0 ? price.standaloneInterval : [Number.NaN, Number.NaN],
      overpay_probability: Number.isNaN(fee) ? Number.NaN : overpayProbability(columns, scenario, segments, fee, p),
      indifferent_fee: indifferent,
      premium_per_month: fee - indifferent,
    };
    const { netCost, feeWeight } = columns.plans[p];
    if (plan.form === 'bundle' && clients > 0) {
      report.breakage_hours = sum(columns.plans[p].breakageHours) / n / clients;
      report.deferred_hours = sum(columns.plans[p].deferredHours) / n / clients;
    }
    const now = statedPrice(plan);
    if (now !== undefined) {
      report.price_now = now;
      report.overpay_probability_at_price_now = overpayProbability(columns, scenario, segments, now, p);
      report.expected_profit_at_price_now = (now * sum(feeWeight) - sum(netCost)) / n;
    }
    if (plan.monthlyFee !== undefined) {
      report.monthly_fee = plan.monthlyFee;
      report.overpay_probability_at_monthly_fee = overpayProbability(columns, scenario, segments, plan.monthlyFee, p);
      report.premium_per_month_at_monthly_fee = plan.monthlyFee - indifferent;
      report.expected_profit_at_monthly_fee = (plan.monthlyFee * sum(feeWeight) - sum(netCost)) / n;
    }
    // Defined, not assigned: a plan named __proto__ must be a key of the document, not its prototype.
    Object.defineProperty(plans, plan.name, { value: report, enumerable: true, writable: true, configurable: true });
  });
  return {
    ...runIdentity(scenario, trials, seed),
    confidence,
    breakeven_fee: problem ? null : fees.breakeven.fee,
    breakeven_fee_interval: problem ? null : fees.breakeven.interval,
    fair_fee: problem ? null : fees.fair.fee,
    fair_fee_standard_error: problem ? null : fees.fair.standardError,
    risk_loading: problem ? null : fees.riskLoading,
    pooling_benefit: problem ? null : fees.poolingBenefit,
    ...(problem ? { uniform_fee_problem: problem } : {}),
    plan_prices: { confidence, margin: fees.plans.margin, breakeven_share: fees.plans.breakevenShare },
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
    levels: (problem ? [] : breakevenFees(columns.netCost, columns.feeWeight, levels)).map((level) => ({
      confidence: level.confidence,
      breakeven_fee: level.fee,
      breakeven_fee_interval: level.interval,
    })),
  };
}
