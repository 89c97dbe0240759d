import { Z95 } from '../analysis/quantile.js';
import type { FeeRow } from '../analysis/compare.js';
import type { FeeComparison } from '../analysis/feeTable.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import { formatPriceList } from './priceListText.js';
import { formatTable } from './table.js';
import type { CsvColumn, CsvTable } from './csv.js';
import { feeCurveText } from './feeCurveText.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** The fee comparison table: one row per fee, the same trials behind every row. */
export function formatFeeTable(rows: readonly FeeRow[], confidence: number, { t, n }: TextStyle = EN_TEXT): string {
  return formatTable(
    t.feeTableHeaders(n.percent(confidence, 0)).map((header) => ({ header })),
    rows.map((row) => [
      n.number(row.fee),
      n.percent(row.loss_probability),
      n.number(row.expected_profit, 0),
      n.number(Z95 * row.expected_profit_standard_error, 0),
      n.number(row.profit_p05, 0),
      n.number(row.value_at_risk, 0),
      n.number(row.expected_shortfall, 0),
      n.number(row.margin_per_hour),
      n.percent(row.overpay_probability),
    ]),
  );
}

/** What the fee table's columns mean. */
export const FEE_TABLE_LEGEND = EN_TEXT.t.feeTableLegend.join('\n');

/** The fee table's legend in a language. */
export const feeTableLegend = ({ t }: TextStyle = EN_TEXT): string => t.feeTableLegend.join('\n');

/** The fee table's CSV columns, named as FeeRow's keys; money to cents, probabilities to four digits. */
export const FEE_ROWS_CSV_COLUMNS = [
  { name: 'fee', kind: 'money' },
  { name: 'loss_probability', kind: 'share' },
  { name: 'expected_profit', kind: 'money' },
  { name: 'expected_profit_standard_error', kind: 'money' },
  { name: 'profit_p05', kind: 'money' },
  { name: 'value_at_risk', kind: 'money' },
  { name: 'expected_shortfall', kind: 'money' },
  { name: 'margin_per_hour', kind: 'money' },
  { name: 'overpay_probability', kind: 'share' },
] as const satisfies readonly (CsvColumn & { name: keyof FeeRow })[];

/** Fee table rows as a typed CSV table (FEE_ROWS_CSV_COLUMNS). */
export function feeRowsCsv(rows: readonly FeeRow[]): CsvTable {
  return { columns: FEE_ROWS_CSV_COLUMNS, rows: rows.map((row) => FEE_ROWS_CSV_COLUMNS.map((column) => row[column.name])) };
}

/**
 * The terminal text of `fairfee compare`: the run's identity, the break-even fee, the fee table
 * with its legend and the precision of P(loss), the fee curve, then the price list's outcome, if any.
 * @param color the fee curve in colour (a terminal without NO_COLOR)
 * @example compareText(runIdentity(scenario, trials, seed), compareAtFees(columns, scenario, settings), 'EUR')
 */
export function compareText(identity: RunIdentity, result: FeeComparison, currency: string, s: TextStyle = EN_TEXT, color = false): string {
  const { confidence, breakeven_fee: fee, breakeven_fee_interval: interval } = result;
  const { t, n } = s;
  const lines = [
    formatHeader(identity, s),
    '',
    t.compareHeadline({ currency, level: n.percent(confidence, 1), fee: n.number(fee), interval: n.interval(interval) }),
    formatFeeTable(result.rows, confidence, s),
    feeTableLegend(s),
    // The widest 95% interval of a proportion, at p = 1/2: z·√(0.25 / n), in percentage points.
    t.lossPrecision({ points: n.number(100 * Z95 * Math.sqrt(0.25 / identity.trials), 1), trials: n.number(identity.trials, 0) }),
  ];
  const curve = feeCurveText(result.rows, currency, color, s);
  if (curve) lines.push('', curve);
  const priced = result.price_list;
  if (priced)
    lines.push(
      '',
      t.priceList(
        Object.entries(priced.fees)
          .map(([p, f]) => `${p} ${f}`)
          .join(', '),
      ),
      formatPriceList(priced, currency, s),
    );
  return lines.join('\n');
}
