import { Z95 } from '../analysis/quantile.js';
import type { PriceListResult } from '../analysis/priceList.js';
import type { CsvCell } from './csv.js';
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

/** The price list as CSV rows, the header first; the last row is the portfolio. */
export function priceListCsv(result: PriceListResult): CsvCell[][] {
  return [
    [
      'plan',
      'clients',
      'fee',
      'expected_profit',
      'expected_profit_standard_error',
      'loss_probability',
      'indifferent_fee',
      'premium_per_month',
      'overpay_probability',
    ],
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
}
