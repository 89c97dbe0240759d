import type { TrialColumns } from '../engine/columns.js';
import { compilePortfolio, type CompiledPortfolio, type ServiceChain } from '../engine/compile.js';
import { runTrials } from '../engine/runTrials.js';
import type { StreamFactory } from '../engine/simulateBlock.js';
import { createStream } from '../random/rng.js';
import type { Scenario } from '../scenario/types.js';

/** What a simulation needs besides the scenario. */
export interface SimulationOptions {
  trials: number;
  seed: string;
  onProgress?: (done: number, total: number) => void;
}

/** The streams of a run: each position's generator derived from the seed alone. */
export function seededStreams(seed: string): StreamFactory {
  return (path) => createStream(seed, path);
}

/** Builds the service chain of a scenario's availability block, if any. */
export type ServiceChainFactory = (scenario: Scenario) => ServiceChain | null;

/** Compiles and runs a scenario in this thread. */
export function simulateScenario(
  scenario: Scenario,
  options: SimulationOptions,
  serviceChain: ServiceChainFactory = () => null,
): { portfolio: CompiledPortfolio; columns: TrialColumns } {
  const portfolio = compilePortfolio(scenario, options.seed, serviceChain(scenario));
  const columns = runTrials(portfolio, seededStreams(options.seed), options.trials, (done) => options.onProgress?.(done, options.trials));
  return { portfolio, columns };
}
