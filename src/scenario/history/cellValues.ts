/*
 * The values of a history row's cells, read as an agency's exports write them. Each reader
 * returns the value or the message for a bad cell, so the caller can collect every problem.
 */

import { controlCharacter, escapeCharacter, visibleText } from './visibleText.js';

/** A cell's value, or why the cell is refused. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** A cell as a message shows it: quoted, shortened, control and bidi characters escaped. */
const quote = (text: string) => `"${visibleText(text.length > 40 ? `${text.slice(0, 40)}…` : text)}"`;

/**
 * Most hours one ticket may book: more than a year of full-time work is a typo (a date or an
 * amount pasted into the hours column), and far larger numbers would overflow the fit.
 */
export const MAX_TICKET_HOURS = 10_000;

/**
 * Decimal hours rounded to the millionth (3.6 ms): no timesheet books finer, and a cell such as
 * `0.333333333333333333333` or `0.000…01` then gives a number that the scenario file writes
 * and reads back as it is, and a fit whose logs stay in range (below a millionth is 0 hours).
 */
const toMicrohours = (hours: number) => Math.round(hours * 1e6) / 1e6;

/**
 * Hours booked on a ticket: a decimal number with a point or a comma (`1.5`, `1,5`: Dutch
 * exports), or hours and minutes (`1:30`, as timesheet tools show time). Thousands
 * separators are refused: `1.250` could be either. At most MAX_TICKET_HOURS; decimals
 * rounded to the millionth of an hour.
 * @example readHours('1,25') // { ok: true, value: 1.25 }
 */
export function readHours(cell: string): CellResult<number> {
  const text = cell.trim();
  const rule = 'must be a number ≥ 0, such as 1.5, 1,5 or 1:30';
  if (text === '') return { ok: false, message: `is empty; ${rule}` };
  const clock = /^(\d+):([0-5]\d)$/.exec(text);
  const decimal = /^\d+([.,]\d+)?$/.test(text) || /^[.,]\d+$/.test(text);
  if (clock || decimal) {
    // Minutes are exact; a decimal's digits beyond the millionth are noise.
    const value = clock ? Number(clock[1]) + Number(clock[2]) / 60 : toMicrohours(Number(text.replace(',', '.')));
    if (!(value <= MAX_TICKET_HOURS)) {
      return { ok: false, message: `must be at most ${MAX_TICKET_HOURS.toLocaleString('en-US')} hours for one ticket (got ${quote(text)})` };
    }
    return { ok: true, value };
  }
  return { ok: false, message: `${rule} (got ${quote(text)})` };
}

/**
 * A name cell (client, request type, plan), trimmed. A control character (ESC, BEL, a line
 * break inside quotes...) is refused with its escape and position: it would reach the terminal
 * and the scenario file, and a scenario refuses names holding one.
 * @example readName(' Acme ') // { ok: true, value: 'Acme' }
 */
export function readName(cell: string): CellResult<string> {
  const text = cell.trim();
  const control = controlCharacter(text);
  if (control) {
    return {
      ok: false,
      message: `holds the control character ${escapeCharacter(control.char)} at character ${control.position} (got ${quote(text)}); names may not hold control characters`,
    };
  }
  return { ok: true, value: text };
}

/** Earliest and latest year accepted: a typo like 2204 would otherwise stretch the window silently. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2100;

/**
 * A ticket's date: `YYYY-MM-DD`, optionally followed by a time (`2024-03-05T10:15`, as ticket
 * systems export timestamps), or `DD-MM-YYYY` as Dutch spreadsheets write dates. Slashes are
 * refused: `03/05/2024` is March in one country and May in another.
 * @returns the date as YYYY-MM-DD and its month index year · 12 + (month − 1)
 * @example readDate('5-3-2024') // { ok: true, value: { date: '2024-03-05', monthIndex: 24290 } }
 */
export function readDate(cell: string): CellResult<{ date: string; monthIndex: number }> {
  const text = cell.trim();
  const rule = 'must be a date YYYY-MM-DD (or DD-MM-YYYY)';
  if (text === '') return { ok: false, message: `is empty; ${rule}` };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\S.*)?$/.exec(text);
  const dutch = iso ? null : /^(\d{1,2})-(\d{1,2})-(\d{4})(?: \S.*)?$/.exec(text);
  if (!iso && !dutch) return { ok: false, message: `${rule} (got ${quote(text)})` };
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : [dutch![3], dutch![2], dutch![1]].map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return { ok: false, message: `is not a date in the calendar (got ${quote(text)})` };
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) return { ok: false, message: `year must be from ${FIRST_YEAR} to ${LAST_YEAR} (got ${quote(text)})` };
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: { date, monthIndex: year * 12 + month - 1 } };
}
