import type { Histogram } from '../../../analysis/histogram.js';
import type { UniformReport } from '../../../analysis/runReport.js';
import { distributionChart } from '../../charts/distributionChart.js';
import { chartFigure } from '../chart.js';
import type { HtmlContext, HtmlSection } from '../page.js';
import { htmlTable, num, txt } from '../table.js';

/** What the section shows: the break-even report and the histogram of the per-term fee. */
export interface DistributionInput {
  readonly report: UniformReport;
  readonly histogram: Histogram;
}

/** The break-even fee: its distribution over the simulated terms, the fee at each level with its interval, the fair fee, loading and pooling. */
export async function distributionSection({ report, histogram }: DistributionInput, ctx: HtmlContext): Promise<HtmlSection> {
  const { messages: m, numbers: n, currency } = ctx;
  const levels = htmlTable(
    m.tables.levels,
    [num(m.columns.confidence), num(m.rows.breakevenFee), num(m.rows.intervalLow), num(m.rows.intervalHigh)],
    report.levels.map((level) => [
      num(n.percent(level.confidence, 1)),
      num(n.money(level.breakeven_fee, currency)),
      num(n.money(level.breakeven_fee_interval[0], currency)),
      num(n.money(level.breakeven_fee_interval[1], currency)),
    ]),
  );
  const more = htmlTable(
    m.tables.fairFee,
    [txt(m.columns.item), num(m.columns.value)],
    [
      [txt(m.rows.fairFee), num(n.money(report.fair_fee, currency))],
      [txt(m.rows.riskLoading), num(report.risk_loading === null ? m.rows.notAvailable : n.percent(report.risk_loading))],
      [txt(m.rows.poolingBenefit), num(n.money(report.pooling_benefit, currency))],
    ],
  );
  return { id: 'distribution', title: m.sections.distribution, body: `${await chartFigure(distributionChart(report, histogram, ctx))}\n${levels}\n${more}` };
}
