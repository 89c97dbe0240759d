import type { PriceListResult } from '../../../analysis/priceList.js';
import type { BreakevenReport } from '../../../analysis/runReport.js';
import { currentPricesChart, plansChart } from '../../charts/plansChart.js';
import { priceListCsv } from '../../priceListText.js';
import { chartFigure } from '../chart.js';
import { csvHtmlTable } from '../csvTable.js';
import type { HtmlContext, HtmlSection } from '../page.js';
import { htmlTable, num, txt } from '../table.js';

/** Per plan: break-even price, fair price, price now and hourly worth, as bars and as a table. */
export async function plansSection(report: BreakevenReport, ctx: HtmlContext): Promise<HtmlSection> {
  const { messages: m, numbers: n } = ctx;
  const c = m.columns;
  const dash = (value: number | undefined, text: (v: number) => string) => (value === undefined ? '-' : text(value));
  const table = htmlTable(
    m.tables.plans,
    [txt(c.plan), num(c.clients), num(c.monthly_fee), num(c.fee), num(c.fair_fee), num(c.standalone_fee), num(c.indifferent_fee), num(c.overpay_probability)],
    Object.entries(report.plans).map(([name, plan]) => [
      txt(name),
      num(n.number(plan.clients, 0)),
      num(dash(plan.price_now, (v) => n.number(v))),
      num(plan.clients === 0 ? m.rows.notAvailable : n.number(plan.fee)),
      num(plan.clients === 0 ? '-' : n.number(plan.fair_fee)),
      num(plan.clients === 0 ? '-' : n.number(plan.standalone_fee)),
      num(plan.clients === 0 ? '-' : n.number(plan.indifferent_fee)),
      num(plan.clients === 0 ? '-' : n.percent(plan.overpay_probability)),
    ]),
  );
  return { id: 'plans', title: m.sections.plans, body: `${await chartFigure(plansChart(report, ctx))}\n${table}` };
}

/** Today's prices (every plan's monthly_fee) on the run's trials: profit per plan and the client's side. */
export async function currentPricesSection(result: PriceListResult, ctx: HtmlContext): Promise<HtmlSection> {
  const { messages: m, numbers: n, currency } = ctx;
  const summary = htmlTable(
    m.tables.portfolio,
    [txt(m.columns.item), num(m.columns.value)],
    [
      [txt(m.rows.lossProbability), num(n.percent(result.loss_probability))],
      [txt(m.rows.expectedProfit), num(n.money(result.expected_profit, currency, 0))],
    ],
  );
  return {
    id: 'current-prices',
    title: m.sections.currentPrices,
    body: `${await chartFigure(currentPricesChart(result, ctx))}\n${csvHtmlTable(m.tables.currentPrices, priceListCsv(result), ctx)}\n${summary}`,
  };
}
