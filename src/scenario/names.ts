import { z } from 'zod';
import { printable, unsafeCharacter } from './printable.js';
import { nearMiss } from './nearMiss.js';
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
