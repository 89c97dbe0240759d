import type { CsvCell, CsvKind, CsvTable } from '../csv.js';
import { columnLabel } from '../i18n/columns.js';
import type { Messages } from '../i18n/messages.js';
import type { NumberStyle } from '../i18n/numbers.js';
import { uptimeText } from '../charts/availabilityChart.js';
import type { HtmlContext } from './page.js';
import { htmlTable, num, txt, type HtmlCell } from './table.js';

/** A number as a cell of its column's kind: money and hours to two decimals, shares as percentages, uptime with the digits that matter. */
export function kindText(value: number, kind: CsvKind, numbers: NumberStyle, ctx: HtmlContext): string {
  switch (kind) {
    case 'money':
    case 'hours':
      return numbers.number(value, 2);
    case 'share':
      return numbers.percent(value, 1);
    case 'uptime':
      return uptimeText(value, ctx);
    case 'count':
      return numbers.number(value, 0);
    case 'exact':
    case 'text':
      return numbers.lang === 'nl' ? String(value).replace('.', ',') : String(value);
  }
}

/** Words the tables write as row kinds (`portfolio`, `plan`, `client`), in the reader's language. */
function textCell(text: string, m: Messages): string {
  return text === 'portfolio' || text === 'plan' || text === 'client' ? m.rows[text] : text;
}

/** A typed CSV table as a page table: the same rows and columns the CSV has, labelled and spelled for the reader. */
export function csvHtmlTable(caption: string, table: CsvTable, ctx: HtmlContext): string {
  const { messages: m, numbers: n } = ctx;
  const cell = (value: CsvCell, kind: CsvKind): HtmlCell =>
    typeof value === 'number' ? num(kindText(value, kind, n, ctx)) : txt(value === null || value === undefined ? '' : textCell(value, m));
  return htmlTable(
    caption,
    table.columns.map((column) => (column.kind === 'text' ? txt(columnLabel(column.name, m)) : num(columnLabel(column.name, m)))),
    table.rows.map((row) => row.map((value, i) => cell(value, table.columns[i].kind))),
  );
}
