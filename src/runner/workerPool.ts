import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import type { Block } from './trialRun.js';

/**
 * What a worker thread needs to simulate one run's blocks (sent once per run and thread): the
 * compiled portfolio, plain data cloned into the thread, and the seed its streams derive from.
 */
export interface WorkerSetup {
  portfolio: HotPortfolio;
  seed: string;
  /**
   * For the `sla` study (slaRun.ts): the team sizes to serve each block by; a block's result is
   * then their figures, packed (simulateSlaBlock), not its columns.
   */
  slaSizes?: readonly number[];
}

/** What this thread sends a worker: a run to prepare, a block of a run, or a run to forget. */
export type WorkerMessage =
  | { kind: 'setup'; run: number; setup: WorkerSetup }
  /** A block, with a buffer for its columns when there is one to give back (transferred, so a few circulate). */
  | { kind: 'block'; run: number; block: number; length: number; buffer: ArrayBuffer | null }
  | { kind: 'forget'; run: number };

/** A block simulated by a worker: its columns packed as in packedColumns, transferred (not copied). */
export interface BlockResult extends Block {
  run: number;
  buffer: ArrayBuffer;
}

/** What a worker says: ready (once, before any block), a block's result, or why a block of a run failed. */
export type WorkerReply = typeof WORKER_READY | BlockResult | { run: number; failed: string };

/** What a worker says once it has loaded, before any block. */
export const WORKER_READY = 'ready';

/** One run's blocks, shared between this thread and the pool's workers. */
export interface PoolRun {
  blocks: readonly Block[];
  /** What the workers need for this run's blocks. */
  setup: WorkerSetup;
  /** Simulates one block in this thread. */
  simulateHere(block: Block): void;
  /** Takes a block a worker simulated; must copy what it keeps (the buffer goes back to the worker). */
  receive(result: BlockResult): void;
  /** Called after every block, wherever it ran, in the order they finish. */
  onBlockDone?(block: Block): void;
}

/**
 * Blocks a worker holds at once: it never waits for this thread, busy with a block of its own,
 * to hand it the next one. The second is handed only while more blocks are left than there are
 * threads (feed), so that no thread sits idle at the end while a worker still holds two.
 */
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

/** A run going on in the pool. */
interface ActiveRun {
  id: number;
  run: PoolRun;
  next: number;
  received: number;
  /** Blocks of this run that workers hold. */
  out: number;
  failure: { error: unknown } | null;
  settle: () => void;
}

/** A worker thread of the pool. */
interface Helper {
  worker: Worker;
  inHand: number;
  /** Runs whose setup this worker has been sent. */
  knows: Set<number>;
  /** A buffer it gave back, to send with its next block. */
  spare: ArrayBuffer | null;
}

/**
 * Worker threads kept for a whole command, so that its runs (the headline, then the what-ifs)
 * share them: threads start once (0.3–0.4 s each, and as long again before their code is
 * compiled) instead of once per run, and runs that go at once (the sensitivity section's) share
 * them block by block. Blocks are handed out one at a time from the runs in the order the runs
 * started; this thread simulates its own run's blocks between the workers' results. Where a
 * block's numbers go is fixed by its run and index, so the results depend neither on which
 * thread ran it nor on the number of threads. Threads start on the first run and are unref'd
 * while idle, so a pool left open never keeps the process alive; close() stops them.
 */
export class SimulationPool {
  private readonly helpers: Helper[] = [];
  private readonly runs: ActiveRun[] = [];
  private nextId = 0;
  private closed = false;

  /** @param size worker threads besides this one (≥ 1); entry: the compiled worker (workerEntry()) */
  constructor(
    private readonly entry: URL,
    readonly size: number,
  ) {}

  /** Whether the threads are running (warm): a run too short to start them may still use them. */
  get started(): boolean {
    return this.helpers.length > 0;
  }

  /**
   * Simulates a run's blocks on this thread and the pool's workers. Resolves when every block is
   * in; rejects on the first failure (a worker's error, or a callback throwing). Several runs may
   * go at once.
   */
  async run(run: PoolRun): Promise<void> {
    if (this.closed) throw new Error('internal: the simulation pool is closed');
    this.start();
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const active: ActiveRun = { id: this.nextId++, run, next: 0, received: 0, out: 0, failure: null, settle };
    this.runs.push(active);
    this.feed();
    // One turn first: runs started together then share this thread and the workers.
    await nextTurn();
    try {
      while (!active.failure && active.next < run.blocks.length) {
        const block = run.blocks[active.next++];
        run.simulateHere(block);
        this.finish(active, block);
        // Let the workers' results in (and hand them more) between this thread's blocks.
        await nextTurn();
      }
    } catch (error) {
      this.fail(active, error);
    }
    this.settleIfDone(active);
    await settled;
    this.runs.splice(this.runs.indexOf(active), 1);
    for (const helper of this.helpers)
      if (helper.knows.delete(active.id)) helper.worker.postMessage({ kind: 'forget', run: active.id } satisfies WorkerMessage);
    this.idleCheck();
    if (active.failure) throw (active.failure as { error: unknown }).error;
    if (active.received !== run.blocks.length) throw new Error(`internal: ${active.received} of ${run.blocks.length} blocks simulated`);
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.helpers.splice(0).map((h) => h.worker);
    await Promise.allSettled(workers.map((w) => w.terminate()));
  }

