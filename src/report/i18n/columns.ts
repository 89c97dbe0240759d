import { COLUMN_KEYS, type ColumnKey, type Messages } from './messages.js';

/** A CSV column's name in the reader's language (the CSV header itself never changes); a column the catalogue lacks keeps its name. */
export function columnLabel(name: string, m: Messages): string {
  return (COLUMN_KEYS as readonly string[]).includes(name) ? m.columns[name as ColumnKey] : name;
}
