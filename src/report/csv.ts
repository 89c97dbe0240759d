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
