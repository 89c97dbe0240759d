import { z } from 'zod';
import { MAX_HOURS, MAX_MONEY, MAX_TERM_MONTHS } from './limits.js';
import { nameMap } from './names.js';
import { atMost, between, wholeNumber } from './numbers.js';
import { describe, strictObject } from './strictObject.js';
import { CONTRACT_FORMS, WHEN_USED_UP } from './types.js';

/*
 * The keys of a plan that say which contract form it is and its terms (MODEL.md, "Contract
 * forms"): `form`, a bundle's `bundle`, an hourly plan's `rate`, a price list's `prices`. Which
 * keys go with which form is checked in contractProblems, beside the other cross-references.
 */

const money = () => atMost(MAX_MONEY);

/** Fewest hours a bundle may hold: a card of less than a minute has no meaning, and its counts would overflow. */
const MIN_BUNDLE_HOURS = 0.01;

/** A strippenkaart: B hours for price P, valid V months from the month it is bought. */
const bundle = strictObject({
  hours: between(MIN_BUNDLE_HOURS, MAX_HOURS),
  price: money().optional(),
  valid_months: wholeNumber(1, MAX_TERM_MONTHS).optional(),
  when_used_up: z.enum(WHEN_USED_UP, { error: (issue) => `must be one of ${WHEN_USED_UP.join(', ')} (got ${describe(issue.input)})` }).optional(),
});

/** The plan keys of the contract forms, spread into the plan schema. */
export const contractShape = {
  form: z.enum(CONTRACT_FORMS, { error: (issue) => `must be one of ${CONTRACT_FORMS.join(', ')} (got ${describe(issue.input)})` }).optional(),
  bundle: bundle.optional(),
  rate: money().optional(),
  prices: nameMap(money()).optional(),
};

/** Which plan keys each form takes beside the common ones (covers, costs, revenue, increment). */
const FORM_KEYS: Record<(typeof CONTRACT_FORMS)[number], readonly string[]> = {
  flat: ['monthly_fee', 'included_hours', 'overage_rate', 'rollover'],
  bundle: ['bundle', 'overage_rate'],
  hourly: ['rate'],
  per_request: ['prices'],
};
const FORM_ONLY_KEYS = ['monthly_fee', 'included_hours', 'overage_rate', 'rollover', 'bundle', 'rate', 'prices'] as const;

/** A problem at a key path under the plan. */
export interface PlanProblem {
  keys: PropertyKey[];
  message: string;
}

/**
 * What one key of a plan cannot say alone: a form's own keys are present and no other form's,
 * flat and bundle plans say what they cover, a price list prices covered types only.
 * @param get the plan's value at a key, undefined when absent
 * @param priced the names `prices` lists, null when it is not a mapping
 */
export function contractProblems(get: (key: string) => unknown, priced: string[] | null): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const stated = get('form');
  if (stated !== undefined && !(CONTRACT_FORMS as readonly unknown[]).includes(stated)) return problems;
  const form = (stated ?? 'flat') as (typeof CONTRACT_FORMS)[number];
  for (const key of FORM_ONLY_KEYS) {
    if (get(key) !== undefined && !FORM_KEYS[form].includes(key)) {
      const owners = CONTRACT_FORMS.filter((f) => FORM_KEYS[f].includes(key));
      problems.push({
        keys: [key],
        message: `is a key of a ${owners.join(' or ')} plan, not of ${form === 'hourly' ? 'an' : 'a'} ${form} plan (form: ${form})`,
      });
    }
  }
  if (form === 'bundle' && get('bundle') === undefined)
    problems.push({ keys: ['bundle'], message: 'is required for a bundle plan: { hours, price, valid_months, when_used_up }' });
  if (form === 'per_request' && get('prices') === undefined)
    problems.push({ keys: ['prices'], message: 'is required for a per_request plan: a price per covered request type' });
  if ((form === 'flat' || form === 'bundle') && get('covers') === undefined)
    problems.push({ keys: ['covers'], message: `is required for a ${form} plan: the request types it covers` });
  if (form === 'hourly' && get('covers') !== undefined)
    problems.push({ keys: ['covers'], message: 'is not a key of an hourly plan: it bills every request type at its rate' });
  const covers = get('covers');
  if (form === 'per_request' && priced !== null && Array.isArray(covers)) {
    const covered = new Set(covers);
    for (const type of priced) {
      if (!covered.has(type))
        problems.push({ keys: ['prices', type], message: `prices a request type the plan does not cover; covers lists: ${covers.map(String).join(', ')}` });
    }
    for (const type of covered) {
      if (typeof type === 'string' && !priced.includes(type))
        problems.push({ keys: ['covers'], message: `covers ${describe(type)} but prices gives it no price` });
    }
  }
  return problems;
}
