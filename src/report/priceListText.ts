import { Z95 } from '../analysis/quantile.js';
import type { PriceListResult } from '../analysis/priceList.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { formatMoney, formatNumber, formatPercent } from './format.js';
import { formatTable } from './table.js';

/** A price list's outcome: per plan the provider's and the client's side, then the portfolio. */
export function formatPriceList(result: PriceListResult, currency: string): string {
  const table = formatTable(
    [
      { header: 'plan', align: 'left' },
      { header: 'clients' },
      { header: 'fee' },
      { header: 'exp. profit (term)' },
      { header: '±' },
      { header: 'P(plan loses)' },
      { header: 'hourly worth' },
      { header: 'client premium/month' },
      { header: 'P(client pays > hourly)' },
    ],
    result.plans.map((p) => [
      p.plan,
      String(p.clients),
      formatNumber(p.fee),
      formatNumber(p.expected_profit, 0),
      formatNumber(Z95 * p.expected_profit_standard_error, 0),
      formatPercent(p.loss_probability),
      formatNumber(p.indifferent_fee),
      formatNumber(p.premium_per_month),
      formatPercent(p.overpay_probability),
    ]),
  );
  return [
    table,
    `Portfolio at these fees: P(loss) ${formatPercent(result.loss_probability)}, expected profit ${formatMoney(result.expected_profit, currency, 0)} (± ${formatNumber(Z95 * result.expected_profit_standard_error, 0)}) over the term, 5% of terms below ${formatMoney(result.profit_p05, currency, 0)}`,
    'client premium: what a client pays per month above the hourly worth of its covered work, on average (the price of certainty); negative: the contract is a bargain for the client',
  ].join('\n');
}

/** The price list's CSV columns (--plan-csv). */
export const PRICE_LIST_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'plan', kind: 'text' },
  { name: 'clients', kind: 'count' },
  { name: 'fee', kind: 'money' },
  { name: 'expected_profit', kind: 'money' },
  { name: 'expected_profit_standard_error', kind: 'money' },
  { name: 'loss_probability', kind: 'share' },
  { name: 'indifferent_fee', kind: 'money' },
  { name: 'premium_per_month', kind: 'money' },
  { name: 'overpay_probability', kind: 'share' },
];

/** The price list as a typed CSV table (PRICE_LIST_CSV_COLUMNS); the last row is the portfolio. */
export function priceListCsv(result: PriceListResult): CsvTable {
  const rows: CsvCell[][] = [
    ...result.plans.map((p): CsvCell[] => [
      p.plan,
      p.clients,
      p.fee,
      p.expected_profit,
      p.expected_profit_standard_error,
      p.loss_probability,
      p.indifferent_fee,
      p.premium_per_month,
      p.overpay_probability,
    ]),
    [
      '(portfolio)',
      result.plans.reduce((n, p) => n + p.clients, 0),
      null,
      result.expected_profit,
      result.expected_profit_standard_error,
      result.loss_probability,
      null,
      null,
      null,
    ],
  ];
  return { columns: PRICE_LIST_CSV_COLUMNS, rows };
}
