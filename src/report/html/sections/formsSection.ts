import type { FormsResult, SegmentForms } from '../../../analysis/forms.js';
import { formsChart } from '../../charts/formsChart.js';
import type { CsvTable } from '../../csv.js';
import { formsCsv } from '../../formsText.js';
import { chartFigure } from '../chart.js';
import { csvHtmlTable } from '../csvTable.js';
import { escapeHtml } from '../escape.js';
import { figure, type HtmlContext, type HtmlSection } from '../page.js';

/** One segment of a forms study, where it stands among the segments, and the study's confidence. */
export interface FormsSegmentInput {
  readonly segment: SegmentForms;
  /** Its place in `segments` (the JSON's index, and the section's id: names may be any text). */
  readonly index: number;
  readonly confidence: number;
  readonly candidates: FormsResult['candidates'];
}

/** The segment's rows of the forms CSV, without the segment's own columns (the section's title says them). */
function segmentTable(input: FormsSegmentInput): CsvTable {
  const table = formsCsv({ confidence: input.confidence, candidates: input.candidates, segments: [input.segment] });
  return { columns: table.columns.slice(2), rows: table.rows.map((row) => row.slice(2)) };
}

/**
 * The advice as a sentence in the reader's language, from the numbers of the advised form (the
 * study's own `why` is English): the cheapest form that breaks even often enough, or the one
 * that loses least often, and what it means against the segment's plan now.
 */
export function adviceHtml({ segment, index, confidence }: FormsSegmentInput, ctx: HtmlContext): string {
  const { messages: m, numbers: n, currency } = ctx;
  const at = segment.forms.findIndex((o) => o.form === segment.recommendation.form);
  const advised = segment.forms[at];
  if (!advised) return escapeHtml(segment.recommendation.why);
  const path = `segments.${index}.forms.${at}`;
  const form = escapeHtml(advised.form);
  const loss = figure(`${path}.agency_loss_probability`, advised.agency_loss_probability, n.percent(advised.agency_loss_probability, 1));
  const level = escapeHtml(n.percent(confidence, 0));
  const safe = advised.agency_loss_probability <= 1 - confidence + 1e-12;
  const sentence = safe
    ? m.forms.adviceSafe({
        form,
        loss,
        confidence: level,
        pays: figure(`${path}.client_monthly_payment`, advised.client_monthly_payment, n.money(advised.client_monthly_payment, currency)),
      })
    : m.forms.adviceNone({
        form,
        loss,
        confidence: level,
        breakeven: figure(`${path}.breakeven_price`, advised.breakeven_price, n.money(advised.breakeven_price, currency)),
      });
  const priced = advised.price_stated ? '' : m.forms.unstatedPrice(escapeHtml(n.money(advised.breakeven_price, currency)));
  const now = segment.forms.find((o) => o.form === segment.plan);
  if (!safe || !now || now.form === advised.form) return `${sentence}${safe ? priced : ''}`;
  const difference = now.client_monthly_payment - advised.client_monthly_payment;
  return `${sentence}${priced}${m.forms.againstNow({ plan: escapeHtml(now.form), difference: escapeHtml(n.money(Math.abs(difference), currency)), less: difference >= 0 })}`;
}

/** A segment under every form: the client's payment against the agency's P(loss), the forms table, the advice. */
export async function formsSection(input: FormsSegmentInput, ctx: HtmlContext): Promise<HtmlSection> {
  const { segment, index, confidence } = input;
  const m = ctx.messages;
  return {
    id: `forms-${index}`,
    title: m.forms.section({ segment: segment.segment, clients: segment.clients, plan: segment.plan }),
    body: [
      await chartFigure(formsChart(segment, index, confidence, ctx)),
      csvHtmlTable(m.forms.table(segment.segment), segmentTable(input), ctx),
      `<p class="advice">${adviceHtml(input, ctx)}</p>`,
    ].join('\n'),
  };
}
