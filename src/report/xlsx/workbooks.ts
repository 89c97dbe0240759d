import type { FeeComparison } from '../../analysis/feeTable.js';
import type { FormsResult } from '../../analysis/forms.js';
import type { BacktestResult } from '../../analysis/backtest/backtest.js';
import { backtestCsv } from '../backtestCsv.js';
import { formsCsv } from '../formsText.js';
import type { SlaResult } from '../../analysis/sla.js';
import { slaCsv, slaPlansCsv } from '../slaText.js';
import type { BreakevenReport, RunIdentity } from '../../analysis/runReport.js';
import type { RunResult } from '../../analysis/runStudy.js';
import type { SensitivityResult } from '../../analysis/sensitivity.js';
import { availabilityCsv } from '../availabilityText.js';
import { breakevenCsv } from '../breakevenCsv.js';
import { feeRowsCsv } from '../compareText.js';
import type { CsvTable } from '../csv.js';
import type { AvailabilitySections } from '../html/pages.js';
import type { PageMeta } from '../html/page.js';
import { messagesFor } from '../i18n/catalogue.js';
import type { Messages } from '../i18n/messages.js';
import { priceListCsv } from '../priceListText.js';
import { sensitivityCsv } from '../sensitivityText.js';
import { trialRow } from '../trialsCsv.js';
import type { TrialColumns } from '../../engine/columns.js';
import type { Scenario } from '../../scenario/types.js';
import { columnLabel } from '../i18n/columns.js';
import { MAX_TRIALS_XLSX } from './limits.js';
import { type HeadlineRow, type SheetTable, workbookBytes } from './workbook.js';

/*
 * The workbook of each command (--xlsx): a headline sheet, then the command's tables, the same
 * typed tables --csv writes (one renderer per result: these only choose which).
 */

/** What every headline sheet starts with: the run's identity. */
function identityRows(identity: RunIdentity, m: Messages): HeadlineRow[] {
  return [
    { label: m.rows.scenario, value: identity.scenario, kind: 'text' },
    { label: m.rows.seed, value: String(identity.seed), kind: 'text' },
    { label: m.rows.trials, value: identity.trials, kind: 'count' },
    { label: m.rows.clients, value: identity.clients, kind: 'count' },
    { label: m.rows.termMonths, value: identity.term_months, kind: 'count' },
  ];
}

/** The break-even headline: the fee, its interval, the fair fee, loading and pooling. */
function breakevenRows(report: BreakevenReport, m: Messages): HeadlineRow[] {
  return [
    { label: m.rows.confidence, value: report.confidence, kind: 'share' },
    { label: m.rows.breakevenFee, value: report.breakeven_fee, kind: 'money' },
    { label: m.rows.intervalLow, value: report.breakeven_fee_interval?.[0] ?? null, kind: 'money' },
    { label: m.rows.intervalHigh, value: report.breakeven_fee_interval?.[1] ?? null, kind: 'money' },
    { label: m.rows.fairFee, value: report.fair_fee, kind: 'money' },
    { label: m.rows.riskLoading, value: report.risk_loading, kind: 'share' },
    { label: m.rows.poolingBenefit, value: report.pooling_benefit, kind: 'money' },
  ];
}

/** The credit tiers as a typed table. */
function creditsTable(input: AvailabilitySections): CsvTable {
  return {
    columns: [
      { name: 'below', kind: 'uptime' },
      { name: 'credit', kind: 'share' },
    ],
    rows: [...input.credits].sort((a, b) => b.below - a.below).map((tier) => [tier.below, tier.credit]),
  };
}

/** The availability headline: exact and simulated figures, the promise, credits. */
function availabilityRows({ analysis }: AvailabilitySections, m: Messages): HeadlineRow[] {
  return [
    { label: m.rows.seriesAvailability, value: analysis.exact.seriesAvailability, kind: 'uptime' },
    { label: m.rows.simulatedMean, value: analysis.availability.mean, kind: 'uptime' },
    { label: m.rows.simulatedP05, value: analysis.availability.p05, kind: 'uptime' },
    { label: m.rows.promised, value: analysis.promised, kind: 'uptime' },
    { label: m.rows.belowPromised, value: analysis.belowPromised.probability, kind: 'share' },
    { label: m.rows.expectedCredit, value: analysis.creditShare.mean, kind: 'share' },
  ];
}

