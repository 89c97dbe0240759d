import type { Lang } from './lang.js';

/**
 * How numbers read in one language: English as the terminal has always printed them
 * (`EUR 1,234.50`, `12.5%`), Dutch as a Dutch reader writes them (`€ 1.234,50`, `12,5%`). Only
 * the page, the workbook's labels and the terminal text use these; JSON and CSV never do.
 */
export interface NumberStyle {
  readonly lang: Lang;
  /** Grouped thousands, fixed decimals; `n/a` for a value without a finite value. */
  number(value: number, decimals?: number): string;
  /** An amount with the scenario's currency label. */
  money(value: number, currency: string, decimals?: number): string;
  /** A share as a percentage. */
  percent(value: number, decimals?: number): string;
  /**
   * `value.toFixed(decimals)` in the language's decimal mark, ungrouped: ratios and test
   * statistics, which the terminal has always printed so (NaN stays `NaN`, as toFixed has it).
   */
  fixed(value: number, decimals: number): string;
  /** Hours with two decimals, or minutes below an hour (report/format.ts formatHours): `1.50 h`, `1,50 u`. */
  hours(hours: number): string;
  /** A 95% interval of two amounts. */
  interval(range: readonly [number, number], decimals?: number): string;
  /** d3-format's locale for the charts' axes (vega's `config.locale.number`). */
  readonly d3: { decimal: string; thousands: string; grouping: number[]; currency: [string, string] };
}

const NBSP = '\u00a0';

function style(lang: Lang): NumberStyle {
  const tag = lang === 'nl' ? 'nl-NL' : 'en-US';
  const notAvailable = lang === 'nl' ? 'n.v.t.' : 'n/a';
  const number = (value: number, decimals = 2): string =>
    Number.isFinite(value) ? value.toLocaleString(tag, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) : notAvailable;
  // Dutch writes the euro sign before the amount with a (non-breaking) space: € 88,57.
  const symbol = (currency: string) => (lang === 'nl' && currency.toUpperCase() === 'EUR' ? '€' : currency);
  const fixed = (value: number, decimals: number): string => (lang === 'nl' ? value.toFixed(decimals).replace('.', ',') : value.toFixed(decimals));
  const hourMark = lang === 'nl' ? 'u' : 'h';
  return {
    lang,
    number,
    fixed,
    hours: (hours) => (!Number.isFinite(hours) ? '–' : hours >= 1 || hours === 0 ? `${fixed(hours, 2)} ${hourMark}` : `${fixed(hours * 60, 1)} min`),
    // English keeps report/format.ts's spellings exactly (a plain space, toFixed percentages), so
    // English text reads as it always has; Dutch binds the euro sign to its amount.
    money: (value, currency, decimals = 2) =>
      currency ? `${symbol(currency)}${lang === 'nl' ? NBSP : ' '}${number(value, decimals)}` : number(value, decimals),
    percent: (value, decimals = 1) =>
      Number.isFinite(value) ? `${lang === 'nl' ? (value * 100).toFixed(decimals).replace('.', ',') : (value * 100).toFixed(decimals)}%` : notAvailable,
    interval: ([low, high], decimals = 2) => `${number(low, decimals)} – ${number(high, decimals)}`,
    d3:
      lang === 'nl'
        ? { decimal: ',', thousands: '.', grouping: [3], currency: [`€${NBSP}`, ''] }
        : { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''] },
  };
}

const STYLES: Record<Lang, NumberStyle> = { en: style('en'), nl: style('nl') };

/** The number style of a language. */
export const numberStyle = (lang: Lang): NumberStyle => STYLES[lang];
