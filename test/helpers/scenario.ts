import type { TrialColumns } from '../../src/engine/columns.js';
import { simulateScenario } from '../../src/runner/simulateScenario.js';
import { parseScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/scenario/types.js';

/** A minimal valid scenario document; tests override what they need. */
export function baseDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'test',
    currency: 'EUR',
    term_months: 12,
    confidence: 0.95,
    trials: 2000,
    seed: 1,
    cost_per_hour: 50,
    hourly_rate: 80,
    request_types: {
      edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1 },
    },
    plans: { basic: { covers: ['edit'] } },
    clients: [{ name: 'one', plan: 'basic' }],
    ...overrides,
  };
}

/** Parses a scenario document as a file would be. */
export function scenarioOf(document: Record<string, unknown>): Scenario {
  return parseScenario(JSON.stringify(document), 'test.json');
}

/** Simulates a scenario document in this thread. */
export function simulateDocument(document: Record<string, unknown>, trials: number, seed = '1'): { scenario: Scenario; columns: TrialColumns } {
  const scenario = scenarioOf(document);
  return { scenario, columns: simulateScenario(scenario, { trials, seed }).columns };
}