/** The tables of `run`. */
function runTables(result: RunResult): SheetTable[] {
  const tables: SheetTable[] = [{ key: 'levels', table: breakevenCsv(result.report) }];
  if (result.currentPrices) tables.push({ key: 'currentPrices', table: priceListCsv(result.currentPrices) });
  tables.push({ key: 'feeTable', table: feeRowsCsv(result.feeTable) });
  if (result.sensitivity) tables.push({ key: 'tornado', table: sensitivityCsv(result.sensitivity) });
  return tables;
}

/** The workbook of `run` (and of `report`, with the chain's availability when the scenario has one). */
export function runWorkbook(result: RunResult, availability: AvailabilitySections | null, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const headline = [...identityRows(meta.identity, m), ...breakevenRows(result.report, m), ...(availability ? availabilityRows(availability, m) : [])];
  const tables = runTables(result);
  if (availability) tables.push({ key: 'months', table: availabilityCsv(availability.analysis) }, { key: 'credits', table: creditsTable(availability) });
  return workbookBytes(headline, tables, meta.lang, meta.date);
}

/** The workbook of `breakeven`. */
export function breakevenWorkbook(report: BreakevenReport, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  return workbookBytes(
    [...identityRows(meta.identity, m), ...breakevenRows(report, m)],
    [{ key: 'levels', table: breakevenCsv(report) }],
    meta.lang,
    meta.date,
  );
}

/** The workbook of `compare`: the fee table, and the price list's outcome when one was given. */
export function compareWorkbook(result: FeeComparison, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const headline: HeadlineRow[] = [
    ...identityRows(meta.identity, m),
    { label: m.rows.confidence, value: result.confidence, kind: 'share' },
    { label: m.rows.breakevenFee, value: result.breakeven_fee, kind: 'money' },
    { label: m.rows.intervalLow, value: result.breakeven_fee_interval[0], kind: 'money' },
    { label: m.rows.intervalHigh, value: result.breakeven_fee_interval[1], kind: 'money' },
  ];
  const tables: SheetTable[] = [{ key: 'feeTable', table: feeRowsCsv(result.rows) }];
  if (result.price_list) tables.push({ key: 'currentPrices', table: priceListCsv(result.price_list) });
  return workbookBytes(headline, tables, meta.lang, meta.date);
}

/** The workbook of `sensitivity`. */
export function sensitivityWorkbook(result: SensitivityResult, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const headline: HeadlineRow[] = [...identityRows(meta.identity, m), { label: m.rows.baseFee, value: result.base_fee, kind: 'money' }];
  return workbookBytes(headline, [{ key: 'tornado', table: sensitivityCsv(result) }], meta.lang, meta.date);
}

/** The workbook of `availability SCENARIO`. */
export function availabilityWorkbook(input: AvailabilitySections, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  return workbookBytes(
    [...identityRows(meta.identity, m), ...availabilityRows(input, m)],
    [
      { key: 'months', table: availabilityCsv(input.analysis) },
      { key: 'credits', table: creditsTable(input) },
    ],
    meta.lang,
    meta.date,
  );
}

/** The workbook of `forms`: the confidence, the segments and each one's advised form, then the forms table (--csv's). */
export function formsWorkbook(result: FormsResult, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const headline: HeadlineRow[] = [
    ...identityRows(meta.identity, m),
    { label: m.rows.confidence, value: result.confidence, kind: 'share' },
    { label: m.forms.segments, value: result.segments.length, kind: 'count' },
    ...result.segments.map((s): HeadlineRow => ({ label: m.forms.adviceRow(s.segment), value: s.recommendation.form, kind: 'text' })),
  ];
  return workbookBytes(headline, [{ key: 'forms', table: formsCsv(result) }], meta.lang, meta.date);
}

/**
 * The workbook of `backtest`: the portfolio's figures on the headline sheet (the verdict, A/E,
 * z, the KS test, interval coverage, the scenario's fee and each window's needed fee), then the
 * per-client table of --csv.
 */
