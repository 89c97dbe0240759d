import type { RequestType, Scenario } from './types.js';

/** The inputs a what-if can move (sensitivity analysis, shocks on/off). */
export const ADJUSTABLE_INPUTS = ['frequency', 'effort', 'overrun_probability', 'overrun_factor', 'heterogeneity', 'cost_per_hour'] as const;
export type AdjustableInput = (typeof ADJUSTABLE_INPUTS)[number];

/**
 * One change to a scenario, as plain data so it can travel to worker threads:
 * multiply an input by `factor` (for one request type, or all when `requestType` is absent),
 * drop the shared shocks (common factor and shock events), or keep one client of segment
 * `segment` alone (the backtest's predictive distribution of one client).
 */
export type ScenarioAdjustment =
  | { kind: 'scale'; input: AdjustableInput; factor: number; requestType?: string }
  | { kind: 'without-shared-shocks' }
  | { kind: 'client-alone'; segment: number };

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
    if (adjustment.kind === 'client-alone') {
      // Plans stay as they are, so plan p's columns are still plan p's: this client's when p is its plan.
      result = { ...result, clients: [{ ...result.clients[adjustment.segment], count: 1 }] };
      continue;
    }
    const { input, factor, requestType } = adjustment;
    if (input === 'cost_per_hour') {
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
