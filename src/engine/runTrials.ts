import { allocateColumns, copyColumns, type TrialColumns } from './columns.js';
import type { CompiledPortfolio } from './compile.js';
import { BLOCK_SIZE, simulateBlock, type StreamFactory } from './simulateBlock.js';

/** The blocks that make up `trials` trials: block b holds trials b·BLOCK_SIZE onwards. */
export function blockPlan(trials: number): { block: number; length: number }[] {
  const blocks: { block: number; length: number }[] = [];
  for (let start = 0, block = 0; start < trials; start += BLOCK_SIZE, block++) {
    blocks.push({ block, length: Math.min(BLOCK_SIZE, trials - start) });
  }
  return blocks;
}

/**
 * Runs `trials` trials in this thread, block after block, and gathers their columns.
 * @param onProgress called after each block with the trials done so far
 */
export function runTrials(portfolio: CompiledPortfolio, streams: StreamFactory, trials: number, onProgress?: (done: number) => void): TrialColumns {
  const columns = allocateColumns({ plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount }, trials);
  let done = 0;
  for (const { block, length } of blockPlan(trials)) {
    copyColumns(simulateBlock(portfolio, streams, block, length), columns, block * BLOCK_SIZE);
    done += length;
    onProgress?.(done);
  }
  return columns;
}
