import * as asciichart from 'asciichart';
import type { FeeRow } from '../analysis/compare.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** Columns of the terminal fee curve: wide enough to read a slope, narrow enough for an 80-column terminal with its labels. */
const WIDTH = 60;

/** y at x on the piecewise-linear curve through (xs, ys), xs ascending. */
function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  let i = 1;
  while (i < xs.length - 1 && xs[i] < x) i++;
  const [x0, x1, y0, y1] = [xs[i - 1], xs[i], ys[i - 1], ys[i]];
  return x1 === x0 ? y1 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

/**
 * The fee table as two terminal line charts against the fee, left to right: P(loss) in percent
 * and the expected profit over the term (asciichart). The rows are resampled on an even fee
 * grid so the x axis is to scale even when the fees asked for are not evenly spaced.
 * @param color ANSI colours: only when stdout is a terminal and NO_COLOR is unset (the CLI decides)
 * @returns empty with fewer than two distinct fees, where a curve says nothing a row does not
 */
export function feeCurveText(rows: readonly FeeRow[], currency: string, color: boolean, { t, n }: TextStyle = EN_TEXT): string {
  const sorted = [...rows].filter((r) => Number.isFinite(r.expected_profit)).sort((a, b) => a.fee - b.fee);
  const fees = sorted.map((r) => r.fee);
  if (sorted.length < 2 || fees[0] === fees[fees.length - 1]) return '';
  const grid = Array.from({ length: WIDTH }, (_, i) => fees[0] + ((fees[fees.length - 1] - fees[0]) * i) / (WIDTH - 1));
  const series = (values: readonly number[]) => grid.map((fee) => interpolate(fees, values, fee));
  const loss = series(sorted.map((r) => 100 * r.loss_probability));
  const profit = series(sorted.map((r) => r.expected_profit));
  const plot = (values: number[], colour: string, format: (x: number) => string, bounds: { min?: number; max?: number }) =>
    asciichart
      .plot(values, { height: 8, ...bounds, colors: color ? [colour] : undefined, format: (x) => format(x).padStart(10) })
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n');
  return [
    t.feeCurveTitle(currency),
    t.feeCurveLoss,
    plot(loss, asciichart.blue, (x) => n.number(x, 0), { min: 0, max: 100 }),
    t.feeCurveProfit(currency),
    plot(profit, asciichart.yellow, (x) => n.number(x, 0), {}),
    `${' '.repeat(12)}${t.feeCurveAxis({ from: n.number(fees[0]), to: n.number(fees[fees.length - 1]) })}`,
  ].join('\n');
}
