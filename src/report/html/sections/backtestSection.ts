import type { BacktestResult } from '../../../analysis/backtest/backtest.js';
import { visibleText } from '../../../scenario/history/visibleText.js';
import { backtestCsv } from '../../backtestCsv.js';
import { actualExpectedChart, pitChart } from '../../charts/backtestCharts.js';
import type { CsvTable } from '../../csv.js';
import { chartFigure } from '../chart.js';
import { csvHtmlTable } from '../csvTable.js';
import type { HtmlContext, HtmlSection } from '../page.js';
import { htmlTable, num, txt } from '../table.js';

/** The per-client table of --csv, its names shown with control and bidi characters escaped, as the terminal shows them. */
function clientsTable(result: BacktestResult): CsvTable {
  const table = backtestCsv(result);
  return { ...table, rows: table.rows.map((row) => row.map((cell) => (typeof cell === 'string' ? visibleText(cell) : cell))) };
}

/** The portfolio's figures: level, spread and shape of the PITs, and the fees each window needed. */
export function backtestPortfolioTable(result: BacktestResult, ctx: HtmlContext): string {
  const { messages: m, numbers: n, currency } = ctx;
  const r = m.backtest.rows;
  const p = result.portfolio;
  const or = (value: number, text: (v: number) => string) => (Number.isFinite(value) ? text(value) : m.rows.notAvailable);
  const money = (v: number) => n.money(v, currency);
  return htmlTable(
    m.tables.backtestPortfolio,
    [txt(m.columns.item), num(m.columns.value)],
    [
      [txt(r.verdict), txt(m.backtest.verdicts[p.verdict.kind])],
      [txt(r.clientTerms), num(n.number(p.clientWindows, 0))],
      [txt(r.actualHours), num(n.number(p.actualHours, 1))],
      [txt(r.expectedHours), num(n.number(p.expectedHours, 1))],
      [txt(r.actualToExpected), num(or(p.actualToExpected, (v) => n.number(v, 2)))],
      [txt(r.z), num(or(p.z, (v) => n.number(v, 2)))],
      [txt(r.ksStatistic), num(or(p.ksStatistic, (v) => n.number(v, 3)))],
      [txt(r.ksPValue), num(or(p.ksPValue, (v) => n.number(v, 3)))],
      [txt(r.coverage50), num(n.percent(p.coverage50, 0))],
      [txt(r.coverage90), num(n.percent(p.coverage90, 0))],
      [txt(r.netCostKsPValue), num(or(p.netCostKsPValue, (v) => n.number(v, 3)))],
      [txt(r.breakevenFee), num(money(result.scenarioFee.breakevenFee))],
      [txt(r.fairFee), num(money(result.scenarioFee.fairFee))],
      ...result.windows.flatMap((w) => [
        [txt(r.neededFee(`${w.index} (${w.label})`)), num(or(w.neededFee, money))],
        [txt(r.expectedFee(`${w.index} (${w.label})`)), num(or(w.expectedFee, money))],
      ]),
    ],
  );
}

/** The backtest: the PIT histogram, actual against expected hours, the portfolio's figures and the per-client table. */
export async function backtestSection(result: BacktestResult, ctx: HtmlContext): Promise<HtmlSection> {
  const m = ctx.messages;
  const figures = await Promise.all([chartFigure(pitChart(result, ctx)), chartFigure(actualExpectedChart(result, ctx))]);
  return {
    id: 'backtest',
    title: m.backtest.section,
    body: [figures[0], figures[1], backtestPortfolioTable(result, ctx), csvHtmlTable(m.tables.backtestClients, clientsTable(result), ctx)].join('\n'),
  };
}
