/*
 * Number spellings of the availability reports: percentages that keep the digits that matter
 * for uptime (99.996% is not 100%), and durations in hours or, below an hour, minutes.
 */

/**
 * A share as a percentage with at most `decimals` decimals, trailing zeros dropped unless
 * `keepZeros` (an estimate shown with its error keeps its digits: 98.4900% ± 0.0025%).
 * @example formatPercent(0.98604) // "98.604%"; formatPercent(0.986) // "98.6%"
 */
export function formatPercent(share: number, decimals = 4, keepZeros = false): string {
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
  return formatPercent(Math.floor(share * scale + 1e-9) / scale, decimals);
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
