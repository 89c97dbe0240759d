import type { SegmentForms } from '../../analysis/forms.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/**
 * One segment's forms as points: what the client pays a month (x) against the agency's chance
 * of a loss over the term (y), each point labelled by its form, with the loss share the
 * confidence level allows as a dashed rule (points under it break even often enough).
 */
export function formsChart(segment: SegmentForms, index: number, confidence: number, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const f = m.forms;
  const data = segment.forms
    .filter((o) => Number.isFinite(o.client_monthly_payment) && Number.isFinite(o.agency_loss_probability))
    .map((o) => ({ form: o.form, pays: o.client_monthly_payment, loss: 100 * o.agency_loss_probability, advised: o.form === segment.recommendation.form }));
  const cheapest = [...data].sort((a, b) => a.pays - b.pays)[0];
  const safest = [...data].sort((a, b) => a.loss - b.loss)[0];
  const limit = 100 * (1 - confidence);
  // Up to twice the allowed loss share or the largest P(loss): forms near zero would otherwise sit on the axis.
  const top = Math.min(100, Math.max(2 * limit, 1.15 * Math.max(0, ...data.map((d) => d.loss)), 1));
  // Labels of forms close in price alternate above and below their points, so they do not overprint.
  const byPays = [...data].sort((a, b) => a.pays - b.pays).map((d) => d.form);
  const labels = data.map((d) => ({ ...d, at: Math.min(top, Math.max(0, d.loss + (byPays.indexOf(d.form) % 2 === 0 ? 1 : -1) * 0.06 * top)) }));
  const x = { field: 'pays', type: 'quantitative' as const, title: f.chartX(currency), scale: { zero: false, nice: true } };
  const y = { field: 'loss', type: 'quantitative' as const, title: f.chartY, scale: { domain: [0, top], nice: true } };
  return {
    id: `chart-forms-${index}`,
    title: f.chartTitle,
    description: f.chartDesc({ forms: data.length, segment: segment.segment, cheapest: cheapest?.form ?? '-', safest: safest?.form ?? '-' }),
    marks: [
      { name: 'formPoints', count: data.length },
      { name: 'formLabels', count: data.length },
      { name: 'lossLimit', count: 1 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: f.chartTitle,
      width: CHART_WIDTH - 120,
      height: 260,
      config: chartConfig(n),
      layer: [
        {
          name: 'lossLimit',
          data: { values: [{ loss: limit, label: f.limitMark(n.percent(1 - confidence, 0)) }] },
          mark: { type: 'rule', color: PALETTE.vermillion, strokeWidth: 1.5, strokeDash: DASH.dashed },
          encoding: { y: { field: 'loss', type: 'quantitative' } },
        },
        {
          name: 'formPoints',
          data: { values: data },
          mark: { type: 'point', filled: true, size: 70, stroke: PALETTE.black, strokeWidth: 0.8 },
          encoding: {
            x,
            y,
            // The advised form is a blue diamond, the others grey circles: told apart by shape as well as colour.
            shape: { field: 'advised', type: 'nominal', scale: { domain: [true, false], range: ['diamond', 'circle'] }, legend: null },
            color: { field: 'advised', type: 'nominal', scale: { domain: [true, false], range: [PALETTE.blue, PALETTE.grey] }, legend: null },
          },
        },
        {
          name: 'formLabels',
          data: { values: labels },
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, fontSize: 11, color: PALETTE.black, limit: 180 },
          encoding: { x, y: { field: 'at', type: 'quantitative' }, text: { field: 'form' } },
        },
      ],
    },
  };
}
