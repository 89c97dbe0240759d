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

/** A number ≥ 0: rates, efforts, costs, hours. */
export const nonNegative = () => numberIn('≥ 0', (v) => v >= 0);
/** A number > 0. */
export const positive = () => numberIn('> 0', (v) => v > 0);
/** A probability in [0, 1]. */
export const probability = () => numberIn('in [0, 1]', (v) => v >= 0 && v <= 1);
/** A confidence level strictly between 0 and 1. */
export const confidenceLevel = () => numberIn('in (0, 1), e.g. 0.95', (v) => v > 0 && v < 1);
/** A whole number in [min, max]. */
export const wholeNumber = (min: number, max: number) => numberIn(`from ${min} to ${max.toLocaleString('en-US')}`, (v) => v >= min && v <= max, true);
