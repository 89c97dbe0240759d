import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI (`node bin/fairfee.js ARGS`) as a child process, as a user would. */
export function fairfee(args: string[], input?: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['bin/fairfee.js', ...args], { encoding: 'utf8', input, timeout: 120_000 });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh temporary folder for a test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'fairfee-test-'));
}

/** Writes a scenario document to a temporary file and returns its path. */
export function writeScenario(dir: string, name: string, content: string | Record<string, unknown>): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
