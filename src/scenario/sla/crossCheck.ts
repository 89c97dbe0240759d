import { isMapping } from '../names.js';

/** A problem at a key path, as resolve.ts collects them. */
interface Problem {
  keys: PropertyKey[];
  message: string;
}

const field = (value: unknown, key: string): unknown => (isMapping(value) && Object.hasOwn(value, key) ? value[key] : undefined);

/**
 * What a plan's sla needs beyond its own keys: a `team` to answer within the promise, and,
 * for a penalty cap stated as a share of the fee (≤ 1), the fee it is a share of.
 */
export function slaProblems(data: unknown, plan: unknown, planName: string): Problem[] {
  const problems: Problem[] = [];
  if (field(plan, 'uptime') !== undefined && field(data, 'availability') === undefined) {
    problems.push({
      keys: ['plans', planName, 'uptime'],
      message: 'promises an uptime on the supplier chain, so the scenario needs availability: { chain }',
    });
  }
  const sla = field(plan, 'sla');
  if (sla === undefined) return problems;
  if (field(data, 'team') === undefined) {
    problems.push({
      keys: ['plans', planName, 'sla'],
      message: 'promises a response time, so the scenario needs a team: { people, ... } to answer the requests',
    });
  }
  const cap = field(field(sla, 'penalty'), 'cap_per_month');
  if (typeof cap === 'number' && cap <= 1 && field(plan, 'monthly_fee') === undefined) {
    problems.push({
      keys: ['plans', planName, 'sla', 'penalty', 'cap_per_month'],
      message: `${cap} is a share of the monthly fee (a cap ≤ 1), so the plan needs monthly_fee; or give the cap in money (> 1)`,
    });
  }
  return problems;
}

/**
 * An availability block without `promised` promises nothing itself: it is the supplier chain of
 * the plans that state their own uptime, so at least one must.
 */
export function availabilityProblems(data: unknown): Problem[] {
  const block = field(data, 'availability');
  if (!isMapping(block) || field(block, 'promised') !== undefined) return [];
  const plans = field(data, 'plans');
  const promising = isMapping(plans) && Object.values(plans).some((plan) => field(plan, 'uptime') !== undefined);
  if (promising) return [];
  return [
    {
      keys: ['availability', 'promised'],
      message:
        'is missing: the uptime promised to clients per month, e.g. 0.995 (or leave it out and give each plan that promises one its own uptime: { promised, credits })',
    },
  ];
}
