/*
 * The entry of a simulation worker thread (started by workerPool.ts). It takes the run's
 * portfolio as the main thread prepared it (HotPortfolio: numbers and typed arrays, cloned into
 * this thread), then simulates the blocks it is sent, one message each, writing each block's
 * columns into one buffer it transfers back. Only a portfolio that cannot travel (one with an
 * availability service chain, whose model holds functions) is rebuilt here from the scenario
 * text: the scenario modules (YAML, zod) are loaded for that case alone, which keeps the thread's
 * start-up and memory small otherwise.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import { BLOCK_SIZE, simulatePreparedBlock } from '../engine/simulateBlock.js';
import { columnCount, packedColumns } from '../engine/packedColumns.js';
import { seededStreams } from './simulateScenario.js';
import { WORKER_READY, type BlockJob, type BlockResult, type WorkerSetup } from './workerPool.js';

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

const setup = workerData as WorkerSetup;
const portfolio = setup.portfolio ?? (await portfolioFromText(setup));
const streams = seededStreams(setup.seed);
const shape = { plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount };
const bytesPerTrial = 8 * columnCount(shape);
const port = parentPort!;

port.on('message', (job: BlockJob) => {
  // The main thread returns each buffer with a later job, so a thread allocates a few at most.
  const buffer = job.buffer && job.buffer.byteLength >= bytesPerTrial * job.length ? job.buffer : new ArrayBuffer(bytesPerTrial * BLOCK_SIZE);
  simulatePreparedBlock(portfolio, streams, job.block, job.length, packedColumns(new Float64Array(buffer), shape, job.length));
  const result: BlockResult = { block: job.block, length: job.length, buffer };
  port.postMessage(result, [buffer]);
});
port.postMessage(WORKER_READY);
