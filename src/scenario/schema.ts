import { z } from 'zod';
import { contractShape } from './contractSchema.js';
import { distributionSchema } from './distributionSchema.js';
import {
  MAX_BILLING_INCREMENT_MINUTES,
  MAX_CLIENTS,
  MAX_HOURS,
  MAX_MONEY,
  MAX_MULTIPLIER_CV,
  MAX_REQUESTS_PER_MONTH,
  MAX_SHOCKS_PER_MONTH,
  MAX_TERM_MONTHS,
  MAX_TRIALS,
  MIN_DISPERSION,
} from './limits.js';
import { nameMap, nameSchema, plainText } from './names.js';
import { atLeast, atMost, confidenceLevel, nonNegative, probability, wholeNumber } from './numbers.js';
import { planUptimeSchema, slaSchema, teamSchema } from './sla/schema.js';
import { describe, strictObject } from './strictObject.js';
import { CATEGORIES } from './types.js';

/*
 * The scenario file's shape (docs/interface.md, "Scenario file"), key by key. Cross-references
 * (a plan covering an unknown type, ...) are checked by crossReferenceProblems in resolve.ts,
 * so every problem in a file is reported in one pass.
 */

const name = () => nameSchema();

const nameList = () => z.array(name(), { error: (issue) => `must be a list of names (got ${describe(issue.input)})` });

const money = () => atMost(MAX_MONEY);
const hours = () => atMost(MAX_HOURS);
const requestRate = () => atMost(MAX_REQUESTS_PER_MONTH);
const dispersion = () => atLeast(MIN_DISPERSION);
const multiplierCv = () => atMost(MAX_MULTIPLIER_CV);
/** Minutes a billed request rounds up to (MODEL.md, "Contract forms"); 0: no rounding. */
const billingIncrement = () => wholeNumber(0, MAX_BILLING_INCREMENT_MINUTES);

const SEASONALITY_TOLERANCE = 1e-3;
const seasonality = z
  .array(nonNegative(), { error: (issue) => `must be a list of 12 monthly multipliers (got ${describe(issue.input)})` })
  .length(12, 'must hold exactly 12 monthly multipliers, month 1 of the term first')
  .refine((values) => Math.abs(values.reduce((s, v) => s + v, 0) / 12 - 1) <= SEASONALITY_TOLERANCE, {
    error: (issue) => {
      const values = issue.input as number[];
      const mean = values.reduce((s, v) => s + v, 0) / 12;
      return `must average 1 (within ${SEASONALITY_TOLERANCE}) so it moves requests between months without changing their number (got mean ${mean.toFixed(4)})`;
    },
  });

const frequency = strictObject({ per_month: requestRate(), dispersion: dispersion().optional() });
const overrun = strictObject({ probability: probability(), factor: distributionSchema });

const requestTypeShape = {
  category: z.enum(CATEGORIES, { error: (issue) => `must be one of ${CATEGORIES.join(', ')} (got ${describe(issue.input)})` }),
  frequency,
  effort: distributionSchema,
  overrun: overrun.optional(),
  seasonality: seasonality.optional(),
};
const requestType = strictObject(requestTypeShape);

/** A client's override of a request type: any of its keys; frequency and overrun merge key by key. */
const requestTypeOverride = strictObject({
  frequency: strictObject({ per_month: requestRate().optional(), dispersion: dispersion().optional() }).optional(),
  effort: distributionSchema.optional(),
  overrun: strictObject({ probability: probability().optional(), factor: distributionSchema.optional() }).optional(),
  seasonality: seasonality.optional(),
});

/** Unused included hours banked for `months` months, at most `cap_hours` in the bank (MODEL.md, "Contract forms"). */
const rollover = strictObject({ months: wholeNumber(1, MAX_TERM_MONTHS), cap_hours: hours().optional() });

const plan = strictObject({
  ...contractShape,
  monthly_fee: money().optional(),
  covers: nameList().optional(),
  included_hours: hours().optional(),
  overage_rate: money().optional(),
  fixed_monthly_cost: money().optional(),
  fixed_monthly_revenue: money().optional(),
  billing_increment_minutes: billingIncrement().optional(),
  rollover: rollover.optional(),
  sla: slaSchema.optional(),
  uptime: planUptimeSchema.optional(),
});

const client = strictObject({
  name: name().optional(),
  plan: name(),
  count: wholeNumber(1, MAX_CLIENTS).optional(),
  heterogeneity: multiplierCv().optional(),
  usage: nonNegative().optional(),
  overrides: nameMap(requestTypeOverride).optional(),
});

const shock = strictObject({
  name: name().optional(),
  per_month: atMost(MAX_SHOCKS_PER_MONTH),
  request_type: name(),
  hit_probability: probability(),
  plans: nameList().optional(),
});

/** Builds the whole-file schema; `availability` is plugged in by the availability module. */
export function scenarioShape<A extends z.ZodType>(availability: A) {
  return {
    name: name().optional(),
    currency: plainText('text such as EUR').optional(),
    term_months: wholeNumber(1, MAX_TERM_MONTHS).optional(),
    confidence: confidenceLevel().optional(),
    trials: wholeNumber(1, MAX_TRIALS).optional(),
    seed: z
      .union([plainText('a whole number ≥ 0 or a text').min(1), z.number().int().nonnegative()], {
        error: (issue) => `must be a whole number ≥ 0 or a text (got ${describe(issue.input)})`,
      })
      .optional(),
    cost_per_hour: money(),
    hourly_rate: money(),
    billing_increment_minutes: billingIncrement().optional(),
    request_types: nameMap(requestType),
    common_factor: strictObject({ cv: multiplierCv() }).optional(),
    shocks: z.array(shock, { error: (issue) => `must be a list of shocks (got ${describe(issue.input)})` }).optional(),
    plans: nameMap(plan),
    /** Candidate contract forms for `fairfee forms` (MODEL.md, "Which form for whom"): the same keys as a plan. */
    forms: nameMap(plan).optional(),
    clients: z.array(client, { error: (issue) => `must be a list of clients (got ${describe(issue.input)})` }).min(1, 'must list at least one client'),
    availability: availability.optional(),
    team: teamSchema.optional(),
  };
}

export const rawScenarioSchema = <A extends z.ZodType>(availability: A) => strictObject(scenarioShape(availability));

/** The parsed file before cross-references are resolved. */
export type RawScenario<A = unknown> = z.infer<ReturnType<typeof rawScenarioSchema<z.ZodType<A>>>>;
