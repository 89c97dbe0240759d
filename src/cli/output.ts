import { toCsv, type CsvCell, type CsvDialect } from '../report/csv.js';
import { streamFileAtomic, writeFileAtomic } from './writeFileAtomic.js';

/**
 * What a command needs of a stream: text out, and whether it is a terminal (for the progress
 * bar). process.stdout and process.stderr are ones; so is a plain object that collects the text,
 * which is how the tests run commands in-process (test/helpers/cli.ts).
 */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Where a command writes: stdout for results, stderr for progress and notes. */
export interface Io {
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Writes a table as a CSV file in the chosen dialect, whole or not at all. */
export async function writeCsvFile(path: string, rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): Promise<void> {
  await writeFileAtomic(path, toCsv(rows, dialect));
}

/**
 * Streams a large table (one row per trial) as CSV, built a thousand rows at a time so memory
 * stays bounded, with the same all-or-nothing guarantee.
 * @param header column names
 * @param rowAt the cells of row i
 */
export async function streamCsvFile(
  path: string,
  header: readonly string[],
  count: number,
  rowAt: (i: number) => CsvCell[],
  dialect: CsvDialect,
): Promise<void> {
  function* pieces(): Generator<string> {
    yield toCsv([header], dialect);
    const chunk = 1000;
    for (let start = 0; start < count; start += chunk) {
      const rows: CsvCell[][] = [];
      for (let i = start; i < Math.min(count, start + chunk); i++) rows.push(rowAt(i));
      // Only the first piece carries the byte order mark.
      yield toCsv(rows, dialect).replace(/^\uFEFF/, '');
    }
  }
  await streamFileAtomic(path, pieces());
}

/** One JSON document on stdout: the only thing there with --json. */
export function printJson(io: Io, document: unknown): void {
  io.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
}
