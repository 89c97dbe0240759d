/** Number formatting for the terminal: grouped thousands, fixed decimals, en-US digits. */
export function formatNumber(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return String(value);
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** An amount of money with the scenario's currency label: `EUR 1,234.50`. */
export function formatMoney(value: number, currency: string, decimals = 2): string {
  return currency ? `${currency} ${formatNumber(value, decimals)}` : formatNumber(value, decimals);
}

/** A probability or share as a percentage: `4.8%`. */
export function formatPercent(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return String(value);
  return `${(value * 100).toFixed(decimals)}%`;
}

/** A 95% interval: `88.38 – 88.80`. */
export function formatInterval([low, high]: readonly [number, number], decimals = 2): string {
  return `${formatNumber(low, decimals)} – ${formatNumber(high, decimals)}`;
}
