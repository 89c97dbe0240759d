import type { BreakevenReport } from '../analysis/runReport.js';
import type { CsvCell } from './csv.js';

/**
 * The break-even CSV: one row per confidence level for the portfolio, one per plan and one per
 * client segment (its standalone single-client fee), so the owner can sort and filter.
 */
export function breakevenCsv(report: BreakevenReport): CsvCell[][] {
  const header = [
    'level',
    'name',
    'confidence',
    'clients',
    'fee',
    'fee_low',
    'fee_high',
    'fair_fee',
    'standalone_fee',
    'overpay_probability',
    'indifferent_fee',
  ];
  return [
    header,
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
    ]),
  ];
}
