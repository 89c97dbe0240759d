/*
 * The entry of a simulation worker thread (started by workerPool.ts). A thread serves all the
 * runs of a command: for each it is sent the run's compiled portfolio (HotPortfolio: plain data,
 * cloned into this thread) and seed, then the run's blocks, one message each; it writes each
 * block's columns into one buffer it transfers back. It loads the engine alone: no scenario
 * parsing, no YAML or zod, so it starts quickly and keeps little memory.
 */
import { parentPort } from 'node:worker_threads';
import type { ColumnShape } from '../engine/columns.js';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import { columnCount, packedColumns } from '../engine/packedColumns.js';
import { slaStatsLength } from '../engine/queue/slaStats.js';
import { BLOCK_SIZE, simulatePreparedBlock, type StreamFactory } from '../engine/simulateBlock.js';
import { simulateSlaBlock } from '../engine/slaBlock.js';
import { portfolioShape, seededStreams } from './trialRun.js';
import { WORKER_READY, type BlockResult, type WorkerMessage, type WorkerReply } from './workerPool.js';

/** A run as this thread simulates it. */
interface PreparedRun {
  portfolio: HotPortfolio;
  streams: StreamFactory;
  shape: ColumnShape;
  /** The `sla` study's team sizes (WorkerSetup.slaSizes); null for a run of columns. */
  slaSizes: readonly number[] | null;
}

const port = parentPort!;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const runs = new Map<number, PreparedRun>();

port.on('message', (message: WorkerMessage) => {
  if (message.kind === 'setup') {
    const { portfolio, seed, slaSizes } = message.setup;
    runs.set(message.run, { portfolio, streams: seededStreams(seed), shape: portfolioShape(portfolio), slaSizes: slaSizes ?? null });
    return;
  }
  if (message.kind === 'forget') {
    runs.delete(message.run);
    return;
  }
  const run = runs.get(message.run);
  try {
    // A block of a run given up (it failed elsewhere) may still come after its 'forget'.
    if (!run) throw new Error(`run ${message.run} is not prepared in this thread`);
    if (run.slaSizes) {
      const width = run.slaSizes.length * slaStatsLength(run.portfolio.planCount);
      const buffer = message.buffer && message.buffer.byteLength >= 8 * width ? message.buffer : new ArrayBuffer(8 * width);
      simulateSlaBlock(run.portfolio, run.streams, message.block, message.length, run.slaSizes, new Float64Array(buffer, 0, width));
      reply({ run: message.run, block: message.block, length: message.length, buffer }, [buffer]);
      return;
    }
    const bytesPerTrial = 8 * columnCount(run.shape);
    // The main thread returns each buffer with a later block, so a thread allocates a few at most.
    const buffer = message.buffer && message.buffer.byteLength >= bytesPerTrial * message.length ? message.buffer : new ArrayBuffer(bytesPerTrial * BLOCK_SIZE);
    simulatePreparedBlock(run.portfolio, run.streams, message.block, message.length, packedColumns(new Float64Array(buffer), run.shape, message.length));
    const result: BlockResult = { run: message.run, block: message.block, length: message.length, buffer };
    reply(result, [buffer]);
  } catch (error) {
    // Every block gets one reply: the run fails with why.
    reply({ run: message.run, failed: error instanceof Error ? error.message : String(error) });
  }
});
reply(WORKER_READY);
