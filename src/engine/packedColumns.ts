import { allocateColumns, listColumns, type ColumnShape, type TrialColumns } from './columns.js';

/**
 * A block's columns as views of one Float64Array, column i (in listColumns order) at
 * i·length …, so a block can be simulated into one buffer, handed over (a worker thread's one
 * ArrayBuffer transfer) and copied into the run's columns in one pass.
 * @param packed holds at least columnCount(shape)·length numbers
 */
export function packedColumns(packed: Float64Array, shape: ColumnShape, length: number): TrialColumns {
  const template = allocateColumns(shape, 0);
  const position = new Map(listColumns(template).map((column, i) => [column, i]));
  return mapColumns(template, (column) => {
    const i = position.get(column);
    // A column the shape does not keep stays the empty one.
    return i === undefined ? column : packed.subarray(i * length, (i + 1) * length);
  });
}

/** How many columns a run of this shape records. */
export function columnCount(shape: ColumnShape): number {
  return listColumns(allocateColumns(shape, 0)).length;
}

/**
 * Copies a packed block (packedColumns' layout) into `target` at trial `offset`. The target
 * may keep fewer columns than the block holds: listColumns puts the type columns last, so a
 * target of the same shape with `types: 0` takes the block's leading columns and drops those.
 * @param length trials in the block
 */
export function unpackBlock(packed: Float64Array, length: number, target: TrialColumns, offset: number): void {
  listColumns(target).forEach((column, i) => {
    column.set(packed.subarray(i * length, (i + 1) * length), offset);
  });
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

/** Views of the first `trials` trials of `columns` (no copy). */
export function firstTrials(columns: TrialColumns, trials: number): TrialColumns {
  return mapColumns(columns, (column) => column.subarray(0, trials));
}
