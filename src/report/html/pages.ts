import type { BacktestResult } from '../../analysis/backtest/backtest.js';
import { visibleText } from '../../scenario/history/visibleText.js';
import type { AvailabilityAnalysis } from '../../analysis/availability/analysis.js';
import type { FeeComparison } from '../../analysis/feeTable.js';
import type { FormsResult } from '../../analysis/forms.js';
import type { Histogram } from '../../analysis/histogram.js';
import { type BreakevenReport, hasUniformFee } from '../../analysis/runReport.js';
import type { RunResult } from '../../analysis/runStudy.js';
import type { SensitivityResult } from '../../analysis/sensitivity.js';
import type { SlaResult } from '../../analysis/sla.js';
import type { CreditSchedule } from '../../scenario/uptime/spec.js';
import { tornadoLabel } from '../charts/sensitivityCharts.js';
import { uptimeText } from '../charts/availabilityChart.js';
import { escapeHtml } from './escape.js';
import { figure, htmlContext, htmlPage, type HtmlContext, type PageMeta } from './page.js';
import { renderSections, type SectionRequest } from './sections.js';

/** The headline of a break-even result: the fee, its interval and the fair fee, each tagged with its JSON key. */
function breakevenHeadline(report: BreakevenReport, ctx: HtmlContext): string {
  const { messages: m, numbers: n, currency } = ctx;
  if (!hasUniformFee(report)) return escapeHtml(`${m.terminal.breakevenFlatFee}: ${m.terminal.noUniformFee(report.uniform_fee_problem ?? '')}`);
  const [low, high] = report.breakeven_fee_interval;
  return m.headline.breakeven({
    confidence: escapeHtml(n.percent(report.confidence, 1)),
    fee: figure('breakeven_fee', report.breakeven_fee, n.money(report.breakeven_fee, currency)),
    low: figure('breakeven_fee_interval.0', low, n.money(low, currency)),
    high: figure('breakeven_fee_interval.1', high, n.money(high, currency)),
    fair: figure('fair_fee', report.fair_fee, n.money(report.fair_fee, currency)),
  });
}

/** A page from its headline and sections. */
async function page(meta: PageMeta, headline: (ctx: HtmlContext) => string, sections: readonly SectionRequest[]): Promise<string> {
  const ctx = htmlContext(meta);
  return htmlPage(meta, headline(ctx), await renderSections(sections, ctx));
}

/** Today's prices to mark on the fee curves: each plan's monthly_fee, where the scenario gives one. */
function pricesNow(report: BreakevenReport): Record<string, number> {
  return Object.fromEntries(Object.entries(report.plans).flatMap(([name, plan]) => (plan.monthly_fee === undefined ? [] : [[name, plan.monthly_fee]])));
}

/** The sections of `run`: the fee's distribution, the plans, today's prices, the fee curves, what drives the fee. */
function runSections(result: RunResult): SectionRequest[] {
  const { report } = result;
  // Without a uniform flat fee there is no distribution of it and no fee curve: the plans stand alone.
  const uniform = hasUniformFee(report) ? report : null;
  const sections: SectionRequest[] = [];
  if (uniform && result.histogram) sections.push({ kind: 'distribution', input: { report: uniform, histogram: result.histogram } });
  sections.push({ kind: 'plans', input: report });
  if (result.currentPrices) sections.push({ kind: 'currentPrices', input: result.currentPrices });
  if (uniform && result.feeTable.length > 0) {
    sections.push({ kind: 'feeCurve', input: { rows: result.feeTable, marks: { breakevenFee: uniform.breakeven_fee, pricesNow: pricesNow(report) } } });
  }
  if (result.sensitivity) sections.push({ kind: 'sensitivity', input: result.sensitivity });
  return sections;
}

/** The page of `fairfee run --html`. */
export function runHtml(result: RunResult, meta: PageMeta): Promise<string> {
  return page(meta, (ctx) => breakevenHeadline(result.report, ctx), runSections(result));
}

/** The page of `fairfee report`: everything `run` shows, and the availability of the chain when the scenario has one. */
export function reportHtml(result: RunResult, availability: AvailabilitySections | null, meta: PageMeta): Promise<string> {
  const sections = runSections(result);
  if (availability) sections.push({ kind: 'availability', input: availability });
  return page(meta, (ctx) => breakevenHeadline(result.report, ctx), sections);
}

/** The page of `fairfee breakeven --html`: the fee's distribution and the plans. */
export function breakevenHtml(report: BreakevenReport, histogram: Histogram, meta: PageMeta): Promise<string> {
  return page(meta, (ctx) => breakevenHeadline(report, ctx), [
    ...(hasUniformFee(report) ? [{ kind: 'distribution' as const, input: { report, histogram } }] : []),
    { kind: 'plans', input: report },
  ]);
}

/** The page of `fairfee compare --html`: the fee curves, and the price list's outcome when one was given. */
export function compareHtml(result: FeeComparison, pricesNowByPlan: Readonly<Record<string, number>>, meta: PageMeta): Promise<string> {
  const sections: SectionRequest[] = [
    { kind: 'feeCurve', input: { rows: result.rows, marks: { breakevenFee: result.breakeven_fee, pricesNow: pricesNowByPlan } } },
  ];
  if (result.price_list) sections.push({ kind: 'currentPrices', input: result.price_list });
  return page(
    meta,
    ({ messages: m, numbers: n, currency }) => {
      const [low, high] = result.breakeven_fee_interval;
      return m.headline.compare({
        fees: result.rows.length,
        confidence: escapeHtml(n.percent(result.confidence, 1)),
        fee: figure('breakeven_fee', result.breakeven_fee, n.money(result.breakeven_fee, currency)),
        low: figure('breakeven_fee_interval.0', low, n.money(low, currency)),
        high: figure('breakeven_fee_interval.1', high, n.money(high, currency)),
      });
    },
    sections,
  );
}

