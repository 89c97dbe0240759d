import { z } from 'zod';
import { describe } from './strictObject.js';

/*
 * Number schemas whose messages state the allowed range and the value found. zod 4 already
 * refuses NaN and ±Infinity for z.number(); the messages here say so in the user's terms.
 */
function numberIn(rule: string, ok: (v: number) => boolean, integer = false) {
  return z
    .number({ error: (issue) => `must be ${integer ? 'a whole number' : 'a finite number'} ${rule} (got ${describe(issue.input)})` })
    .refine((v) => ok(v) && (!integer || Number.isInteger(v)), {
      error: (issue) => `must be ${integer ? 'a whole number' : 'a number'} ${rule} (got ${describe(issue.input)})`,
    });
}

/** A bound as messages spell it: 1,000,000, 0.001. */
const spell = (v: number) => v.toLocaleString('en-US', { maximumSignificantDigits: 15 });

/** A number ≥ 0: rates, efforts, costs, hours. */
export const nonNegative = () => numberIn('≥ 0', (v) => v >= 0);
/** A number > 0. */
export const positive = () => numberIn('> 0', (v) => v > 0);
/** A number in [0, max]: money, hours, rates with a bound from limits.ts. */
export const atMost = (max: number) => numberIn(`from 0 to ${spell(max)}`, (v) => v >= 0 && v <= max);
/** A number in (0, max]. */
export const positiveAtMost = (max: number) => numberIn(`> 0 and at most ${spell(max)}`, (v) => v > 0 && v <= max);
/** A number ≥ min. */
export const atLeast = (min: number) => numberIn(`≥ ${spell(min)}`, (v) => v >= min);
/** A number in [min, max], min > 0. */
export const between = (min: number, max: number) => numberIn(`from ${spell(min)} to ${spell(max)}`, (v) => v >= min && v <= max);
/** A probability in [0, 1]. */
export const probability = () => numberIn('in [0, 1]', (v) => v >= 0 && v <= 1);
/** A confidence level strictly between 0 and 1. */
export const confidenceLevel = () => numberIn('in (0, 1), e.g. 0.95', (v) => v > 0 && v < 1);
/** A whole number in [min, max]. */
export const wholeNumber = (min: number, max: number) => numberIn(`from ${min} to ${max.toLocaleString('en-US')}`, (v) => v >= min && v <= max, true);
