import type { BreakevenReport, PlanReport } from '../analysis/runReport.js';
import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { Z95 } from '../analysis/quantile.js';
import { formatInterval, formatMoney, formatNumber, formatPercent } from './format.js';
import { formatSharedShocks } from './sharedShocksText.js';
import { priceUnitText } from './priceUnitText.js';
import { formatPairs, formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** The run's identity line: what was simulated, how often, with which seed. */
export function formatHeader(report: Pick<BreakevenReport, 'scenario' | 'clients' | 'term_months' | 'trials' | 'seed'>, { t, n }: TextStyle = EN_TEXT): string {
  return t.header({
    scenario: report.scenario,
    clients: String(report.clients),
    term: report.term_months,
    trials: n.number(report.trials, 0),
    seed: String(report.seed),
  });
}

/**
 * ` at 90%`: the level of the figures that use the headline level only (risk loading, pooling
 * benefit, shared shocks), when several levels are shown; empty with one.
 */
export function headlineLabel(report: Pick<BreakevenReport, 'confidence' | 'levels'>, { t }: TextStyle = EN_TEXT): string {
  return report.levels.length > 1 ? t.atLevel(formatPercent(report.confidence, 1)) : '';
}

/** Why the risk loading (break-even ÷ fair fee − 1) is n/a. */
function riskLoadingText(fairFee: number, { t }: TextStyle = EN_TEXT): string {
  return fairFee === 0 ? t.riskLoadingFairZero : t.riskLoadingCovered;
}

/** The headline fees: break-even at each level, fair fee, loading, pooling. */
export function formatBreakevenSummary(report: BreakevenReport, s: TextStyle = EN_TEXT): string {
  const { t } = s;
  const c = report.currency;
  if (report.uniform_fee_problem !== undefined) return formatPairs([[t.breakevenFlatFee, t.noUniformFee(report.uniform_fee_problem)], ...workPairs(report, s)]);
  const pairs: [string, string][] = report.levels.map((level) => [
    t.breakevenAt(formatPercent(level.confidence, 1)),
    t.perClientMonthInterval({ fee: formatMoney(level.breakeven_fee, c), interval: formatInterval(level.breakeven_fee_interval) }),
  ]);
  // Risk loading and pooling benefit are of the headline level: named when there are several.
  const at = headlineLabel(report, s);
  pairs.push(
    [t.fairFee, `${formatMoney(report.fair_fee, c)}  (± ${formatNumber(Z95 * (report.fair_fee_standard_error ?? 0))})`],
    [`${t.riskLoading}${at}`, report.risk_loading === null ? riskLoadingText(report.fair_fee ?? 0, s) : formatPercent(report.risk_loading)],
    [`${t.poolingBenefit}${at}`, t.poolingValue(formatMoney(report.pooling_benefit, c))],
    ...workPairs(report, s),
  );
  return formatPairs(pairs);
}

/** The hours and net cost lines of the headline. */
function workPairs(report: BreakevenReport, { t }: TextStyle): [string, string][] {
  const c = report.currency;
  return [
    [
      t.hoursWorked,
      `${t.mean} ${formatNumber(report.hours.mean, 0)} (± ${formatNumber(Z95 * report.hours.standard_error, 1)}), p50 ${formatNumber(report.hours.p50, 0)}, p95 ${formatNumber(report.hours.p95, 0)}, p99 ${formatNumber(report.hours.p99, 0)}`,
    ],
    [
      t.netCost,
      `${t.mean} ${formatMoney(report.net_cost.mean, c, 0)} (sd ${formatNumber(report.net_cost.sd, 0)}), p95 ${formatNumber(report.net_cost.p95, 0)}, p99 ${formatNumber(report.net_cost.p99, 0)}`,
    ],
  ];
}

/** Per-plan prices, each in its own unit, and the client's side of the bargain. */
export function formatPlans(report: BreakevenReport, s: TextStyle = EN_TEXT): string {
  const { t } = s;
  const rows = Object.entries(report.plans).map(([name, plan]) =>
    plan.clients === 0
      ? // No clients: no price of the plan is defined (its standalone price is 0 / 0).
        [name, formLabel(plan, s), '0', plan.price_now === undefined ? '-' : formatNumber(plan.price_now), t.noClients, '-', '-', '-', '-', '-']
      : planRow(name, plan, s),
  );
  const table = formatTable(
    t.planHeaders.map((header, i) => ({ header, align: i < 2 ? ('left' as const) : ('right' as const) })),
    rows,
  );
  return `${table}\n${t.plansBreakevenShare(formatPercent(report.plan_prices.breakeven_share))}`;
}

/** `flat, per month`, `bundle, per 20-hour card`: the form and its price unit. */
function formLabel(plan: PlanReport, s: TextStyle): string {
  return `${s.t.formKinds[plan.form]}, ${priceUnitText(plan.form, plan.price_unit, s)}`;
}

/** A plan's row of the plan table. */
function planRow(name: string, plan: PlanReport, s: TextStyle): string[] {
  return [
    name,
    formLabel(plan, s),
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
export const PLAN_LEGEND = EN_TEXT.t.planLegend.join('\n');

/** The plan legend in a language. */
export const planLegend = ({ t }: TextStyle = EN_TEXT): string => t.planLegend.join('\n');

/**
 * The terminal text of `fairfee breakeven`: the run's identity, the headline fees, the plans
 * with their legend, and what shared shocks cost (when compared).
 * @example breakevenText(breakevenReport(scenario, columns, trials, seed, [0.9, 0.95]), null)
 */
export function breakevenText(report: BreakevenReport, shocks: WithoutSharedShocks | null, s: TextStyle = EN_TEXT): string {
  const sections = [formatHeader(report, s), formatBreakevenSummary(report, s), `${formatPlans(report, s)}\n${planLegend(s)}`];
  if (shocks) sections.push(formatSharedShocks(shocks, report.trials, report.currency, headlineLabel(report, s), s));
  return sections.join('\n\n');
}
