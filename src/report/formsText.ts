import type { FormsResult } from '../analysis/forms.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { formatNumber, formatPercent } from './format.js';
import { formatTable } from './table.js';

/** Under the tables: what the columns mean, in plain words. */
export const FORMS_LEGEND = [
  "break-even: the lowest price at which the segment alone makes no loss in the confidence level's share of terms, in the form's unit; 'price' is the form's own price where it states one, else this one",
  'client pays/month: price earned, overage and hourly work; premium: that less what the covered work would cost at the hourly rate',
  'P(loss): the agency loses on the segment over the term at the price; revenue cv: how much the monthly revenue swings from term to term',
].join('\n');

/** The terminal text of `fairfee forms`: a table per segment, with the advice under it. */
export function formsText(identity: RunIdentity, result: FormsResult, currency: string): string {
  const c = currency ? `${currency} ` : '';
  const sections = [
    formatHeader(identity),
    `Which form for whom (each segment alone, every form on the same simulated requests; ${result.candidates === 'scenario' ? "the scenario's forms" : 'default candidates'}; break-even at ${formatPercent(result.confidence, 1)})`,
  ];
  for (const segment of result.segments) {
    const table = formatTable(
      [
        { header: 'form', align: 'left' },
        { header: 'price unit', align: 'left' },
        { header: 'break-even' },
        { header: 'price' },
        { header: 'client pays/month' },
        { header: 'premium' },
        { header: 'P(pays > hourly)' },
        { header: 'breakage h' },
        { header: 'P(loss)' },
        { header: 'profit/client-month' },
        { header: 'recurring' },
        { header: 'revenue cv' },
      ],
      segment.forms.map((f) => [
        f.form,
        f.price_unit,
        formatNumber(f.breakeven_price),
        `${formatNumber(f.evaluated_at)}${f.price_stated ? '' : '*'}`,
        formatNumber(f.client_monthly_payment),
        formatNumber(f.client_premium_per_month),
        formatPercent(f.client_overpay_probability),
        formatNumber(f.breakage_hours, 1),
        formatPercent(f.agency_loss_probability),
        formatNumber(f.agency_expected_profit_per_client_month),
        formatPercent(f.recurring_share, 0),
        formatNumber(f.revenue_cv_monthly, 2),
      ]),
    );
    sections.push(
      `${segment.segment} (${segment.clients} client${segment.clients === 1 ? '' : 's'}, on ${segment.plan} now; money in ${c.trim() || 'the scenario currency'})\n${table}\nAdvice: ${segment.recommendation.why}`,
    );
  }
  sections.push(`* at its break-even price (the form states none)\n${FORMS_LEGEND}`);
  return sections.join('\n\n');
}

/** The forms CSV: one row per segment and form. */
export const FORMS_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'segment', kind: 'text' },
  { name: 'clients', kind: 'count' },
  { name: 'form', kind: 'text' },
  { name: 'kind', kind: 'text' },
  { name: 'price_unit', kind: 'text' },
  { name: 'breakeven_price', kind: 'money' },
  { name: 'breakeven_price_low', kind: 'money' },
  { name: 'breakeven_price_high', kind: 'money' },
  { name: 'fair_price', kind: 'money' },
  { name: 'evaluated_at', kind: 'money' },
  { name: 'client_monthly_payment', kind: 'money' },
  { name: 'client_premium_per_month', kind: 'money' },
  { name: 'client_overpay_probability', kind: 'share' },
  { name: 'breakage_hours', kind: 'hours' },
  { name: 'deferred_hours', kind: 'hours' },
  { name: 'agency_loss_probability', kind: 'share' },
  { name: 'agency_expected_profit_per_client_month', kind: 'money' },
  { name: 'recurring_share', kind: 'share' },
  { name: 'revenue_cv_monthly', kind: 'share' },
  { name: 'recommended', kind: 'count' },
];

export function formsCsv(result: FormsResult): CsvTable {
  const rows = result.segments.flatMap((segment) =>
    segment.forms.map((f): CsvCell[] => [
      segment.segment,
      segment.clients,
      f.form,
      f.kind,
      f.price_unit,
      f.breakeven_price,
      f.breakeven_price_interval[0],
      f.breakeven_price_interval[1],
      f.fair_price,
      f.evaluated_at,
      f.client_monthly_payment,
      f.client_premium_per_month,
      f.client_overpay_probability,
      f.breakage_hours,
      f.deferred_hours,
      f.agency_loss_probability,
      f.agency_expected_profit_per_client_month,
      f.recurring_share,
      f.revenue_cv_monthly,
      f.form === segment.recommendation.form ? 1 : 0,
    ]),
  );
  return { columns: FORMS_CSV_COLUMNS, rows };
}

/** The `--json` document of `fairfee forms`: the identity, then the result (docs/interface.md, "forms"). */
export function formsJson(identity: RunIdentity, result: FormsResult) {
  return { ...identity, ...result };
}
