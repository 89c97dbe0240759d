import type { SensitivityResult } from '../../../analysis/sensitivity.js';
import { tornadoChart, tornadoLabel, varianceSharesChart } from '../../charts/sensitivityCharts.js';
import { chartFigure } from '../chart.js';
import type { HtmlContext, HtmlSection } from '../page.js';
import { htmlTable, num, txt } from '../table.js';

/** The tornado and the variance shares, each a chart and its table. */
export async function sensitivitySection(result: SensitivityResult, ctx: HtmlContext): Promise<HtmlSection> {
  const { messages: m, numbers: n } = ctx;
  const c = m.columns;
  const tornado = htmlTable(
    m.tables.tornado,
    [txt(c.input), num(c.fee_low_input), num(c.fee_high_input), num(c.swing)],
    result.rows.map((row) => [txt(tornadoLabel(row, m)), num(n.number(row.fee_low_input)), num(n.number(row.fee_high_input)), num(n.number(row.swing))]),
  );
  const shares = htmlTable(
    m.tables.varianceShares,
    [txt(c.request_type), num(c.variance_share)],
    Object.entries(result.variance_shares)
      .sort((a, b) => b[1] - a[1])
      .map(([type, share]) => [txt(type), num(n.percent(share))]),
  );
  const figures = await Promise.all([chartFigure(tornadoChart(result, ctx)), chartFigure(varianceSharesChart(result, ctx))]);
  return { id: 'sensitivity', title: m.sections.sensitivity, body: `${figures[0]}\n${tornado}\n${figures[1]}\n${shares}` };
}
