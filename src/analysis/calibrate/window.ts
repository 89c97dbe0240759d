import { monthLabel, type Ticket } from '../../scenario/history/history.js';

/** The months a history covers. */
export interface ObservationWindow {
  /** First and last ticket dates, YYYY-MM-DD. */
  firstDate: string;
  lastDate: string;
  /** Their month indices (year · 12 + month − 1). */
  firstMonth: number;
  lastMonth: number;
  /** Calendar months from the first date's month to the last's, both included. */
  spanMonths: number;
  /** Months the rates are per: spanMonths, or what the user said (--months). */
  months: number;
  /** True when months came from the user. */
  monthsGiven: boolean;
}

/**
 * The observation window: whole calendar months from the first ticket's month to the last's
 * (a January–December export is 12 months, whatever the first and last days), unless the user
 * says how many months the export covers (it may run past the last ticket, or start and end
 * mid-month).
 * @param tickets at least one
 * @param months the user's number of months, if any
 * @example observationWindow(tickets dated 2024-01-03 … 2024-12-28).months // 12
 */
export function observationWindow(tickets: readonly Ticket[], months?: number): ObservationWindow {
  let first = tickets[0];
  let last = tickets[0];
  for (const t of tickets) {
    if (t.date < first.date) first = t;
    if (t.date > last.date) last = t;
  }
  const spanMonths = last.monthIndex - first.monthIndex + 1;
  return {
    firstDate: first.date,
    lastDate: last.date,
    firstMonth: first.monthIndex,
    lastMonth: last.monthIndex,
    spanMonths,
    months: months ?? spanMonths,
    monthsGiven: months !== undefined,
  };
}

/** `2024-01 to 2024-12` for a window. */
export function windowLabel(window: ObservationWindow): string {
  return `${monthLabel(window.firstMonth)} to ${monthLabel(window.lastMonth)}`;
}
