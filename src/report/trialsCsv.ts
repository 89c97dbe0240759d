import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { csvPieces, type CsvCell, type CsvDialect } from './csv.js';

/**
 * One simulated term's row of the per-trial table (--trials-csv, --trials-xlsx): trial number,
 * net cost, fee weight, the term's break-even fee (MODEL.md: with no fee weight, infinite when
 * the net cost is positive, else 0), hours, covered hours, each plan's net cost, each type's hours.
 */
export function trialRow(columns: TrialColumns, t: number): CsvCell[] {
  const w = columns.feeWeight[t];
  const d = columns.netCost[t];
  return [
    t + 1,
    d,
    w,
    w > 0 ? d / w : d > 0 ? Number.POSITIVE_INFINITY : 0,
    columns.hours[t],
    columns.coveredHours[t],
    ...columns.plans.map((p) => p.netCost[t]),
    ...columns.typeHours.map((h) => h[t]),
  ];
}

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
  return csvPieces(header, columns.netCost.length, (t) => trialRow(columns, t), dialect);
}
