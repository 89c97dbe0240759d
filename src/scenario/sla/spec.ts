import type { CreditSchedule } from '../uptime/spec.js';

/*
 * The validated `team` block and a plan's `sla` (docs/interface.md, MODEL.md "Response-time
 * SLAs"), as the schema hands them on: camelCase, every default filled in.
 */

/** Day numbers of the week from Monday (0) to Sunday (6): a term starts on a Monday at 00:00. */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

/** A weekly schedule: on each listed day, from `fromHour` to `toHour` (decimal hours, from < to ≤ 24). */
export interface BusinessHours {
  /** Day numbers, Monday 0 … Sunday 6, ascending, no repeats. */
  readonly days: readonly number[];
  readonly fromHour: number;
  readonly toHour: number;
}

/** The team that answers every request of the portfolio. */
export interface TeamSpec {
  /** People in the team, ≥ 1. */
  readonly people: number;
  readonly businessHours: BusinessHours;
  /** The team works all hours; business hours then only set the clock of `business` plans. */
  readonly aroundTheClock: boolean;
  /** People on call outside business hours (0 for none): they serve only 24x7 plans. */
  readonly onCallPeople: number;
  /** Money per month for the whole on-call rota. */
  readonly onCallCostPerMonth: number;
}

/** A plan's response-time promise. */
export interface SlaSpec {
  /** A breach: the response time on the plan's clock exceeds this many hours. */
  readonly responseHours: number;
  /** Which clock counts: business hours only, or all hours. */
  readonly coverage: 'business' | '24x7';
  /** Lower is served first; default 5. */
  readonly priority: number;
  /** Money per breach. */
  readonly penaltyPerBreach: number;
  /** Cap on a client-month's penalties: a share of the monthly fee (≤ 1) or money (> 1); Infinity for none. */
  readonly capPerMonth: number;
}

/** A plan's uptime promise: its clients are credited under its own schedule. */
export interface PlanUptime {
  /** The availability promised per month, in (0, 1]. */
  readonly promised: number;
  /** A share of the monthly fee credited back; empty: the promise costs nothing. */
  readonly credits: CreditSchedule;
}

/** The default schedule: Monday to Friday, 09:00 to 17:00. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: [0, 1, 2, 3, 4], fromHour: 9, toHour: 17 };

/** A plan's priority when its sla gives none, and of plans without an sla. */
export const DEFAULT_PRIORITY = 5;
