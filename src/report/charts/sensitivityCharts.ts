import type { SensitivityResult } from '../../analysis/sensitivity.js';
import type { TornadoRow } from '../../analysis/tornado.js';
import type { ChartSpec } from '../html/chart.js';
import type { HtmlContext } from '../html/page.js';
import type { InputKey, Messages } from '../i18n/messages.js';
import { CHART_WIDTH, chartConfig, PALETTE } from './style.js';

/** A tornado row's label: `request type · input`, or the input alone for portfolio-wide inputs. */
export function tornadoLabel(row: TornadoRow, m: Messages): string {
  const input = Object.hasOwn(m.inputs, row.input) ? m.inputs[row.input as InputKey] : row.input;
  return row.request_type === undefined ? input : `${row.request_type} · ${input}`;
}

/** The tornado: per input a bar from the fee with the input moved down to the fee with it moved up, widest first, and the base fee. */
export function tornadoChart(result: SensitivityResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n, currency } = ctx;
  const c = m.charts;
  const data = result.rows.map((row, i) => ({
    // The rank keeps two rows with the same label apart.
    key: `${i + 1}. ${tornadoLabel(row, m)}`,
    low: Math.min(row.fee_low_input, row.fee_high_input),
    high: Math.max(row.fee_low_input, row.fee_high_input),
  }));
  const top = result.rows[0];
  return {
    id: 'chart-tornado',
    title: c.tornadoTitle(n.percent(result.change, 0)),
    description: c.tornadoDesc({ rows: data.length, top: top ? tornadoLabel(top, m) : '-', swing: top ? n.money(top.swing, currency) : '-' }),
    marks: [{ name: 'tornadoBars', count: data.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.tornadoTitle(n.percent(result.change, 0)),
      width: CHART_WIDTH - 160,
      height: Math.max(60, 24 * data.length),
      config: chartConfig(n),
      layer: [
        {
          name: 'tornadoBars',
          data: { values: data },
          mark: { type: 'bar', color: PALETTE.blue },
          encoding: {
            y: { field: 'key', type: 'nominal', title: null, sort: null, axis: { labelLimit: 220 } },
            x: { field: 'low', type: 'quantitative', title: c.tornadoX(currency), scale: { zero: false } },
            x2: { field: 'high' },
          },
        },
        {
          name: 'base',
          data: { values: [{ low: result.base_fee }] },
          mark: { type: 'rule', color: PALETTE.black, strokeWidth: 2 },
          encoding: { x: { field: 'low', type: 'quantitative' } },
        },
      ],
    },
  };
}

/** Each request type's share of the net cost's variance, largest first. */
export function varianceSharesChart(result: SensitivityResult, ctx: HtmlContext): ChartSpec {
  const { messages: m, numbers: n } = ctx;
  const c = m.charts;
  const data = Object.entries(result.variance_shares)
    .sort((a, b) => b[1] - a[1])
    .map(([type, share]) => ({ type, share: 100 * share }));
  return {
    id: 'chart-shares',
    title: c.sharesTitle,
    description: c.sharesDesc({ types: data.length, top: data[0]?.type ?? '-', share: data[0] ? n.percent(data[0].share / 100) : '-' }),
    marks: [{ name: 'shareBars', count: data.length }],
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title: c.sharesTitle,
      width: CHART_WIDTH - 160,
      height: Math.max(60, 24 * data.length),
      config: chartConfig(n),
      data: { values: data },
      name: 'shareBars',
      mark: { type: 'bar', color: PALETTE.orange, stroke: PALETTE.black, strokeWidth: 0.5 },
      encoding: {
        y: { field: 'type', type: 'nominal', title: null, sort: null, axis: { labelLimit: 220 } },
        x: { field: 'share', type: 'quantitative', title: c.sharesX },
      },
    },
  };
}
