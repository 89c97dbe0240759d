import { stringify } from 'csv-stringify/sync';

/** CSV flavours: RFC 4180 (comma, decimal point) or a Dutch-locale spreadsheet's own. */
export const CSV_DIALECTS = ['rfc4180', 'excel-nl'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

/** A CSV cell: numbers stay numbers (formatted for the dialect), text is guarded. */
export type CsvCell = string | number | null | undefined;

/**
 * Cells a spreadsheet would run as a formula (OWASP, "CSV Injection"): a formula sign (or its
 * full-width form) first, also after leading blanks, which spreadsheets skip; or a tab, CR or LF
 * first.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/**
 * Neutralises a text cell a spreadsheet would run as a formula (`=HYPERLINK(...)` as a client
 * name) by prefixing a single quote, as OWASP advises; the cell is then quoted.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A number written without exponent and with up to 10 decimals, in the dialect's decimal mark. */
export function formatCsvNumber(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return '';
  let text = Math.abs(value) >= 1e15 || Number.isInteger(value) ? String(value) : value.toFixed(10).replace(/0+$/, '').replace(/\.$/, '');
  if (text === '-0') text = '0';
  return dialect === 'excel-nl' ? text.replace('.', ',') : text;
}

/**
 * Rows → CSV text through csv-stringify. rfc4180: `,`, `.` decimals, CRLF line ends.
 * excel-nl: `;`, decimal comma and a UTF-8 byte order mark, so a spreadsheet set to Dutch (or
 * another comma-decimal locale) opens numbers as numbers.
 * @param rows the header first
 */
export function toCsv(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? formatCsvNumber(cell, dialect) : cell === null || cell === undefined ? '' : neutraliseFormula(cell))),
  );
  return stringify(cells, {
    delimiter: dialect === 'excel-nl' ? ';' : ',',
    record_delimiter: 'windows',
    bom: dialect === 'excel-nl',
    quoted_match: /^'/,
  });
}

/**
 * What a CSV column holds, which says how its numbers are rounded: money to cents, shares and
 * probabilities to four digits, uptime shares to six (99.9957% must not read 100%), hours to
 * four; counts, text and exact inputs (a confidence level, a fee asked for) as they are.
 */
export type CsvKind = 'text' | 'count' | 'exact' | 'money' | 'share' | 'uptime' | 'hours';

/** Decimals of each kind; null: not rounded. */
const KIND_DECIMALS: Record<CsvKind, number | null> = { text: null, count: null, exact: null, money: 2, share: 4, uptime: 6, hours: 4 };

/** A column of a CSV table: its header and its kind. */
export interface CsvColumn {
  readonly name: string;
  readonly kind: CsvKind;
}

/** A table for --csv or --plan-csv: typed columns, then rows of cells in their order. */
export interface CsvTable {
  readonly columns: readonly CsvColumn[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** A number rounded to `decimals`, or as it is when null. */
function rounded(value: number, decimals: number | null): number {
  if (decimals === null || !Number.isFinite(value)) return value;
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** A typed table → CSV text: each number rounded by its column's kind (CsvKind), the header first. */
export function tableCsv(table: CsvTable, dialect: CsvDialect): string {
  const decimals = table.columns.map((column) => KIND_DECIMALS[column.kind]);
  const rows = table.rows.map((row) => row.map((cell, i) => (typeof cell === 'number' ? rounded(cell, decimals[i] ?? null) : cell)));
  return toCsv([table.columns.map((column) => column.name), ...rows], dialect);
}

/**
 * A large table (one row per trial) as CSV text in pieces of a thousand rows, so memory stays
 * bounded and the table is never one string; only the first piece carries the byte order mark.
 * @param rowAt the cells of row i
 */
export function* csvPieces(header: readonly string[], count: number, rowAt: (i: number) => CsvCell[], dialect: CsvDialect): Generator<string> {
  yield toCsv([header], dialect);
  const chunk = 1000;
  for (let start = 0; start < count; start += chunk) {
    const rows: CsvCell[][] = [];
    for (let i = start; i < Math.min(count, start + chunk); i++) rows.push(rowAt(i));
    yield toCsv(rows, dialect).replace(/^\uFEFF/, '');
  }
}
