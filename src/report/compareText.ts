import { Z95 } from '../analysis/quantile.js';
import type { FeeRow } from '../analysis/compare.js';
import type { FeeComparison } from '../analysis/feeTable.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import { formatPriceList } from './priceListText.js';
import { formatNumber, formatPercent } from './format.js';
import { formatTable } from './table.js';
import type { CsvColumn, CsvTable } from './csv.js';

/** The fee comparison table: one row per fee, the same trials behind every row. */
export function formatFeeTable(rows: readonly FeeRow[], confidence: number): string {
  return formatTable(
    [
      { header: 'fee' },
      { header: 'P(loss)' },
      { header: 'expected profit' },
      { header: '± (95%)' },
      { header: 'profit p05' },
      { header: `VaR ${formatPercent(confidence, 0)}` },
      { header: 'exp. shortfall' },
      { header: 'margin/hour' },
      { header: 'P(client pays > hourly)' },
    ],
    rows.map((row) => [
      formatNumber(row.fee),
      formatPercent(row.loss_probability),
      formatNumber(row.expected_profit, 0),
      formatNumber(Z95 * row.expected_profit_standard_error, 0),
      formatNumber(row.profit_p05, 0),
      formatNumber(row.value_at_risk, 0),
      formatNumber(row.expected_shortfall, 0),
      formatNumber(row.margin_per_hour),
      formatPercent(row.overpay_probability),
    ]),
  );
}

/** What the fee table's columns mean. */
export const FEE_TABLE_LEGEND = [
  'P(loss): share of simulated terms in which the portfolio loses money at that fee',
  'expected profit, profit p05: mean profit over the term and the level one term in twenty falls below',
  'VaR: the loss exceeded in only the worst share of terms (negative: even then a profit); exp. shortfall: the mean loss in those worst terms',
].join('\n');

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
 * with its legend and the precision of P(loss), then the price list's outcome, if any.
 * @example compareText(runIdentity(scenario, trials, seed), compareAtFees(columns, scenario, settings), 'EUR')
 */
export function compareText(identity: RunIdentity, result: FeeComparison, currency: string): string {
  const { confidence, breakeven_fee: fee, breakeven_fee_interval: interval } = result;
  const c = currency;
  const lines = [
    formatHeader(identity),
    '',
    `Uniform fee per client per month${c ? ` (${c})` : ''}; break-even at ${(confidence * 100).toFixed(1)}%: ${fee.toFixed(2)} (95% MC interval ${interval[0].toFixed(2)} – ${interval[1].toFixed(2)})`,
    formatFeeTable(result.rows, confidence),
    FEE_TABLE_LEGEND,
    // The widest 95% interval of a proportion, at p = 1/2: z·√(0.25 / n), in percentage points.
    `P(loss) is known to ±${(100 * Z95 * Math.sqrt(0.25 / identity.trials)).toFixed(1)} percentage points at most (95%); every row uses the same ${identity.trials.toLocaleString('en-US')} simulated terms.`,
  ];
  const priced = result.price_list;
  if (priced)
    lines.push(
      '',
      `Price list: ${Object.entries(priced.fees)
        .map(([p, f]) => `${p} ${f}`)
        .join(', ')}`,
      formatPriceList(priced, c),
    );
  return lines.join('\n');
}
