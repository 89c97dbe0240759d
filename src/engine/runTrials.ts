import { allocateColumns, type TrialColumns } from './columns.js';
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
 * `columns` seen through `transform` column by column, same structure (every Float64Array in
 * it, whatever columns.ts holds, is replaced by transform(array)).
 */
export function mapColumns(columns: TrialColumns, transform: (column: Float64Array) => Float64Array): TrialColumns {
  const remap = (value: unknown): unknown => {
    if (value instanceof Float64Array) return transform(value);
    if (Array.isArray(value)) return value.map(remap);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, remap(v)]));
    return value;
  };
  return remap(columns) as TrialColumns;
}

/** Views of trials offset … offset + length − 1 of `columns` (no copy). */
export function columnsAt(columns: TrialColumns, offset: number, length: number): TrialColumns {
  return mapColumns(columns, (column) => column.subarray(offset, offset + length));
}

/**
 * Runs `trials` trials in this thread, block after block, each written straight into the run's
 * columns at its offset (nothing is allocated per block).
 * @param onProgress called after each block with the trials done so far
 */
export function runTrials(portfolio: CompiledPortfolio, streams: StreamFactory, trials: number, onProgress?: (done: number) => void): TrialColumns {
  const columns = allocateColumns({ plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount }, trials);
  let done = 0;
  for (const { block, length } of blockPlan(trials)) {
    simulateBlock(portfolio, streams, block, length, columnsAt(columns, block * BLOCK_SIZE, length));
    done += length;
    onProgress?.(done);
  }
  return columns;
}
