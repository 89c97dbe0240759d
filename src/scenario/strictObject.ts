import { z } from 'zod';
import { nearMiss } from './nearMiss.js';
import { printable } from './printable.js';

/** Keys starting with `x_` are free for notes (docs/interface.md); they are dropped before checking. */
function withoutNoteKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('x_')));
}

/**
 * A zod object that refuses unknown keys (a typo must not pass silently), names the allowed
 * keys in its message, and lets `x_` note keys through.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const allowed = Object.keys(shape).join(', ');
  return z.preprocess(
    withoutNoteKeys,
    z.strictObject(shape, {
      error: (issue) => {
        if (issue.code === 'unrecognized_keys') {
          const keys = issue.keys.map((k) => describe(k)).join(', ');
          const guess = issue.keys.length === 1 ? nearMiss(issue.keys[0], Object.keys(shape)) : undefined;
          const hint = guess === undefined ? '' : ` did you mean "${guess}"?`;
          return `unknown key ${keys};${hint} allowed keys: ${allowed} (or x_ prefixed notes)`;
        }
        if (issue.code === 'invalid_type') return `must be a mapping with keys ${allowed} (got ${describe(issue.input)})`;
        return undefined;
      },
    }),
  );
}

/** How a bad value is shown in a message: its YAML-ish spelling, kept short, control and bidi characters escaped. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return printable(JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value));
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}
