import { monthLabel, type Ticket } from '../../scenario/history/history.js';

/** One window of the history: `months` calendar months, as long as the scenario's term. */
export interface BacktestWindow {
  /** 1 for the first window. */
  index: number;
  /** Month indices (year · 12 + month − 1) of its first and last month. */
  firstMonth: number;
  lastMonth: number;
  /** `2024-01 to 2024-12`. */
  label: string;
}

/** The windows of a history, and what was left out. */
export interface HistoryWindows {
  windows: BacktestWindow[];
  /** Months after the last whole window (an incomplete window, dropped); 0 when none. */
  droppedMonths: number;
  /** Tickets in the dropped months. */
  droppedTickets: number;
  /** Calendar months from the first ticket's month to the last's. */
  spanMonths: number;
}

/**
 * Cuts a history into consecutive windows of `termMonths` calendar months from the month of its
 * first ticket (MODEL.md, "Backtest"); an incomplete last window is dropped, as a term that has
 * not ended says nothing yet about the term's total.
 * @param tickets at least one
 * @example historyWindows(tickets of 2023-01 … 2024-09, 12).windows.length // 1, and 9 months dropped
 */
export function historyWindows(tickets: readonly Ticket[], termMonths: number): HistoryWindows {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of tickets) {
    first = Math.min(first, t.monthIndex);
    last = Math.max(last, t.monthIndex);
  }
  const spanMonths = last - first + 1;
  const count = Math.floor(spanMonths / termMonths);
  const windows = Array.from({ length: count }, (_, i) => {
    const firstMonth = first + i * termMonths;
    const lastMonth = firstMonth + termMonths - 1;
    return { index: i + 1, firstMonth, lastMonth, label: `${monthLabel(firstMonth)} to ${monthLabel(lastMonth)}` };
  });
  const covered = first + count * termMonths;
  return {
    windows,
    droppedMonths: spanMonths - count * termMonths,
    droppedTickets: tickets.filter((t) => t.monthIndex >= covered).length,
    spanMonths,
  };
}
