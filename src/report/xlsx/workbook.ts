import ExcelJS from 'exceljs';
import type { CsvCell, CsvKind, CsvTable } from '../csv.js';
import { neutraliseFormula } from '../csv.js';
import { messagesFor } from '../i18n/catalogue.js';
import { columnLabel } from '../i18n/columns.js';
import type { Lang } from '../i18n/lang.js';
import type { TableKey } from '../i18n/messages.js';

/** One sheet: which table it is (its name in the reader's language) and the typed table, as --csv has it. */
export interface SheetTable {
  readonly key: TableKey;
  readonly table: CsvTable;
}

/** A row of the headline sheet: a label, and a value of its own kind. */
export interface HeadlineRow {
  readonly label: string;
  readonly value: string | number | null;
  readonly kind: CsvKind;
}

/**
 * Number formats by column kind: the workbook keeps every number whole (no rounding, unlike
 * CSV) and shows it by its kind, so a spreadsheet in any locale reads a number, never text.
 */
const NUMBER_FORMAT: Record<CsvKind, string> = {
  text: '@',
  count: '#,##0',
  exact: 'General',
  money: '#,##0.00',
  share: '0.0%',
  uptime: '0.0000%',
  hours: '0.00',
};

/** Most characters a column is made wide for. */
const MAX_WIDTH = 48;

/** A cell's value: a number as a number, text guarded as in CSV (a name never runs as a formula), nothing as empty. */
function cellValue(cell: CsvCell): string | number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell === null || cell === undefined) return null;
  return neutraliseFormula(cell);
}

/** How wide a value shows, in characters, for the column width. */
function shownWidth(value: string | number | null, kind: CsvKind): number {
  if (value === null) return 0;
  if (typeof value === 'string') return value.length;
  return kind === 'share' || kind === 'uptime' ? 9 : Math.min(16, value.toLocaleString('en-US', { maximumFractionDigits: 2 }).length + 1);
}

/** Adds a sheet: a bold header row, frozen; numbers with their kind's format; widths from the widest cell. */
function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  headers: readonly string[],
  kinds: readonly CsvKind[][],
  rows: readonly (string | number | null)[][],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers.map(neutraliseFormula)).font = { bold: true };
  rows.forEach((row, r) => {
    const added = sheet.addRow(row);
    row.forEach((value, c) => {
      const kind = kinds[r][c];
      if (typeof value === 'number') added.getCell(c + 1).numFmt = NUMBER_FORMAT[kind];
    });
  });
  headers.forEach((header, c) => {
    const widest = Math.max(header.length, ...rows.map((row, r) => shownWidth(row[c] ?? null, kinds[r][c])));
    sheet.getColumn(c + 1).width = Math.min(MAX_WIDTH, widest + 2);
  });
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The command's tables as an Excel workbook: a headline sheet, then one sheet per table, sheet
 * and column names in the reader's language (the CSV's own names stay in --csv and JSON).
 * @param date the workbook's creation date, fixed so the same run gives the same bytes
 */
export async function workbookBytes(headline: readonly HeadlineRow[], tables: readonly SheetTable[], lang: Lang, date: string): Promise<Uint8Array> {
  const m = messagesFor(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'fairfee';
  workbook.created = new Date(`${date}T00:00:00Z`);
  workbook.modified = workbook.created;
  const taken = new Set<string>();
  addSheet(
    workbook,
    sheetName(m.tables.headline, taken),
    [m.columns.item, m.columns.value],
    headline.map((row) => ['text', row.kind]),
    headline.map((row) => [neutraliseFormula(row.label), typeof row.value === 'string' ? neutraliseFormula(row.value) : row.value]),
  );
  for (const { key, table } of tables) {
    const kinds = table.columns.map((column) => column.kind);
    addSheet(
      workbook,
      sheetName(m.tables[key], taken),
      table.columns.map((column) => columnLabel(column.name, m)),
      table.rows.map(() => kinds),
      table.rows.map((row) => row.map(cellValue)),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
