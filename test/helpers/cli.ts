import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { Io, OutputStream } from '../../src/cli/output.js';

/** What one fairfee command did: its exit status and the text it wrote. */
export interface FairfeeResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it; not a terminal, as a pipe to a file is not. */
function collector(): OutputStream & { text(): string } {
  const pieces: string[] = [];
  return {
    isTTY: false,
    write(text: string) {
      pieces.push(text);
      return true;
    },
    text: () => pieces.join(''),
  };
}

/**
 * Runs `fairfee ARGS` in this process: main() from the TypeScript source, with stdout and stderr
 * collected. Fresh io per call and main() closing its worker pools in `finally` keep calls apart.
 * Two things need the built command instead (fairfeeBuilt): yargs prints --help and --version with
 * console.log, not through io; and the bundled default scenario is found relative to dist/.
 */
export async function fairfee(args: readonly string[]): Promise<FairfeeResult> {
  const stdout = collector();
  const stderr = collector();
  const io: Io = { stdout, stderr };
  const status = await main(args, io);
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs the built CLI (`node bin/fairfee.js ARGS`) as a child process, as a user would; needs `npm run build`. */
export function fairfeeBuilt(args: readonly string[]): FairfeeResult {
  const result = spawnSync(process.execPath, ['bin/fairfee.js', ...args], { encoding: 'utf8', timeout: 120_000 });
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

/** Runs with LANG as given and LC_ALL/LC_MESSAGES unset, restoring them after: English tests must not depend on the machine's locale. */
export async function withLocale<T>(lang: string | undefined, run: () => Promise<T>): Promise<T> {
  const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
  delete process.env.LC_ALL;
  delete process.env.LC_MESSAGES;
  if (lang === undefined) delete process.env.LANG;
  else process.env.LANG = lang;
  try {
    return await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
