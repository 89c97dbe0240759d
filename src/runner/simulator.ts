import type { TrialColumns } from '../engine/columns.js';
import type { ScenarioAdjustment } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';

/** What one simulation of a study asks for. */
export interface SimulationRequest {
  /** Simulated terms. */
  trials: number;
  /** What-if changes, run on the same seed (common random numbers). */
  adjustments?: readonly ScenarioAdjustment[];
  /** Keep the per-type columns, which only --trials-csv and the variance shares read (RunSettings). */
  typeColumns?: boolean;
  /** The progress bar's label; null: this run shows no progress (a what-if among many). */
  label?: string | null;
}

/**
 * A scenario ready to simulate on a command's threads, as the studies in analysis/ take it:
 * they ask for runs, the command decides where they run and how progress is shown (cli/).
 */
export interface Simulator {
  readonly scenario: Scenario;
  readonly seed: string;
  /** Threads this simulator's runs share, this one included (1: this thread only). */
  readonly threads: number;
  /** Simulates `request.trials` terms; the same request gives the same columns, on any threads. */
  simulate(request: SimulationRequest): Promise<TrialColumns>;
}
