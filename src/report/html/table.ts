import { escapeHtml } from './escape.js';

/** A cell of a page table: text as it reads, and whether it is a number (right-aligned, tabular digits). */
export interface HtmlCell {
  readonly text: string;
  readonly numeric?: boolean;
}

/**
 * A table for the page: a caption, a header row and the rows, every cell escaped; wrapped so a
 * wide table scrolls on a phone instead of widening the page.
 */
export function htmlTable(caption: string, headers: readonly HtmlCell[], rows: readonly (readonly HtmlCell[])[]): string {
  const cell = (tag: 'th' | 'td', c: HtmlCell) => `<${tag}${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.text)}</${tag}>`;
  const head = `<tr>${headers.map((h) => cell('th', h)).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`).join('\n');
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead>${head}</thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** A number cell. */
export const num = (text: string): HtmlCell => ({ text, numeric: true });
/** A text cell. */
export const txt = (text: string): HtmlCell => ({ text });
