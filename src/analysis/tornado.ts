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

/** The owner's own terms the advice can name: a plan's price terms. */
export type TermInput = 'hourly_rate' | 'overage_rate' | 'included_hours' | 'bundle_hours' | 'bundle_price';

const isTerm = (input: AdjustableInput): input is TermInput => TERM_LABEL[input] !== undefined;

/**
 * The advice of a tornado as facts, which each language words (report/i18n; adviceText is the
 * English the JSON's `advice` has always had).
 */
export interface SensitivityAdvice {
  /** The relative move of every input, e.g. 0.2. */
  change: number;
  /** The request type whose growth raises the fee most, with its summed swing, its variance share, and how the plans cover it; null when none raises it. */
  top: { type: string; swing: number; share: number; coverage: 'unlimited' | 'capped' | 'hourly' } | null;
  /** A request type whose growth lowers the fee, named when it is worth saying. */
  lowering: string | null;
  /** The owner's own term that moves the fee most, and the fee at its low and high input. */
  term: { input: TermInput; plan: string | null; feeLow: number; feeHigh: number } | null;
}

/**
 * Plain advice from the tornado and the variance shares, which never contradicts the bars: the
 * request type whose extra work raises the fee most is where a cap (on a plan without one) or a
 * separate price does the most good; a type whose extra work lowers the fee (its billing earns
 * more than it costs) is said to need none; and the owner's own term that moves the fee most.
 * @param coverage how the plans treat each type (sensitivity.ts, typeCoverage)
 */
export function sensitivityAdvice(rows: readonly TornadoRow[], shares: Record<string, number>, coverage: Record<string, string>): SensitivityAdvice {
  const byType = new Map<string, { swing: number; direction: number }>();
  for (const row of rows) {
    if (!row.request_type) continue;
    const known = byType.get(row.request_type) ?? { swing: 0, direction: 0 };
    known.swing += row.swing;
    if (row.input === 'frequency' || row.input === 'effort') known.direction += row.fee_high_input - row.fee_low_input;
    byType.set(row.request_type, known);
  }
  const ranked = [...byType.entries()].sort((a, b) => b[1].swing - a[1].swing);
  const raising = ranked.filter(([, v]) => v.direction > 0 && v.swing > 0);
  const lowering = ranked.find(([, v]) => v.direction < 0);
  let top: SensitivityAdvice['top'] = null;
  if (raising.length > 0) {
    const [type, { swing }] = raising[0];
    const where = Object.hasOwn(coverage, type) ? coverage[type] : 'unlimited';
    top = { type, swing, share: Object.hasOwn(shares, type) ? shares[type] : 0, coverage: where === 'unlimited' || where === 'capped' ? where : 'hourly' };
  }
  const terms = rows.filter((r) => isTerm(r.input)).sort((a, b) => b.swing - a.swing);
  const t = terms[0];
  return {
    change: rows.length > 0 ? rows[0].change : 0.2,
    top,
    lowering: lowering && (raising.length === 0 || lowering[1].swing > 0) ? lowering[0] : null,
    term:
      t !== undefined && t.swing > 0 && isTerm(t.input)
        ? { input: t.input, plan: t.plan ? t.plan : null, feeLow: t.fee_low_input, feeHigh: t.fee_high_input }
        : null,
  };
}

/** A share of the variance as a sentence says it: never "-0%". */
function shareText(share: number): string {
  if (share < -0.005) return `damps the net cost's swings (${(share * 100).toFixed(0)}% of its variance)`;
  if (share < 0.005) return "carries little of the net cost's variance";
  return `carries ${(share * 100).toFixed(0)}% of the net cost's variance`;
}

/** The advice in English, as the JSON's `advice` has always said it. */
export function adviceText(advice: SensitivityAdvice, currency: string): string {
  const money = (x: number) => `${currency ? `${currency} ` : ''}${x.toFixed(2)}`;
  const pct = `±${(advice.change * 100).toFixed(0)}%`;
  const sentences: string[] = [];
  const { top, term } = advice;
  if (top === null) {
    sentences.push('No request type raises the fee when it grows: the fee is driven by fixed costs and prices.');
  } else {
    const action =
      top.coverage === 'unlimited'
        ? `put a cap (included hours) or a separate price on ${top.type} first`
        : top.coverage === 'capped'
          ? `${top.type} is already capped or priced on every plan that covers it: look at its overage rate or price first`
          : `${top.type} is billed by the hour: its hourly rate is what to look at`;
    sentences.push(
      `${top.type} moves the break-even fee most (${money(top.swing)} per client per month across ${pct} of its inputs) and ${shareText(top.share)}: ${action}.`,
    );
  }
  if (advice.lowering !== null) sentences.push(`More ${advice.lowering} lowers the fee (what it is billed earns more than it costs), so it needs no cap.`);
  if (term !== null) {
    const name = `${term.plan !== null ? `${term.plan}'s ` : 'the '}${TERM_LABEL[term.input]}`;
    sentences.push(`Of your own terms, ${name} moves the fee most: ${money(term.feeLow)} at −${pct.slice(1)}, ${money(term.feeHigh)} at +${pct.slice(1)}.`);
  }
  return sentences.join(' ');
}

/** The advice in English (sensitivityAdvice, adviceText). */
export function adviceFrom(rows: readonly TornadoRow[], shares: Record<string, number>, coverage: Record<string, string>, currency: string): string {
  return adviceText(sensitivityAdvice(rows, shares, coverage), currency);
}
