/*
 * Number spellings of every text report: grouped money and counts, percentages, intervals, and
 * for the uptime reports percentages that keep the digits that matter (99.996% is not 100%) and
 * durations in hours or, below an hour, minutes. Where the fee and uptime reports spell a
 * percentage differently, both spellings are kept under their own names so outputs stay as
 * they were. Last, the spellings of the calibrated scenario and its summary: short numbers,
 * never rounded to a misleading 0.
 */

/** Number formatting for the terminal: grouped thousands, fixed decimals, en-US digits. */
export function formatNumber(value: number | null, decimals = 2): string {
  // NaN or ±Infinity is a ratio with nothing to divide by, null a figure without a value: never printed as such.
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** An amount of money with the scenario's currency label: `EUR 1,234.50`. */
export function formatMoney(value: number | null, currency: string, decimals = 2): string {
  return currency ? `${currency} ${formatNumber(value, decimals)}` : formatNumber(value, decimals);
}

/** A probability or share as a percentage: `4.8%`. */
export function formatPercent(value: number | null, decimals = 1): string {
  if (value === null || !Number.isFinite(value)) return 'n/a';
  return `${(value * 100).toFixed(decimals)}%`;
}

/** A 95% interval: `88.38 – 88.80`. */
export function formatInterval([low, high]: readonly [number, number], decimals = 2): string {
  return `${formatNumber(low, decimals)} – ${formatNumber(high, decimals)}`;
}

/**
 * A share as an uptime percentage: at most `decimals` decimals (default 4, so 99.996% is not
 * 100%), trailing zeros dropped unless `keepZeros`; non-finite values print as "–" (unlike
 * formatPercent, whose fixed decimals the fee reports keep, and which prints `n/a`) (an estimate shown with its error keeps its digits: 98.4900% ± 0.0025%).
 * @example formatUptimePercent(0.98604) // "98.604%"; formatUptimePercent(0.986) // "98.6%"
 */
export function formatUptimePercent(share: number, decimals = 4, keepZeros = false): string {
  if (!Number.isFinite(share)) return '–';
  const text = (share * 100).toFixed(decimals);
  return `${decimals > 0 && !keepZeros ? text.replace(/\.?0+$/, '') : text}%`;
}

/**
 * A promise as a percentage rounded down, so the printed level never claims more than was found.
 * @example formatPromise(0.9978926) // "99.789%"
 */
export function formatPromise(share: number, decimals = 3): string {
  const scale = 10 ** (decimals + 2);
  // The 1e-9 slack keeps 0.995 (stored as 0.99499999…) from printing as 99.499%.
  return formatUptimePercent(Math.floor(share * scale + 1e-9) / scale, decimals);
}

/**
 * Hours with two decimals, or minutes below an hour.
 * @example formatHours(10.1908) // "10.19 h"; formatHours(0.0292) // "1.8 min"
 */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '–';
  return hours >= 1 || hours === 0 ? `${hours.toFixed(2)} h` : `${(hours * 60).toFixed(1)} min`;
}

/** A count with thousands separators: 100000 → "100,000". */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Rows of label and value, the labels padded to one column; a row of two empty strings is a blank line. */
export function formatRows(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => (label || value ? `${indent}${label.padEnd(width)}  ${value}`.trimEnd() : '')).join('\n');
}

/**
 * x with `digits` significant digits, as the shortest decimal text: 0.7416666 → `0.7417`.
 * @example significant(0.00041666, 3) // '0.000417'
 */
export function significant(x: number, digits = 4): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  return String(Number(x.toPrecision(digits)));
}

/**
 * An estimate and its standard error, the estimate to the error's second significant digit:
 * `0.742 ± 0.062`.
 * @example withError(0.74166, 0.0621) // '0.742 ± 0.062'
 */
export function withError(value: number, error: number): string {
  if (!(error > 0) || !Number.isFinite(error)) return significant(value);
  const decimals = Math.min(10, Math.max(0, 1 - Math.floor(Math.log10(error))));
  return `${value.toFixed(decimals)} ± ${error.toFixed(decimals)}`;
}

/** A p-value as a report shows it: `p = 0.255`, or `p < 0.001`. */
export function pValueText(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** Hours for a table: two decimals, more for tiny values. */
export function hoursText(hours: number): string {
  return hours >= 0.01 || hours === 0 ? hours.toFixed(2) : significant(hours, 2);
}
