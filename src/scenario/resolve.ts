import type { AvailabilitySpec } from './uptime/spec.js';
import type { Distribution } from '../random/distribution.js';
import { DEFAULT_TERM_MONTHS, MAX_CLIENTS, MAX_REQUESTS_PER_MONTH } from './limits.js';
import type { InputProblem } from './scenarioError.js';
import type { RawScenario } from './schema.js';
import type { ClientSegment, Plan, RequestType, Scenario, Shock } from './types.js';

type Raw = RawScenario<AvailabilitySpec>;
type RawRequestType = Raw['request_types'][string];
type RawOverride = NonNullable<Raw['clients'][number]['overrides']>[string];

const known = (names: string[]) => (names.length ? names.join(', ') : 'none defined');

/**
 * Checks what one key alone cannot: every name used refers to something defined, and sizes
 * stay runnable. Returns every problem, with its key path.
 */
export function crossReferenceProblems(raw: Raw): InputProblem[] {
  const problems: InputProblem[] = [];
  const types = Object.keys(raw.request_types);
  const plans = Object.keys(raw.plans);
  if (plans.length === 0) problems.push({ path: 'plans', message: 'must define at least one plan' });
  for (const [planName, plan] of Object.entries(raw.plans)) {
    plan.covers.forEach((type, i) => {
      if (!types.includes(type)) {
        problems.push({ path: `plans.${planName}.covers[${i}]`, message: `unknown request type "${type}"; request_types defines: ${known(types)}` });
      }
    });
  }
  let total = 0;
  raw.clients.forEach((client, i) => {
    total += client.count ?? 1;
    if (!plans.includes(client.plan)) {
      problems.push({ path: `clients[${i}].plan`, message: `unknown plan "${client.plan}"; plans defines: ${known(plans)}` });
    }
    for (const [type, override] of Object.entries(client.overrides ?? {})) {
      if (!types.includes(type)) {
        problems.push({ path: `clients[${i}].overrides.${type}`, message: `unknown request type "${type}"; request_types defines: ${known(types)}` });
      } else if (override.overrun && !override.overrun.factor && !raw.request_types[type].overrun) {
        problems.push({
          path: `clients[${i}].overrides.${type}.overrun.factor`,
          message: `is required: request type "${type}" has no overrun factor to inherit`,
        });
      }
    }
  });
  if (total > MAX_CLIENTS) {
    problems.push({
      path: 'clients',
      message: `${total.toLocaleString('en-US')} clients in all; at most ${MAX_CLIENTS.toLocaleString('en-US')} can be simulated`,
    });
  }
  (raw.shocks ?? []).forEach((shock, i) => {
    if (!types.includes(shock.request_type)) {
      problems.push({ path: `shocks[${i}].request_type`, message: `unknown request type "${shock.request_type}"; request_types defines: ${known(types)}` });
    }
    (shock.plans ?? []).forEach((plan, j) => {
      if (!plans.includes(plan)) {
        problems.push({ path: `shocks[${i}].plans[${j}]`, message: `unknown plan "${plan}"; plans defines: ${known(plans)}` });
      }
    });
  });
  if (problems.length === 0) problems.push(...rateProblems(raw));
  return problems;
}

/** Request rates so high that sampling each request cannot finish (a typo like 1e9). */
function rateProblems(raw: Raw): InputProblem[] {
  const problems: InputProblem[] = [];
  raw.clients.forEach((client, i) => {
    for (const type of mergeRequestTypes(raw.request_types, client.overrides)) {
      const peak = type.frequency.perMonth * (client.usage ?? 1) * Math.max(1, ...(type.seasonality ?? [1]));
      if (peak > MAX_REQUESTS_PER_MONTH) {
        problems.push({
          path: `clients[${i}]`,
          message: `${type.name} comes ${peak.toLocaleString('en-US')} times a month at its peak for this client; at most ${MAX_REQUESTS_PER_MONTH.toLocaleString('en-US')} requests per client-month can be simulated`,
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

function mergeRequestTypes(types: Raw['request_types'], overrides: Record<string, RawOverride> | undefined): RequestType[] {
  return Object.entries(types).map(([name, type]) => toRequestType(name, type, overrides?.[name]));
}

/** Turns a checked raw file into the engine's Scenario: defaults filled, overrides merged. */
export function resolveScenario(raw: Raw): Scenario {
  const plans: Plan[] = Object.entries(raw.plans).map(([name, plan]) => ({
    name,
    monthlyFee: plan.monthly_fee,
    covers: [...new Set(plan.covers)],
    includedHours: plan.included_hours ?? Number.POSITIVE_INFINITY,
    // Without a stated overage rate, hours beyond the bundle are billed at the hourly rate.
    overageRate: plan.overage_rate ?? raw.hourly_rate,
    fixedMonthlyCost: plan.fixed_monthly_cost ?? 0,
    fixedMonthlyRevenue: plan.fixed_monthly_revenue ?? 0,
  }));
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
    requestTypes: mergeRequestTypes(raw.request_types, undefined),
    plans,
    clients,
    commonFactorCv: raw.common_factor?.cv ?? 0,
    shocks,
    availability: raw.availability,
  };
}
