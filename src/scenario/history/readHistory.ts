import { InputError, type InputProblem } from '../scenarioError.js';
import { readDate, readHours, readName } from './cellValues.js';
import { readCsv } from './csvRecords.js';
import type { History, Ticket } from './history.js';
import { historyColumns } from './historyColumns.js';

/** Today's date, YYYY-MM-DD (UTC). */
export const todayText = () => new Date().toISOString().slice(0, 10);

/** Most problems listed in one message; a file with a wrong column has one per row. */
export const MAX_REPORTED_PROBLEMS = 50;

/**
 * A ticket/timesheet export (CSV text) → History. One row per ticket with columns date,
 * client, type and hours (other names accepted: historyColumns.ts), optionally plan; header
 * names case-insensitive; `,` `;` or tab separated (detected), decimal point or comma.
 * Dates more than a year after today are refused (a typo year would stretch the window to
 * decades); names holding control characters too (readName).
 * Every bad cell is reported at once as `line N, column NAME`, up to MAX_REPORTED_PROBLEMS.
 * @param file the name used in messages
 * @param today YYYY-MM-DD, default today's date (UTC)
 * @throws InputError for an empty file, a missing column, or any bad row
 * @example parseHistory('date;client;type;hours\n2024-01-05;Acme;bug;1,5\n', 'h.csv').tickets[0].hours // 1.5
 */
export function parseHistory(text: string, file: string, today = todayText()): History {
  const latest = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  const table = readCsv(text, file);
  const at = historyColumns(table.header, file);
  if (table.rows.length === 0) {
    throw new InputError(file, [{ path: '', message: 'has a header but no rows; a history needs one row per ticket (date, client, type, hours)' }]);
  }
  const problems: InputProblem[] = [];
  const tickets: Ticket[] = [];
  const width = table.header.length;
  for (const { line, cells } of table.rows) {
    const before = problems.length;
    const problem = (column: number, message: string) => problems.push({ path: `line ${line}, column ${table.header[column]}`, message });
    if (cells.length > width) {
      const hint = table.delimiter === ',' ? '; a decimal comma in a comma-separated file must be quoted ("1,5")' : '';
      problems.push({ path: `line ${line}`, message: `has ${cells.length} fields but the header has ${width}${hint}` });
      continue;
    }
    const cell = (column: number) => {
      if (column < cells.length) return cells[column];
      problem(column, `is missing: the row has ${cells.length} fields, the header ${width}`);
      return undefined;
    };
    const dateCell = cell(at.date);
    const clientCell = cell(at.client);
    const typeCell = cell(at.type);
    const hoursCell = cell(at.hours);
    const date = dateCell === undefined ? undefined : readDate(dateCell);
    if (date && !date.ok) problem(at.date, date.message);
    const hours = hoursCell === undefined ? undefined : readHours(hoursCell);
    if (hours && !hours.ok) problem(at.hours, hours.message);
    const name = (column: number, text: string | undefined) => {
      if (text === undefined) return undefined;
      const read = readName(text);
      if (read.ok) return read.value;
      problem(column, read.message);
      return undefined;
    };
    const client = name(at.client, clientCell);
    if (client === '') problem(at.client, 'is empty; every ticket needs the client it was for');
    const type = name(at.type, typeCell);
    if (type === '') problem(at.type, 'is empty; every ticket needs a request type (text edit, bug fix, ...)');
    const plan = at.plan === undefined ? '' : (name(at.plan, cells[at.plan] ?? '') ?? '');
    if (date?.ok && date.value.date > latest) {
      problem(at.date, `is more than a year after today (${today}): a typo? Dates may run to ${latest} (got "${date.value.date}")`);
    }
    if (problems.length > before || !date?.ok || !hours?.ok || !client || !type) continue;
    tickets.push({ line, date: date.value.date, monthIndex: date.value.monthIndex, client, type, hours: hours.value, ...(plan ? { plan } : {}) });
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
    if (problems.length > shown.length) shown.push({ path: '', message: `and ${problems.length - shown.length} more problems like these` });
    throw new InputError(file, shown);
  }
  return { file, tickets, hasPlans: tickets.some((t) => t.plan !== undefined), delimiter: table.delimiter };
}
