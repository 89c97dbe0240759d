import type { AvailabilityBlock, AvailabilitySpec } from './uptime/spec.js';
import type { Distribution } from '../random/distribution.js';
import { DEFAULT_TERM_MONTHS, MAX_CLIENTS, MAX_REQUESTS_PER_MONTH } from './limits.js';
import { isMapping, mapNames, unknownName } from './names.js';
import { availabilityProblems, slaProblems } from './sla/crossCheck.js';
import { contractProblems } from './contractSchema.js';
import type { RawScenario } from './schema.js';
import type { ClientSegment, Plan, RequestType, Scenario, Shock } from './types.js';

type Raw = RawScenario<AvailabilityBlock>;
type RawRequestType = Raw['request_types'] extends Map<string, infer T> ? T : never;
type RawOverride = NonNullable<Raw['clients'][number]['overrides']> extends Map<string, infer T> ? T : never;

/** A problem at a key path kept as keys (names may hold dots), formatted by the caller. */
export interface LocatedProblem {
  keys: PropertyKey[];
  message: string;
}

/** The names a section defines, or null when the section is not a mapping (its own problem says so). */
function namesOf(section: unknown): string[] | null {
  return isMapping(section) ? mapNames(section) : null;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, key: string): unknown => (isMapping(value) && Object.hasOwn(value, key) ? value[key] : undefined);

/**
 * Checks what one key alone cannot: every name used refers to something defined, and sizes
 * stay runnable. Works on the file's data as parsed, before or whatever the schema says, so a
 * file with a bad number and an unknown plan hears of both: a reference that is not a name is
 * left to the schema, and a section that is not a mapping defines no names to check against.
 */
export function crossReferenceProblems(data: unknown): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  const typeSection = field(data, 'request_types');
  const planSection = field(data, 'plans');
  const types = namesOf(typeSection);
  const plans = namesOf(planSection);
  const typeSet = new Set(types);
  const planSet = new Set(plans);
  const checkType = (name: unknown, keys: PropertyKey[]) => {
    if (types && typeof name === 'string' && !typeSet.has(name)) problems.push({ keys, message: unknownName('request type', name, 'request_types', types) });
  };
  const checkPlan = (name: unknown, keys: PropertyKey[]) => {
    if (plans && typeof name === 'string' && !planSet.has(name)) problems.push({ keys, message: unknownName('plan', name, 'plans', plans) });
  };
  if (plans && plans.length === 0) problems.push({ keys: ['plans'], message: 'must define at least one plan' });
  problems.push(...availabilityProblems(data));
  const formSection = field(data, 'forms');
  const formNames = namesOf(formSection);
  if (formNames && formNames.length === 0)
    problems.push({ keys: ['forms'], message: 'must define at least one candidate form; leave forms out for the default candidates' });
  const planLike: [string, string, unknown][] = [
    ...(plans ?? []).map((name): [string, string, unknown] => ['plans', name, field(planSection, name)]),
    ...(namesOf(formSection) ?? []).map((name): [string, string, unknown] => ['forms', name, field(formSection, name)]),
  ];
  for (const [section, planName, plan] of planLike) {
    listOf(field(plan, 'covers')).forEach((type, i) => {
      checkType(type, [section, planName, 'covers', i]);
    });
    if (section === 'plans') problems.push(...slaProblems(data, plan, planName));
    const prices = field(plan, 'prices');
    const priced = namesOf(prices);
    for (const type of priced ?? []) checkType(type, [section, planName, 'prices', type]);
    if (isMapping(plan)) {
      for (const problem of contractProblems((key) => field(plan, key), priced))
        problems.push({ keys: [section, planName, ...problem.keys], message: problem.message });
    }
    if (field(plan, 'rollover') !== undefined && field(plan, 'included_hours') === undefined) {
      problems.push({ keys: [section, planName, 'rollover'], message: 'banks unused included hours, so the plan needs included_hours' });
    }
  }
  let total = 0;
  listOf(field(data, 'clients')).forEach((client, i) => {
    const count = field(client, 'count');
    total += typeof count === 'number' && Number.isFinite(count) ? count : 1;
    checkPlan(field(client, 'plan'), ['clients', i, 'plan']);
    const overrides = field(client, 'overrides');
    for (const type of namesOf(overrides) ?? []) {
      const keys = ['clients', i, 'overrides', type];
      if (types && !typeSet.has(type)) {
        checkType(type, keys);
        continue;
      }
      const overrun = field(field(overrides, type), 'overrun');
      if (
        isMapping(overrun) &&
        field(overrun, 'factor') === undefined &&
        isMapping(field(typeSection, type)) &&
        field(field(typeSection, type), 'overrun') === undefined
      ) {
        problems.push({ keys: [...keys, 'overrun', 'factor'], message: `is required: request type ${JSON.stringify(type)} has no overrun factor to inherit` });
      }
    }
  });
  if (total > MAX_CLIENTS) {
    problems.push({
      keys: ['clients'],
      message: `${total.toLocaleString('en-US')} clients in all; at most ${MAX_CLIENTS.toLocaleString('en-US')} can be simulated`,
    });
  }
  listOf(field(data, 'shocks')).forEach((shock, i) => {
    checkType(field(shock, 'request_type'), ['shocks', i, 'request_type']);
    listOf(field(shock, 'plans')).forEach((plan, j) => {
      checkPlan(plan, ['shocks', i, 'plans', j]);
    });
  });
  return problems;
}

