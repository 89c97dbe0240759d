import { z } from 'zod';
import { distributionSchema } from '../distributionSchema.js';
import type { OutageDuration } from './spec.js';

/** The equally likely values of a discrete spelling (a bare number, fixed, empirical), else null. */
function atomsOf(input: unknown): readonly number[] | null {
  if (typeof input === 'number') return [input];
  if (input === null || typeof input !== 'object') return null;
  const spec = input as Record<string, unknown>;
  if (spec.dist === 'fixed' && typeof spec.value === 'number') return [spec.value];
  if (spec.dist === 'empirical' && Array.isArray(spec.values)) return (spec.values as number[]).slice().sort((a, b) => a - b);
  return null;
}

/**
 * An outage duration in hours, spelled like any scenario distribution (`distributionSchema`),
 * kept together with its atoms when it is discrete: the exact month model integrates
 * E[min(D, t)] from them in closed form instead of over a step-shaped CDF.
 * @example durationSchema.parse(2) // { distribution: fixed(2), atoms: [2] }
 */
export const durationSchema = z.unknown().transform((input, ctx): OutageDuration => {
  const parsed = distributionSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message, input });
    }
    return z.NEVER;
  }
  return { distribution: parsed.data, atoms: atomsOf(input) };
});
