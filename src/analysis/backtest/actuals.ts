import { clientKey, type Ticket } from '../../scenario/history/history.js';
import type { Plan, Scenario } from '../../scenario/types.js';
import { toIdentifier } from '../calibrate/identifier.js';

/** What one client's tickets in one window came to. */
export interface WindowActual {
  /** Covered hours as the simulation counts them: each covered ticket billed at the scenario's increment. */
  coveredHours: number;
  /** Net cost: all costs minus all revenue except fees, with the client's plan's terms. */
  netCost: number;
  tickets: number;
}

/** Hours billed at an increment of `minutes` (0: as worked). */
export function billedHours(hours: number, minutes: number): number {
  if (minutes <= 0 || hours <= 0) return hours;
  // The tolerance keeps 0.5 h at a 30-minute increment from becoming 1 h by rounding error.
  return (Math.ceil((hours * 60) / minutes - 1e-9) * minutes) / 60;
}

/**
 * The scenario request type a ticket's type names: the exact name, else the same words as
 * calibrate turns them into keys ("Text edit" → text_edit); undefined when none.
 */
export function typeMatcher(scenario: Scenario): (type: string) => string | undefined {
  const exact = new Set(scenario.requestTypes.map((t) => t.name));
  const loose = new Map<string, string>();
  for (const t of scenario.requestTypes) {
    loose.set(toIdentifier(t.name), t.name);
    loose.set(clientKey(t.name), t.name);
  }
  return (type) => (exact.has(type) ? type : (loose.get(toIdentifier(type)) ?? loose.get(clientKey(type))));
}

/**
 * One client's actual covered hours and net cost over a window from its tickets, month by month
 * with its plan's terms (MODEL.md, "Money"): cost = cost_per_hour × all hours + the plan's fixed
 * monthly cost; revenue besides the fee = overage on covered hours above the included hours,
 * uncovered hours at the hourly rate (both billed at the plan's increment), fixed monthly
 * revenue. Ticket types the scenario does not know are uncovered work. Rollover banks and
 * uptime credits are not replayed: the history does not say how they were settled.
 * @param tickets the client's tickets in the window
 * @param months the window's length
 */
export function windowActual(
  tickets: readonly Ticket[],
  months: number,
  firstMonth: number,
  plan: Plan,
  scenario: Scenario,
  typeOf: (type: string) => string | undefined,
): WindowActual {
  const covered = new Set(plan.covers);
  const worked = new Array<number>(months).fill(0);
  const coveredBilled = new Array<number>(months).fill(0);
  const uncoveredBilled = new Array<number>(months).fill(0);
  let coveredHours = 0;
  for (const t of tickets) {
    const m = t.monthIndex - firstMonth;
    const type = typeOf(t.type);
    worked[m] += t.hours;
    if (type !== undefined && covered.has(type)) {
      coveredHours += billedHours(t.hours, scenario.billingIncrementMinutes);
      coveredBilled[m] += billedHours(t.hours, plan.billingIncrementMinutes);
    } else {
      uncoveredBilled[m] += billedHours(t.hours, plan.billingIncrementMinutes);
    }
  }
  let netCost = 0;
  for (let m = 0; m < months; m++) {
    const cost = scenario.costPerHour * worked[m] + plan.fixedMonthlyCost;
    const overage = Number.isFinite(plan.includedHours) ? Math.max(0, coveredBilled[m] - plan.includedHours) * plan.overageRate : 0;
    netCost += cost - overage - scenario.hourlyRate * uncoveredBilled[m] - plan.fixedMonthlyRevenue;
  }
  return { coveredHours, netCost, tickets: tickets.length };
}
