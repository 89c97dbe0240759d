import type { BreakevenReport } from '../analysis/runReport.js';
import { insertNote } from './jsonNotes.js';

/** Why the risk loading is n/a: the break-even fee over a fair fee of 0, or of a negative one. */
export function riskLoadingNote(report: Pick<BreakevenReport, 'fair_fee'>): string {
  return report.fair_fee === 0 ? 'fair fee is 0' : 'fair fee is negative: fixed revenue covers the expected costs';
}

/**
 * The break-even report as `breakeven --json` and `run --json` write it: its fields, with
 * `risk_loading_note` beside a null risk loading (printJson adds the notes of other values
 * that are not numbers).
 */
export function breakevenJson(report: BreakevenReport): BreakevenReport {
  const problem = report.uniform_fee_problem;
  if (problem !== undefined) {
    let out = report;
    for (const key of ['breakeven_fee', 'breakeven_fee_interval', 'fair_fee', 'risk_loading', 'pooling_benefit'] as const) {
      out = insertNote(out, key, `no uniform flat fee: ${problem}`);
    }
    return out;
  }
  return report.risk_loading === null ? insertNote(report, 'risk_loading', riskLoadingNote(report)) : report;
}