export function backtestWorkbook(result: BacktestResult, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const r = m.backtest.rows;
  const p = result.portfolio;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const headline: HeadlineRow[] = [
    ...identityRows(meta.identity, m),
    { label: r.verdict, value: m.backtest.verdicts[p.verdict.kind], kind: 'text' },
    { label: r.clientTerms, value: p.clientWindows, kind: 'count' },
    { label: r.actualHours, value: p.actualHours, kind: 'hours' },
    { label: r.expectedHours, value: p.expectedHours, kind: 'hours' },
    { label: r.actualToExpected, value: finite(p.actualToExpected), kind: 'exact' },
    { label: r.z, value: finite(p.z), kind: 'exact' },
    { label: r.ksStatistic, value: finite(p.ksStatistic), kind: 'exact' },
    { label: r.ksPValue, value: finite(p.ksPValue), kind: 'exact' },
    { label: r.coverage50, value: p.coverage50, kind: 'share' },
    { label: r.coverage90, value: p.coverage90, kind: 'share' },
    { label: r.netCostKsPValue, value: finite(p.netCostKsPValue), kind: 'exact' },
    { label: m.rows.confidence, value: result.scenarioFee.confidence, kind: 'share' },
    { label: r.breakevenFee, value: result.scenarioFee.breakevenFee, kind: 'money' },
    { label: r.fairFee, value: result.scenarioFee.fairFee, kind: 'money' },
    ...result.windows.flatMap((w): HeadlineRow[] => [
      { label: r.neededFee(`${w.index} (${w.label})`), value: finite(w.neededFee), kind: 'money' },
      { label: r.expectedFee(`${w.index} (${w.label})`), value: finite(w.expectedFee), kind: 'money' },
    ]),
  ];
  return workbookBytes(headline, [{ key: 'backtestClients', table: backtestCsv(result) }], meta.lang, meta.date);
}

/** The workbook of `sla`: the limit, the team and each plan's P(breach) and smallest team on the headline sheet, then the plan figures and the staffing table (--csv's). */
export function slaWorkbook(result: SlaResult, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const r = m.sla.rows;
  const finite = (value: number) => (Number.isFinite(value) ? value : null);
  const headline: HeadlineRow[] = [
    ...identityRows(meta.identity, m),
    { label: r.maxBreach, value: result.maxBreach, kind: 'share' },
    { label: r.people, value: result.team.people, kind: 'count' },
    { label: r.utilisation, value: finite(result.team.utilisation), kind: 'share' },
    ...result.plans.map((p): HeadlineRow => ({ label: r.breach(p.plan), value: finite(p.breachProbability), kind: 'share' })),
    ...result.smallestTeam.map((s): HeadlineRow => ({ label: r.smallestTeam(s.plan), value: s.people, kind: 'count' })),
  ];
  return workbookBytes(
    headline,
    [
      { key: 'slaPlans', table: slaPlansCsv(result) },
      { key: 'slaStaffing', table: slaCsv(result) },
    ],
    meta.lang,
    meta.date,
  );
}

/**
 * The --trials-xlsx workbook: one row per simulated term, as --trials-csv has it (the
 * portfolio's totals, each plan's net cost, each type's hours), unrounded, numbers as numbers.
 * @throws RangeError above MAX_TRIALS_XLSX terms (the command refuses that before simulating)
 */
export function trialsWorkbook(scenario: Scenario, columns: TrialColumns, meta: PageMeta): Promise<Uint8Array> {
  const m = messagesFor(meta.lang);
  const n = columns.netCost.length;
  if (n > MAX_TRIALS_XLSX) throw new RangeError(`--trials-xlsx writes at most ${MAX_TRIALS_XLSX} terms (got ${n}); use --trials-csv`);
  // Plan and type names complete a translated label; a label the catalogue lacks is kept as written (columnLabel).
  const table: CsvTable = {
    columns: [
      { name: 'trial', kind: 'count' },
      { name: 'net_cost', kind: 'money' },
      { name: 'fee_weight', kind: 'exact' },
      { name: 'breakeven_fee', kind: 'money' },
      { name: 'hours', kind: 'hours' },
      { name: 'covered_hours', kind: 'hours' },
      ...scenario.plans.map((p) => ({ name: `${columnLabel('net_cost', m)}: ${p.name}`, kind: 'money' as const })),
      ...scenario.requestTypes.map((t) => ({ name: `${columnLabel('hours', m)}: ${t.name}`, kind: 'hours' as const })),
    ],
    rows: Array.from({ length: n }, (_, t) => trialRow(columns, t)),
  };
  return workbookBytes(identityRows(meta.identity, m), [{ key: 'trials', table }], meta.lang, meta.date);
}
