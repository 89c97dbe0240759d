import type { AvailabilityAnalysis } from '../../analysis/availability/analysis.js';
import type { CreditSchedule } from '../../scenario/uptime/spec.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { formatUptimePercent } from '../format.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/** An uptime share as the page spells it: the digits that matter (99.95%, not 100.0%), in the language's decimal mark. */
export function uptimeText(share: number, ctx: HtmlContext): string {
  const text = formatUptimePercent(share);
  return ctx.numbers.lang === 'nl' ? text.replace('.', ',') : text;
}

/**
 * The distribution of monthly availability, as the share of months at or below each level (a
 * point per quantile kept), with the promise (solid) and each credit tier's threshold (dashed).
 */
export function availabilityChart(analysis: AvailabilityAnalysis, credits: CreditSchedule, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const c = m.charts;
  const data = analysis.distribution.map((row) => ({ availability: 100 * row.availability, level: 100 * row.level }));
  const marks = [
    { availability: 100 * analysis.promised, label: c.promiseMark(uptimeText(analysis.promised, ctx)), kind: 'promise' },
    ...[...credits]
      .sort((a, b) => b.below - a.below)
      .map((tier) => ({
        availability: 100 * tier.below,
        label: c.creditMark({ credit: n.percent(tier.credit, 0), below: uptimeText(tier.below, ctx) }),
        kind: 'credit',
      })),
  ];
  // A tier at the promise (the usual schedule starts there) shares its rule: one line, both labels.
  const rules = [...new Set(marks.map((mark) => mark.availability))].map((availability) => {
    const here = marks.filter((mark) => mark.availability === availability);
    return { availability, label: here.map((mark) => mark.label).join(' · '), kind: here.some((mark) => mark.kind === 'promise') ? 'promise' : 'credit' };
  });
  const values = [...data.map((d) => d.availability), ...rules.map((r) => r.availability)];
  const x = {
    field: 'availability',
    type: 'quantitative' as const,
    title: c.availabilityX,
    scale: { zero: false, domain: [Math.min(...values), Math.min(100, Math.max(...values))], nice: false },
  };
  return {
    id: 'chart-availability',
    title: c.availabilityTitle,
    description: c.availabilityDesc({
      points: data.length,
      promised: uptimeText(analysis.promised, ctx),
      p05: uptimeText(analysis.availability.p05, ctx),
      p50: uptimeText(analysis.availability.p50, ctx),
    }),
    marks: [{ name: 'monthPoints', count: data.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.availabilityTitle,
      width: CHART_WIDTH,
      height: 280,
      config: chartConfig(n),
      layer: [
        {
          name: 'monthLine',
          data: { values: data },
          mark: { type: 'line', color: PALETTE.blue, strokeWidth: 1.5, interpolate: 'step-after' },
          encoding: { x, y: { field: 'level', type: 'quantitative', title: c.availabilityY, scale: { domain: [0, 100] } } },
        },
        {
          name: 'monthPoints',
          data: { values: data },
          mark: { type: 'point', shape: 'circle', filled: true, size: 16, color: PALETTE.blue },
          encoding: { x, y: { field: 'level', type: 'quantitative' } },
        },
        {
          name: 'tiers',
          data: { values: rules },
          mark: { type: 'rule', strokeWidth: 1.5 },
          encoding: {
            x,
            color: { field: 'kind', type: 'nominal', scale: { domain: ['promise', 'credit'], range: [PALETTE.black, PALETTE.vermillion] }, legend: null },
            strokeDash: { field: 'kind', type: 'nominal', scale: { domain: ['promise', 'credit'], range: [DASH.solid, DASH.dashed] }, legend: null },
          },
        },
        {
          name: 'tierLabels',
          data: { values: rules },
          mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, dy: -3, fontSize: 10, color: PALETTE.black },
          encoding: { x, y: { value: 0 }, text: { field: 'label' } },
        },
      ],
    },
  };
}
