import type { Histogram } from '../analysis/histogram.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** A horizontal bar chart of a histogram, one line per bin, with a marker at a chosen value. */
export function formatHistogram(histogram: Histogram, marker?: { value: number; label: string }, width = 40, { n }: TextStyle = EN_TEXT): string {
  const max = Math.max(...histogram.counts, 1);
  const total = histogram.counts.reduce((a, b) => a + b, 0);
  const decimals = histogram.edges[histogram.edges.length - 1] - histogram.edges[0] < 20 ? 2 : 0;
  // With a negative edge, `-9 – -7` reads as a subtraction: then `−9 to −7`, with minus signs.
  const negative = histogram.edges[0] < 0;
  const edge = (x: number) => (negative ? n.number(x, decimals).replace(/^-/, '\u2212') : n.number(x, decimals));
  const to = n.lang === 'nl' ? ' tot ' : ' to ';
  const labels = histogram.counts.map((_, i) => `${edge(histogram.edges[i])}${negative ? to : ' – '}${edge(histogram.edges[i + 1])}`);
  const labelWidth = Math.max(...labels.map((l) => l.length));
  return histogram.counts
    .map((count, i) => {
      const bar = '#'.repeat(Math.round((count / max) * width));
      const inBin = marker && marker.value >= histogram.edges[i] && marker.value < histogram.edges[i + 1];
      const share = n.percent(count / total, 1).padStart(6);
      return `${labels[i].padStart(labelWidth)} ${share} ${bar}${inBin ? `  <- ${marker.label}` : ''}`;
    })
    .join('\n');
}
