import type { FeeRow } from '../../../analysis/compare.js';
import { type FeeCurveMarks, lossCurveChart, profitCurveChart } from '../../charts/feeCurveCharts.js';
import { feeRowsCsv } from '../../compareText.js';
import { chartFigure } from '../chart.js';
import { csvHtmlTable } from '../csvTable.js';
import type { HtmlContext, HtmlSection } from '../page.js';

/** The fee table's rows and the fees to mark on its curves. */
export interface FeeCurveInput {
  readonly rows: readonly FeeRow[];
  readonly marks: FeeCurveMarks;
}

/** P(loss) and expected profit against the fee, then the fee table they are drawn from. */
export async function feeCurveSection({ rows, marks }: FeeCurveInput, ctx: HtmlContext): Promise<HtmlSection> {
  const figures = await Promise.all([chartFigure(lossCurveChart(rows, marks, ctx)), chartFigure(profitCurveChart(rows, marks, ctx))]);
  return {
    id: 'fee-curve',
    title: ctx.messages.sections.feeCurve,
    body: `${figures.join('\n')}\n${csvHtmlTable(ctx.messages.tables.feeTable, feeRowsCsv(rows), ctx)}`,
  };
}
