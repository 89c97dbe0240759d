import { formsAdvice, type FormsResult } from '../analysis/forms.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { priceUnitText } from './priceUnitText.js';
import { formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** Under the tables: what the columns mean, in plain words. */
export const FORMS_LEGEND = EN_TEXT.t.forms.legend.join('\n');

/**
 * The terminal text of `fairfee forms`: a table per segment, with the advice under it, worded
 * from the study's facts (formsAdvice) in the style's language; in English it is the JSON's `why`.
 */
export function formsText(identity: RunIdentity, result: FormsResult, currency: string, s: TextStyle = EN_TEXT): string {
  const { t, n } = s;
  const f = t.forms;
  const sections = [formatHeader(identity, s), f.title({ scenarioForms: result.candidates === 'scenario', confidence: n.percent(result.confidence, 1) })];
  for (const segment of result.segments) {
    const table = formatTable(
      f.headers.map((header, i) => ({ header, align: i < 2 ? ('left' as const) : ('right' as const) })),
      segment.forms.map((o) => [
        o.form,
        priceUnitText(o.kind, o.price_unit, s),
        n.number(o.breakeven_price),
        `${n.number(o.evaluated_at)}${o.price_stated ? '' : '*'}`,
        n.number(o.client_monthly_payment),
        n.number(o.client_premium_per_month),
        n.percent(o.client_overpay_probability),
        n.number(o.breakage_hours, 1),
        n.percent(o.agency_loss_probability),
        n.number(o.agency_expected_profit_per_client_month),
        n.percent(o.recurring_share, 0),
        n.number(o.revenue_cv_monthly, 2),
      ]),
    );
    const advice = t.advice.forms(formsAdvice(segment.forms, segment.plan, result.confidence), currency);
    sections.push(
      `${f.segment({ segment: segment.segment, clients: segment.clients, plan: segment.plan, currency: currency.trim() })}\n${table}\n${f.advice(advice)}`,
    );
  }
  sections.push(`${f.unstated}\n${f.legend.join('\n')}`);
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
