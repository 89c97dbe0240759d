import { allocateColumns, keptShape, type TrialColumns } from '../engine/columns.js';
import { compilePortfolio } from '../engine/compile.js';
import { hotPortfolio, travels } from '../engine/hotPortfolio.js';
import { blockPlan, portfolioShape, runTrials } from '../engine/runTrials.js';
import { BLOCK_SIZE, simulateBlock } from '../engine/simulateBlock.js';
import type { ScenarioAdjustment } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';
import { columnCount, packedColumns, unpackBlock } from '../engine/packedColumns.js';
import { estimatedSeconds } from './workEstimate.js';
import { serviceChainOf } from './serviceChain.js';
import { seededStreams } from './simulateScenario.js';
import { nextTurn, runBlocks, workerEntry, type PoolRun, type SimulationPool } from './workerPool.js';

/** Settings of one simulation run. */
export interface RunSettings {
  trials: number;
  seed: string;
  /** Threads to simulate on, this one included: `workers − 1` worker threads are started. */
  workers: number;
  /** What-if changes already applied to `scenario`; worker threads apply them to the text they parse. */
  adjustments?: readonly ScenarioAdjustment[];
  /**
   * Worker threads are started only for runs estimated to take at least this long on one
   * thread (estimatedSeconds); default MIN_PARALLEL_SECONDS. Tests pass 0 to force threads.
   */
  minParallelSeconds?: number;
  /**
   * Keep the per-type columns (typeHours, typeNetCost); default true. Without them they come
   * back empty and a run needs 16 bytes a trial per request type less (keptShape).
   */
  typeColumns?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads kept for a whole command (SimulationPool), shared by its runs: a run uses
   * them when it is long enough to start threads or they are already running. Without one, a
   * run long enough starts threads of its own and stops them at its end.
   */
  pool?: SimulationPool | null;
}

/**
 * Below this estimated single-thread time, thread start-up costs more than the threads save: a
 * worker thread takes 0.3–0.4 s to load and about as long again for its first, not yet
 * compiled, block (measured on the bundled scenario: 6,000 trials ran 0.86 s on one thread and
 * 0.92 s on two; 20,000 trials 2.5 s and 2.05 s).
 */
export const MIN_PARALLEL_SECONDS = 1;

/**
 * Simulates a scenario's trials on `workers` threads: this one and `workers − 1` worker threads
 * sharing the blocks. The numbers are the same for any number of workers, to the last digit:
 * each block of BLOCK_SIZE trials has its own random streams and its columns land at its own
 * offset. The worker threads are the command's (settings.pool) when it has them, else started
 * for this run. One worker, a short run (under MIN_PARALLEL_SECONDS by estimatedSeconds) when the
 * pool's threads are not already running, or no compiled worker entry (tests of the TypeScript
 * source without a build) run in this thread only, with no thread start-up cost.
 * @param text the scenario file's text, which worker threads parse and validate again
 */
export async function runScenario(scenario: Scenario, text: string, file: string, settings: RunSettings): Promise<TrialColumns> {
  const { trials, seed } = settings;
  const blocks = blockPlan(trials);
  const portfolio = compilePortfolio(scenario, seed, serviceChainOf(scenario));
  const hot = hotPortfolio(portfolio);
  const short = estimatedSeconds(hot, trials) < (settings.minParallelSeconds ?? MIN_PARALLEL_SECONDS);
  const threads = short ? 1 : Math.min(settings.workers, blocks.length);
  const canTravel = travels(hot);
  const canRunElsewhere = canTravel || text !== '';
  const pool = settings.pool && canRunElsewhere && (threads > 1 || settings.pool.started) ? settings.pool : null;
  const entry = pool === null && threads > 1 && canRunElsewhere ? workerEntry() : null;
  const streams = seededStreams(seed);
  const typeColumns = settings.typeColumns ?? true;
  if (pool === null && entry === null) {
    // Let pending events in first: another run going on at the same time (its worker threads'
    // results, its next block) then takes turns with this one instead of waiting behind it.
    await nextTurn();
    return runTrials(portfolio, streams, trials, (done) => settings.onProgress?.(done, trials), typeColumns);
  }

  const shape = portfolioShape(portfolio);
  const columns = allocateColumns(keptShape(shape, typeColumns), trials);
  // This thread's blocks go through a block buffer like the workers' do, whatever the run keeps.
  const here = new Float64Array(columnCount(shape) * BLOCK_SIZE);
  let done = 0;
  const run: PoolRun = {
    blocks,
    setup: { portfolio: canTravel ? hot : null, text, file, seed, adjustments: settings.adjustments ?? [] },
    simulateHere: ({ block, length }) => {
      simulateBlock(portfolio, streams, block, length, packedColumns(here, shape, length));
      unpackBlock(here, length, columns, block * BLOCK_SIZE);
    },
    receive: ({ block, length, buffer }) => unpackBlock(new Float64Array(buffer), length, columns, block * BLOCK_SIZE),
    onBlockDone: ({ length }) => {
      done += length;
      settings.onProgress?.(done, trials);
    },
  };
  if (pool) await pool.run(run);
  else await runBlocks({ ...run, helpers: threads - 1, entry: entry! });
  return columns;
}
