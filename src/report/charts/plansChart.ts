import type { PriceListResult } from '../../analysis/priceList.js';
import type { BreakevenReport } from '../../analysis/runReport.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, PALETTE } from './style.js';

/** Per plan, side by side: the break-even price, the fair price, the price now and the hourly worth. */
export function plansChart(report: BreakevenReport, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const measures = [c.breakevenPrice, c.fairPrice, c.priceNowBar, c.hourlyWorth];
  const data = Object.entries(report.plans)
    .filter(([, plan]) => plan.clients > 0)
    .flatMap(([name, plan]) =>
      [
        { plan: name, measure: c.breakevenPrice, value: plan.fee },
        { plan: name, measure: c.fairPrice, value: plan.fair_fee },
        ...(plan.price_now === undefined ? [] : [{ plan: name, measure: c.priceNowBar, value: plan.price_now }]),
        { plan: name, measure: c.hourlyWorth, value: plan.indifferent_fee },
      ].filter((d) => Number.isFinite(d.value)),
    );
  const plans = new Set(data.map((d) => d.plan)).size;
  return {
    id: 'chart-plans',
    title: c.plansTitle,
    description: c.plansDesc(plans),
    marks: [{ name: 'planBars', count: data.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.plansTitle,
      width: CHART_WIDTH,
      height: 260,
      config: chartConfig(n),
      data: { values: data },
      name: 'planBars',
      mark: { type: 'bar', stroke: PALETTE.black, strokeWidth: 0.5 },
      encoding: {
        x: { field: 'plan', type: 'nominal', title: null, sort: null, axis: { labelAngle: 0, labelLimit: 140 } },
        xOffset: { field: 'measure', type: 'nominal', sort: measures },
        y: { field: 'value', type: 'quantitative', title: c.plansY(currency) },
        color: {
          field: 'measure',
          type: 'nominal',
          title: c.measure,
          sort: measures,
          scale: { domain: measures, range: [PALETTE.black, PALETTE.sky, PALETTE.vermillion, PALETTE.orange] },
        },
      },
    },
  };
}

/** Expected profit over the term per plan at today's prices: a bar per plan. */
export function currentPricesChart(result: PriceListResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const data = result.plans.filter((p) => Number.isFinite(p.expected_profit)).map((p) => ({ plan: p.plan, profit: p.expected_profit }));
  return {
    id: 'chart-current',
    title: c.currentTitle,
    description: c.currentDesc({ plans: data.length, total: n.money(result.expected_profit, currency, 0) }),
    marks: [{ name: 'currentBars', count: data.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.currentTitle,
      width: CHART_WIDTH,
      height: Math.max(80, 28 * data.length),
      config: chartConfig(n),
      data: { values: data },
      name: 'currentBars',
      mark: { type: 'bar', color: PALETTE.blue },
      encoding: {
        y: { field: 'plan', type: 'nominal', title: null, sort: null, axis: { labelLimit: 160 } },
        x: { field: 'profit', type: 'quantitative', title: c.currentY(currency) },
      },
    },
  };
}
