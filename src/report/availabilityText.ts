import type { AvailabilityAnalysis } from '../analysis/availability/analysis.js';
import type { ComponentFigures } from '../analysis/availability/exactFigures.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvColumn, CsvTable } from './csv.js';
import { formatHours, formatUptimePercent, formatPromise, formatRows } from './format.js';
import { EN_TEXT, inStyle, type TextStyle } from './i18n/textStyle.js';

export { compositionReport } from './compositionText.js';
export type { CompositionInput, CompositionJson, CompositionMode } from '../analysis/availability/composition.js';

/** A CSV table: the header row, then data rows (numbers unformatted; the CSV writer applies the dialect). */
export type CsvRows = (string | number)[][];

/** Header of the `--csv` table of `fairfee availability SCENARIO`. */
export const AVAILABILITY_CSV_HEADER = ['quantile', 'availability', 'downtime_hours', 'credit_share'] as const;

/** A number for JSON: Infinity (a component never up has no finite outage rate) becomes null. */
const finite = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The `--json` document of `fairfee availability SCENARIO`: docs/interface.md's fields
 * (`series_availability`, `additive_bound`, `simulated` {`mean`, `p05`, `p50`,
 * `below_promised_probability`}, `expected_credit_per_month`) and more. Credits to clients are
 * shares of the monthly fee (`expected_credit_per_month: 0.012` is 1.2% of the fee per
 * client-month); supplier figures are money per client-month. The CLI adds the fields every
 * command carries (`scenario`, `trials`, `seed`, ...).
 */
export function availabilityJson(analysis: AvailabilityAnalysis) {
  const { exact, availability: a, downtimeHours: d, longestOutageHours: l, creditShare: c, supplier, promise, fee } = analysis;
  return {
    promised: analysis.promised,
    promised_by: analysis.promisedBy,
    months: analysis.months,
    hours_per_month: analysis.hoursPerMonth,
    series_availability: exact.seriesAvailability,
    additive_bound: exact.additiveBound,
    pessimistic_bound: exact.pessimisticBound,
    expected_availability: exact.expectedAvailability,
    components: exact.components.map((component) => ({
      name: component.name,
      given: component.given,
      availability: component.availability,
      outages_per_month: finite(component.outagesPerMonth),
      mean_outage_hours: component.meanOutageHours,
    })),
    simulated: {
      mean: a.mean,
      standard_error: a.standardError,
      sd: a.sd,
      min: a.min,
      p01: a.p01,
      p05: a.p05,
      p10: a.p10,
      p50: a.p50,
      below_promised_probability: analysis.belowPromised.probability,
      below_promised_standard_error: analysis.belowPromised.standardError,
      ...(analysis.outageAssumption
        ? {
            mean_outage_hours: analysis.outageAssumption.meanOutageHours,
            below_promised_probability_at_mean_outage_hours: Object.fromEntries(
              analysis.outageAssumption.alternatives.map((alt) => [String(alt.meanOutageHours), alt.belowPromised]),
            ),
          }
        : {}),
    },
    downtime_hours: { mean: d.mean, p50: d.p50, p90: d.p90, p95: d.p95, p99: d.p99, max: d.max },
    longest_outage_hours: { mean: l.mean, p95: l.p95 },
    expected_credit_per_month: c.mean,
    expected_credit_standard_error: c.standardError,
    credit_p95: c.p95,
    credit_probability: c.probabilityAny,
    supplier_credit_per_month: supplier.credit.mean,
    supplier_cost_per_month: supplier.cost,
    supplier_net_cost_per_month: supplier.netCost,
    ...(fee
      ? {
          monthly_fee: fee.monthlyFee,
          expected_credit_amount_per_month: fee.expectedCredit,
          net_credit_amount_per_month: fee.netCredit.mean,
        }
      : {}),
    promise: {
      risk: promise.risk,
      at_risk: promise.atRisk,
      at_risk_interval: promise.atRiskInterval,
      max_credit_share: promise.maxCreditShare,
      within_credit_budget: promise.withinCreditBudget,
    },
  };
}

