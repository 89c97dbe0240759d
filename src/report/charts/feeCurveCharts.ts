import type { FeeRow } from '../../analysis/compare.js';
import { Z95 } from '../../analysis/quantile.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import { CHART_WIDTH, chartConfig, DASH, PALETTE } from './style.js';

/** What the fee curves mark besides the rows: the break-even fee and today's price of each plan. */
export interface FeeCurveMarks {
  readonly breakevenFee: number;
  /** Plan name → its monthly fee today; empty without current prices. */
  readonly pricesNow: Readonly<Record<string, number>>;
}

/**
 * Today's prices that fall on the curve's fee range (a fifth beyond the rows either way): a
 * plan priced far above the uniform fees would squash the curve into a corner; the table and
 * the plans section show it.
 */
function pricesOnCurve(rows: readonly FeeRow[], marks: FeeCurveMarks): [string, number][] {
  const fees = rows.map((r) => r.fee);
  const low = Math.min(...fees);
  const high = Math.max(...fees);
  const slack = (high - low) / 5;
  return Object.entries(marks.pricesNow).filter(([, fee]) => fee >= low - slack && fee <= high + slack);
}

/** Vertical rules at the break-even fee (solid) and at today's prices (dotted), each labelled. */
function feeRules(rows: readonly FeeRow[], marks: FeeCurveMarks, ctx: HtmlContext, x: object) {
  const c = ctx.messages.charts;
  const rules = [
    { fee: marks.breakevenFee, label: `${c.breakevenMark} ${ctx.numbers.number(marks.breakevenFee)}`, kind: 'breakeven' },
    ...pricesOnCurve(rows, marks).map(([plan, fee]) => ({ fee, label: c.priceNow(plan), kind: 'now' })),
  ];
  return [
    {
      name: 'rules',
      data: { values: rules },
      mark: { type: 'rule' as const, strokeWidth: 1.5 },
      encoding: {
        x,
        color: { field: 'kind', type: 'nominal' as const, scale: { domain: ['breakeven', 'now'], range: [PALETTE.black, PALETTE.vermillion] }, legend: null },
        strokeDash: { field: 'kind', type: 'nominal' as const, scale: { domain: ['breakeven', 'now'], range: [DASH.solid, DASH.dotted] }, legend: null },
      },
    },
    {
      name: 'ruleLabels',
      data: { values: rules },
      mark: { type: 'text' as const, angle: 270, align: 'right' as const, baseline: 'bottom' as const, dx: -4, dy: -3, fontSize: 10, color: PALETTE.black },
      encoding: { x, y: { value: 0 }, text: { field: 'label' } },
    },
  ];
}

/** The fee range of the x axis: the rows and every marked fee. */
function feeDomain(rows: readonly FeeRow[], marks: FeeCurveMarks): [number, number] {
  const fees = [...rows.map((r) => r.fee), marks.breakevenFee, ...pricesOnCurve(rows, marks).map(([, fee]) => fee)].filter(Number.isFinite);
  return [Math.min(...fees), Math.max(...fees)];
}

/** P(loss) against the fee: a line with a point per row, the break-even fee and today's prices marked. */
export function lossCurveChart(rows: readonly FeeRow[], marks: FeeCurveMarks, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const data = rows.map((r) => ({ fee: r.fee, loss: 100 * r.loss_probability }));
  const x = { field: 'fee', type: 'quantitative' as const, title: c.feeX(currency), scale: { zero: false, domain: feeDomain(rows, marks), nice: true } };
  return {
    id: 'chart-loss',
    title: c.lossTitle,
    description: c.lossDesc({
      fees: rows.length,
      from: n.money(rows[0].fee, currency),
      to: n.money(rows[rows.length - 1].fee, currency),
      first: n.percent(rows[0].loss_probability),
      last: n.percent(rows[rows.length - 1].loss_probability),
    }),
    marks: [{ name: 'lossPoints', count: rows.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.lossTitle,
      width: CHART_WIDTH,
      height: 240,
      config: chartConfig(n),
      layer: [
        {
          name: 'lossLine',
          data: { values: data },
          mark: { type: 'line', color: PALETTE.blue, strokeWidth: 2 },
          encoding: { x, y: { field: 'loss', type: 'quantitative', title: c.lossY, scale: { domain: [0, 100] } } },
        },
        {
          name: 'lossPoints',
          data: { values: data },
          mark: { type: 'point', shape: 'circle', filled: true, size: 40, color: PALETTE.blue },
          encoding: { x, y: { field: 'loss', type: 'quantitative' } },
        },
        ...feeRules(rows, marks, ctx, x),
      ],
    },
  };
}

/**
 * Expected profit over the term against the fee: a line with a point per row, its 95% Monte
 * Carlo band, the 5% quantile (dashed: one term in twenty ends lower), zero, and the marked fees.
 */
export function profitCurveChart(rows: readonly FeeRow[], marks: FeeCurveMarks, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const data = rows.map((r) => ({
    fee: r.fee,
    profit: r.expected_profit,
    low: r.expected_profit - Z95 * r.expected_profit_standard_error,
    high: r.expected_profit + Z95 * r.expected_profit_standard_error,
    p05: r.profit_p05,
  }));
  const x = { field: 'fee', type: 'quantitative' as const, title: c.feeX(currency), scale: { zero: false, domain: feeDomain(rows, marks), nice: true } };
  const y = { field: 'profit', type: 'quantitative', title: c.profitY(currency) } as const;
  return {
    id: 'chart-profit',
    title: c.profitTitle,
    description: c.profitDesc({
      fees: rows.length,
      from: n.money(rows[0].fee, currency),
      to: n.money(rows[rows.length - 1].fee, currency),
      first: n.money(rows[0].expected_profit, currency, 0),
      last: n.money(rows[rows.length - 1].expected_profit, currency, 0),
    }),
    marks: [{ name: 'profitPoints', count: rows.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.profitTitle,
      width: CHART_WIDTH,
      height: 260,
      config: chartConfig(n),
      layer: [
        {
          name: 'zero',
          data: { values: [{ profit: 0 }] },
          mark: { type: 'rule', color: PALETTE.grey, strokeWidth: 1 },
          encoding: { y },
        },
        {
          name: 'profitBand',
          data: { values: data },
          mark: { type: 'area', color: PALETTE.sky, opacity: 0.35 },
          encoding: { x, y: { field: 'low', type: 'quantitative', title: c.profitY(currency) }, y2: { field: 'high' } },
        },
        {
          name: 'profitP05',
          data: { values: data },
          mark: { type: 'line', color: PALETTE.orange, strokeWidth: 2, strokeDash: DASH.dashed },
          encoding: { x, y: { field: 'p05', type: 'quantitative' } },
        },
        {
          name: 'profitLine',
          data: { values: data },
          mark: { type: 'line', color: PALETTE.blue, strokeWidth: 2 },
          encoding: { x, y },
        },
        {
          name: 'profitPoints',
          data: { values: data },
          mark: { type: 'point', shape: 'circle', filled: true, size: 40, color: PALETTE.blue },
          encoding: { x, y },
        },
        {
          name: 'curveLabels',
          data: {
            values: [
              { fee: data[data.length - 1].fee, profit: data[data.length - 1].profit, label: c.expectedProfit },
              { fee: data[data.length - 1].fee, profit: data[data.length - 1].p05, label: c.profitP05 },
            ],
          },
          mark: { type: 'text', align: 'right', baseline: 'bottom', dy: -6, fontSize: 10, color: PALETTE.black },
          encoding: { x, y, text: { field: 'label' } },
        },
        ...feeRules(rows, marks, ctx, x),
      ],
    },
  };
}
