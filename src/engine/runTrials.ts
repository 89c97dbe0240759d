import { allocateColumns, keptShape, type ColumnShape, type TrialColumns } from './columns.js';
import { columnCount, packedColumns, unpackBlock } from './packedColumns.js';
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

/** The columns every block of the portfolio is simulated into. */
export function portfolioShape(portfolio: Pick<CompiledPortfolio, 'planCount' | 'segmentCount' | 'typeCount'>): ColumnShape {
  return { plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount };
}

/**
 * Runs `trials` trials in this thread, block after block: each is simulated into one reused
 * block buffer and copied into the run's columns at its offset, as blocks from worker threads
 * are (nothing is allocated per block).
 * @param typeColumns keep the per-type columns (keptShape); without them they are left empty
 * @param onProgress called after each block with the trials done so far
 */
export function runTrials(
  portfolio: CompiledPortfolio,
  streams: StreamFactory,
  trials: number,
  onProgress?: (done: number) => void,
  typeColumns = true,
): TrialColumns {
  const shape = portfolioShape(portfolio);
  const columns = allocateColumns(keptShape(shape, typeColumns), trials);
  const buffer = new Float64Array(columnCount(shape) * BLOCK_SIZE);
  let done = 0;
  for (const { block, length } of blockPlan(trials)) {
    simulateBlock(portfolio, streams, block, length, packedColumns(buffer, shape, length));
    unpackBlock(buffer, length, columns, block * BLOCK_SIZE);
    done += length;
    onProgress?.(done);
  }
  return columns;
}
