import { parse, View, type Loader } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';

/** What a browser test counts in a chart: marks of this vega-lite `name` (`NAME_marks`), and how many the data asks for. */
export interface MarkCount {
  readonly name: string;
  readonly count: number;
}

/** A chart ready for the page: its spec (data), the text alternative, and the marks it must draw. */
export interface ChartSpec {
  readonly id: string;
  readonly spec: TopLevelSpec;
  readonly title: string;
  /** The text alternative: what the chart shows, in a sentence, for a screen reader or a text-only print. */
  readonly description: string;
  readonly marks: readonly MarkCount[];
}

/** A loader that loads nothing: the page is drawn from inline data only, never from a URL or a file. */
const noLoader: Loader = {
  load: () => Promise.reject(new Error('charts load no data')),
  sanitize: () => Promise.reject(new Error('charts load no data')),
  http: () => Promise.reject(new Error('charts load no data')),
  file: () => Promise.reject(new Error('charts load no data')),
};

/**
 * Draws a vega-lite spec to SVG on Node (vega's View.toSVG, no browser, no canvas) and gives it
 * its text alternative: `role="img"` labelled by a `<title>` and a `<desc>` inside the SVG, so
 * the chart reads out and prints with its meaning.
 */
export async function chartSvg(chart: ChartSpec): Promise<string> {
  const view = new View(parse(compile(chart.spec).spec), { renderer: 'none', loader: noLoader, logLevel: 0 });
  try {
    const svg = await view.toSVG();
    const title = `${chart.id}-title`;
    const desc = `${chart.id}-desc`;
    // Vega's own root role (graphics-document) would hide the title and desc from some readers.
    return svg
      .replace(/^<svg /, `<svg role="img" aria-labelledby="${title} ${desc}" `)
      .replace(/(<svg[^>]*>)/, `$1<title id="${title}">${escapeHtml(chart.title)}</title><desc id="${desc}">${escapeHtml(chart.description)}</desc>`);
  } finally {
    view.finalize();
  }
}

/** A chart as a figure: the SVG, the marks a test should count, and the description as a caption for print. */
export async function chartFigure(chart: ChartSpec): Promise<string> {
  const svg = await chartSvg(chart);
  const marks = escapeHtml(JSON.stringify(chart.marks));
  return `<figure class="chart" id="${chart.id}" data-marks="${marks}">${svg}<figcaption>${escapeHtml(chart.description)}</figcaption></figure>`;
}
