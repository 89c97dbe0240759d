import type { FeeRow } from '../analysis/compare.js';
import { formatNumber, formatPercent } from './format.js';
import { formatTable } from './table.js';

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
      formatNumber(1.96 * row.expected_profit_standard_error, 0),
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

/** Fee table rows as CSV: the header first. */
export function feeRowsCsv(rows: readonly FeeRow[]): (string | number)[][] {
  const keys = [
    'fee',
    'loss_probability',
    'expected_profit',
    'expected_profit_standard_error',
    'profit_p05',
    'value_at_risk',
    'expected_shortfall',
    'margin_per_hour',
    'overpay_probability',
  ] as const;
  return [[...keys], ...rows.map((row) => keys.map((key) => row[key]))];
}
