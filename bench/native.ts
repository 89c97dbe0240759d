/**
 * The native C reference for benchmark workload R1 (bench/native/r1.c): builds it with gcc and
 * runs it. The program is a careful single-threaded C implementation of the same model
 * (xoshiro256++, ziggurat normals, Marsaglia–Tsang gammas, inversion/PTRS Poisson), used as the
 * speed and correctness yardstick for the TypeScript engine. See bench/native/README.md.
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
  /** Whole process time (spawn to exit) measured from Node. */
  wallSeconds: number;
}

/** Compiler flags used for every build, so figures are comparable between machines' runs. */
export const NATIVE_CFLAGS: readonly string[] = ['-O2', '-march=native'];

function nativePaths(repoRoot: string): { source: string; binary: string } {
  const dir = path.resolve(repoRoot, 'bench', 'native');
  const binary = path.join(dir, process.platform === 'win32' ? 'r1.exe' : 'r1');
  return { source: path.join(dir, 'r1.c'), binary };
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
 * Builds bench/native/r1 with gcc when missing or older than r1.c; returns `{ skipped: reason }`
 * if gcc is absent. An up-to-date binary is used as is, even without gcc. A compile error is a
 * bug and throws, with gcc's messages.
 * @param repoRoot the repository root (the folder holding bench/), absolute or relative to cwd.
 */
export function buildNative(repoRoot: string): { binary: string } | { skipped: string } {
  const { source, binary } = nativePaths(repoRoot);
  if (!existsSync(source)) throw new Error(`native reference source not found: ${source}`);
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return { binary };

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
 * Runs the native program for `trials` trials from `seed` and parses its one JSON line.
 * wallSeconds is the whole process time measured from Node (spawn, start-up, simulation, exit).
 */
export function runNative(binary: string, trials: number, seed: number): NativeResult {
  if (!Number.isSafeInteger(trials) || trials < 1) throw new RangeError(`trials must be a positive integer, got ${trials}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, got ${seed}`);

  const started = process.hrtime.bigint();
  let stdout: string;
  try {
    stdout = execFileSync(binary, [String(trials), String(seed)], {
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
    wallSeconds,
  };
}
