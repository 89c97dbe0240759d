import { Z95 } from '../analysis/quantile.js';
import type { PriceListResult } from '../analysis/priceList.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** A price list's outcome: per plan the provider's and the client's side, then the portfolio. */
export function formatPriceList(result: PriceListResult, currency: string, { t, n }: TextStyle = EN_TEXT): string {
  const table = formatTable(
    t.priceListHeaders.map((header, i) => ({ header, align: i === 0 ? ('left' as const) : ('right' as const) })),
    result.plans.map((p) => [
      p.plan,
      String(p.clients),
      n.number(p.fee),
      n.number(p.expected_profit, 0),
      n.number(Z95 * p.expected_profit_standard_error, 0),
      n.percent(p.loss_probability),
      n.number(p.indifferent_fee),
      n.number(p.premium_per_month),
      n.percent(p.overpay_probability),
    ]),
  );
  return [
    table,
    t.portfolioAtPrices({
      loss: n.percent(result.loss_probability),
      profit: n.money(result.expected_profit, currency, 0),
      error: n.number(Z95 * result.expected_profit_standard_error, 0),
      p05: n.money(result.profit_p05, currency, 0),
    }),
    t.premiumLegend,
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
