import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { csvPieces, type CsvDialect } from './csv.js';

/**
 * The --trials-csv table, one row per simulated term: the portfolio's totals, each plan's net
 * cost and each type's hours, at full precision (it is for further analysis). In pieces
 * (csvPieces): a million rows are never one string.
 */
export function trialsCsv(scenario: Scenario, columns: TrialColumns, dialect: CsvDialect): Iterable<string> {
  const header = [
    'trial',
    'net_cost',
    'fee_weight',
    'breakeven_fee',
    'hours',
    'covered_hours',
    ...scenario.plans.map((p) => `net_cost_${p.name}`),
    ...scenario.requestTypes.map((t) => `hours_${t.name}`),
  ];
  return csvPieces(
    header,
    columns.netCost.length,
    (t) => [
      t + 1,
      columns.netCost[t],
      columns.feeWeight[t],
      columns.netCost[t] / columns.feeWeight[t],
      columns.hours[t],
      columns.coveredHours[t],
      ...columns.plans.map((p) => p.netCost[t]),
      ...columns.typeHours.map((h) => h[t]),
    ],
    dialect,
  );
}
