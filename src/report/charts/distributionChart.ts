import type { Histogram } from '../../analysis/histogram.js';
import type { UniformReport } from '../../analysis/runReport.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/**
 * The distribution of the per-term break-even fee (a bar per bin) with the break-even fee (a
 * solid rule), its 95% interval (a grey band) and the fair fee (a dashed rule) marked.
 */
export function distributionChart(report: UniformReport, histogram: Histogram, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const total = histogram.counts.reduce((a, b) => a + b, 0) || 1;
  const bins = histogram.counts.map((count, i) => ({ start: histogram.edges[i], end: histogram.edges[i + 1], share: (100 * count) / total }));
  const [low, high] = report.breakeven_fee_interval;
  const x = { field: 'start', type: 'quantitative' as const, title: c.distributionX(currency), scale: { zero: false } };
  return {
    id: 'chart-distribution',
    title: c.distributionTitle,
    description: c.distributionDesc({
      bins: bins.length,
      fee: n.money(report.breakeven_fee, currency),
      low: n.money(low, currency),
      high: n.money(high, currency),
      fair: n.money(report.fair_fee, currency),
    }),
    marks: [
      { name: 'bins', count: bins.length },
      { name: 'marks', count: 2 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.distributionTitle,
      width: CHART_WIDTH,
      height: 260,
      config: chartConfig(n),
      layer: [
        {
          name: 'interval',
          data: { values: [{ start: low, end: high, label: c.intervalMark }] },
          mark: { type: 'rect', color: PALETTE.band, opacity: 0.9 },
          encoding: { x, x2: { field: 'end' } },
        },
        {
          name: 'bins',
          data: { values: bins },
          // A rect from the bin's start to its end and from zero up: a bar with x2 would be read as a horizontal bar.
          mark: { type: 'rect', color: PALETTE.sky, stroke: PALETTE.blue, strokeWidth: 0.5 },
          encoding: { x, x2: { field: 'end' }, y: { field: 'share', type: 'quantitative', title: c.distributionY }, y2: { datum: 0 } },
        },
        {
          name: 'marks',
          data: {
            values: [
              { start: report.breakeven_fee, label: `${c.breakevenMark} ${n.number(report.breakeven_fee)}`, kind: 'breakeven' },
              { start: report.fair_fee, label: `${c.fairMark} ${n.number(report.fair_fee)}`, kind: 'fair' },
            ],
          },
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            x,
            color: { field: 'kind', type: 'nominal', scale: { domain: ['breakeven', 'fair'], range: [PALETTE.black, PALETTE.vermillion] }, legend: null },
            strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['breakeven', 'fair'], range: [DASH.solid, DASH.dashed] }, legend: null },
          },
        },
        ...[
          { value: report.breakeven_fee, label: `${c.breakevenMark} ${n.number(report.breakeven_fee)}`, y: 2 },
          { value: report.fair_fee, label: `${c.fairMark} ${n.number(report.fair_fee)}`, y: 16 },
        ].map((mark, i) => ({
          name: `label${i}`,
          data: { values: [{ start: mark.value, label: mark.label }] },
          mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, dx: 4, fontSize: 11, color: PALETTE.black },
          encoding: { x, y: { value: mark.y }, text: { field: 'label' } },
        })),
      ],
    },
  };
}
