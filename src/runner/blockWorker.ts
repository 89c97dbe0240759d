/*
 * The entry of a simulation worker thread (started by workerPool.ts). A thread serves all the
 * runs of a command: for each it is sent the run's portfolio as the main thread prepared it
 * (HotPortfolio: numbers and typed arrays, cloned into this thread), then the run's blocks, one
 * message each; it writes each block's columns into one buffer it transfers back. Only a
 * portfolio that cannot travel (one with an availability service chain, whose model holds
 * functions) is rebuilt here from the scenario text: the scenario modules (YAML, zod) are loaded
 * for that case alone, which keeps the thread's start-up and memory small otherwise.
 */
import { parentPort } from 'node:worker_threads';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import { BLOCK_SIZE, simulatePreparedBlock, type StreamFactory } from '../engine/simulateBlock.js';
import { columnCount, packedColumns } from '../engine/packedColumns.js';
import { seededStreams } from './simulateScenario.js';
import { WORKER_READY, type BlockResult, type WorkerMessage, type WorkerReply, type WorkerSetup } from './workerPool.js';

async function portfolioFromText(setup: WorkerSetup): Promise<HotPortfolio> {
  const [{ parseScenario }, { adjustScenario }, { compilePortfolio }, { hotPortfolio }, { serviceChainOf }] = await Promise.all([
    import('../scenario/load.js'),
    import('../scenario/adjust.js'),
    import('../engine/compile.js'),
    import('../engine/hotPortfolio.js'),
    import('./serviceChain.js'),
  ]);
  const scenario = adjustScenario(parseScenario(setup.text, setup.file), setup.adjustments);
  return hotPortfolio(compilePortfolio(scenario, setup.seed, serviceChainOf(scenario)));
}

/** A run as this thread simulates it. */
interface PreparedRun {
  portfolio: HotPortfolio;
  streams: StreamFactory;
  shape: { plans: number; segments: number; types: number };
}

async function prepare(setup: WorkerSetup): Promise<PreparedRun> {
  const portfolio = setup.portfolio ?? (await portfolioFromText(setup));
  return { portfolio, streams: seededStreams(setup.seed), shape: { plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount } };
}

const port = parentPort!;
const reply = (message: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
const runs = new Map<number, Promise<PreparedRun>>();

port.on('message', async (message: WorkerMessage) => {
  if (message.kind === 'setup') {
    runs.set(message.run, prepare(message.setup));
    return;
  }
  if (message.kind === 'forget') {
    runs.delete(message.run);
    return;
  }
  let run: PreparedRun;
  try {
    const prepared = runs.get(message.run);
    // A block of a run given up (it failed elsewhere) may still come after its 'forget'.
    if (!prepared) throw new Error(`run ${message.run} is not prepared in this thread`);
    run = await prepared;
  } catch (error) {
    // The run's scenario failed to build here (its text is parsed again): the run fails with why.
    reply({ run: message.run, failed: error instanceof Error ? error.message : String(error) });
    return;
  }
  const bytesPerTrial = 8 * columnCount(run.shape);
  // The main thread returns each buffer with a later block, so a thread allocates a few at most.
  const buffer = message.buffer && message.buffer.byteLength >= bytesPerTrial * message.length ? message.buffer : new ArrayBuffer(bytesPerTrial * BLOCK_SIZE);
  simulatePreparedBlock(run.portfolio, run.streams, message.block, message.length, packedColumns(new Float64Array(buffer), run.shape, message.length));
  const result: BlockResult = { run: message.run, block: message.block, length: message.length, buffer };
  reply(result, [buffer]);
});
reply(WORKER_READY);
