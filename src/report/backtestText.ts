import type { BacktestResult } from '../analysis/backtest/backtest.js';
import type { BacktestWindow } from '../analysis/backtest/windows.js';
import { monthLabel } from '../scenario/history/history.js';
import { visibleText } from '../scenario/history/visibleText.js';
import { formatRows } from './format.js';
import { formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** A PIT histogram as a row of bars, one per tenth: flat is right. */
function histogramBars(counts: readonly number[]): string {
  const most = Math.max(1, ...counts);
  const bars = ' ▁▂▃▄▅▆▇█';
  return counts.map((c) => bars[Math.round((c / most) * (bars.length - 1))]).join('');
}

/**
 * The terminal text of `fairfee backtest`: a row per client and window (actual and expected
 * covered hours, A/E, the PIT and the central 90% interval), the portfolio's figures, the
 * verdict, and what the fee would have been. Names from the history are shown with control and
 * bidi characters escaped.
 */
export function backtestText(result: BacktestResult, scenarioName: string, currency: string, seed: string, s: TextStyle = EN_TEXT): string {
  const { n } = s;
  const b = s.t.backtest;
  const ratio = (value: number) => (Number.isFinite(value) ? n.fixed(value, 2) : '–');
  const rows = result.rows.map((r) => [
    visibleText(r.client),
    String(r.window),
    r.matchedBy === 'name' ? b.byName : `${r.matchedTo}`,
    n.number(r.actualHours, 1),
    n.number(r.expectedHours, 1),
    ratio(r.actualToExpected),
    n.fixed(r.pit, 2),
    n.interval(r.interval90, 1),
  ]);
  const table = formatTable(
    b.headers.map((header, i) => ({ header, align: i === 0 || i === 2 ? ('left' as const) : ('right' as const) })),
    rows,
  );
  const p = result.portfolio;
  const label = (w: BacktestWindow) => b.windowMonths({ first: monthLabel(w.firstMonth), last: monthLabel(w.lastMonth) });
  const windows = result.windows.map((w) => b.window({ index: w.index, label: label(w), clients: w.clients })).join('; ');
  const fees = result.windows.map((w) =>
    b.windowFee({
      index: w.index,
      label: label(w),
      needed: n.money(w.neededFee, currency),
      clients: w.clients,
      months: result.termMonths,
      expected: n.money(w.expectedFee, currency),
    }),
  );
  const fee = result.scenarioFee;
  const pValue = p.ksPValue < 0.001 ? b.pValue({ p: n.fixed(0.001, 3), below: true }) : b.pValue({ p: n.fixed(p.ksPValue, 3), below: false });
  const verdict = s.t.advice.verdict({
    verdict: p.verdict,
    actualToExpected: p.actualToExpected,
    z: p.z,
    coverage90: p.coverage90,
    clientWindows: p.clientWindows,
  });
  return [
    b.title({ scenario: scenarioName, history: visibleText(result.history), trials: n.number(result.trials, 0), seed }),
    windows,
    '',
    table,
    '',
    b.portfolio,
    formatRows([
      [
        b.aeLabel,
        b.aeValue({
          ae: ratio(p.actualToExpected),
          actual: n.number(p.actualHours, 1),
          expected: n.number(p.expectedHours, 1),
          z: Number.isFinite(p.z) ? n.fixed(p.z, 2) : '–',
        }),
      ],
      [b.pitLabel, b.pitValue({ bars: histogramBars(p.pitHistogram), counts: p.pitHistogram.join(' ') })],
      [b.ksLabel, b.ksValue({ d: n.fixed(p.ksStatistic, 3), p: pValue })],
      [b.insideLabel(n.percent(0.5, 0)), b.insideValue({ share: n.percent(p.coverage50, 0), expected: n.percent(0.5, 0) })],
      [b.insideLabel(n.percent(0.9, 0)), b.insideValue({ share: n.percent(p.coverage90, 0), expected: n.percent(0.9, 0) })],
    ]),
    '',
    b.verdict(verdict),
    '',
    b.feeIntro({ breakeven: n.money(fee.breakevenFee, currency), confidence: n.percent(fee.confidence, 0), fair: n.money(fee.fairFee, currency) }),
    ...fees,
    '',
    b.legend,
  ].join('\n');
}
