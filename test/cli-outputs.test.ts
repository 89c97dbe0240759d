import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir } from './helpers/cli.js';

const S = 'scenarios/webagency.yaml';
const FAST = ['--trials', '300', '--seed', '3', '--workers', '1', '--quiet'];
const HISTORY = 'scenarios/history-example.csv';

describe('output targets are checked before any simulation (exit 2: option, path, reason)', () => {
  it.each([
    ['run --csv in a missing folder', (d: string) => ['run', S, ...FAST, '--csv', join(d, 'nope', 'x.csv')], '--csv', /its folder ".*nope" does not exist/],
    ['breakeven --trials-csv on a folder', (d: string) => ['breakeven', S, ...FAST, '--trials-csv', d], '--trials-csv', /is a folder; name a file in it/],
    [
      'compare --plan-csv on a read-only file',
      (d: string) => {
        const path = join(d, 'ro.csv');
        writeFileSync(path, 'keep\n');
        chmodSync(path, 0o444);
        return ['compare', S, ...FAST, '--plan-fee', 'basic=90', '--plan-csv', path];
      },
      '--plan-csv',
      /is read-only/,
    ],
    ['sensitivity --csv on its own scenario', () => ['sensitivity', S, ...FAST, '--csv', S], '--csv', /is an input of this command/],
    [
      'availability --csv in a missing folder',
      (d: string) => ['availability', 'scenarios/hosting-sla.yaml', ...FAST, '--csv', join(d, 'no', 'm.csv')],
      '--csv',
      /does not exist/,
    ],
    ['calibrate --out in a missing folder', (d: string) => ['calibrate', HISTORY, '--out', join(d, 'no', 's.yaml')], '--out', /does not exist/],
  ])('%s', async (_name, args, option, reason) => {
    const dir = tempDir();
    const result = await fairfee(args(dir));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`fairfee: ${option} "`);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr).not.toMatch(/ENOENT|\.tmp/);
    expect(result.stdout).toBe('');
  });

  it('calibrate --out: the history through a linked folder is refused, even with --force', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    const history = join(dir, 'real', 'h.csv');
    writeFileSync(history, readFileSync(HISTORY, 'utf8'));
    symlinkSync(join(dir, 'real'), join(dir, 'link'));
    const result = await fairfee(['calibrate', history, '--out', join(dir, 'link', 'h.csv'), '--force']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out ".*link\/h\.csv": is an input of this command/);
    expect(readFileSync(history, 'utf8')).toBe(readFileSync(HISTORY, 'utf8'));
  });

  it('all or nothing: a good --csv is not written when --trials-csv is bad', async () => {
    const dir = tempDir();
    const result = await fairfee(['run', S, ...FAST, '--csv', join(dir, 'fees.csv'), '--trials-csv', join(dir, 'no', 't.csv')]);
    expect(result.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes every output at the end, without temporary files left', async () => {
    const dir = tempDir();
    const result = await fairfee(['run', S, ...FAST, '--sensitivity-trials', '0', '--csv', join(dir, 'fees.csv'), '--trials-csv', join(dir, 't.csv')]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['fees.csv', 't.csv']);
    expect(readFileSync(join(dir, 't.csv'), 'utf8').trim().split('\r\n')).toHaveLength(301);
    expect(result.stdout).toContain('Break-even flat fee');
  });

  it('a device is written straight through, not replaced', async () => {
    const result = await fairfee(['breakeven', S, ...FAST, '--csv', '/dev/null']);
    expect(result.status, result.stderr).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('--csv a --csv b: exit 2, "--csv given twice"', async () => {
    const dir = tempDir();
    const result = await fairfee(['run', S, ...FAST, '--csv', join(dir, 'a.csv'), '--csv', join(dir, 'b.csv')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--csv given twice');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a table on - (stdout) is all stdout holds', () => {
  it.each([
    ['breakeven --csv -', ['breakeven', S, ...FAST, '--csv', '-'], 'level,name,confidence,clients,fee'],
    ['run --trials-csv -', ['run', S, ...FAST, '--sensitivity-trials', '0', '--trials-csv', '-'], 'trial,net_cost,fee_weight,breakeven_fee'],
    ['compare --plan-csv -', ['compare', S, ...FAST, '--plan-fee', 'basic=90', '--plan-csv', '-'], 'plan,clients,fee,expected_profit'],
    ['sensitivity --csv -', ['sensitivity', S, ...FAST, '--csv', '-'], 'request_type,input,change'],
    ['calibrate --out -', ['calibrate', HISTORY, '--out', '-'], '# Calibrated by `fairfee calibrate`'],
  ])('%s: the table, and no report', async (_name, args, start) => {
    const result = await fairfee(args);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.startsWith(start)).toBe(true);
    expect(result.stdout).not.toMatch(/Break-even flat fee|simulated terms, seed|Fitted/);
  });

  it.each([
    ['--csv - with --json', ['run', S, ...FAST, '--csv', '-', '--json'], /--csv - writes the table to stdout, where --json writes its document/],
    ['two tables on -', ['run', S, ...FAST, '--csv', '-', '--trials-csv', '-'], /--csv - and --trials-csv -: stdout holds one thing/],
    ['calibrate --out - --json', ['calibrate', HISTORY, '--out', '-', '--json'], /--out - writes the table to stdout/],
  ])('refuses %s (exit 2)', async (_name, args, message) => {
    const result = await fairfee(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('the CSV on stdout parses as the file would', async () => {
    const dir = tempDir();
    const file = join(dir, 'f.csv');
    const toFile = await fairfee(['breakeven', S, ...FAST, '--csv', file]);
    const toStdout = await fairfee(['breakeven', S, ...FAST, '--csv', '-']);
    expect(toFile.status).toBe(0);
    expect(parse(toStdout.stdout)).toEqual(parse(readFileSync(file, 'utf8')));
    expect(existsSync(file)).toBe(true);
  });
});
