import type { RunIdentity } from '../../analysis/runReport.js';
import { messagesFor } from '../i18n/catalogue.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import { numberStyle, type NumberStyle } from '../i18n/numbers.js';
import { escapeHtml } from './escape.js';

/** What every page says about the run besides its sections. */
export interface PageMeta {
  readonly lang: Lang;
  /** fairfee's version, from its package. */
  readonly version: string;
  /** When the page was made, as an ISO date (YYYY-MM-DD). */
  readonly date: string;
  readonly identity: RunIdentity;
}

/** What a section renderer gets besides its result: the words, the number style, the currency. */
export interface HtmlContext {
  readonly messages: Messages;
  readonly numbers: NumberStyle;
  readonly currency: string;
}

/** One section of the page: a heading, its charts (figures) and tables. */
export interface HtmlSection {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

/** The context of a page's sections. */
export function htmlContext(meta: PageMeta): HtmlContext {
  return { messages: messagesFor(meta.lang), numbers: numberStyle(meta.lang), currency: meta.identity.currency };
}

/**
 * A headline figure: the number as the page shows it, and as JSON has it (`data-value`), so a
 * test can hold the page against `--json` of the same run.
 * @param field the JSON key path, e.g. `breakeven_fee_interval.0`
 */
export function figure(field: string, value: number, text: string): string {
  return `<strong class="figure" data-field="${escapeHtml(field)}" data-value="${escapeHtml(String(value))}">${escapeHtml(text)}</strong>`;
}

/*
 * Light, A4 and phone at once: a single column up to 60rem, charts scale to the width, wide
 * tables scroll in their own box; print drops the scroll boxes, keeps charts whole on a page,
 * and uses black text on white. System fonts only: the page fetches nothing.
 */
const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #bbb; --band: #f3f3f3; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; padding: 1rem; max-width: 60rem; color: var(--ink); background: #fff;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.2rem 0 0.6rem; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 1rem; margin: 0 0 1rem; color: var(--muted); font-size: 0.9rem; }
dl.meta dt { font-weight: 600; } dl.meta dd { margin: 0; overflow-wrap: anywhere; }
p.headline { font-size: 1.15rem; background: var(--band); border-left: 4px solid #0072B2; padding: 0.6rem 0.8rem; margin: 0 0 1rem; }
.figure { font-variant-numeric: tabular-nums; white-space: nowrap; }
figure.chart { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; display: block; }
figcaption { font-size: 0.85rem; color: var(--muted); margin-top: 0.3rem; }
h2, p.advice, figcaption, caption { overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 0.5rem 0 1rem; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid var(--rule); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
footer { margin-top: 2rem; font-size: 0.8rem; color: var(--muted); }
@media (max-width: 40rem) { body { padding: 0.6rem; font-size: 15px; } h1 { font-size: 1.3rem; } }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000; }
  p.headline { background: none; border-left-color: #000; }
  .table-wrap { overflow: visible; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; }
}
`;

/**
 * The whole page: one self-contained HTML document (inline CSS and SVG, no script, no link, no
 * font to fetch) with the run's identity, the headline sentence, and the sections in order.
 * @param headline HTML of the headline sentence (its figures made by `figure`)
 */
export function htmlPage(meta: PageMeta, headline: string, sections: readonly HtmlSection[]): string {
  const m = messagesFor(meta.lang);
  const n = numberStyle(meta.lang);
  const id = meta.identity;
  const rows: [string, string][] = [
    [m.page.scenario, id.scenario],
    [m.page.clients, `${n.number(id.clients, 0)}, ${m.page.term(id.term_months)}`],
    [m.page.trials, n.number(id.trials, 0)],
    [m.page.seed, String(id.seed)],
    [m.page.version, meta.version],
    [m.page.date, meta.date],
  ];
  const meta_ = rows.map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const body = sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.body}\n</section>`).join('\n');
  return `<!DOCTYPE html>
<html lang="${m.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="fairfee ${escapeHtml(meta.version)}">
<title>${escapeHtml(m.page.title(id.scenario))}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(m.page.title(id.scenario))}</h1>
<dl class="meta">${meta_}</dl>
<p class="headline">${headline}</p>
</header>
<main>
${body}
</main>
<footer>${escapeHtml(m.page.footer)}</footer>
</body>
</html>
`;
}
