import type { BreakevenReport, PlanReport } from '../analysis/runReport.js';
import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { Z95 } from '../analysis/quantile.js';
import { formatInterval, formatMoney, formatNumber, formatPercent } from './format.js';
import { formatSharedShocks } from './sharedShocksText.js';
import { formatPairs, formatTable } from './table.js';

/** The run's identity line: what was simulated, how often, with which seed. */
export function formatHeader(report: Pick<BreakevenReport, 'scenario' | 'clients' | 'term_months' | 'trials' | 'seed'>): string {
  return `${report.scenario}: ${report.clients} clients, ${report.term_months}-month term, ${report.trials.toLocaleString('en-US')} simulated terms, seed ${report.seed}`;
}

/**
 * ` at 90%`: the level of the figures that use the headline level only (risk loading, pooling
 * benefit, shared shocks), when several levels are shown; empty with one.
 */
export function headlineLabel(report: Pick<BreakevenReport, 'confidence' | 'levels'>): string {
  return report.levels.length > 1 ? ` at ${formatPercent(report.confidence, 1)}` : '';
}

/** Why the risk loading (break-even ÷ fair fee − 1) is n/a. */
function riskLoadingText(fairFee: number): string {
  return fairFee === 0 ? 'n/a (fair fee is 0)' : 'n/a (fixed revenue covers the expected costs)';
}

/** The headline fees: break-even at each level, fair fee, loading, pooling. */
export function formatBreakevenSummary(report: BreakevenReport): string {
  const c = report.currency;
  if (report.uniform_fee_problem !== undefined) return formatPairs([['Break-even flat fee', `none: ${report.uniform_fee_problem}`], ...workPairs(report)]);
  const pairs: [string, string][] = report.levels.map((level) => [
    `Break-even flat fee at ${formatPercent(level.confidence, 1)} confidence`,
    `${formatMoney(level.breakeven_fee, c)} per client per month  (95% MC interval ${formatInterval(level.breakeven_fee_interval)})`,
  ]);
  // Risk loading and pooling benefit are of the headline level: named when there are several.
  const at = headlineLabel(report);
  pairs.push(
    ['Fair fee (expected profit zero)', `${formatMoney(report.fair_fee, c)}  (± ${formatNumber(Z95 * (report.fair_fee_standard_error ?? 0))})`],
    [`Risk loading${at}`, report.risk_loading === null ? riskLoadingText(report.fair_fee ?? 0) : formatPercent(report.risk_loading)],
    [`Pooling benefit${at}`, `${formatMoney(report.pooling_benefit, c)} per client per month (vs. pricing each client alone)`],
    ...workPairs(report),
  );
  return formatPairs(pairs);
}

/** The hours and net cost lines of the headline. */
function workPairs(report: BreakevenReport): [string, string][] {
  const c = report.currency;
  return [
    [
      'Hours worked over the term',
      `mean ${formatNumber(report.hours.mean, 0)} (± ${formatNumber(Z95 * report.hours.standard_error, 1)}), p50 ${formatNumber(report.hours.p50, 0)}, p95 ${formatNumber(report.hours.p95, 0)}, p99 ${formatNumber(report.hours.p99, 0)}`,
    ],
    [
      'Net cost over the term',
      `mean ${formatMoney(report.net_cost.mean, c, 0)} (sd ${formatNumber(report.net_cost.sd, 0)}), p95 ${formatNumber(report.net_cost.p95, 0)}, p99 ${formatNumber(report.net_cost.p99, 0)}`,
    ],
  ];
}

/** Per-plan prices, each in its own unit, and the client's side of the bargain. */
export function formatPlans(report: BreakevenReport): string {
  const rows = Object.entries(report.plans).map(([name, plan]) =>
    plan.clients === 0
      ? // No clients: no price of the plan is defined (its standalone price is 0 / 0).
        [name, formLabel(plan), '0', plan.price_now === undefined ? '-' : formatNumber(plan.price_now), 'n/a (no clients)', '-', '-', '-', '-', '-']
      : planRow(name, plan),
  );
  const table = formatTable(
    [
      { header: 'plan', align: 'left' },
      { header: 'form, price unit', align: 'left' },
      { header: 'clients' },
      { header: 'price now' },
      { header: 'break-even' },
      { header: 'fair' },
      { header: 'plan alone' },
      { header: 'hourly worth' },
      { header: 'P(pays > hourly)' },
      { header: 'at price now' },
    ],
    rows,
  );
  const share = report.plan_prices.breakeven_share;
  return `${table}\nAt these break-even prices the whole portfolio makes no loss in ${formatPercent(share)} of the simulated terms.`;
}

/** `flat, per month`, `bundle, per 20-hour card`. */
function formLabel(plan: PlanReport): string {
  return `${plan.form}, ${plan.price_unit}`;
}

/** A plan's row of the plan table. */
function planRow(name: string, plan: PlanReport): string[] {
  return [
    name,
    formLabel(plan),
    String(plan.clients),
    plan.price_now === undefined ? '-' : formatNumber(plan.price_now),
    formatNumber(plan.fee),
    formatNumber(plan.fair_fee),
    formatNumber(plan.standalone_fee),
    formatNumber(plan.indifferent_fee),
    formatPercent(plan.overpay_probability),
    plan.overpay_probability_at_price_now === undefined ? '-' : formatPercent(plan.overpay_probability_at_price_now),
  ];
}

/** What the plan columns mean, in plain words, under the table. */
export const PLAN_LEGEND = [
  "break-even: the plan's fair price plus its share of the portfolio's risk margin, by how much it adds to the portfolio's swings (all plans together break even at the confidence level)",
  "plan alone: break-even price if the plan's clients were a portfolio of their own",
  "hourly worth: what a client's covered work would cost at the hourly rate per unit of the price, on average (less overage billed)",
  'P(pays > hourly): chance a client pays more under its plan than hourly, at the break-even price and at the price now',
].join('\n');

/**
 * The terminal text of `fairfee breakeven`: the run's identity, the headline fees, the plans
 * with their legend, and what shared shocks cost (when compared).
 * @example breakevenText(breakevenReport(scenario, columns, trials, seed, [0.9, 0.95]), null)
 */
export function breakevenText(report: BreakevenReport, shocks: WithoutSharedShocks | null): string {
  const sections = [formatHeader(report), formatBreakevenSummary(report), `${formatPlans(report)}\n${PLAN_LEGEND}`];
  if (shocks) sections.push(formatSharedShocks(shocks, report.trials, report.currency, headlineLabel(report)));
  return sections.join('\n\n');
}
