import { randomBytes } from 'node:crypto';
import { constants, rmSync, type Stats } from 'node:fs';
import { access, type FileHandle, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** One file a command was asked to write, as the user named it. */
export interface OutputTarget {
  /** The option that named it, e.g. `--csv`. */
  readonly option: string;
  /** The path as given; `-` is stdout. */
  readonly path: string;
}

/**
 * Where an output goes once checked: stdout, a device or FIFO written straight through (a
 * rename would replace the device node), or a regular file written under a temporary name in
 * its own folder and renamed over the target.
 */
export type Destination =
  | { readonly kind: 'stdout'; readonly target: OutputTarget }
  | { readonly kind: 'stream'; readonly target: OutputTarget; readonly path: string }
  | { readonly kind: 'file'; readonly target: OutputTarget; readonly path: string; readonly mode: number };

/** stat that gives null for a path that does not exist. */
async function statOrNull(path: string, follow: boolean): Promise<Stats | null> {
  try {
    return follow ? await stat(path) : await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The identity of a file, to tell whether two paths name the same one. */
const identity = (info: Stats) => `${info.dev}:${info.ino}`;

/** Refuses with the option, the path and the reason in words (exit 2). */
function refuse(target: OutputTarget, reason: string): never {
  throw new UsageError(`${target.option} ${JSON.stringify(target.path)}: ${reason}`);
}

/** Checks one target and says where it will be written. */
async function destinationOf(target: OutputTarget, inputs: ReadonlySet<string>): Promise<Destination> {
  if (target.path === '-') return { kind: 'stdout', target };
  const link = await statOrNull(target.path, false);
  // A link is written through: the file it points to is the target, the link stays.
  const path = link?.isSymbolicLink()
    ? await realpath(target.path).catch(() => refuse(target, 'is a symbolic link that points nowhere'))
    : resolve(target.path);
  const info = await statOrNull(path, true);
  if (info) {
    if (inputs.has(identity(info))) refuse(target, 'is an input of this command; writing it would destroy the input');
    if (info.isDirectory()) refuse(target, 'is a folder; name a file in it');
    if (info.isCharacterDevice() || info.isFIFO() || info.isSocket()) return { kind: 'stream', target, path };
    if (!info.isFile()) refuse(target, 'is not a regular file');
    if ((info.mode & 0o222) === 0) refuse(target, 'is read-only; make it writable or choose another name');
  }
  const folder = dirname(path);
  const folderInfo = await statOrNull(folder, true);
  if (!folderInfo?.isDirectory()) refuse(target, `its folder ${JSON.stringify(folder)} does not exist`);
  try {
    await access(folder, constants.W_OK);
  } catch {
    refuse(target, `its folder ${JSON.stringify(folder)} is not writable`);
  }
  return { kind: 'file', target, path, mode: info ? info.mode & 0o777 : 0o666 };
}

/**
 * Checks every output target before any work starts (a run must not be lost to a typo in a
 * path): each folder exists and is writable, no target is an input, a folder or read-only, and
 * no two outputs name the same file.
 * @param inputs the files the command reads (scenario, history)
 * @throws UsageError naming the option, the path and the reason (exit 2)
 */
export async function checkOutputTargets(targets: readonly OutputTarget[], inputs: readonly string[]): Promise<Destination[]> {
  const inputIds = new Set<string>();
  for (const input of inputs) {
    const info = await statOrNull(input, true);
    if (info) inputIds.add(identity(info));
  }
  const destinations: Destination[] = [];
  const seen = new Map<string, OutputTarget>();
  for (const target of targets) {
    const destination = await destinationOf(target, inputIds);
    const key = destination.kind === 'stdout' ? '-' : destination.path;
    const earlier = seen.get(key);
    if (earlier) refuse(target, `is also the target of ${earlier.option}; one of the two outputs would be lost`);
    seen.set(key, target);
    destinations.push(destination);
  }
  return destinations;
}

/** Temporary files being written now, removed if the process is told to stop. */
const pending = new Set<string>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes pending temporary files, then lets the signal end the process as it would have. */
function onStopSignal(signal: NodeJS.Signals): void {
  for (const path of pending) {
    try {
      rmSync(path, { force: true });
    } catch {
      // Nothing more can be done on the way out.
    }
  }
  pending.clear();
  for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
  process.kill(process.pid, signal);
}

function track(path: string): void {
  if (pending.size === 0) for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
  pending.add(path);
}

function untrack(path: string): void {
  pending.delete(path);
  if (pending.size === 0) for (const s of STOP_SIGNALS) process.removeListener(s, onStopSignal);
}

/** A temporary name beside the target that nobody can guess or plant a link at. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
}

/** Text in pieces, so a million-row table never has to be one string; or bytes (a workbook). */
export type OutputContent = string | Iterable<string> | Uint8Array;

/** Writes content into an open handle, piece by piece. */
async function writePieces(write: (text: string | Uint8Array) => Promise<unknown>, content: OutputContent): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    await write(content);
    return;
  }
  for (const piece of content) await write(piece);
}

/** One piece into a file: text as UTF-8, bytes as they are. */
const writeTo = (handle: FileHandle, piece: string | Uint8Array) => (typeof piece === 'string' ? handle.write(piece, null, 'utf8') : handle.write(piece));

/** Where stdout-bound output goes; the command's io. */
export interface OutputStdout {
  write(text: string): unknown;
}

/**
 * Writes every output whole or not at all: regular files to exclusive temporary files first
 * (`wx`, random names, never following a link), renamed over their targets only once all are
 * written; devices, FIFOs and `-` (stdout) straight through at the end. A failure or a stop
 * signal leaves no temporary file and no target half-written.
 */
export async function writeOutputs(outputs: readonly { destination: Destination; content: OutputContent }[], stdout: OutputStdout): Promise<void> {
  const temporaries: string[] = [];
  const renames: { temporary: string; path: string }[] = [];
  try {
    for (const { destination, content } of outputs) {
      if (destination.kind !== 'file') continue;
      const temporary = temporaryPath(destination.path);
      temporaries.push(temporary);
      track(temporary);
      const handle = await open(temporary, 'wx', destination.mode);
      try {
        await writePieces((piece) => writeTo(handle, piece), content);
      } finally {
        await handle.close();
      }
      renames.push({ temporary, path: destination.path });
    }
    for (const { temporary, path } of renames) await rename(temporary, path);
  } catch (error) {
    await Promise.all(temporaries.map((temporary) => rm(temporary, { force: true })));
    throw error;
  } finally {
    for (const temporary of temporaries) untrack(temporary);
  }
  for (const { destination, content } of outputs) {
    // Bytes never go to stdout: checkReportArgs refuses `--xlsx -`.
    if (destination.kind === 'stdout')
      await writePieces(async (piece) => stdout.write(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8')), content);
    if (destination.kind === 'stream') {
      const handle = await open(destination.path, 'a');
      try {
        await writePieces((piece) => writeTo(handle, piece), content);
      } finally {
        await handle.close();
      }
    }
  }
}
