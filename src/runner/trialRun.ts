import { allocateColumns, keptShape, listColumns, type ColumnShape, type TrialColumns } from '../engine/columns.js';
import type { HotPortfolio } from '../engine/hotPortfolio.js';
import { columnCount, packedColumns, unpackBlock } from '../engine/packedColumns.js';
import { BLOCK_SIZE, simulatePreparedBlock, type StreamFactory } from '../engine/simulateBlock.js';
import { createStream } from '../random/rng.js';

/** One block: trials block·BLOCK_SIZE … + length − 1. */
export interface Block {
  block: number;
  length: number;
}

/**
 * The blocks that take a run from `from` to `to` trials: block b holds trials b·BLOCK_SIZE
 * onwards, and a block that `from` cuts (a run of 2,500 trials ends half-way through block 2) is
 * simulated again whole, as its streams give its first trials the same numbers again.
 * @example blockPlan(2500, 4000) // blocks 2 and 3, each of 1,000 trials
 */
export function blockPlan(from: number, to: number): Block[] {
  const blocks: Block[] = [];
  for (let block = Math.floor(from / BLOCK_SIZE); block * BLOCK_SIZE < to; block++) {
    blocks.push({ block, length: Math.min(BLOCK_SIZE, to - block * BLOCK_SIZE) });
  }
  return blocks;
}

/** The columns every block of the portfolio is simulated into. */
export function portfolioShape(portfolio: Pick<HotPortfolio, 'planCount' | 'segmentCount' | 'typeCount' | 'formColumns'>): ColumnShape {
  return { plans: portfolio.planCount, segments: portfolio.segmentCount, types: portfolio.typeCount, forms: portfolio.formColumns };
}

/** The streams of a run: each position's generator derived from the seed alone. */
export function seededStreams(seed: string): StreamFactory {
  return (path) => createStream(seed, path);
}

/**
 * The trials of one portfolio and seed simulated so far, in columns that grow as blocks are
 * added: wherever a block was simulated (this thread or a worker's, which sends its packed
 * columns), it lands at its own offset, so the columns are the same for any threads and any
 * sequence of extensions. Every block goes through one block buffer in packedColumns' layout.
 */
export class TrialRun {
  private readonly streams: StreamFactory;
  /** The columns a block is simulated into, and those the run keeps (maybe without the per-type ones). */
  private readonly shape: ColumnShape;
  private readonly kept: ColumnShape;
  /** This thread's block buffer, reused. */
  private readonly here: Float64Array;
  private columns: TrialColumns;
  private done = 0;

  /** @param typeColumns keep the per-type columns (keptShape) */
  constructor(
    readonly portfolio: HotPortfolio,
    readonly seed: string,
    typeColumns: boolean,
  ) {
    this.streams = seededStreams(seed);
    this.shape = portfolioShape(portfolio);
    this.kept = keptShape(this.shape, typeColumns);
    this.here = new Float64Array(columnCount(this.shape) * BLOCK_SIZE);
    this.columns = allocateColumns(this.kept, 0);
  }

  /** Trials simulated so far. */
  get trials(): number {
    return this.done;
  }

  /**
   * Makes room for `trials` trials in all, keeping those done, and returns the blocks still to
   * simulate (blockPlan); finish(trials) once they all are in.
   * @throws RangeError for fewer trials than done
   */
  grow(trials: number): Block[] {
    if (trials < this.done) throw new RangeError(`a run of ${this.done} trials cannot shrink to ${trials}`);
    const grown = allocateColumns(this.kept, trials);
    const old = listColumns(this.columns);
    listColumns(grown).forEach((column, i) => {
      column.set(old[i].subarray(0, this.done));
    });
    this.columns = grown;
    return blockPlan(this.done, trials);
  }

  /** Simulates one block in this thread into its place. */
  simulateHere({ block, length }: Block): void {
    simulatePreparedBlock(this.portfolio, this.streams, block, length, packedColumns(this.here, this.shape, length));
    unpackBlock(this.here, length, this.columns, block * BLOCK_SIZE);
  }

  /** Takes a block simulated elsewhere, packed (packedColumns' layout, the full shape); copies it. */
  receive({ block, length }: Block, packed: Float64Array): void {
    unpackBlock(packed, length, this.columns, block * BLOCK_SIZE);
  }

  /**
   * Simulates blocks in this thread, one after the other.
   * @param onBlockDone called after each
   */
  simulateAllHere(blocks: readonly Block[], onBlockDone?: (block: Block) => void): void {
    for (const block of blocks) {
      this.simulateHere(block);
      onBlockDone?.(block);
    }
  }

  /** Marks the run grown to `trials` (every block of grow(trials) is in) and returns its columns. */
  finish(trials: number): TrialColumns {
    this.done = trials;
    return this.columns;
  }
}
