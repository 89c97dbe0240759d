import { allocateColumns, listColumns, type ColumnShape, type TrialColumns } from '../engine/columns.js';
import { mapColumns } from '../engine/runTrials.js';

/**
 * A block's columns as views of one Float64Array, column i (in listColumns order) at
 * i·length …, so a worker thread can hand a whole block over in one ArrayBuffer transfer.
 * @param packed holds at least columnCount(shape)·length numbers
 */
export function packedColumns(packed: Float64Array, shape: ColumnShape, length: number): TrialColumns {
  const template = allocateColumns(shape, 0);
  const position = new Map(listColumns(template).map((column, i) => [column, i]));
  return mapColumns(template, (column) => {
    const i = position.get(column)!;
    return packed.subarray(i * length, (i + 1) * length);
  });
}

/** How many columns a run of this shape records. */
export function columnCount(shape: ColumnShape): number {
  return listColumns(allocateColumns(shape, 0)).length;
}

/**
 * Copies a packed block (packedColumns' layout) into `target` at trial `offset`.
 * @param length trials in the block
 */
export function unpackBlock(packed: Float64Array, length: number, target: TrialColumns, offset: number): void {
  listColumns(target).forEach((column, i) => column.set(packed.subarray(i * length, (i + 1) * length), offset));
}
