import { monthLabel, type History, type Ticket } from '../../scenario/history/history.js';

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
  /** Set when only the last months of a longer history were fitted (--window-months): how many, and where the whole file starts. */
  lastMonthsOf?: { months: number; firstDate: string };
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

/**
 * The history cut to its last `months` calendar months (the month of the latest ticket and the
 * months before it): the renegotiation view, what the most recent year says.
 * @example lastMonthsOf(history of 2023-01 … 2024-12, 12).tickets // those of 2024
 */
export function lastMonthsOf(history: History, months: number): History {
  const last = history.tickets.reduce((m, t) => Math.max(m, t.monthIndex), Number.NEGATIVE_INFINITY);
  return { ...history, tickets: history.tickets.filter((t) => t.monthIndex > last - months) };
}

/** `2024-01 to 2024-12` for a window. */
export function windowLabel(window: ObservationWindow): string {
  return `${monthLabel(window.firstMonth)} to ${monthLabel(window.lastMonth)}`;
}

/** More consecutive months without a ticket than this inside the window gets a warning. */
export const MAX_QUIET_MONTHS = 3;

/**
 * What to check in a history before trusting its window, as messages: dates after today (the
 * export cannot know them yet; dates more than a year ahead are refused when reading), and
 * runs of more than MAX_QUIET_MONTHS calendar months without a ticket (a typo year, or a gap in
 * the export), each naming the dates around it. Rates are per month of the whole window, so
 * either makes them too low.
 * @param today YYYY-MM-DD
 * @example historyWarnings(tickets of 2024-01 … 2024-03 and one of 2024-09, window, '2025-01-01') // ['no tickets in the 5 months 2024-04 to 2024-08 ...']
 */
export function historyWarnings(tickets: readonly Ticket[], window: ObservationWindow, today: string): string[] {
  const warnings: string[] = [];
  const future = tickets.filter((t) => t.date > today);
  if (future.length > 0) {
    const shown = future.slice(0, 5).map((t) => `${t.date} (line ${t.line})`);
    const more = future.length > shown.length ? ` and ${future.length - shown.length} more` : '';
    warnings.push(
      `${future.length === 1 ? 'a date' : `${future.length} dates`} after today (${today}): ${shown.join(', ')}${more}; a typo? The window runs to ${window.lastDate}`,
    );
  }
  // The latest date in each month that has tickets, to name the dates around a gap.
  const lastInMonth = new Map<number, string>();
  const firstInMonth = new Map<number, string>();
  for (const t of tickets) {
    if (!(t.date <= (lastInMonth.get(t.monthIndex) ?? ''))) lastInMonth.set(t.monthIndex, t.date);
    if (!(t.date >= (firstInMonth.get(t.monthIndex) ?? '9999'))) firstInMonth.set(t.monthIndex, t.date);
  }
  let previous = window.firstMonth;
  for (let month = window.firstMonth + 1; month <= window.lastMonth; month++) {
    if (!lastInMonth.has(month)) continue;
    const quiet = month - previous - 1;
    if (quiet > MAX_QUIET_MONTHS) {
      warnings.push(
        `no tickets in the ${quiet} months ${monthLabel(previous + 1)} to ${monthLabel(month - 1)}, between ${lastInMonth.get(previous)} and ${firstInMonth.get(month)}: a typo in a date, or a gap in the export? The rates are per ${window.months} months, the gap included (--months says otherwise)`,
      );
    }
    previous = month;
  }
  return warnings;
}
