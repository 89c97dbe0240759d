import type { AdjustableInput } from '../scenario/adjust.js';

/** One input moved down and up, and the break-even fee each way. */
export interface TornadoRow {
  /** Request type the input belongs to; absent for portfolio-wide inputs. */
  request_type?: string;
  input: AdjustableInput;
  /** Relative move, e.g. 0.2 for −20% and +20%. */
  change: number;
  fee_low_input: number;
  fee_high_input: number;
  /** |fee_high_input − fee_low_input|: how much this input moves the fee. */
  swing: number;
}

/** Sorts rows by swing, largest first: the tornado. */
export function tornado(rows: readonly TornadoRow[]): TornadoRow[] {
  return [...rows].sort((a, b) => b.swing - a.swing);
}

/**
 * Plain advice from the tornado and the variance shares: the request type that drives the fee
 * most is where a cap (fewer included hours) or a separate price does the most good.
 */
export function adviceFrom(rows: readonly TornadoRow[], shares: Record<string, number>, currency: string): string {
  const byType = new Map<string, number>();
  for (const row of rows) if (row.request_type) byType.set(row.request_type, (byType.get(row.request_type) ?? 0) + row.swing);
  const ranked = [...byType.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return 'No request type moves the fee: the fee is driven by fixed costs.';
  const [top, swing] = ranked[0];
  const share = Object.hasOwn(shares, top) ? shares[top] : 0;
  return (
    `${top} moves the break-even fee most (${currency ? `${currency} ` : ''}${swing.toFixed(2)} per client per month across ±20% of its inputs) ` +
    `and carries ${(share * 100).toFixed(0)}% of the net cost's variance: put a cap (included hours) or a separate price on ${top} first.`
  );
}
