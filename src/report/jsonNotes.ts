/**
 * JSON has no NaN or Infinity (JSON.stringify writes null): a document keeps its meaning when
 * each such value becomes null with a `KEY_note` beside it saying why (docs/interface.md, "JSON
 * documents").
 */

/** Why a value in `parent` under `key` is not a finite number. */
export type NoteReason = (key: string, parent: Readonly<Record<string, unknown>>) => string;

/** The usual reasons: a plan or segment without clients has no fees; otherwise a ratio with nothing to divide by. */
export const defaultReason: NoteReason = (_key, parent) =>
  parent.clients === 0 ? 'no clients' : 'not defined: a ratio with nothing to divide by (0 / 0 or x / 0)';

const nonFinite = (value: unknown): boolean => typeof value === 'number' && !Number.isFinite(value);

/** Whether a value is or holds a non-finite number (an interval [NaN, NaN]). */
const holdsNonFinite = (value: unknown): boolean => nonFinite(value) || (Array.isArray(value) && value.some(nonFinite));

/** `value` with every non-finite number replaced by null and, in objects, a `KEY_note` after the key; the rest as it is. */
export function withNotes(value: unknown, reason: NoteReason = defaultReason): unknown {
  if (nonFinite(value)) return null;
  if (Array.isArray(value)) return value.map((item) => withNotes(item, reason));
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const parent = value as Record<string, unknown>;
  // Entries, not assignments: a plan named __proto__ must stay a key (an assignment would set the prototype).
  const out: [string, unknown][] = [];
  for (const [key, item] of Object.entries(parent)) {
    out.push([key, withNotes(item, reason)]);
    if (holdsNonFinite(item) && !Object.hasOwn(parent, `${key}_note`)) out.push([`${key}_note`, reason(key, parent)]);
  }
  return Object.fromEntries(out);
}

/**
 * An object with `note` inserted right after `key` (`risk_loading: null, risk_loading_note: …`).
 * @example insertNote({ a: null, b: 1 }, 'a', 'why') // { a: null, a_note: 'why', b: 1 }
 */
export function insertNote<T extends object>(object: T, key: keyof T & string, note: string): T {
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(object)) {
    out.push([k, v]);
    if (k === key) out.push([`${key}_note`, note]);
  }
  return Object.fromEntries(out) as T;
}
