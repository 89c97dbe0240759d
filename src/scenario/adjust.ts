import type { Plan, RequestType, Scenario } from './types.js';

/** The inputs a what-if can move (sensitivity analysis, shocks on/off). */
export const ADJUSTABLE_INPUTS = [
  'frequency',
  'effort',
  'overrun_probability',
  'overrun_factor',
  'heterogeneity',
  'cost_per_hour',
  'hourly_rate',
  'overage_rate',
  'included_hours',
  'bundle_hours',
  'bundle_price',
] as const;
export type AdjustableInput = (typeof ADJUSTABLE_INPUTS)[number];

/** The inputs of a plan: what the owner sets in a contract. */
const PLAN_INPUTS: ReadonlySet<AdjustableInput> = new Set(['overage_rate', 'included_hours', 'bundle_hours', 'bundle_price']);

/**
 * One change to a scenario, as plain data so it can travel to worker threads:
 * multiply an input by `factor` (for one request type, or all when `requestType` is absent; a
 * plan's input for the plan `plan`, or every plan that has it), drop the shared shocks (common
 * factor and shock events), one segment alone on a plan (`fairfee forms`), or one client of
 * segment `segment` alone (the backtest's predictive distribution of one client).
 */
export type ScenarioAdjustment =
  | { kind: 'scale'; input: AdjustableInput; factor: number; requestType?: string; plan?: string }
  | { kind: 'without-shared-shocks' }
  | { kind: 'segment-alone'; segment: number; plan: Plan }
  | { kind: 'client-alone'; segment: number };

/**
 * One client segment as a portfolio of its own on `plan` (MODEL.md, "Which form for whom"):
 * the segment keeps its name, so its requests come from the same streams under every plan, and
 * the shared shocks that reached it on its own plan reach it on any.
 */
function segmentAlone(scenario: Scenario, segment: number, plan: Plan): Scenario {
  const own = scenario.clients[segment];
  // Forms compare billing: a team sized for the whole portfolio (its on-call rota, its queue)
  // would be charged to one segment alone, so response-time promises are left to `fairfee sla`.
  const { team: _team, ...rest } = scenario;
  const { sla: _sla, ...billing } = plan;
  return {
    ...rest,
    plans: [billing],
    clients: [{ ...own, plan: plan.name }],
    shocks: scenario.shocks.filter((shock) => !shock.plans || shock.plans.includes(own.plan)).map((shock) => ({ ...shock, plans: undefined })),
  };
}

function scaleType(type: RequestType, input: AdjustableInput, factor: number): RequestType {
  switch (input) {
    case 'frequency':
      return { ...type, frequency: { ...type.frequency, perMonth: type.frequency.perMonth * factor } };
    case 'effort':
      return { ...type, effort: type.effort.scaled(factor) };
    case 'overrun_probability':
      return type.overrun ? { ...type, overrun: { ...type.overrun, probability: Math.min(1, type.overrun.probability * factor) } } : type;
    case 'overrun_factor':
      return type.overrun ? { ...type, overrun: { ...type.overrun, factor: type.overrun.factor.scaled(factor) } } : type;
    default:
      return type;
  }
}

function scalePlan(plan: Plan, input: AdjustableInput, factor: number): Plan {
  switch (input) {
    case 'overage_rate':
      return { ...plan, overageRate: plan.overageRate * factor };
    case 'included_hours':
      return plan.form === 'flat' ? { ...plan, includedHours: plan.includedHours * factor } : plan;
    case 'bundle_hours':
      return plan.bundle ? { ...plan, bundle: { ...plan.bundle, hours: plan.bundle.hours * factor } } : plan;
    case 'bundle_price':
      return plan.bundle?.price !== undefined ? { ...plan, bundle: { ...plan.bundle, price: plan.bundle.price * factor } } : plan;
    default:
      return plan;
  }
}

/**
 * The scenario with the adjustments applied in order; the original is left as it was.
 * Scaling keeps every random stream's address, so a what-if run with the same seed uses the
 * same random numbers (common random numbers) and differs only by the change.
 */
export function adjustScenario(scenario: Scenario, adjustments: readonly ScenarioAdjustment[]): Scenario {
  let result = scenario;
  for (const adjustment of adjustments) {
    if (adjustment.kind === 'without-shared-shocks') {
      result = { ...result, commonFactorCv: 0, shocks: [] };
      continue;
    }
    if (adjustment.kind === 'segment-alone') {
      result = segmentAlone(result, adjustment.segment, adjustment.plan);
      continue;
    }
    if (adjustment.kind === 'client-alone') {
      // Plans stay as they are, so plan p's columns are still plan p's: this client's when p is its plan.
      result = { ...result, clients: [{ ...result.clients[adjustment.segment], count: 1 }] };
      continue;
    }
    const { input, factor, requestType } = adjustment;
    if (PLAN_INPUTS.has(input)) {
      const target = adjustment.plan;
      result = { ...result, plans: result.plans.map((p) => (target === undefined || p.name === target ? scalePlan(p, input, factor) : p)) };
    } else if (input === 'hourly_rate') {
      result = { ...result, hourlyRate: result.hourlyRate * factor };
    } else if (input === 'cost_per_hour') {
      result = { ...result, costPerHour: result.costPerHour * factor };
    } else if (input === 'heterogeneity') {
      result = { ...result, clients: result.clients.map((c) => ({ ...c, heterogeneity: c.heterogeneity * factor })) };
    } else {
      const scale = (type: RequestType) => (requestType === undefined || type.name === requestType ? scaleType(type, input, factor) : type);
      result = {
        ...result,
        requestTypes: result.requestTypes.map(scale),
        clients: result.clients.map((c) => ({ ...c, requestTypes: c.requestTypes.map(scale) })),
      };
    }
  }
  return result;
}

/** True when the scenario has shared shocks whose effect on the fee is worth showing. */
export function hasSharedShocks(scenario: Scenario): boolean {
  return scenario.commonFactorCv > 0 || scenario.shocks.some((s) => s.perMonth > 0 && s.hitProbability > 0);
}
