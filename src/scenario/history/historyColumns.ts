import { InputError } from '../scenarioError.js';
import { visibleText } from './visibleText.js';

/** The columns calibrate reads; the others in the file are ignored. */
export type HistoryColumn = 'date' | 'client' | 'type' | 'hours' | 'plan';

/**
 * Accepted header names per column, first preferred: the English names, the spellings ticket
 * systems use, and Dutch ones (a Dutch agency's export says `datum;klant;soort;uren`).
 * When a file has two of them (type and category), the earlier in the list is used.
 */
export const COLUMN_NAMES: Record<HistoryColumn, readonly string[]> = {
  date: ['date', 'datum'],
  client: ['client', 'customer', 'klant'],
  type: ['type', 'request_type', 'category', 'soort'],
  hours: ['hours', 'uren'],
  plan: ['plan', 'pakket'],
};

const REQUIRED: readonly HistoryColumn[] = ['date', 'client', 'type', 'hours'];

/** `Request Type` → `request_type`: header names compare case-insensitively, spaces as _. */
export function normaliseHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Where each column is in the header (0-based), `plan` only when present.
 * @param header the header cells as read
 * @throws InputError (at `line 1`) naming every required column that is missing, and every
 *   name that occurs twice, with the names accepted
 * @example historyColumns(['Date', 'Client', 'Request type', 'Hours'], 'h.csv').type // 2
 */
export function historyColumns(header: readonly string[], file: string): Record<Exclude<HistoryColumn, 'plan'>, number> & { plan?: number } {
  const names = header.map(normaliseHeader);
  const problems: { path: string; message: string }[] = [];
  const found: Partial<Record<HistoryColumn, number>> = {};
  for (const column of Object.keys(COLUMN_NAMES) as HistoryColumn[]) {
    for (const accepted of COLUMN_NAMES[column]) {
      const at = names.indexOf(accepted);
      if (at < 0) continue;
      if (names.indexOf(accepted, at + 1) >= 0) {
        problems.push({ path: 'line 1', message: `the header names column "${visibleText(header[at])}" twice; which one holds the ${column} is unclear` });
      }
      found[column] = at;
      break;
    }
  }
  for (const column of REQUIRED) {
    if (found[column] === undefined) {
      const accepted = COLUMN_NAMES[column].join(', ');
      problems.push({
        path: 'line 1',
        message: `no ${column} column; the header needs columns date, client, type and hours (for ${column} one of: ${accepted}; case does not matter) (got ${header.map((h) => `"${visibleText(h)}"`).join(', ') || 'nothing'})`,
      });
    }
  }
  if (problems.length > 0) throw new InputError(file, problems);
  return found as Record<Exclude<HistoryColumn, 'plan'>, number> & { plan?: number };
}
