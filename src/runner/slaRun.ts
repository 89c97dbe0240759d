import type { HotPortfolio } from '../engine/hotPortfolio.js';
import { addPackedSlaStats, createSlaStats, slaStatsLength, type SlaStats } from '../engine/queue/slaStats.js';
import { simulateSlaBlock } from '../engine/slaBlock.js';
import { blockPlan, seededStreams, type Block } from './trialRun.js';
import { nextTurn, runBlocks, workerEntry, type PoolRun, type SimulationPool } from './workerPool.js';

/** Where the `sla` study's blocks run (RunSettings' threads, pool and progress). */
export interface SlaRunSettings {
  seed: string;
  /** Threads, this one included. */
  workers: number;
  /** The command's worker threads, shared with its other runs; null or absent: threads of its own. */
  pool?: SimulationPool | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The `sla` study's figures over `trials` trials, one SlaStats per team size of `sizes`: every
 * block simulated and served (simulateSlaBlock) on this thread and the workers, and added up in
 * block order whichever thread served it, so the numbers are the same on any threads. A block
 * that comes in early waits, packed, for those before it (a few at most).
 */
export async function runSlaBlocks(hot: HotPortfolio, trials: number, sizes: readonly number[], settings: SlaRunSettings): Promise<SlaStats[]> {
  const blocks = blockPlan(0, trials);
  const length = slaStatsLength(hot.planCount);
  const width = sizes.length * length;
  const totals = sizes.map(() => createSlaStats(hot.planCount));
  const waiting = new Map<number, Float64Array>();
  let next = 0;
  const take = (block: number, packed: Float64Array) => {
    waiting.set(block, packed);
    for (let p = waiting.get(next); p !== undefined; p = waiting.get(next)) {
      waiting.delete(next++);
      totals.forEach((total, i) => {
        addPackedSlaStats(total, p!, i * length);
      });
    }
  };
  const streams = seededStreams(settings.seed);
  const here = ({ block, length: trialsOfBlock }: Block) => {
    const packed = new Float64Array(width);
    simulateSlaBlock(hot, streams, block, trialsOfBlock, sizes, packed);
    take(block, packed);
  };
  let done = 0;
  const onBlockDone = (block: Block) => {
    done += block.length;
    settings.onProgress?.(done, trials);
  };
  // Serving a queue is the study's work, and a block of it takes seconds: threads pay off from two blocks.
  const threads = Math.min(settings.workers, blocks.length);
  const pool = settings.pool && (threads > 1 || settings.pool.started) ? settings.pool : null;
  const entry = pool === null && threads > 1 ? workerEntry() : null;
  if (pool === null && entry === null) {
    await nextTurn();
    for (const block of blocks) {
      here(block);
      onBlockDone(block);
    }
    return totals;
  }
  const run: PoolRun = {
    blocks,
    setup: { portfolio: hot, seed: settings.seed, slaSizes: sizes },
    simulateHere: here,
    // The buffer goes back to its worker: keep a copy.
    receive: (result) => take(result.block, new Float64Array(result.buffer, 0, width).slice()),
    onBlockDone,
  };
  if (pool) await pool.run(run);
  else await runBlocks({ ...run, helpers: threads - 1, entry: entry! });
  return totals;
}
