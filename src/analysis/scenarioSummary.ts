import { clientCount, type Scenario } from '../scenario/types.js';

/** A valid scenario at a glance: what `fairfee validate` reports (and its `--json` document). */
export interface ScenarioSummary {
  scenario: string;
  valid: true;
  clients: number;
  segments: number;
  plans: string[];
  request_types: string[];
  term_months: number;
  trials: number;
  /** The file's seed; null when it has none (then `seed_note` says how a run picks one). */
  seed: string | null;
  seed_note?: string;
}

/** What `seed_note` says when the file has no seed. */
export const NO_SEED_NOTE = 'none in the file; each run picks one and prints it';

/** Counts and names of a scenario that passed validation: clients, segments, plans, request types. */
export function scenarioSummary(scenario: Scenario): ScenarioSummary {
  return {
    scenario: scenario.name,
    valid: true,
    clients: clientCount(scenario),
    segments: scenario.clients.length,
    plans: scenario.plans.map((p) => p.name),
    request_types: scenario.requestTypes.map((t) => t.name),
    term_months: scenario.termMonths,
    trials: scenario.trials,
    seed: scenario.seed ?? null,
    ...(scenario.seed === undefined ? { seed_note: NO_SEED_NOTE } : {}),
  };
}
