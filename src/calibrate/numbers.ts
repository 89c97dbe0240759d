/*
 * Numbers as the calibrated scenario and its summary show them: short, and never rounded to a
 * misleading 0.
 */

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
