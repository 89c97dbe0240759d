import { InputError } from '../scenarioError.js';
import { readCsv } from './csvRecords.js';
import type { Ticket } from './history.js';

/** Most repeated rows named in one message. */
const MAX_NAMED = 10;

/**
 * Refuses a history in which a row repeats an earlier one in every cell: an export pasted twice
 * (or two exports overlapping) counts the same work twice, and a backtest would call the
 * scenario too optimistic for it. Two real tickets alike in date, client, type and hours still
 * differ in a ticket number or subject; a file without such a column can add one.
 * @param text the file's text, as parseHistory read it
 * @throws InputError naming each repeated row's line and the line it repeats
 * @example refuseDuplicateRows('date,client,type,hours\n2024-01-05,A,bug,1\n2024-01-05,A,bug,1\n', 'h.csv') // throws: line 3 repeats line 2
 */
export function refuseDuplicateRows(text: string, file: string): void {
  const seen = new Map<string, number>();
  const problems: { path: string; message: string }[] = [];
  for (const row of readCsv(text, file).rows) {
    const key = JSON.stringify(row.cells.map((cell) => cell.trim()));
    const first = seen.get(key);
    if (first === undefined) seen.set(key, row.line);
    else problems.push({ path: `line ${row.line}`, message: `repeats line ${first} in every cell` });
  }
  if (problems.length === 0) return;
  const shown = problems.slice(0, MAX_NAMED);
  if (problems.length > shown.length) shown.push({ path: '', message: `and ${problems.length - shown.length} more repeated rows` });
  shown.push({
    path: '',
    message:
      'a ticket export lists each ticket once, so these would count the same work twice: remove the copies (two real tickets alike in every cell can be told apart by a ticket number column)',
  });
  throw new InputError(file, shown);
}

/**
 * Where a history's dates go backwards, as a warning (empty when they never do): the rows are
 * grouped by month, so the order changes no number, but an export sorted by another column, or
 * two files pasted together, is worth a look.
 * @example datesOutOfOrder(tickets dated 2024-02-01 (line 2), 2024-01-15 (line 3)) // ['dates are not in order: line 3 (2024-01-15) comes after line 2 (2024-02-01) ...']
 */
export function datesOutOfOrder(tickets: readonly Ticket[]): string[] {
  let backwards = 0;
  let first: [Ticket, Ticket] | undefined;
  for (let i = 1; i < tickets.length; i++) {
    if (tickets[i].date < tickets[i - 1].date) {
      backwards++;
      first ??= [tickets[i - 1], tickets[i]];
    }
  }
  if (!first) return [];
  const [before, after] = first;
  const more = backwards > 1 ? ` (and ${backwards - 1} more places)` : '';
  return [
    `dates are not in order: line ${after.line} (${after.date}) comes after line ${before.line} (${before.date})${more}; rows are grouped by month, so no number changes, but check that the export is whole`,
  ];
}