/** The `--json` document's type. */
export type AvailabilityJson = ReturnType<typeof availabilityJson>;

/**
 * The `--csv` table: one row per level of `DISTRIBUTION_LEVELS` (0.001, 0.005, 0.01 … 0.99,
 * 0.995, 0.999). A row describes "the month at that quantile": `availability` is the type-1
 * quantile of monthly availability (at least that share of months are at or below it),
 * `downtime_hours` the downtime it means, (1 − availability)·730, and `credit_share` the share
 * of the fee such a month earns back.
 */
export function availabilityCsvRows(analysis: AvailabilityAnalysis): CsvRows {
  return [[...AVAILABILITY_CSV_HEADER], ...analysis.distribution.map((row) => [row.level, row.availability, row.downtimeHours, row.creditShare])];
}

/** The --csv table's columns (AVAILABILITY_CSV_HEADER): uptime to six digits, a credit share to four. */
export const AVAILABILITY_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'quantile', kind: 'exact' },
  { name: 'availability', kind: 'uptime' },
  { name: 'downtime_hours', kind: 'hours' },
  { name: 'credit_share', kind: 'share' },
];

/** The --csv table as a typed table (availabilityCsvRows without its header). */
export function availabilityCsv(analysis: AvailabilityAnalysis): CsvTable {
  return { columns: AVAILABILITY_CSV_COLUMNS, rows: availabilityCsvRows(analysis).slice(1) };
}

/**
 * What P(month below) assumes: the outage length of components given only an availability,
 * and the figure at 1 h and 8 h, so the range shows (it depends strongly on it).
 */
function outageLine(analysis: AvailabilityAnalysis, s: TextStyle): [string, string][] {
  const o = analysis.outageAssumption;
  if (!o) return [];
  const assumed = o.meanOutageHours.map((h) => inStyle(formatHours(h), s)).join(', ');
  const others = o.alternatives
    .map((alt) =>
      s.t.availability.outageAlternative({
        below: inStyle(formatUptimePercent(alt.belowPromised, 2, true), s),
        hours: inStyle(formatHours(alt.meanOutageHours), s),
      }),
    )
    .join(', ');
  return [['', s.t.availability.outageAssumption({ assumed, others })]];
}

function componentLine(component: ComponentFigures, s: TextStyle): [string, string] {
  const a = s.t.availability;
  const rate = Number.isFinite(component.outagesPerMonth)
    ? a.outageRate({ rate: inStyle(component.outagesPerMonth.toFixed(2), s), hours: inStyle(formatHours(component.meanOutageHours), s) })
    : a.neverUp;
  const origin = component.given === 'availability' ? a.asStated : a.fromOutages;
  return [component.name, `${inStyle(formatUptimePercent(component.availability), s).padEnd(9)} ${origin}; ${rate}`];
}

/** `12.3% ± 0.1%`: a share with its standard error. */
const withError = (value: number, standardError: number, decimals = 3) =>
  `${formatUptimePercent(value, decimals, true)} ± ${formatUptimePercent(standardError, decimals, true)}`;

/**
 * The terminal text of `fairfee availability SCENARIO`: the components, the exact figures, the
 * simulated month, the promise and its breach probability, downtime and the longest outage,
 * credits (with supplier credits netted), and "what can I promise?".
 */
