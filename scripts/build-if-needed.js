#!/usr/bin/env node
// Builds dist/ with tsc only when a source is newer than the last build, so `npm start` and
// `npm run fairfee` do not pay tsc's start-up (about 1.5 s) on every run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.tsbuildinfo');

/** Latest modification time of the TypeScript sources under `path` (or of the file itself). */
function newest(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((latest, name) => {
    const child = join(path, name);
    const childInfo = statSync(child);
    if (childInfo.isDirectory()) return Math.max(latest, newest(child));
    return name.endsWith('.ts') ? Math.max(latest, childInfo.mtimeMs) : latest;
  }, 0);
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : -Infinity;
const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'bench')), newest(join(root, 'tsconfig.json')), newest(join(root, 'package.json')));
if (sources > built) {
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  // tsc leaves its build info untouched when nothing changed; mark the check as done anyway.
  const now = new Date();
  if (existsSync(stamp)) utimesSync(stamp, now, now);
}
