import type { BacktestResult } from '../analysis/backtest/backtest.js';
import type { CsvTable } from './csv.js';

/** `--csv` of `fairfee backtest`: one row per client and window, in either dialect (tableCsv). */
export function backtestCsv(result: BacktestResult): CsvTable {
  return {
    columns: [
      { name: 'client', kind: 'text' },
      { name: 'window', kind: 'count' },
      { name: 'months', kind: 'text' },
      { name: 'matched_to', kind: 'text' },
      { name: 'matched_by', kind: 'text' },
      { name: 'tickets', kind: 'count' },
      { name: 'actual_hours', kind: 'hours' },
      { name: 'expected_hours', kind: 'hours' },
      { name: 'actual_to_expected', kind: 'share' },
      { name: 'pit', kind: 'share' },
      { name: 'hours_p25', kind: 'hours' },
      { name: 'hours_p75', kind: 'hours' },
      { name: 'hours_p05', kind: 'hours' },
      { name: 'hours_p95', kind: 'hours' },
      { name: 'actual_net_cost', kind: 'money' },
      { name: 'expected_net_cost', kind: 'money' },
      { name: 'net_cost_pit', kind: 'share' },
    ],
    rows: result.rows.map((r) => [
      r.client,
      r.window,
      r.windowLabel,
      r.matchedTo,
      r.matchedBy,
      r.tickets,
      r.actualHours,
      r.expectedHours,
      Number.isFinite(r.actualToExpected) ? r.actualToExpected : null,
      r.pit,
      r.interval50[0],
      r.interval50[1],
      r.interval90[0],
      r.interval90[1],
      r.actualNetCost,
      r.expectedNetCost,
      r.netCostPit,
    ]),
  };
}
