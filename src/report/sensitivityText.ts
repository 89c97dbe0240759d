import { adviceFrom } from '../analysis/tornado.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { formatNumber, formatPercent } from './format.js';
import { formatTable } from './table.js';

const INPUT_LABEL: Record<string, string> = {
  frequency: 'requests per month',
  effort: 'hours per request',
  overrun_probability: 'overrun probability',
  overrun_factor: 'overrun factor',
  heterogeneity: 'client heterogeneity',
  cost_per_hour: 'cost per hour',
  hourly_rate: 'hourly rate',
  overage_rate: 'overage rate',
  included_hours: 'included hours',
  bundle_hours: 'card size (hours)',
  bundle_price: 'card price',
};

/** The tornado table with bars, the variance shares, and the advice. */
export function formatSensitivity(result: SensitivityResult, currency: string): string {
  const pct = formatPercent(result.change, 0);
  const maxSwing = Math.max(...result.rows.map((r) => r.swing), 1e-12);
  const tornadoTable = formatTable(
    [
      { header: 'request type or plan', align: 'left' },
      { header: 'input', align: 'left' },
      { header: `fee at −${pct}` },
      { header: `fee at +${pct}` },
      { header: 'swing' },
      { header: '', align: 'left' },
    ],
    result.rows.map((row) => [
      row.request_type ?? (row.plan === undefined ? '(all)' : `plan ${row.plan}`),
      INPUT_LABEL[row.input] ?? row.input,
      formatNumber(row.fee_low_input),
      formatNumber(row.fee_high_input),
      formatNumber(row.swing),
      '#'.repeat(Math.max(row.swing > 0 ? 1 : 0, Math.round((row.swing / maxSwing) * 30))),
    ]),
  );
  const shares = Object.entries(result.variance_shares).sort((a, b) => b[1] - a[1]);
  const shareTable = formatTable(
    [{ header: 'request type', align: 'left' }, { header: 'share of net cost variance' }],
    shares.map(([name, share]) => [name, formatPercent(share)]),
  );
  return [
    `What drives the fee: each input moved −${pct} and +${pct} (same ${result.trials.toLocaleString('en-US')} simulated terms each; base break-even fee ${formatNumber(result.base_fee)} on those terms)`,
    tornadoTable,
    '',
    shareTable,
    '',
    adviceFrom(result.rows, result.variance_shares, result.coverage, currency),
  ].join('\n');
}

/** The tornado's CSV columns. */
export const SENSITIVITY_CSV_COLUMNS: readonly CsvColumn[] = [
  { name: 'request_type', kind: 'text' },
  { name: 'input', kind: 'text' },
  { name: 'change', kind: 'exact' },
  { name: 'fee_low_input', kind: 'money' },
  { name: 'fee_high_input', kind: 'money' },
  { name: 'swing', kind: 'money' },
  { name: 'variance_share', kind: 'share' },
  { name: 'plan', kind: 'text' },
];

/** The tornado as a typed CSV table (SENSITIVITY_CSV_COLUMNS). */
export function sensitivityCsv(result: SensitivityResult): CsvTable {
  return {
    columns: SENSITIVITY_CSV_COLUMNS,
    rows: result.rows.map((row): CsvCell[] => [
      row.request_type ?? '',
      row.input,
      row.change,
      row.fee_low_input,
      row.fee_high_input,
      row.swing,
      row.request_type ? result.variance_shares[row.request_type] : null,
      row.plan ?? '',
    ]),
  };
}

/** The terminal text of `fairfee sensitivity`: the run's identity, then the tornado (formatSensitivity). */
export function sensitivityText(identity: RunIdentity, result: SensitivityResult, currency: string): string {
  return `${formatHeader(identity)}\n\n${formatSensitivity(result, currency)}`;
}
