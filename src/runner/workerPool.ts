import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import type { ScenarioAdjustment } from '../scenario/adjust.js';

/** What every worker thread needs to simulate the run's blocks (workerData of blockWorker.ts). */
export interface WorkerSetup {
  /** The prepared portfolio when it can travel (travels()); else null and the worker parses `text`. */
  portfolio: HotPortfolio | null;
  /** The scenario file's text and name, parsed in the worker when `portfolio` is null. */
  text: string;
  file: string;
  seed: string;
  adjustments: readonly ScenarioAdjustment[];
}

/** One block: trials block·BLOCK_SIZE … + length − 1. */
export interface Block {
  block: number;
  length: number;
}

/**
 * A block sent to a worker thread, with a buffer for its columns when the main thread has one
 * to give back (transferred, so two or three buffers circulate instead of one being allocated
 * and freed per block).
 */
export interface BlockJob extends Block {
  buffer: ArrayBuffer | null;
}

/** A block simulated by a worker: its columns packed as in packedColumns, transferred (not copied). */
export interface BlockResult extends Block {
  buffer: ArrayBuffer;
}

/** What a worker says once its portfolio is ready, before any block. */
export const WORKER_READY = 'ready';

/** How runBlocks shares the work. */
export interface BlockRun {
  blocks: readonly Block[];
  /** Worker threads to start besides this one; 0 simulates everything here. */
  helpers: number;
  /** The compiled worker entry (workerEntry()) and what its threads need. */
  entry: URL;
  setup: WorkerSetup;
  /** Simulates one block in this thread. */
  simulateHere(block: Block): void;
  /** Takes a block a worker simulated; must copy what it keeps (the buffer goes back to the worker). */
  receive(result: BlockResult): void;
  /** Called after every block, wherever it ran, in the order they finish. */
  onBlockDone?(block: Block): void;
}

/** Blocks a worker holds at once: it never waits for this thread to hand it the next one. */
const BLOCKS_IN_HAND = 2;

/**
 * Young generation of each worker, in MB. The engine allocates little but steadily (a stream
 * object per client and type per block); V8's default lets that garbage fill tens of MB per
 * thread before collecting, which a million-trial run cannot spare beside its result columns.
 * Measured on 100,000–300,000 trials of the bundled scenario: no change in speed, about 12 MB
 * less per worker than the default (4 MB), 2 MB less again at 2 MB.
 */
const YOUNG_GENERATION_MB = 2;

/**
 * The compiled worker entry: beside this module when it runs from dist/, else dist's copy (when
 * this module runs from TypeScript source, as in vitest, after `npm run build`). Null when there
 * is no build; the caller then simulates in its own thread.
 */
export function workerEntry(): URL | null {
  const candidates = [new URL('./blockWorker.js', import.meta.url), new URL('../../dist/src/runner/blockWorker.js', import.meta.url)];
  return candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url))) ?? null;
}

/** Resolves on the event loop's next turn, after pending I/O and worker messages. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Simulates `blocks` on this thread and `helpers` worker threads together. Blocks are handed
 * out one at a time from a shared queue, each thread taking the next as it finishes one, so
 * threads of different speed share the work evenly; this thread starts at once, and a worker is
 * handed blocks once it has loaded (if this thread has not done them all by then). Where a block's numbers go is fixed by its index,
 * so the results do not depend on which thread ran it, nor on the number of threads.
 * Resolves when every block is in and the workers have stopped; rejects on the first failure
 * (a worker's error, or a callback throwing) after stopping them.
 */
export async function runBlocks(run: BlockRun): Promise<void> {
  const { blocks } = run;
  let next = 0;
  let received = 0;
  let failure: { error: unknown } | null = null;
  const workers: Worker[] = [];
  const inHand = new Map<Worker, number>();
  let allIn: () => void = () => undefined;
  const workersDone = new Promise<void>((resolve) => (allIn = resolve));

  const settleIfDone = () => {
    if (failure || [...inHand.values()].some((n) => n > 0) || next < blocks.length) return;
    allIn();
  };
  const fail = (error: unknown) => {
    if (failure) return;
    failure = { error };
    allIn();
  };
  const feed = (worker: Worker, buffer: ArrayBuffer | null) => {
    if (failure || next >= blocks.length) return;
    const job: BlockJob = { ...blocks[next++], buffer };
    inHand.set(worker, (inHand.get(worker) ?? 0) + 1);
    worker.postMessage(job, buffer ? [buffer] : []);
  };
  const finish = (block: Block) => {
    received++;
    run.onBlockDone?.(block);
  };

  for (let i = 0; i < Math.min(run.helpers, blocks.length); i++) {
    const worker = new Worker(run.entry, { workerData: run.setup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    workers.push(worker);
    inHand.set(worker, 0);
    worker.on('message', (result: BlockResult | typeof WORKER_READY) => {
      if (failure) return;
      if (result === WORKER_READY) {
        // Blocks go to a worker only once it can start on them: until then this thread takes them.
        for (let k = 0; k < BLOCKS_IN_HAND; k++) feed(worker, null);
        return;
      }
      inHand.set(worker, inHand.get(worker)! - 1);
      try {
        run.receive(result);
        finish(result);
      } catch (error) {
        fail(error);
        return;
      }
      feed(worker, result.buffer);
      settleIfDone();
    });
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!failure && inHand.get(worker)! > 0) fail(new Error(`a simulation worker thread stopped (exit code ${code}) before its blocks were done`));
    });
  }

  try {
    while (!failure && next < blocks.length) {
      const block = blocks[next++];
      run.simulateHere(block);
      finish(block);
      // Let the workers' results in (and hand them more) between this thread's blocks.
      if (workers.length > 0) await nextTurn();
    }
  } catch (error) {
    fail(error);
  }
  settleIfDone();
  if (workers.length > 0) await workersDone;
  await Promise.allSettled(workers.map((w) => w.terminate()));
  if (failure) throw (failure as { error: unknown }).error;
  if (received !== blocks.length) throw new Error(`internal: ${received} of ${blocks.length} blocks simulated`);
}
