import type { BacktestResult } from '../../analysis/backtest/backtest.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/**
 * The PIT histogram: where each client-term's actual covered hours fell in the scenario's
 * predictive distribution, in tenths of [0, 1], with the count a calibrated scenario gives each
 * tenth (the dashed line): flat is right, a U too narrow, a slope too low or too high.
 */
export function pitChart(result: BacktestResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const b = m.backtest;
  const counts = result.portfolio.pitHistogram;
  const bins = counts.map((count, i) => ({ start: i / counts.length, end: (i + 1) / counts.length, count }));
  const total = counts.reduce((a, c) => a + c, 0);
  const uniform = total / Math.max(1, counts.length);
  const x = { field: 'start', type: 'quantitative' as const, title: b.pitX, scale: { domain: [0, 1] } };
  return {
    id: 'chart-pit',
    title: b.pitTitle,
    description: b.pitDesc({ clientTerms: total, uniform: n.number(uniform, 1), counts: counts.join(' ') }),
    marks: [
      { name: 'pitBars', count: bins.length },
      { name: 'uniform', count: 1 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: b.pitTitle,
      width: CHART_WIDTH,
      height: 220,
      config: chartConfig(n),
      layer: [
        {
          name: 'pitBars',
          data: { values: bins },
          // A rect from the tenth's start to its end and from zero up, as the fee's histogram draws its bins.
          mark: { type: 'rect', color: PALETTE.sky, stroke: PALETTE.blue, strokeWidth: 0.5 },
          encoding: {
            x,
            x2: { field: 'end' },
            y: { field: 'count', type: 'quantitative', title: b.pitY, axis: { tickMinStep: 1, format: 'd' } },
            y2: { datum: 0 },
          },
        },
        {
          name: 'uniform',
          data: { values: [{ count: uniform }] },
          mark: { type: 'rule', color: PALETTE.black, strokeWidth: 1.5, strokeDash: DASH.dashed },
          encoding: { y: { field: 'count', type: 'quantitative' } },
        },
        {
          name: 'uniformLabel',
          data: { values: [{ start: 1, count: uniform, label: b.uniformMark }] },
          mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 11, color: PALETTE.black },
          encoding: { x, y: { field: 'count', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    },
  };
}

/** Actual against expected covered hours: a point per client and term, and the line actual = expected. */
export function actualExpectedChart(result: BacktestResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const b = m.backtest;
  const data = result.rows
    .filter((r) => Number.isFinite(r.actualHours) && Number.isFinite(r.expectedHours))
    .map((r) => ({ client: r.client, expected: r.expectedHours, actual: r.actualHours }));
  const most = Math.max(1, ...data.flatMap((d) => [d.expected, d.actual]));
  const scale = { domain: [0, most], nice: true };
  const ae = result.portfolio.actualToExpected;
  return {
    id: 'chart-actual-expected',
    title: b.aeTitle,
    description: b.aeDesc({ points: data.length, ae: Number.isFinite(ae) ? n.number(ae, 2) : m.rows.notAvailable }),
    marks: [
      { name: 'aePoints', count: data.length },
      { name: 'identity', count: 1 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: b.aeTitle,
      width: 360,
      height: 360,
      config: chartConfig(n),
      layer: [
        {
          name: 'identity',
          data: { values: [{ expected: 0, actual: 0, expected2: most, actual2: most }] },
          mark: { type: 'rule', color: PALETTE.black, strokeWidth: 1.5, strokeDash: DASH.dashed },
          encoding: {
            x: { field: 'expected', type: 'quantitative', title: b.aeX, scale },
            y: { field: 'actual', type: 'quantitative', title: b.aeY, scale },
            x2: { field: 'expected2' },
            y2: { field: 'actual2' },
          },
        },
        {
          name: 'aePoints',
          data: { values: data },
          mark: { type: 'point', shape: 'circle', filled: true, size: 50, color: PALETTE.blue, stroke: PALETTE.black, strokeWidth: 0.5, opacity: 0.8 },
          encoding: { x: { field: 'expected', type: 'quantitative' }, y: { field: 'actual', type: 'quantitative' } },
        },
      ],
    },
  };
}
