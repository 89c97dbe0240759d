/*
 * The time base and defaults of the availability model (MODEL.md, "Availability"). A month is
 * 730 hours (8,760 / 12), so monthly and yearly downtimes convert without calendar quirks.
 */

/** Hours in a simulated month: 8,760 / 12. */
export const HOURS_PER_MONTH = 730;
/** Hours in a year: 365 × 24. */
export const HOURS_PER_YEAR = 8760;
/** Mean outage length, in hours, of a component given only by its availability (issue 5). */
export const DEFAULT_MEAN_OUTAGE_HOURS = 4;
/** Default risk for "what can I promise?": the accepted share of months below the promise. */
export const DEFAULT_PROMISE_RISK = 0.05;
/** Default budget for "what can I promise?": expected credits as a share of the monthly fee. */
export const DEFAULT_MAX_CREDIT_SHARE = 0.02;
/**
 * Most expected outages per month of one component: beyond it (an outage every 4 minutes) a run
 * of a few hundred thousand months cannot finish, so the scenario is refused up front.
 */
export const MAX_OUTAGES_PER_MONTH = 10_000;
