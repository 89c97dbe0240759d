import type { Config } from 'vega-lite';
import type { NumberStyle } from '../i18n/numbers.js';

/*
 * Okabe and Ito's palette, safe for the common colour blindnesses; the pairs used together also
 * differ in lightness, and lines differ in dash as well as colour, so a black-and-white print
 * still tells them apart.
 */
export const PALETTE = {
  black: '#000000',
  blue: '#0072B2',
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#999999',
  band: '#DDDDDD',
} as const;

/** Dash patterns for marks that colour alone must not tell apart. */
export const DASH = { solid: [], dashed: [6, 4], dotted: [2, 3], dashDot: [8, 3, 2, 3] } as const satisfies Record<string, number[]>;

/** Chart width in px; the SVG scales down to a phone's width (page CSS). */
export const CHART_WIDTH = 620;

/** The config every chart shares: the language's number spelling on the axes, system fonts, white background. */
export function chartConfig(numbers: NumberStyle): Config {
  return {
    locale: { number: numbers.d3 },
    background: 'white',
    font: 'system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif',
    view: { stroke: null },
    title: { anchor: 'start', fontSize: 14, fontWeight: 600, color: PALETTE.black },
    axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 500, gridColor: '#E6E6E6', labelColor: '#333333', titleColor: '#1A1A1A' },
    legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom' },
  };
}
