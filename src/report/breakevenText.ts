import type { BreakevenReport, PlanReport } from '../analysis/runReport.js';
import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { Z95 } from '../analysis/quantile.js';
import { formatSharedShocks } from './sharedShocksText.js';
import { priceUnitText } from './priceUnitText.js';
import { formatPairs, formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/**
 * The style's spelling of figures that may have no value: null prints as `n/a`, as format.ts
 * has it (English is format.ts's spelling exactly; Dutch writes `€ 1.234,50` and `12,5%`).
 */
function spell({ n }: TextStyle) {
  return {
    number: (value: number | null, decimals?: number) => n.number(value ?? Number.NaN, decimals),
    money: (value: number | null, currency: string, decimals?: number) => n.money(value ?? Number.NaN, currency, decimals),
    percent: (value: number | null, decimals?: number) => n.percent(value ?? Number.NaN, decimals),
    interval: (range: readonly [number, number]) => n.interval(range),
  };
}

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
export function headlineLabel(report: Pick<BreakevenReport, 'confidence' | 'levels'>, s: TextStyle = EN_TEXT): string {
  return report.levels.length > 1 ? s.t.atLevel(spell(s).percent(report.confidence, 1)) : '';
}

/** Why the risk loading (break-even ÷ fair fee − 1) is n/a. */
function riskLoadingText(fairFee: number, { t }: TextStyle = EN_TEXT): string {
  return fairFee === 0 ? t.riskLoadingFairZero : t.riskLoadingCovered;
}

/** The headline fees: break-even at each level, fair fee, loading, pooling. */
export function formatBreakevenSummary(report: BreakevenReport, s: TextStyle = EN_TEXT): string {
  const { t } = s;
  const f = spell(s);
  const c = report.currency;
  if (report.uniform_fee_problem !== undefined) return formatPairs([[t.breakevenFlatFee, t.noUniformFee(report.uniform_fee_problem)], ...workPairs(report, s)]);
  const pairs: [string, string][] = report.levels.map((level) => [
    t.breakevenAt(f.percent(level.confidence, 1)),
    t.perClientMonthInterval({ fee: f.money(level.breakeven_fee, c), interval: f.interval(level.breakeven_fee_interval) }),
  ]);
  // Risk loading and pooling benefit are of the headline level: named when there are several.
  const at = headlineLabel(report, s);
  pairs.push(
    [t.fairFee, `${f.money(report.fair_fee, c)}  (± ${f.number(Z95 * (report.fair_fee_standard_error ?? 0))})`],
    [`${t.riskLoading}${at}`, report.risk_loading === null ? riskLoadingText(report.fair_fee ?? 0, s) : f.percent(report.risk_loading)],
    [`${t.poolingBenefit}${at}`, t.poolingValue(f.money(report.pooling_benefit, c))],
    ...workPairs(report, s),
  );
  return formatPairs(pairs);
}

/** The hours and net cost lines of the headline. */
function workPairs(report: BreakevenReport, s: TextStyle): [string, string][] {
  const { t } = s;
  const f = spell(s);
  const c = report.currency;
  return [
    [
      t.hoursWorked,
      `${t.mean} ${f.number(report.hours.mean, 0)} (± ${f.number(Z95 * report.hours.standard_error, 1)}), p50 ${f.number(report.hours.p50, 0)}, p95 ${f.number(report.hours.p95, 0)}, p99 ${f.number(report.hours.p99, 0)}`,
    ],
    [
      t.netCost,
      `${t.mean} ${f.money(report.net_cost.mean, c, 0)} (sd ${f.number(report.net_cost.sd, 0)}), p95 ${f.number(report.net_cost.p95, 0)}, p99 ${f.number(report.net_cost.p99, 0)}`,
    ],
  ];
}

/** Per-plan prices, each in its own unit, and the client's side of the bargain. */
export function formatPlans(report: BreakevenReport, s: TextStyle = EN_TEXT): string {
  const { t } = s;
  const f = spell(s);
  const rows = Object.entries(report.plans).map(([name, plan]) =>
    plan.clients === 0
      ? // No clients: no price of the plan is defined (its standalone price is 0 / 0).
        [name, formLabel(plan, s), '0', plan.price_now === undefined ? '-' : f.number(plan.price_now), t.noClients, '-', '-', '-', '-', '-']
      : planRow(name, plan, s),
  );
  const table = formatTable(
    t.planHeaders.map((header, i) => ({ header, align: i < 2 ? ('left' as const) : ('right' as const) })),
    rows,
  );
  return `${table}\n${t.plansBreakevenShare(f.percent(report.plan_prices.breakeven_share))}`;
}

/** `flat, per month`, `bundle, per 20-hour card`: the form and its price unit. */
function formLabel(plan: PlanReport, s: TextStyle): string {
  return `${s.t.formKinds[plan.form]}, ${priceUnitText(plan.form, plan.price_unit, s)}`;
}

/** A plan's row of the plan table. */
function planRow(name: string, plan: PlanReport, s: TextStyle): string[] {
  const f = spell(s);
  return [
    name,
    formLabel(plan, s),
    String(plan.clients),
    plan.price_now === undefined ? '-' : f.number(plan.price_now),
    f.number(plan.fee),
    f.number(plan.fair_fee),
    f.number(plan.standalone_fee),
    f.number(plan.indifferent_fee),
    f.percent(plan.overpay_probability),
    plan.overpay_probability_at_price_now === undefined ? '-' : f.percent(plan.overpay_probability_at_price_now),
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
