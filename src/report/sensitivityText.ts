import { sensitivityAdvice } from '../analysis/tornado.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';
import type { RunIdentity } from '../analysis/runReport.js';
import { formatHeader } from './breakevenText.js';
import type { CsvCell, CsvColumn, CsvTable } from './csv.js';
import { formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';
import type { InputKey } from './i18n/messages.js';

/** An input's name in the catalogue's words; an input it does not name keeps its key. */
const inputLabel = (input: string, { m }: TextStyle): string => (Object.hasOwn(m.inputs, input) ? m.inputs[input as InputKey] : input);

/** The tornado table with bars, the variance shares, and the advice. */
export function formatSensitivity(result: SensitivityResult, currency: string, s: TextStyle = EN_TEXT): string {
  const { t, n } = s;
  const pct = n.percent(result.change, 0);
  const maxSwing = Math.max(...result.rows.map((r) => r.swing), 1e-12);
  const tornadoTable = formatTable(
    [...t.tornadoHeaders(pct).map((header, i) => ({ header, align: i < 2 ? ('left' as const) : ('right' as const) })), { header: '', align: 'left' }],
    result.rows.map((row) => [
      row.request_type ?? (row.plan === undefined ? s.m.rows.all : `${s.m.rows.plan} ${row.plan}`),
      inputLabel(row.input, s),
      n.number(row.fee_low_input),
      n.number(row.fee_high_input),
      n.number(row.swing),
      '#'.repeat(Math.max(row.swing > 0 ? 1 : 0, Math.round((row.swing / maxSwing) * 30))),
    ]),
  );
  const shares = Object.entries(result.variance_shares).sort((a, b) => b[1] - a[1]);
  const shareTable = formatTable(
    [{ header: t.sharesHeaders[0], align: 'left' }, { header: t.sharesHeaders[1] }],
    shares.map(([name, share]) => [name, n.percent(share)]),
  );
  return [
    t.tornadoTitle({ change: pct, trials: n.number(result.trials, 0), base: n.number(result.base_fee) }),
    tornadoTable,
    '',
    shareTable,
    '',
    t.advice.sensitivity(sensitivityAdvice(result.rows, result.variance_shares, result.coverage), currency),
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
export function sensitivityText(identity: RunIdentity, result: SensitivityResult, currency: string, s: TextStyle = EN_TEXT): string {
  return `${formatHeader(identity, s)}\n\n${formatSensitivity(result, currency, s)}`;
}
