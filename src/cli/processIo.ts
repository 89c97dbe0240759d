import { readFileSync, readlinkSync } from 'node:fs';
import { main } from './main.js';

/**
 * Whether fairfee was started with stdout closed (`>&-`). Node then opens /dev/null in its place
 * before any script runs, read-write, where a shell's `> /dev/null` opens it write-only: the
 * open flags in /proc tell the two apart (Linux; elsewhere this says false).
 */
function startedWithStdoutClosed(): boolean {
  try {
    if (readlinkSync('/proc/self/fd/1') !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    // O_ACCMODE is 3; O_RDWR is 2.
    return flags !== null && (Number.parseInt(flags[1], 8) & 3) === 2;
  } catch {
    return false;
  }
}

/** Waits until what was written to stdout so far has gone out (or failed). */
function flushStdout(): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write('', () => resolve());
  });
}

/**
 * Runs the CLI as the `fairfee` process: refuses to run with stdout closed (Node would quietly
 * drop every line and exit 0), stops quietly when the reader of a pipe goes away (`| head`),
 * and turns any other failure to write stdout (a full disk, /dev/full) into one line on stderr
 * and exit status 1 instead of an unhandled 'error' event with a stack trace.
 * @returns the exit status
 */
export async function runProcess(args: readonly string[]): Promise<number> {
  if (startedWithStdoutClosed()) {
    process.stderr.write('fairfee: standard output is closed, so the results would be lost; run it with stdout open or redirected to a file\n');
    return 1;
  }
  let writeFailure: string | null = null;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      // The reader has all it wanted; what is left has nowhere to go.
      process.exit(0);
    }
    if (writeFailure === null) {
      writeFailure = error.message;
      process.stderr.write(`fairfee: the results could not be written to standard output: ${error.message}\n`);
    }
  });
  const status = await main(args);
  await flushStdout();
  return writeFailure === null ? status : 1;
}
