import type { TrialColumns } from '../engine/columns.js';
import type { ScenarioAdjustment } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';

/** What the runs of a study ask for, besides their size. */
export interface RunRequest {
  /** What-if changes, run on the same seed (common random numbers). */
  adjustments?: readonly ScenarioAdjustment[];
  /** Keep the per-type columns, which only --trials-csv and the variance shares read (RunSettings). */
  typeColumns?: boolean;
  /** Place every request in its month whatever its plan needs, so contract forms compare on the same requests. */
  keepMonths?: boolean;
  /** The progress bar's label; null: this run shows no progress (a what-if among many). */
  label?: string | null;
}

/** What one simulation of a study asks for. */
export interface SimulationRequest extends RunRequest {
  /** Simulated terms. */
  trials: number;
}

/** A run a study extends as it goes (a precision target): more trials add blocks to those done. */
export interface SimulationRun {
  /** Trials simulated so far. */
  readonly trials: number;
  /**
   * Simulates up to `trials` trials in all and returns the columns of every trial so far: the
   * columns one simulate({ trials }) of the same request gives, bit for bit.
   */
  extend(trials: number): Promise<TrialColumns>;
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
  /** Starts a run of no trials yet, to extend (SimulationRun.extend). */
  start(request: RunRequest): SimulationRun;
}
