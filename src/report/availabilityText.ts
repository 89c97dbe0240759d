import type { AvailabilityAnalysis } from '../analysis/availability/analysis.js';
import type { ComponentFigures } from '../analysis/availability/exactFigures.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvColumn, CsvTable } from './csv.js';
import { formatCount, formatHours, formatUptimePercent, formatPromise, formatRows } from './format.js';

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
function outageLine(analysis: AvailabilityAnalysis): [string, string][] {
  const o = analysis.outageAssumption;
  if (!o) return [];
  const assumed = o.meanOutageHours.map((h) => formatHours(h)).join(', ');
  const others = o.alternatives.map((alt) => `${formatUptimePercent(alt.belowPromised, 2, true)} at ${formatHours(alt.meanOutageHours)}`).join(', ');
  return [['', `assumes outages of ${assumed} on average (mean_outage_hours) where only an availability is given; ${others}`]];
}

function componentLine(component: ComponentFigures): [string, string] {
  const rate = Number.isFinite(component.outagesPerMonth)
    ? `${component.outagesPerMonth.toFixed(2)} outages/month of ${formatHours(component.meanOutageHours)} on average`
    : 'never up';
  const origin = component.given === 'availability' ? 'as stated' : 'from its outages';
  return [component.name, `${formatUptimePercent(component.availability).padEnd(9)} ${origin}; ${rate}`];
}

/** `12.3% ± 0.1%`: a share with its standard error. */
const withError = (value: number, standardError: number, decimals = 3) =>
  `${formatUptimePercent(value, decimals, true)} ± ${formatUptimePercent(standardError, decimals, true)}`;

/**
 * The terminal text of `fairfee availability SCENARIO`: the components, the exact figures, the
 * simulated month, the promise and its breach probability, downtime and the longest outage,
 * credits (with supplier credits netted), and "what can I promise?".
 */
export function availabilityText(analysis: AvailabilityAnalysis): string {
  const { exact, availability: a, downtimeHours: d, longestOutageHours: l, creditShare: c, supplier, promise, fee } = analysis;
  const hours = analysis.hoursPerMonth;
  const heading = `Availability of the chain (${formatCount(analysis.months)} simulated months of ${hours} h, seed ${analysis.seed})`;
  const rows: [string, string][] = [
    ...exact.components.map(componentLine),
    ['', ''],
    [
      'exact (series of the chain)',
      `${formatUptimePercent(exact.seriesAvailability).padEnd(9)} downtime ${formatHours((1 - exact.seriesAvailability) * hours)}/month`,
    ],
    ['additive bound', `${formatUptimePercent(exact.additiveBound).padEnd(9)} pessimistic: exact only when outages never overlap`],
    ['expected month', `${formatUptimePercent(exact.expectedAvailability).padEnd(9)} each month starting with everything up`],
    [
      'simulated month',
      `mean ${withError(a.mean, a.standardError, 4)}, p05 ${formatUptimePercent(a.p05)}, p50 ${formatUptimePercent(a.p50)}, worst ${formatUptimePercent(a.min)}`,
    ],
    [
      `promised ${formatUptimePercent(analysis.promised)}`,
      `P(month below) ${withError(analysis.belowPromised.probability, analysis.belowPromised.standardError, 2)}`,
    ],
    ...outageLine(analysis),
    [
      'downtime per month',
      `mean ${formatHours(d.mean)}, p50 ${formatHours(d.p50)}, p90 ${formatHours(d.p90)}, p95 ${formatHours(d.p95)}, p99 ${formatHours(d.p99)}`,
    ],
    ['longest outage', `mean ${formatHours(l.mean)}, p95 ${formatHours(l.p95)}`],
    [
      'credits',
      `expected ${withError(c.mean, c.standardError)} of the fee per client-month, p95 ${formatUptimePercent(c.p95)}, ` +
        `in ${formatUptimePercent(c.probabilityAny, 1)} of months`,
    ],
  ];
  if (supplier.cost > 0 || supplier.credit.mean > 0) {
    rows.push([
      'suppliers (per client)',
      `cost ${supplier.cost.toFixed(2)}, credits received ${supplier.credit.mean.toFixed(2)}, net ${supplier.netCost.toFixed(2)} a month`,
    ]);
  }
  if (fee) {
    rows.push([
      `at a fee of ${fee.monthlyFee}`,
      `credits ${fee.expectedCredit.toFixed(2)} a client-month, net of supplier credits ${fee.netCredit.mean.toFixed(2)}`,
    ]);
  }
  rows.push(
    ['', ''],
    [
      `promise at ${formatUptimePercent(promise.risk)} risk`,
      `${formatPromise(promise.atRisk)} (95% interval ${formatPromise(promise.atRiskInterval[0])} to ${formatPromise(promise.atRiskInterval[1])})`,
    ],
    [
      `promise, credits ≤ ${formatUptimePercent(promise.maxCreditShare)} of fee`,
      promise.withinCreditBudget === null
        ? 'no credit schedule: add credits to the availability block'
        : `${formatPromise(promise.withinCreditBudget)} (the credit schedule moved so its top threshold is the promise)`,
    ],
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
export function scenarioAvailabilityText(identity: RunIdentity, analysis: AvailabilityAnalysis): string {
  return `${formatHeader(identity)}\n\n${availabilityText(analysis)}`;
}

/** The `--json` document of `fairfee availability SCENARIO`: the run's identity, then availabilityJson. */
export function scenarioAvailabilityJson(identity: RunIdentity, analysis: AvailabilityAnalysis) {
  return { ...identity, ...availabilityJson(analysis) };
}
