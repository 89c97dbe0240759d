import type { TrialColumns } from '../engine/columns.js';
import { compilePortfolio } from '../engine/compile.js';
import { hotPortfolio } from '../engine/hotPortfolio.js';
import { BLOCK_SIZE } from '../engine/simulateBlock.js';
import type { Scenario } from '../scenario/types.js';
import { TrialRun } from './trialRun.js';
import { estimatedSeconds } from './workEstimate.js';
import { nextTurn, runBlocks, workerEntry, type PoolRun, type SimulationPool } from './workerPool.js';

/** Settings of one simulation run. */
export interface RunSettings {
  seed: string;
  /** Threads to simulate on, this one included: `workers − 1` worker threads are started. */
  workers: number;
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
  /** Place every request in its month whatever its plan needs (CompileOptions.keepMonths): forms compare on the same requests. */
  keepMonths?: boolean;
  /** Called as blocks come in, with the trials done of the `total` an extension runs to. */
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

/** A run of a scenario's trials that can be extended: more trials add blocks to those done. */
export interface ScenarioRun {
  /** Trials simulated so far. */
  readonly trials: number;
  /**
   * Simulates up to `trials` trials in all, adding blocks to those done (the block that ended
   * the run so far is simulated again whole), and returns every trial's columns: the same
   * numbers as one run of `trials` trials, to the last bit.
   */
  extend(trials: number): Promise<TrialColumns>;
}

/**
 * Compiles a scenario for runs on `workers` threads: this one and `workers − 1` worker
 * threads sharing the blocks, which receive the compiled portfolio (plain data) and nothing
 * else. The numbers are the same for any number of workers, to the last digit: each block of
 * BLOCK_SIZE trials has its own random streams and its columns land at its own offset. The
 * worker threads are the command's (settings.pool) when it has them, else started for each
 * extension. One worker, a short extension (under MIN_PARALLEL_SECONDS by estimatedSeconds)
 * when the pool's threads are not already running, or no compiled worker entry (tests of the
 * TypeScript source without a build) run in this thread only, with no thread start-up cost.
 */
export function startRun(scenario: Scenario, settings: RunSettings): ScenarioRun {
  const run = new TrialRun(
    hotPortfolio(compilePortfolio(scenario, settings.seed, { keepMonths: settings.keepMonths })),
    settings.seed,
    settings.typeColumns ?? true,
  );
  let going: Promise<unknown> = Promise.resolve();
  return {
    get trials() {
      return run.trials;
    },
    extend(trials) {
      // One extension at a time: the next one starts from what the last one finished.
      const next = going.then(() => extendRun(run, trials, settings));
      going = next.catch(() => undefined);
      return next;
    },
  };
}

/** Simulates `settings.trials` trials of a scenario (startRun, extended once). */
export function runScenario(scenario: Scenario, settings: RunSettings & { trials: number }): Promise<TrialColumns> {
  return startRun(scenario, settings).extend(settings.trials);
}

async function extendRun(run: TrialRun, trials: number, settings: RunSettings): Promise<TrialColumns> {
  const blocks = run.grow(trials);
  const first = blocks.length > 0 ? blocks[0].block * BLOCK_SIZE : trials;
  const short = estimatedSeconds(run.portfolio, trials - first) < (settings.minParallelSeconds ?? MIN_PARALLEL_SECONDS);
  const threads = short ? 1 : Math.min(settings.workers, blocks.length);
  const pool = settings.pool && (threads > 1 || settings.pool.started) ? settings.pool : null;
  const entry = pool === null && threads > 1 ? workerEntry() : null;
  let done = first;
  const onBlockDone = ({ length }: { length: number }) => {
    done += length;
    settings.onProgress?.(done, trials);
  };
  if (pool === null && entry === null) {
    // Let pending events in first: another run going on at the same time (its worker threads'
    // results, its next block) then takes turns with this one instead of waiting behind it.
    await nextTurn();
    run.simulateAllHere(blocks, onBlockDone);
    return run.finish(trials);
  }
  const poolRun: PoolRun = {
    blocks,
    setup: { portfolio: run.portfolio, seed: run.seed },
    simulateHere: (block) => run.simulateHere(block),
    receive: (result) => run.receive(result, new Float64Array(result.buffer)),
    onBlockDone,
  };
  if (pool) await pool.run(poolRun);
  else await runBlocks({ ...poolRun, helpers: threads - 1, entry: entry! });
  return run.finish(trials);
}
