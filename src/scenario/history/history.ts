/*
 * A ticket/timesheet history as `fairfee calibrate` reads it: one row per request. The CSV
 * reader (readHistory.ts) produces it; the fit (fitHistory.ts) consumes it.
 */

/** One request (ticket) from the history file. */
export interface Ticket {
  /** Line of the file where the row starts (the header is line 1), for messages. */
  line: number;
  /** The date as YYYY-MM-DD. */
  date: string;
  /** Calendar month as a number: year · 12 + (month − 1), so consecutive months differ by 1. */
  monthIndex: number;
  /** The client's name as written (trimmed); clients are told apart by this text. */
  client: string;
  /** The request type's name as written (trimmed), e.g. "Text edit". */
  type: string;
  /** Hours booked on the ticket, ≥ 0. */
  hours: number;
  /** The client's plan as written, when the file has a plan column and the cell is filled. */
  plan?: string;
}

/** A whole history file, read and checked. */
export interface History {
  /** The file name used in messages and comments. */
  file: string;
  /** Every row, in file order; at least one. */
  tickets: Ticket[];
  /** Whether the file has a plan column with at least one filled cell. */
  hasPlans: boolean;
  /** The field separator found in the header line. */
  delimiter: ',' | ';' | '\t';
}

/** `2024-03` for a month index (year · 12 + month − 1). */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
}

/** Clients compared as people write them: case and spacing do not matter ("Bakkerij  Jansen"). */
export function clientKey(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ');
}
