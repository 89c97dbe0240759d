import { monthLabel, type History } from '../../scenario/history/history.js';
import type { InputProblem } from '../../scenario/scenarioError.js';
import type { BacktestWindow } from './windows.js';

/**
 * The problems that make a backtest meaningless, as InputError problems: no whole window, a
 * window without a single ticket (a gap in the export: the scenario would look too pessimistic
 * for it). Clients the scenario has no place for are matchClients' unmatched.
 */
export function windowProblems(history: History, windows: readonly BacktestWindow[], spanMonths: number, termMonths: number): InputProblem[] {
  if (windows.length === 0) {
    const first = monthLabel(Math.min(...history.tickets.map((t) => t.monthIndex)));
    return [
      {
        path: '',
        message: `covers ${spanMonths} calendar months (from ${first}), fewer than the scenario's term of ${termMonths} months: a backtest needs at least one whole term; give a longer history (or a scenario with a shorter term_months)`,
      },
    ];
  }
  const problems: InputProblem[] = [];
  const byDate = [...history.tickets].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  for (const w of windows) {
    if (byDate.some((t) => t.monthIndex >= w.firstMonth && t.monthIndex <= w.lastMonth)) continue;
    const before = byDate.filter((t) => t.monthIndex < w.firstMonth).at(-1);
    const after = byDate.find((t) => t.monthIndex > w.lastMonth);
    const around = [before && `line ${before.line} (${before.date}) is the last before it`, after && `line ${after.line} (${after.date}) the first after it`]
      .filter(Boolean)
      .join(', ');
    problems.push({
      path: before ? `after line ${before.line}` : '',
      message: `has no rows in window ${w.index} (${w.label}): ${around}; a whole term without a single ticket is a gap in the export, and would make the scenario look too pessimistic: export the missing months (or cut the file before the gap)`,
    });
  }
  return problems;
}