  private start(): void {
    if (this.started) return;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(this.entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const helper: Helper = { worker, inHand: 0, knows: new Set(), spare: null };
      this.helpers.push(helper);
      worker.on('message', (reply: WorkerReply) => this.onReply(helper, reply));
      worker.on('error', (error) => this.onWorkerError(helper, error));
      worker.on('exit', (code) => {
        if (!this.closed && helper.inHand > 0)
          this.onWorkerError(helper, new Error(`a simulation worker thread stopped (exit code ${code}) before its blocks were done`));
      });
    }
  }

  private onReply(helper: Helper, reply: WorkerReply): void {
    // Its blocks were sent as it started (feed): nothing waits for this.
    if (reply === WORKER_READY) return;
    // Every block sent gets one reply: its result, or why its run could not be prepared.
    helper.inHand--;
    const active = this.runs.find((r) => r.id === reply.run);
    if (active) active.out--;
    if ('failed' in reply) {
      if (active) this.fail(active, new Error(reply.failed));
    } else {
      helper.spare = reply.buffer;
    }
    if (active && !('failed' in reply)) {
      if (!active.failure) {
        try {
          active.run.receive(reply);
          this.finish(active, reply);
        } catch (error) {
          this.fail(active, error);
        }
      }
      this.settleIfDone(active);
    }
    this.feed();
    this.idleCheck();
  }

  /** A worker crashed: every run loses it, and the pool its threads. */
  private onWorkerError(helper: Helper, error: unknown): void {
    for (const active of this.runs) this.fail(active, error);
    const index = this.helpers.indexOf(helper);
    if (index >= 0) this.helpers.splice(index, 1);
    helper.inHand = 0;
  }

  /**
   * Hands workers blocks, up to BLOCKS_IN_HAND each, from the runs in the order they started. A
   * worker still loading gets its blocks too: they wait in its port and it starts on them as it
   * is up, instead of when this thread, busy with a block, reads its ready message (measured on
   * R1: the worker's first block then began 0.15 s late).
   */
  private feed(): void {
    const threads = this.helpers.length + 1;
    for (const helper of this.helpers) {
      while (helper.inHand < BLOCKS_IN_HAND) {
        const active = this.runs.find((r) => !r.failure && r.next < r.run.blocks.length);
        if (!active) return;
        if (helper.inHand > 0 && this.blocksLeft() <= threads) break;
        if (!helper.knows.has(active.id)) {
          helper.knows.add(active.id);
          helper.worker.postMessage({ kind: 'setup', run: active.id, setup: active.run.setup } satisfies WorkerMessage);
        }
        const { block, length } = active.run.blocks[active.next++];
        const buffer = helper.spare;
        helper.spare = null;
        helper.inHand++;
        active.out++;
        helper.worker.ref();
        helper.worker.postMessage({ kind: 'block', run: active.id, block, length, buffer } satisfies WorkerMessage, buffer ? [buffer] : []);
      }
    }
  }

  /** Blocks not yet handed to any thread, over all runs going on. */
  private blocksLeft(): number {
    let left = 0;
    for (const r of this.runs) if (!r.failure) left += r.run.blocks.length - r.next;
    return left;
  }

  /** Idle workers do not keep the process alive. */
  private idleCheck(): void {
    for (const helper of this.helpers) if (helper.inHand === 0) helper.worker.unref();
  }

  private finish(active: ActiveRun, block: Block): void {
    active.received++;
    active.run.onBlockDone?.(block);
  }

  private fail(active: ActiveRun, error: unknown): void {
    if (active.failure) return;
    active.failure = { error };
    active.settle();
  }

  private settleIfDone(active: ActiveRun): void {
    if (active.failure || (active.out === 0 && active.next >= active.run.blocks.length)) active.settle();
  }
}

/** How runBlocks shares the work: a PoolRun on a pool of its own. */
export interface BlockRun extends PoolRun {
  /** Worker threads to start besides this one. */
  helpers: number;
  /** The compiled worker entry (workerEntry()). */
  entry: URL;
}

/** Simulates one run on `helpers` worker threads started for it (and this thread), then stops them. */
export async function runBlocks(run: BlockRun): Promise<void> {
  const pool = new SimulationPool(run.entry, run.helpers);
  try {
    await pool.run(run);
  } finally {
    await pool.close();
  }
}
