import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/*
 * The built command as a process, where stdout can be closed, full or a pipe whose reader has
 * gone: no stack traces, and an exit status that says whether the results got out.
 */
const ARGS = ['bin/fairfee.js', 'run', 'scenarios/freelancer.yaml', '--trials', '300', '--seed', '1', '--workers', '1'];

describe('fairfee as a process, when stdout misbehaves', () => {
  it('stops quietly when the reader of its pipe goes away (| head)', async () => {
    const child = spawn(process.execPath, ARGS, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Close our end at once: every write of the child meets a pipe without a reader.
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Unhandled|EPIPE|at /);
    expect(status).toBe(0);
  });

  it('a full disk (/dev/full) is one line on stderr and exit 1, not a stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, ARGS, { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe('fairfee: the results could not be written to standard output: ENOSPC: no space left on device, write\n');
    } finally {
      closeSync(full);
    }
  });

  it('refuses to run with stdout closed (>&-) instead of losing the output and exiting 0', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" ${ARGS.join(' ')} --json >&-`], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/standard output is closed/);
  });

  it('writes to /dev/null as asked, exit 0', () => {
    const result = spawnSync('sh', ['-c', `"${process.execPath}" ${ARGS.join(' ')} --json > /dev/null`], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });
});