/**
 * Request rates so high that sampling each request cannot finish (a typo like 1e9): a type's
 * own rate at its seasonal peak for the client, plus what the shared shocks of that type bring
 * each affected client (events per month × hit probability). Needs a fully checked file.
 */
export function rateProblems(raw: Raw): LocatedProblem[] {
  const problems: LocatedProblem[] = [];
  raw.clients.forEach((client, i) => {
    for (const type of mergeRequestTypes(raw.request_types, client.overrides)) {
      let peak = type.frequency.perMonth * (client.usage ?? 1) * Math.max(1, ...(type.seasonality ?? [1]));
      for (const shock of raw.shocks ?? []) {
        if (shock.request_type === type.name && (!shock.plans || shock.plans.includes(client.plan))) peak += shock.per_month * shock.hit_probability;
      }
      if (peak > MAX_REQUESTS_PER_MONTH) {
        problems.push({
          keys: ['clients', i],
          message: `${JSON.stringify(type.name)} comes ${peak.toLocaleString('en-US')} times a month at its peak for this client, shared shocks included; at most ${MAX_REQUESTS_PER_MONTH.toLocaleString('en-US')} requests per client-month can be simulated`,
        });
      }
    }
  });
  return problems;
}

function toRequestType(name: string, raw: RawRequestType, override?: RawOverride): RequestType {
  const frequency = { ...raw.frequency, ...stripUndefined(override?.frequency ?? {}) };
  const overrunProbability = override?.overrun?.probability ?? raw.overrun?.probability;
  const overrunFactor: Distribution | undefined = override?.overrun?.factor ?? raw.overrun?.factor;
  return {
    name,
    category: raw.category,
    frequency: { perMonth: frequency.per_month ?? raw.frequency.per_month, dispersion: frequency.dispersion },
    effort: override?.effort ?? raw.effort,
    overrun:
      overrunProbability !== undefined && overrunProbability > 0 && overrunFactor ? { probability: overrunProbability, factor: overrunFactor } : undefined,
    seasonality: override?.seasonality ?? raw.seasonality,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeRequestTypes(types: Raw['request_types'], overrides: ReadonlyMap<string, RawOverride> | undefined): RequestType[] {
  return [...types].map(([name, type]) => toRequestType(name, type, overrides?.get(name)));
}

type RawPlan = Raw['plans'] extends Map<string, infer T> ? T : never;

/** A plan (or a candidate form) with its defaults: form flat, unlimited hours, overage at the hourly rate. */
function resolvePlan(name: string, plan: RawPlan, raw: Raw): Plan {
  const allTypes = [...raw.request_types.keys()];
  return {
    name,
    form: plan.form ?? 'flat',
    monthlyFee: plan.monthly_fee,
    // An hourly plan bills every type at its rate; a price list covers what it prices.
    covers: [...new Set(plan.form === 'hourly' ? allTypes : (plan.covers ?? [...(plan.prices?.keys() ?? [])]))],
    includedHours: plan.included_hours ?? Number.POSITIVE_INFINITY,
    // Without a stated overage rate, hours beyond the bundle are billed at the hourly rate.
    overageRate: plan.overage_rate ?? raw.hourly_rate,
    fixedMonthlyCost: plan.fixed_monthly_cost ?? 0,
    fixedMonthlyRevenue: plan.fixed_monthly_revenue ?? 0,
    billingIncrementMinutes: plan.billing_increment_minutes ?? raw.billing_increment_minutes ?? 0,
    rollover: plan.rollover ? { months: plan.rollover.months, capHours: plan.rollover.cap_hours ?? Number.POSITIVE_INFINITY } : undefined,
    bundle: plan.bundle
      ? {
          hours: plan.bundle.hours,
          price: plan.bundle.price,
          validMonths: plan.bundle.valid_months ?? raw.term_months ?? DEFAULT_TERM_MONTHS,
          whenUsedUp: plan.bundle.when_used_up ?? 'rebuy',
        }
      : undefined,
    rate: plan.form === 'hourly' ? (plan.rate ?? raw.hourly_rate) : undefined,
    prices: plan.prices,
    sla: plan.sla,
    uptime: plan.uptime,
  };
}

/**
 * The availability block with its promise: the block's own, else the strictest plan's (a
 * block without one is accepted only when some plan states its uptime: availabilityProblems).
 */
function resolveAvailability(block: AvailabilityBlock, plans: readonly Plan[]): AvailabilitySpec {
  if (block.promised !== undefined) return { ...block, promised: block.promised, promisedBy: null };
  // The first of the strictest, in file order.
  const strictest = plans.reduce<Plan | null>((best, plan) => (plan.uptime && (!best || plan.uptime.promised > best.uptime!.promised) ? plan : best), null)!;
  return { ...block, promised: strictest.uptime!.promised, promisedBy: strictest.name };
}

/** Turns a checked raw file into the engine's Scenario: defaults filled, overrides merged. */
export function resolveScenario(raw: Raw): Scenario {
  const plans = [...raw.plans].map(([name, plan]) => resolvePlan(name, plan, raw));
  const forms = raw.forms ? [...raw.forms].map(([name, plan]) => resolvePlan(name, plan, raw)) : undefined;
  const clients: ClientSegment[] = raw.clients.map((client, i) => ({
    name: client.name ?? `client ${i + 1}`,
    plan: client.plan,
    count: client.count ?? 1,
    heterogeneity: client.heterogeneity ?? 0,
    usage: client.usage ?? 1,
    requestTypes: mergeRequestTypes(raw.request_types, client.overrides),
  }));
  const shocks: Shock[] = (raw.shocks ?? []).map((shock, i) => ({
    name: shock.name ?? `shock ${i + 1}`,
    perMonth: shock.per_month,
    requestType: shock.request_type,
    hitProbability: shock.hit_probability,
    plans: shock.plans,
  }));
  return {
    name: raw.name ?? 'unnamed scenario',
    currency: raw.currency ?? '',
    termMonths: raw.term_months ?? DEFAULT_TERM_MONTHS,
    confidence: raw.confidence ?? 0.95,
    trials: raw.trials ?? 20_000,
    seed: raw.seed === undefined ? undefined : String(raw.seed),
    costPerHour: raw.cost_per_hour,
    hourlyRate: raw.hourly_rate,
    billingIncrementMinutes: raw.billing_increment_minutes ?? 0,
    requestTypes: mergeRequestTypes(raw.request_types, undefined),
    plans,
    ...(forms ? { forms } : {}),
    clients,
    commonFactorCv: raw.common_factor?.cv ?? 0,
    shocks,
    availability: raw.availability ? resolveAvailability(raw.availability, plans) : undefined,
    team: raw.team,
  };
}
