import type { BacktestResult } from '../analysis/backtest/backtest.js';
import { visibleText } from '../scenario/history/visibleText.js';
import { formatMoney, formatNumber, formatPercent, pValueText } from './format.js';
import { formatTable } from './table.js';

const ratioText = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');

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
export function backtestText(result: BacktestResult, scenarioName: string, currency: string, seed: string): string {
  const rows = result.rows.map((r) => [
    visibleText(r.client),
    String(r.window),
    r.matchedBy === 'name' ? 'by name' : `${r.matchedTo}`,
    formatNumber(r.actualHours, 1),
    formatNumber(r.expectedHours, 1),
    ratioText(r.actualToExpected),
    r.pit.toFixed(2),
    `${formatNumber(r.interval90[0], 1)} – ${formatNumber(r.interval90[1], 1)}`,
  ]);
  const table = formatTable(
    [
      { header: 'client', align: 'left' },
      { header: 'window' },
      { header: 'held against', align: 'left' },
      { header: 'actual h' },
      { header: 'expected h' },
      { header: 'A/E' },
      { header: 'PIT' },
      { header: '90% interval h' },
    ],
    rows,
  );
  const p = result.portfolio;
  const windows = result.windows.map((w) => `window ${w.index}: ${w.label}, ${w.clients} clients`).join('; ');
  const fees = result.windows.map(
    (w) =>
      `  window ${w.index} (${w.label}) needed ${formatMoney(w.neededFee, currency)} per client-month (its actual net cost over ${w.clients} clients × ${result.termMonths} months); the scenario expected ${formatMoney(w.expectedFee, currency)} for these clients`,
  );
  const s = result.scenarioFee;
  return [
    `Backtest of ${scenarioName} against ${visibleText(result.history)} (${result.trials.toLocaleString('en-US')} trials per client, seed ${seed})`,
    windows,
    '',
    table,
    '',
    'Portfolio',
    `  A/E of covered hours   ${ratioText(p.actualToExpected)} (${formatNumber(p.actualHours, 1)} h actual, ${formatNumber(p.expectedHours, 1)} h expected, z = ${Number.isFinite(p.z) ? p.z.toFixed(2) : '–'})`,
    `  PIT histogram          |${histogramBars(p.pitHistogram)}| ${p.pitHistogram.join(' ')} (tenths of [0, 1]; flat is right)`,
    `  KS test of uniformity  D = ${p.ksStatistic.toFixed(3)}, ${pValueText(p.ksPValue)}`,
    `  inside central 50%     ${formatPercent(p.coverage50, 0)} (50% expected)`,
    `  inside central 90%     ${formatPercent(p.coverage90, 0)} (90% expected)`,
    '',
    `Verdict: ${p.verdict.text}.`,
    '',
    `What would the fee have been: the scenario's break-even fee is ${formatMoney(s.breakevenFee, currency)} per client-month at ${formatPercent(s.confidence, 0)} confidence (fair fee ${formatMoney(s.fairFee, currency)});`,
    ...fees,
    '',
    "PIT: where the actual fell in the scenario's distribution for that client (0.5 = its median); A/E: actual / expected.",
  ].join('\n');
}