/** The page of `fairfee sensitivity --html`: the tornado and the variance shares. */
export function sensitivityHtml(result: SensitivityResult, meta: PageMeta): Promise<string> {
  return page(
    meta,
    ({ messages: m, numbers: n, currency }) => {
      const top = result.rows[0];
      return m.headline.sensitivity({
        change: escapeHtml(n.percent(result.change, 0)),
        top: escapeHtml(top ? tornadoLabel(top, m) : '-'),
        swing: top ? figure('rows.0.swing', top.swing, n.money(top.swing, currency)) : '-',
        base: figure('base_fee', result.base_fee, n.money(result.base_fee, currency)),
      });
    },
    [{ kind: 'sensitivity', input: result }],
  );
}

/** The chain's analysis and the clients' credit schedule: the availability section's input. */
export interface AvailabilitySections {
  readonly analysis: AvailabilityAnalysis;
  readonly credits: CreditSchedule;
}

/** The page of `fairfee availability SCENARIO --html`. */
export function availabilityHtml(input: AvailabilitySections, meta: PageMeta): Promise<string> {
  const { analysis } = input;
  return page(
    meta,
    (ctx) => {
      const { messages: m, numbers: n } = ctx;
      return m.headline.availability({
        mean: figure('simulated.mean', analysis.availability.mean, uptimeText(analysis.availability.mean, ctx)),
        promised: escapeHtml(uptimeText(analysis.promised, ctx)),
        below: figure('simulated.below_promised_probability', analysis.belowPromised.probability, n.percent(analysis.belowPromised.probability, 2)),
        credit: figure('expected_credit_per_month', analysis.creditShare.mean, n.percent(analysis.creditShare.mean, 2)),
      });
    },
    [{ kind: 'availability', input }],
  );
}

/** The page of `fairfee forms --html`: per segment its forms as points, its table and the advice. */
export function formsHtml(result: FormsResult, meta: PageMeta): Promise<string> {
  const changes = result.segments.filter((s) => s.recommendation.form !== s.plan).length;
  return page(
    meta,
    ({ messages: m, numbers: n }) =>
      m.forms.headline({
        scenario: escapeHtml(meta.identity.scenario),
        segments: figure('segments.length', result.segments.length, n.number(result.segments.length, 0)),
        changes,
        confidence: figure('confidence', result.confidence, n.percent(result.confidence, 1)),
      }),
    result.segments.map((segment, index) => ({
      kind: 'forms' as const,
      input: { segment, index, confidence: result.confidence, candidates: result.candidates },
    })),
  );
}

/** The page of `fairfee backtest --html`: the verdict as headline, the PITs, actual against expected hours, the tables. */
export function backtestHtml(result: BacktestResult, meta: PageMeta): Promise<string> {
  const p = result.portfolio;
  return page(
    meta,
    ({ messages: m, numbers: n }) =>
      m.backtest.headline({
        verdict: escapeHtml(m.backtest.verdicts[p.verdict.kind]),
        history: escapeHtml(visibleText(result.history)),
        ae: Number.isFinite(p.actualToExpected)
          ? figure('portfolio.actual_to_expected', p.actualToExpected, n.number(p.actualToExpected, 2))
          : escapeHtml(m.rows.notAvailable),
        coverage: figure('portfolio.coverage_90', p.coverage90, n.percent(p.coverage90, 0)),
        clientTerms: figure('portfolio.client_windows', p.clientWindows, n.number(p.clientWindows, 0)),
        ks: Number.isFinite(p.ksPValue) ? `p = ${figure('portfolio.ks_p_value', p.ksPValue, n.number(p.ksPValue, 3))}` : escapeHtml(m.rows.notAvailable),
      }),
    [{ kind: 'backtest', input: result }],
  );
}

/** The page of `fairfee sla --html`: whether each plan's promise holds, the team; per plan P(breach) and its figures; the staffing table. */
export function slaHtml(result: SlaResult, meta: PageMeta): Promise<string> {
  return page(
    meta,
    ({ messages: m, numbers: n }) => {
      const max = escapeHtml(n.percent(result.maxBreach, 1));
      const verdicts = result.plans.map((p) => {
        const plan = escapeHtml(p.plan);
        if (!Number.isFinite(p.breachProbability)) return m.sla.noRequests(plan);
        const text = n.percent(p.breachProbability, 2);
        // A JSON key path splits at dots: a plan name with one shows its figure as text.
        const breach = p.plan.includes('.') ? escapeHtml(text) : figure(`plans.${p.plan}.breach_probability`, p.breachProbability, text);
        return m.sla.planVerdict({ plan, breach, max, holds: p.breachProbability <= result.maxBreach });
      });
      const u = result.team.utilisation;
      return m.sla.headline({
        scenario: escapeHtml(meta.identity.scenario),
        plans: verdicts.join('; '),
        people: figure('team.people', result.team.people, n.number(result.team.people, 0)),
        utilisation: Number.isFinite(u) ? figure('team.utilisation', u, n.percent(u, 1)) : escapeHtml(m.rows.notAvailable),
      });
    },
    [
      { kind: 'sla', input: { result, part: 'plans' } },
      { kind: 'sla', input: { result, part: 'staffing' } },
    ],
  );
}
