import type { TrialColumns } from '../engine/columns.js';
import { compilePortfolio, type CompiledPortfolio } from '../engine/compile.js';
import { hotPortfolio } from '../engine/hotPortfolio.js';
import type { Scenario } from '../scenario/types.js';
import { TrialRun } from './trialRun.js';

/** What a simulation needs besides the scenario. */
export interface SimulationOptions {
  trials: number;
  seed: string;
  /** Place every request in its month (CompileOptions.keepMonths). */
  keepMonths?: boolean;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Compiles and runs a scenario in this thread, synchronously (tests and tools; the CLI runs
 * runScenario, which may use worker threads and gives the same columns).
 */
export function simulateScenario(scenario: Scenario, options: SimulationOptions): { portfolio: CompiledPortfolio; columns: TrialColumns } {
  const portfolio = compilePortfolio(scenario, options.seed, { keepMonths: options.keepMonths });
  const run = new TrialRun(hotPortfolio(portfolio), options.seed, true);
  let done = 0;
  run.simulateAllHere(run.grow(options.trials), ({ length }) => {
    done += length;
    options.onProgress?.(done, options.trials);
  });
  return { portfolio, columns: run.finish(options.trials) };
}
