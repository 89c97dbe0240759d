/**
 * The native C references for benchmark workload R1: builds them with gcc and runs them.
 * bench/native/r1.c draws every month and request, single-threaded; bench/native/r1-shortcut.c
 * takes the engine's exact shortcuts, on as many threads as asked. Both share their generator
 * and samplers (bench/native/samplers.h: xoshiro256++, ziggurat normals, Marsaglia–Tsang gammas,
 * inversion/PTRS Poisson). See bench/native/README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** What one run of the native program reports, plus the whole-process time seen from Node. */
export interface NativeResult {
  trials: number;
  meanHours: number;
  sdHours: number;
  /** Requests sampled over all trials (all four request types). */
  requests: number;
  /** Simulation time measured inside the program (CLOCK_MONOTONIC). */
  seconds: number;
  /** Threads the program ran on. */
  threads: number;
  /** Whole process time (spawn to exit) measured from Node. */
  wallSeconds: number;
}

/** Compiler flags used for every build, so figures are comparable between machines' runs. */
export const NATIVE_CFLAGS: readonly string[] = ['-O2', '-march=native', '-pthread'];

/** The native programs, by the name of their source in bench/native/. */
export type NativeProgram = 'r1' | 'r1-shortcut';

function nativePaths(repoRoot: string, program: NativeProgram): { source: string; header: string; binary: string } {
  const dir = path.resolve(repoRoot, 'bench', 'native');
  const binary = path.join(dir, process.platform === 'win32' ? `${program}.exe` : program);
  return { source: path.join(dir, `${program}.c`), header: path.join(dir, 'samplers.h'), binary };
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object') {
    const stderr = (err as { stderr?: unknown }).stderr;
    const text = typeof stderr === 'string' ? stderr : Buffer.isBuffer(stderr) ? stderr.toString('utf8') : '';
    if (text.trim() !== '') return text.trim();
  }
  return err instanceof Error ? err.message : String(err);
}

/**
 * Builds bench/native/PROGRAM with gcc when missing or older than its source or samplers.h;
 * returns `{ skipped: reason }` if gcc is absent. An up-to-date binary is used as is, even
 * without gcc. A compile error is a bug and throws, with gcc's messages.
 * @param repoRoot the repository root (the folder holding bench/), absolute or relative to cwd.
 */
export function buildNative(repoRoot: string, program: NativeProgram = 'r1'): { binary: string } | { skipped: string } {
  const { source, header, binary } = nativePaths(repoRoot, program);
  if (!existsSync(source)) throw new Error(`native reference source not found: ${source}`);
  const newestSource = Math.max(statSync(source).mtimeMs, statSync(header).mtimeMs);
  if (existsSync(binary) && statSync(binary).mtimeMs >= newestSource) return { binary };

  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    return { skipped: code === 'ENOENT' ? 'gcc not found on PATH' : `gcc not usable: ${errorText(err)}` };
  }

  // Build beside the target and rename into place, so a concurrent run never sees half a binary.
  const temporary = `${binary}.${process.pid}.tmp`;
  try {
    execFileSync('gcc', [...NATIVE_CFLAGS, '-o', temporary, source, '-lm'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
    renameSync(temporary, binary);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw new Error(`gcc failed to build ${source}:\n${errorText(err)}`);
  }
  return { binary };
}

function finiteField(record: Record<string, unknown>, key: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`native output: field "${key}" is missing or not a finite number`);
  }
  return value;
}

/**
 * Runs a native program for `trials` trials from `seed` and parses its one JSON line.
 * wallSeconds is the whole process time measured from Node (spawn, start-up, simulation, exit).
 * @param threads passed on only when given: r1.c is single-threaded and takes no such argument.
 */
export function runNative(binary: string, trials: number, seed: number, threads?: number): NativeResult {
  if (!Number.isSafeInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer, got ${trials}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  if (threads !== undefined && (!Number.isSafeInteger(threads) || threads < 1)) throw new RangeError(`threads must be a positive integer, got ${threads}`);
  const args = threads === undefined ? [String(trials), String(seed)] : [String(trials), String(seed), String(threads)];

  const started = process.hrtime.bigint();
  let stdout: string;
  try {
    stdout = execFileSync(binary, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    });
  } catch (err) {
    throw new Error(`native reference ${binary} failed: ${errorText(err)}`);
  }
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const line = stdout.trim().split('\n').pop() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new Error(`native output is not JSON: ${JSON.stringify(line)}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`native output is not a JSON object: ${JSON.stringify(line)}`);
  }
  const record = parsed as Record<string, unknown>;
  return {
    trials: finiteField(record, 'trials'),
    meanHours: finiteField(record, 'mean_hours'),
    sdHours: finiteField(record, 'sd_hours'),
    requests: finiteField(record, 'requests'),
    seconds: finiteField(record, 'seconds'),
    threads: record.threads === undefined ? 1 : finiteField(record, 'threads'),
    wallSeconds,
  };
}