export function availabilityText(analysis: AvailabilityAnalysis, s: TextStyle = EN_TEXT): string {
  const { exact, availability: av, downtimeHours: d, longestOutageHours: l, creditShare: c, supplier, promise, fee } = analysis;
  const a = s.t.availability;
  const u = (share: number, decimals?: number, keepZeros?: boolean) => inStyle(formatUptimePercent(share, decimals, keepZeros), s);
  const h = (hours: number) => inStyle(formatHours(hours), s);
  const p = (share: number) => inStyle(formatPromise(share), s);
  const money = (x: number) => inStyle(x.toFixed(2), s);
  const hours = analysis.hoursPerMonth;
  const heading = a.heading({ months: s.n.number(analysis.months, 0), hours, seed: analysis.seed });
  const rows: [string, string][] = [
    ...exact.components.map((component) => componentLine(component, s)),
    ['', ''],
    [a.exact, `${u(exact.seriesAvailability).padEnd(9)} ${a.downtimePerMonth(h((1 - exact.seriesAvailability) * hours))}`],
    [a.additive, `${u(exact.additiveBound).padEnd(9)} ${a.additiveNote}`],
    [a.expectedMonth, `${u(exact.expectedAvailability).padEnd(9)} ${a.expectedMonthNote}`],
    [a.simulatedMonth, a.simulatedValue({ mean: inStyle(withError(av.mean, av.standardError, 4), s), p05: u(av.p05), p50: u(av.p50), worst: u(av.min) })],
    [
      a.promised(u(analysis.promised), analysis.promisedBy),
      a.below(inStyle(withError(analysis.belowPromised.probability, analysis.belowPromised.standardError, 2), s)),
    ],
    ...outageLine(analysis, s),
    [a.downtime, a.downtimeValue({ mean: h(d.mean), p50: h(d.p50), p90: h(d.p90), p95: h(d.p95), p99: h(d.p99) })],
    [a.longest, a.longestValue({ mean: h(l.mean), p95: h(l.p95) })],
    [a.credits, a.creditsValue({ expected: inStyle(withError(c.mean, c.standardError), s), p95: u(c.p95), months: u(c.probabilityAny, 1) })],
  ];
  if (supplier.cost > 0 || supplier.credit.mean > 0) {
    rows.push([a.suppliers, a.suppliersValue({ cost: money(supplier.cost), credit: money(supplier.credit.mean), net: money(supplier.netCost) })]);
  }
  if (fee) rows.push([a.atFee(inStyle(String(fee.monthlyFee), s)), a.atFeeValue({ credit: money(fee.expectedCredit), net: money(fee.netCredit.mean) })]);
  rows.push(
    ['', ''],
    [a.promiseAtRisk(u(promise.risk)), a.promiseValue({ promise: p(promise.atRisk), low: p(promise.atRiskInterval[0]), high: p(promise.atRiskInterval[1]) })],
    [a.promiseBudget(u(promise.maxCreditShare)), promise.withinCreditBudget === null ? a.noSchedule : a.budgetValue(p(promise.withinCreditBudget))],
  );
  return `${heading}\n${formatRows(rows)}`;
}

/**
 * Everything `fairfee availability SCENARIO` shows, ready for the CLI to print or write: the
 * terminal text, the `--json` document and the `--csv` rows. Pure, no I/O.
 * @example const { text, json, csvRows } = availabilityReport(analyzeAvailability(spec, { months, seed }))
 */
export function availabilityReport(analysis: AvailabilityAnalysis): { text: string; json: AvailabilityJson; csvRows: CsvRows } {
  return { text: availabilityText(analysis), json: availabilityJson(analysis), csvRows: availabilityCsvRows(analysis) };
}

/** The terminal text of `fairfee availability SCENARIO`: the run's identity, then availabilityText. */
export function scenarioAvailabilityText(identity: RunIdentity, analysis: AvailabilityAnalysis, s: TextStyle = EN_TEXT): string {
  return `${formatHeader(identity, s)}\n\n${availabilityText(analysis, s)}`;
}

/** The `--json` document of `fairfee availability SCENARIO`: the run's identity, then availabilityJson. */
export function scenarioAvailabilityJson(identity: RunIdentity, analysis: AvailabilityAnalysis) {
  return { ...identity, ...availabilityJson(analysis) };
}
