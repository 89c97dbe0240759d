import type { Scenario } from '../../scenario/types.js';
import { allHoursCalendar, businessCalendar, complementCalendar, type WeekCalendar } from './calendar.js';
import type { QueueTeam } from './serveQueue.js';
import { DEFAULT_PRIORITY } from '../../scenario/sla/spec.js';

/** Calendar hours in a month of the SLA clock (MODEL.md: a term is H months of 730 hours). */
export const HOURS_PER_MONTH = 730;

/**
 * A scenario's team and its plans' promises as plain data for the engine (typed arrays, so it
 * travels to worker threads): who serves, on which calendars, and what each plan promises.
 */
export interface CompiledTeam {
  readonly queue: QueueTeam;
  /** The SLA clock of `business` plans: the team's business hours, even when it works all hours. */
  readonly business: WeekCalendar;
  /** Per plan (scenario order): priority, 1 for a 24x7 plan, promised response hours (Infinity: no sla). */
  readonly planPriority: Int32Array;
  readonly planAnyHour: Uint8Array;
  readonly planResponseHours: Float64Array;
  /** Per plan: money per breach, and the cap on a client-month's penalties in money (Infinity: none). */
  readonly planPenaltyPerBreach: Float64Array;
  readonly planPenaltyCap: Float64Array;
  /** The on-call rota's cost over the term, money. */
  readonly onCallCostPerTerm: number;
}

/**
 * The team of a scenario with a `team`, with `people` in place of its own size when given (the
 * staffing table); null without one. A plan without an sla is served at the default priority,
 * on business coverage, and never breaches.
 */
export function compileTeam(scenario: Scenario, people?: number): CompiledTeam | null {
  const team = scenario.team;
  if (!team) return null;
  const business = businessCalendar(team.businessHours);
  const calendar = team.aroundTheClock ? allHoursCalendar() : business;
  const plans = scenario.plans;
  return {
    queue: { people: people ?? team.people, calendar, onCallPeople: team.onCallPeople, onCallCalendar: complementCalendar(calendar) },
    business,
    planPriority: Int32Array.from(plans.map((p) => p.sla?.priority ?? DEFAULT_PRIORITY)),
    planAnyHour: Uint8Array.from(plans.map((p) => (p.sla?.coverage === '24x7' ? 1 : 0))),
    planResponseHours: Float64Array.from(plans.map((p) => p.sla?.responseHours ?? Number.POSITIVE_INFINITY)),
    planPenaltyPerBreach: Float64Array.from(plans.map((p) => p.sla?.penaltyPerBreach ?? 0)),
    planPenaltyCap: Float64Array.from(
      plans.map((p) => {
        const cap = p.sla?.capPerMonth ?? Number.POSITIVE_INFINITY;
        // A cap ≤ 1 is a share of the monthly fee; validation makes sure the plan states one.
        return cap <= 1 ? cap * (p.monthlyFee ?? 0) : cap;
      }),
    ),
    onCallCostPerTerm: team.onCallCostPerMonth * scenario.termMonths,
  };
}

/** The same team with `people` in it. */
export function withPeople(team: CompiledTeam, people: number): CompiledTeam {
  return { ...team, queue: { ...team.queue, people } };
}
