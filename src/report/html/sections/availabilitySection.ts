import type { AvailabilityAnalysis } from '../../../analysis/availability/analysis.js';
import type { CreditSchedule } from '../../../scenario/uptime/spec.js';
import { availabilityChart, uptimeText } from '../../charts/availabilityChart.js';
import { chartFigure } from '../chart.js';
import type { HtmlContext, HtmlSection } from '../page.js';
import { htmlTable, num, txt } from '../table.js';

/** The chain's simulated months and the clients' credit schedule. */
export interface AvailabilityInput {
  readonly analysis: AvailabilityAnalysis;
  readonly credits: CreditSchedule;
}

/** Monthly availability: its distribution with the promise and credit tiers, the key figures, the tiers. */
export async function availabilitySection({ analysis, credits }: AvailabilityInput, ctx: HtmlContext): Promise<HtmlSection> {
  const { messages: m, numbers: n } = ctx;
  const u = (share: number) => uptimeText(share, ctx);
  const figures = htmlTable(
    m.tables.availability,
    [txt(m.columns.item), num(m.columns.value)],
    [
      [txt(m.rows.seriesAvailability), num(u(analysis.exact.seriesAvailability))],
      [txt(m.rows.simulatedMean), num(u(analysis.availability.mean))],
      [txt(m.rows.simulatedP05), num(u(analysis.availability.p05))],
      [txt(m.rows.simulatedP50), num(u(analysis.availability.p50))],
      [txt(m.rows.promised), num(u(analysis.promised))],
      [txt(m.rows.belowPromised), num(n.percent(analysis.belowPromised.probability, 2))],
      [txt(m.rows.expectedCredit), num(n.percent(analysis.creditShare.mean, 2))],
      [txt(`${m.rows.promiseAtRisk} ${n.percent(analysis.promise.risk, 0)}`), num(u(analysis.promise.atRisk))],
    ],
  );
  const tiers = htmlTable(
    m.tables.credits,
    [num(m.columns.below), num(m.columns.credit)],
    [...credits].sort((a, b) => b.below - a.below).map((tier) => [num(u(tier.below)), num(n.percent(tier.credit, 0))]),
  );
  return {
    id: 'availability',
    title: m.sections.availability,
    body: `${await chartFigure(availabilityChart(analysis, credits, ctx))}\n${figures}\n${credits.length > 0 ? tiers : ''}`,
  };
}
