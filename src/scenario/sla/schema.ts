import { z } from 'zod';
import { MAX_HOURS, MAX_MONEY } from '../limits.js';
import { atMost, positiveAtMost, wholeNumber } from '../numbers.js';
import { describe, strictObject } from '../strictObject.js';
import { creditsSchema, level } from '../uptime/schema.js';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_PRIORITY, WEEK_DAYS, type PlanUptime, type SlaSpec, type TeamSpec } from './spec.js';

/*
 * The scenario's `team` block and a plan's `sla` (docs/interface.md) → TeamSpec, SlaSpec. Kept
 * out of schema.ts so the plan schema takes them in one line each.
 */

/** People a team or an on-call rota may have: the queue keeps one slot each. */
export const MAX_TEAM_PEOPLE = 1000;
/** The highest priority number (lowest priority) a plan may state. */
export const MAX_PRIORITY = 1000;

const clockTime = z
  .string({ error: (issue) => `must be a time "HH:MM" from "00:00" to "24:00" (got ${describe(issue.input)})` })
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: (issue) => `must be a time "HH:MM" from "00:00" to "24:00" (got ${describe(issue.input)})` })
  .transform((text) => Number(text.slice(0, 2)) + Number(text.slice(3)) / 60)
  .refine((hour) => hour <= 24, { error: 'must be at most "24:00"' });

const day = z.enum(WEEK_DAYS, { error: (issue) => `must be one of ${WEEK_DAYS.join(', ')} (got ${describe(issue.input)})` });

const businessHours = strictObject({
  days: z.array(day, { error: (issue) => `must be a list of days such as [mon, tue] (got ${describe(issue.input)})` }).min(1, 'must list at least one day'),
  from: clockTime,
  to: clockTime,
}).superRefine((b, ctx) => {
  if (b.from >= b.to) ctx.addIssue({ code: 'custom', path: ['to'], message: "must be later than from (a day's hours may not cross midnight)" });
});

/** `team: { people, business_hours, around_the_clock, on_call }`. */
export const teamSchema = strictObject({
  people: wholeNumber(1, MAX_TEAM_PEOPLE),
  business_hours: businessHours.optional(),
  around_the_clock: z.boolean({ error: (issue) => `must be true or false (got ${describe(issue.input)})` }).optional(),
  on_call: strictObject({ people: wholeNumber(1, MAX_TEAM_PEOPLE), cost_per_month: atMost(MAX_MONEY).optional() }).optional(),
}).transform(
  (t): TeamSpec => ({
    people: t.people,
    businessHours: t.business_hours
      ? {
          days: [...new Set(t.business_hours.days.map((d) => WEEK_DAYS.indexOf(d)))].sort((a, b) => a - b),
          fromHour: t.business_hours.from,
          toHour: t.business_hours.to,
        }
      : DEFAULT_BUSINESS_HOURS,
    aroundTheClock: t.around_the_clock ?? false,
    onCallPeople: t.on_call?.people ?? 0,
    onCallCostPerMonth: t.on_call?.cost_per_month ?? 0,
  }),
);

/** A plan's `sla: { response_hours, coverage, priority, penalty: { per_breach, cap_per_month } }`. */
export const slaSchema = strictObject({
  response_hours: positiveAtMost(MAX_HOURS),
  coverage: z.enum(['business', '24x7'], { error: (issue) => `must be business or 24x7 (got ${describe(issue.input)})` }).optional(),
  priority: wholeNumber(0, MAX_PRIORITY).optional(),
  penalty: strictObject({ per_breach: atMost(MAX_MONEY), cap_per_month: atMost(MAX_MONEY).optional() }).optional(),
}).transform(
  (s): SlaSpec => ({
    responseHours: s.response_hours,
    coverage: s.coverage ?? 'business',
    priority: s.priority ?? DEFAULT_PRIORITY,
    penaltyPerBreach: s.penalty?.per_breach ?? 0,
    capPerMonth: s.penalty?.cap_per_month ?? Number.POSITIVE_INFINITY,
  }),
);

/** A plan's own uptime promise on the scenario's availability.chain: `uptime: { promised, credits }`. */
export const planUptimeSchema = strictObject({
  promised: level(),
  credits: creditsSchema.optional(),
}).transform((u): PlanUptime => ({ promised: u.promised, credits: u.credits ?? [] }));
