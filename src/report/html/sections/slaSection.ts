import type { SlaResult } from '../../../analysis/sla.js';
import { slaBreachChart, slaStaffingChart } from '../../charts/slaCharts.js';
import type { CsvTable } from '../../csv.js';
import { slaCsv, slaPlansCsv } from '../../slaText.js';
import { chartFigure } from '../chart.js';
import { csvHtmlTable } from '../csvTable.js';
import type { HtmlContext, HtmlSection } from '../page.js';

/** The sla study and the section of it to draw. */
export interface SlaSectionInput {
  readonly result: SlaResult;
  readonly part: 'plans' | 'staffing';
}

/** The staffing CSV as it is (one row per team size and plan). */
function staffingTable(result: SlaResult): CsvTable {
  return slaCsv(result);
}

/** Per plan P(breach) with its error and the plan figures, or the staffing chart and table. */
export async function slaSection({ result, part }: SlaSectionInput, ctx: HtmlContext): Promise<HtmlSection> {
  const s = ctx.messages.sla;
  if (part === 'plans') {
    return {
      id: 'sla-plans',
      title: s.plansSection,
      body: [await chartFigure(slaBreachChart(result, ctx)), csvHtmlTable(s.plansTable, slaPlansCsv(result), ctx)].join('\n'),
    };
  }
  return {
    id: 'sla-staffing',
    title: s.staffingSection,
    body: [await chartFigure(slaStaffingChart(result, ctx)), csvHtmlTable(s.staffingTable, staffingTable(result), ctx)].join('\n'),
  };
}
