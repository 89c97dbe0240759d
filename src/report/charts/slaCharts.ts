import type { SlaResult } from '../../analysis/sla.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/** Colours and dashes of the plans' lines, in turn: told apart by dash as well as colour. */
const LINE_COLOURS = [PALETTE.blue, PALETTE.orange, PALETTE.green, PALETTE.purple, PALETTE.sky, PALETTE.black];
const LINE_DASHES = [DASH.solid, DASH.dashed, DASH.dotted, DASH.dashDot];

/** The breach limit as a dashed rule, a layer of both charts. */
function limitLayer(maxBreach: number, ctx: HtmlContext) {
  return {
    name: 'breachLimit',
    data: { values: [{ breach: 100 * maxBreach, label: ctx.messages.sla.limitMark(ctx.numbers.percent(maxBreach, 1)) }] },
    mark: { type: 'rule' as const, color: PALETTE.vermillion, strokeWidth: 1.5, strokeDash: DASH.dashed },
    encoding: { y: { field: 'breach', type: 'quantitative' as const } },
  };
}

/** Each plan's P(breach) as a bar, with ± 2 standard errors as a rule, and the breach limit. */
export function slaBreachChart(result: SlaResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const s = m.sla;
  const data = result.plans
    .filter((p) => Number.isFinite(p.breachProbability))
    .map((p) => {
      const se = Number.isFinite(p.breachProbabilityStandardError) ? p.breachProbabilityStandardError : 0;
      return {
        plan: p.plan,
        breach: 100 * p.breachProbability,
        low: Math.max(0, 100 * (p.breachProbability - 2 * se)),
        high: 100 * (p.breachProbability + 2 * se),
      };
    });
  const worst = [...data].sort((a, b) => b.breach - a.breach)[0];
  const top = Math.min(100, Math.max(2 * 100 * result.maxBreach, 1.15 * Math.max(0, ...data.map((d) => d.high)), 1));
  const x = { field: 'plan', type: 'nominal' as const, title: s.breachX, sort: null, axis: { labelAngle: 0, labelLimit: 160 } };
  const y = { field: 'breach', type: 'quantitative' as const, title: s.breachY, scale: { domain: [0, top], nice: true } };
  return {
    id: 'chart-sla-breach',
    title: s.breachTitle,
    description: s.breachDesc({ plans: data.length, worst: worst?.plan ?? '-' }),
    marks: [
      { name: 'breachBars', count: data.length },
      { name: 'breachErrors', count: data.length },
      { name: 'breachLimit', count: 1 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: s.breachTitle,
      width: CHART_WIDTH - 120,
      height: 240,
      config: chartConfig(n),
      layer: [
        { name: 'breachBars', data: { values: data }, mark: { type: 'bar', color: PALETTE.blue, width: { band: 0.6 } }, encoding: { x, y } },
        {
          name: 'breachErrors',
          data: { values: data },
          mark: { type: 'rule', color: PALETTE.black, strokeWidth: 1.5 },
          encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
        },
        limitLayer(result.maxBreach, ctx),
      ],
    },
  };
}

/** The staffing table: each plan's P(breach) (y) against the team size (x), a line and points per plan, and the breach limit. */
export function slaStaffingChart(result: SlaResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const s = m.sla;
  const names = result.plans.map((p) => p.plan);
  const data = result.staffing.flatMap((row) =>
    row.plans.filter((p) => Number.isFinite(p.breachProbability)).map((p) => ({ people: row.people, plan: p.plan, breach: 100 * p.breachProbability })),
  );
  const drawn = names.filter((name) => data.some((d) => d.plan === name));
  const top = Math.min(100, Math.max(2 * 100 * result.maxBreach, 1.1 * Math.max(0, ...data.map((d) => d.breach)), 1));
  const x = { field: 'people', type: 'quantitative' as const, title: s.staffingX, axis: { tickMinStep: 1, format: 'd' }, scale: { zero: false, nice: false } };
  const y = { field: 'breach', type: 'quantitative' as const, title: s.staffingY, scale: { domain: [0, top], nice: true } };
  const color = {
    field: 'plan',
    type: 'nominal' as const,
    title: m.columns.plan,
    scale: { domain: drawn, range: drawn.map((_, i) => LINE_COLOURS[i % LINE_COLOURS.length]) },
  };
  return {
    id: 'chart-sla-staffing',
    title: s.staffingTitle,
    description: s.staffingDesc({ plans: drawn.length, sizes: result.staffing.length }),
    marks: [
      { name: 'staffingLines', count: drawn.length },
      { name: 'staffingPoints', count: data.length },
      { name: 'breachLimit', count: 1 },
    ],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: s.staffingTitle,
      width: CHART_WIDTH - 120,
      height: 260,
      config: chartConfig(n),
      layer: [
        limitLayer(result.maxBreach, ctx),
        {
          name: 'staffingLines',
          data: { values: data },
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x,
            y,
            color,
            // Titled as the colour is, the two merge into one legend whose symbols carry both
            // (a legend: null here took the colour's legend away with it).
            strokeDash: {
              field: 'plan',
              type: 'nominal',
              title: m.columns.plan,
              scale: { domain: drawn, range: drawn.map((_, i) => [...LINE_DASHES[i % LINE_DASHES.length]]) },
            },
          },
        },
        {
          name: 'staffingPoints',
          data: { values: data },
          mark: { type: 'point', filled: true, size: 50, stroke: PALETTE.black, strokeWidth: 0.6 },
          encoding: { x, y, color },
        },
      ],
    },
  };
}
