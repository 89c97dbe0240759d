import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * A stop signal during a large write (a million-row --trials-csv) must not leave its 20 MB
 * temporary file behind, nor a half-written target. The writer runs as its own process (the
 * built dist/), is stopped once its temporary file exists, and the folder is checked after.
 */
const WRITER = `
import { checkOutputTargets, writeOutputs } from ${JSON.stringify(resolve('dist/src/cli/outputFiles.js'))};
const [destination] = await checkOutputTargets([{ option: '--trials-csv', path: process.argv[2] }], []);
function* rows() {
  for (let i = 0; ; i++) yield \`\${i},\${'x'.repeat(200)}\\n\`;
}
await writeOutputs([{ destination, content: rows() }], process.stdout);
`;

describe('stop signals during a write', () => {
  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s leaves no temporary file and no target', async (signal) => {
    const dir = mkdtempSync(join(tmpdir(), 'fairfee-signal-'));
    const script = join(dir, 'writer.mjs');
    writeFileSync(script, WRITER);
    const out = join(dir, 'out');
    mkdirSync(out);
    const target = join(out, 'trials.csv');
    const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Wait until the temporary file is there, then stop the writer.
    for (let i = 0; i < 200 && readdirSync(out).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(readdirSync(out)[0]).toMatch(/^\.trials\.csv\.[0-9a-f]{16}\.tmp$/);
    child.kill(signal);
    const [code, received] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (c, s) => r([c, s])));
    expect(stderr).toBe('');
    expect(received).toBe(signal);
    expect(code).toBeNull();
    expect(readdirSync(out)).toEqual([]);
  });
});
