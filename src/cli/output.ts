import { withNotes } from '../report/jsonNotes.js';
import { UsageError } from './errors.js';
import { checkOutputTargets, writeOutputs, type Destination, type OutputContent, type OutputTarget } from './outputFiles.js';

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

/** A command's output options, checked before any work: where each goes. */
export interface CheckedOutputs {
  /** Each given output option (`--csv`) and its destination. */
  readonly destinations: ReadonlyMap<string, Destination>;
  /** Whether one of them is `-`: then that table is all stdout holds, and the terminal report is not printed. */
  readonly onStdout: boolean;
}

/**
 * Checks every output a command was asked for, before any simulation (docs/interface.md,
 * "Output files"): stdout holds one thing, so at most one output is `-` and none with --json;
 * then each path as checkOutputTargets checks it (folder exists and is writable, not an input,
 * not a folder, not read-only, no two outputs on one file).
 * @param targets output option → path as given (undefined: not given)
 * @param inputs the files the command reads (scenario, history)
 * @throws UsageError naming the option, the path and the reason (exit 2)
 */
export async function checkOutputs(targets: Readonly<Record<string, string | undefined>>, inputs: readonly string[], json: boolean): Promise<CheckedOutputs> {
  const given: OutputTarget[] = Object.entries(targets).flatMap(([option, path]) => (path === undefined ? [] : [{ option, path }]));
  const onStdout = given.filter((target) => target.path === '-');
  if (onStdout.length > 1) {
    throw new UsageError(`${onStdout.map((t) => `${t.option} -`).join(' and ')}: stdout holds one thing; write all but one of these tables to a file`);
  }
  if (onStdout.length === 1 && json) {
    throw new UsageError(
      `${onStdout[0].option} - writes the table to stdout, where --json writes its document; write the table to a file, or leave out --json`,
    );
  }
  const destinations = await checkOutputTargets(given, inputs);
  return { destinations: new Map(destinations.map((d) => [d.target.option, d])), onStdout: onStdout.length === 1 };
}

/**
 * Writes every checked output at once, whole or not at all (writeOutputs).
 * @param contents output option → its content, built only when that output was asked for
 */
export async function writeCommandOutputs(
  checked: CheckedOutputs,
  contents: Readonly<Record<string, () => OutputContent | Promise<OutputContent>>>,
  io: Io,
): Promise<void> {
  const outputs = await Promise.all(
    [...checked.destinations].map(async ([option, destination]) => {
      const content = contents[option];
      if (!content) throw new Error(`no content for ${option}`);
      return { destination, content: await content() };
    }),
  );
  if (outputs.length > 0) await writeOutputs(outputs, io.stdout);
}

/**
 * One JSON document on stdout: the only thing there with --json. A value that is not a finite
 * number is written as null with a `KEY_note` saying why (withNotes), never as a bare null.
 */
export function printJson(io: Io, document: unknown): void {
  io.stdout.write(`${JSON.stringify(withNotes(document), null, 2)}\n`);
}
