import { z } from 'zod';
import { printable, unsafeCharacter } from './printable.js';
import { describe } from './strictObject.js';

/*
 * Names of the scenario, plans, request types, clients, shocks and components are any non-empty
 * text without control or bidi characters (docs/interface.md, "Names"). A reference must match a
 * defined name exactly; an unknown one is answered with the near miss when there is one.
 */

/** Why `text` cannot be a name, or undefined when it can. */
export function nameProblem(text: string): string | undefined {
  if (text.length === 0) return 'must not be empty';
  const unsafe = unsafeCharacter(text);
  if (unsafe !== undefined) return `a name must not hold control or bidi characters (found ${unsafe}) (got ${describe(text)})`;
  if (text.trim() !== text) return `a name must not start or end with spaces: a reference would never match it (got ${describe(text)})`;
  return undefined;
}

/** Why `text` cannot be a key of a mapping, or undefined: any key but control and bidi characters. */
export function keyProblem(text: string): string | undefined {
  const unsafe = unsafeCharacter(text);
  return unsafe === undefined ? undefined : `a key must not hold control or bidi characters (found ${unsafe}) (got ${describe(text)})`;
}

/** A name as a value: `plan: basic`, `name: Shop`, an item of `covers`. */
export const nameSchema = (what = 'text') =>
  z.string({ error: (issue) => `must be ${what} (got ${describe(issue.input)})` }).superRefine((text, ctx) => {
    const problem = nameProblem(text);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: text });
  });

/** Text that is printed as given (currency, seed): any text without control or bidi characters. */
export const plainText = (what: string) =>
  z.string({ error: (issue) => `must be ${what} (got ${describe(issue.input)})` }).superRefine((text, ctx) => {
    const unsafe = unsafeCharacter(text);
    if (unsafe !== undefined)
      ctx.addIssue({ code: 'custom', message: `must not hold control or bidi characters (found ${unsafe}) (got ${describe(text)})`, input: text });
  });

/** True for a plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The names a mapping of names defines, in file order, without `x_` notes. */
export function mapNames(value: Record<string, unknown>): string[] {
  return Object.keys(value).filter((key) => !key.startsWith('x_'));
}

/**
 * A mapping of names to settings (request types, plans, a client's overrides) → a Map in file
 * order. Not z.record: a name may be any text, `__proto__` and `constructor` included, and an
 * own-key walk keeps those, where an object lookup would reach Object.prototype. `x_` keys are
 * notes, dropped before checking. Problems keep their key paths (`plans.__proto__.covers[0]`).
 */
export function nameMap<T extends z.ZodType>(value: T) {
  return z.unknown().transform((input, ctx): Map<string, z.output<T>> => {
    if (!isMapping(input)) {
      ctx.addIssue({ code: 'custom', message: `must be a mapping of names to settings (got ${describe(input)})`, input });
      return z.NEVER;
    }
    const map = new Map<string, z.output<T>>();
    let ok = true;
    for (const key of mapNames(input)) {
      const problem = nameProblem(key);
      if (problem !== undefined) {
        ctx.addIssue({ code: 'custom', path: [key], message: problem, input });
        ok = false;
        continue;
      }
      const parsed = value.safeParse(input[key]);
      if (parsed.success) map.set(key, parsed.data);
      else {
        ok = false;
        for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [key, ...(issue.path as PropertyKey[])], message: issue.message, input });
      }
    }
    return ok ? map : z.NEVER;
  });
}

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), by UTF-16 unit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/** Longest name compared for a near miss: the distance table grows with the product of lengths. */
const MAX_COMPARED_LENGTH = 64;

/**
 * The defined name closest to `name`, when one is close: equal but for case, or within
 * max(1, ⌊length/4⌋) edits (insertions, deletions, substitutions, adjacent swaps); else undefined.
 * @example nearMiss('basci', ['basic', 'plus']) // 'basic'
 */
export function nearMiss(name: string, defined: readonly string[]): string | undefined {
  const folded = name.toLowerCase();
  const sameButCase = defined.find((d) => d.toLowerCase() === folded);
  if (sameButCase !== undefined) return sameButCase;
  if (name.length > MAX_COMPARED_LENGTH) return undefined;
  const allowed = Math.max(1, Math.floor(name.length / 4));
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of defined) {
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = editDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The message for a reference to an unknown name: the near miss when there is one, else every
 * defined name.
 * @example unknownName('plan', 'gold', 'plans', ['basic', 'Gold']) // 'unknown plan "gold"; did you mean "Gold"?'
 */
export function unknownName(what: string, name: string, section: string, defined: readonly string[]): string {
  const guess = nearMiss(name, defined);
  const quoted = `unknown ${what} ${describe(name)}`;
  if (guess !== undefined) return `${quoted}; did you mean ${describe(guess)}?`;
  return `${quoted}; ${section} defines: ${defined.length ? defined.map((d) => printable(d)).join(', ') : 'none defined'}`;
}
