import type { BreakevenReport } from '../analysis/runReport.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';

/**
 * The break-even CSV: one row per confidence level for the portfolio, one per plan and one per
 * client segment (its standalone single-client fee), so the owner can sort and filter.
 */
export const BREAKEVEN_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'level', kind: 'text' },
  { name: 'name', kind: 'text' },
  { name: 'confidence', kind: 'exact' },
  { name: 'clients', kind: 'count' },
  { name: 'fee', kind: 'money' },
  { name: 'fee_low', kind: 'money' },
  { name: 'fee_high', kind: 'money' },
  { name: 'fair_fee', kind: 'money' },
  { name: 'standalone_fee', kind: 'money' },
  { name: 'overpay_probability', kind: 'share' },
  { name: 'indifferent_fee', kind: 'money' },
  { name: 'form', kind: 'text' },
  { name: 'price_unit', kind: 'text' },
];

/** The break-even CSV's typed table (BREAKEVEN_CSV_COLUMNS): money to cents, probabilities to four digits. */
export function breakevenCsv(report: BreakevenReport): CsvTable {
  const rows: CsvCell[][] = [
    ...report.levels.map((level): CsvCell[] => [
      'portfolio',
      report.scenario,
      level.confidence,
      report.clients,
      level.breakeven_fee,
      level.breakeven_fee_interval[0],
      level.breakeven_fee_interval[1],
      report.fair_fee,
      null,
      null,
      null,
      null,
      null,
    ]),
    ...Object.entries(report.plans).map(([name, plan]): CsvCell[] => [
      'plan',
      name,
      report.confidence,
      plan.clients,
      plan.fee,
      null,
      null,
      plan.fair_fee,
      plan.standalone_fee,
      plan.overpay_probability,
      plan.indifferent_fee,
      plan.form,
      plan.price_unit,
    ]),
    ...report.segments.map((segment): CsvCell[] => [
      'client',
      segment.name,
      report.confidence,
      segment.clients,
      null,
      segment.standalone_fee_interval[0],
      segment.standalone_fee_interval[1],
      null,
      segment.standalone_fee,
      null,
      null,
      null,
      null,
    ]),
  ];
  return { columns: BREAKEVEN_CSV_COLUMNS, rows };
}
