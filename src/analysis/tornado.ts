import type { AdjustableInput } from '../scenario/adjust.js';

/** One input moved down and up, and the break-even fee each way. */
export interface TornadoRow {
  /** Request type the input belongs to; absent for portfolio-wide inputs and plans' terms. */
  request_type?: string;
  /** Plan whose term the input is (overage rate, included hours, card size or price). */
  plan?: string;
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

/** What an owner's input is called in a sentence. */
const TERM_LABEL: Partial<Record<AdjustableInput, string>> = {
  hourly_rate: 'hourly rate',
  overage_rate: 'overage rate',
  included_hours: 'included hours',
  bundle_hours: 'card size',
  bundle_price: 'card price',
};

/** A share of the variance as a sentence says it: never "-0%". */
function shareText(share: number): string {
  if (share < -0.005) return `damps the net cost's swings (${(share * 100).toFixed(0)}% of its variance)`;
  if (share < 0.005) return "carries little of the net cost's variance";
  return `carries ${(share * 100).toFixed(0)}% of the net cost's variance`;
}

/**
 * Plain advice from the tornado and the variance shares, which never contradicts the bars: the
 * request type whose extra work raises the fee most is where a cap (on a plan without one) or a
 * separate price does the most good; a type whose extra work lowers the fee (its billing earns
 * more than it costs) is said to need none; and the owner's own term that moves the fee most.
 * @param coverage how the plans treat each type (sensitivity.ts, typeCoverage)
 */
export function adviceFrom(rows: readonly TornadoRow[], shares: Record<string, number>, coverage: Record<string, string>, currency: string): string {
  const money = (x: number) => `${currency ? `${currency} ` : ''}${x.toFixed(2)}`;
  const pct = rows.length > 0 ? `±${(rows[0].change * 100).toFixed(0)}%` : '±20%';
  const byType = new Map<string, { swing: number; direction: number }>();
  for (const row of rows) {
    if (!row.request_type) continue;
    const known = byType.get(row.request_type) ?? { swing: 0, direction: 0 };
    known.swing += row.swing;
    if (row.input === 'frequency' || row.input === 'effort') known.direction += row.fee_high_input - row.fee_low_input;
    byType.set(row.request_type, known);
  }
  const ranked = [...byType.entries()].sort((a, b) => b[1].swing - a[1].swing);
  const sentences: string[] = [];
  const raising = ranked.filter(([, v]) => v.direction > 0 && v.swing > 0);
  const lowering = ranked.find(([, v]) => v.direction < 0);
  if (raising.length === 0) {
    sentences.push('No request type raises the fee when it grows: the fee is driven by fixed costs and prices.');
  } else {
    const [top, { swing }] = raising[0];
    const share = Object.hasOwn(shares, top) ? shares[top] : 0;
    const where = Object.hasOwn(coverage, top) ? coverage[top] : 'unlimited';
    const action =
      where === 'unlimited'
        ? `put a cap (included hours) or a separate price on ${top} first`
        : where === 'capped'
          ? `${top} is already capped or priced on every plan that covers it: look at its overage rate or price first`
          : `${top} is billed by the hour: its hourly rate is what to look at`;
    sentences.push(
      `${top} moves the break-even fee most (${money(swing)} per client per month across ${pct} of its inputs) and ${shareText(share)}: ${action}.`,
    );
  }
  if (lowering && (raising.length === 0 || lowering[1].swing > 0)) {
    sentences.push(`More ${lowering[0]} lowers the fee (what it is billed earns more than it costs), so it needs no cap.`);
  }
  const terms = rows.filter((r) => TERM_LABEL[r.input] !== undefined).sort((a, b) => b.swing - a.swing);
  if (terms.length > 0 && terms[0].swing > 0) {
    const t = terms[0];
    const name = `${t.plan ? `${t.plan}'s ` : 'the '}${TERM_LABEL[t.input]}`;
    sentences.push(
      `Of your own terms, ${name} moves the fee most: ${money(t.fee_low_input)} at −${pct.slice(1)}, ${money(t.fee_high_input)} at +${pct.slice(1)}.`,
    );
  }
  return sentences.join(' ');
}
