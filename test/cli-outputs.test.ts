import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { WithoutSharedShocks } from '../src/analysis/sharedShocks.js';
import { formatSharedShocks } from '../src/report/sharedShocksText.js';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

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

describe('several --confidence levels: the figures of one level say which', () => {
  it('risk loading, pooling benefit and shared shocks are labelled with the headline level', async () => {
    const result = await fairfee(['breakeven', S, ...FAST, '--confidence', '0.9', '0.95']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Risk loading at 90\.0% +\d/m);
    expect(result.stdout).toMatch(/^Pooling benefit at 90\.0% +EUR/m);
    expect(result.stdout).toMatch(/^Shared shocks \(.*\), break-even fees at 90\.0%/m);
  });

  it('one level: the labels stay as they were', async () => {
    const result = await fairfee(['breakeven', S, ...FAST]);
    expect(result.stdout).toMatch(/^Risk loading {2,}\d/m);
    expect(result.stdout).not.toMatch(/(Risk loading|Pooling benefit|break-even fees) at/);
  });
});

describe('text and JSON keep their meaning when a ratio is undefined', () => {
  const dir = tempDir();
  const idle = writeScenario(dir, 'idle.json', baseDocument({ request_types: { edit: { category: 'perfective', frequency: { per_month: 0 }, effort: 1 } } }));
  const empty = writeScenario(dir, 'empty.json', baseDocument({ plans: { basic: { covers: ['edit'] }, empty: { covers: ['edit'] } } }));
  const cheap = writeScenario(dir, 'cheap.json', baseDocument({ plans: { basic: { covers: [] } } }));
  const RUN = ['--trials', '300', '--seed', '1', '--quiet', '--sensitivity-trials', '0'];

  it.each([
    ['fair fee 0', idle, 'Risk loading                             n/a (fair fee is 0)', { key: 'risk_loading_note', note: 'fair fee is 0' }],
    ['a plan with no clients', empty, 'empty  flat, per month         0          -  n/a (no clients)', { key: 'standalone_fee_note', note: 'no clients' }],
  ])('%s: n/a with the reason, never NaN; JSON null with a note', async (_name, file, line, { key, note }) => {
    const text = await fairfee(['run', file, ...RUN]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain(line);
    expect(text.stdout).not.toMatch(/NaN|Infinity/);
    const json = await fairfee(['run', file, ...RUN, '--json']);
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
    expect(json.stdout).toContain(`"${key}": "${note}"`);
    // Every null has its note.
    const document = JSON.parse(json.stdout);
    const bare: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (value === null || typeof value !== 'object') return;
      // A null in an array ([null, null]) has its note beside the array's key.
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) walk(item, `${path}[${i}]`);
        return;
      }
      for (const [k, v] of Object.entries(value)) {
        const holdsNull = v === null || (Array.isArray(v) && v.includes(null));
        if (holdsNull && !(`${k}_note` in value)) bare.push(`${path}.${k}`);
        walk(v, `${path}.${k}`);
      }
    };
    walk(document, '');
    expect(bare).toEqual([]);
  });

  it('a histogram of negative fees reads −9 to −7, not -9 – -7', async () => {
    const result = await fairfee(['run', cheap, ...RUN]);
    expect(result.status, result.stderr).toBe(0);
    const bins = result.stdout.split('Which fee would have just covered')[1];
    expect(bins).toMatch(/^\s*−\d+(\.\d+)? to −\d+(\.\d+)? /m);
    expect(bins).not.toMatch(/-\d+ – -\d+/);
  });
});

describe('CSV tables round by column kind; --trials-csv keeps full precision', () => {
  const decimals = (cell: string) => (cell.includes('.') ? cell.split('.')[1].length : 0);
  it.each([
    ['breakeven --csv', ['breakeven', S, ...FAST], '--csv', { fee: 2, fair_fee: 2, standalone_fee: 2, indifferent_fee: 2, overpay_probability: 4 }],
    [
      'compare --csv',
      ['compare', S, ...FAST],
      '--csv',
      { expected_profit: 2, value_at_risk: 2, margin_per_hour: 2, loss_probability: 4, overpay_probability: 4 },
    ],
    [
      'compare --plan-csv',
      ['compare', S, ...FAST, '--plan-fee', 'basic=90.5'],
      '--plan-csv',
      { fee: 2, expected_profit: 2, premium_per_month: 2, loss_probability: 4, overpay_probability: 4 },
    ],
    ['sensitivity --csv', ['sensitivity', S, ...FAST], '--csv', { fee_low_input: 2, swing: 2, variance_share: 4 }],
  ])('%s', async (_name, args, option, most) => {
    const path = join(tempDir(), 'table.csv');
    const result = await fairfee([...args, option, path]);
    expect(result.status, result.stderr).toBe(0);
    const [header, ...rows]: string[][] = parse(readFileSync(path, 'utf8'));
    for (const [column, max] of Object.entries(most)) {
      const i = header.indexOf(column);
      expect(i, column).toBeGreaterThanOrEqual(0);
      const cells = rows.map((row) => row[i]).filter((cell) => cell !== '');
      expect(cells.length, column).toBeGreaterThan(0);
      expect(Math.max(...cells.map(decimals)), column).toBeLessThanOrEqual(max);
    }
  });

  it('--trials-csv is not rounded', async () => {
    const path = join(tempDir(), 'trials.csv');
    const result = await fairfee(['breakeven', S, ...FAST, '--trials-csv', path]);
    expect(result.status, result.stderr).toBe(0);
    const [, ...rows]: string[][] = parse(readFileSync(path, 'utf8'));
    expect(Math.max(...rows.map((row) => decimals(row[3])))).toBeGreaterThan(4);
  });
});

describe('a negative cost of shared shocks says why', () => {
  const result = (cost: number, interval: [number, number]): WithoutSharedShocks => ({
    trials: 2000,
    breakeven_fee: 100,
    breakeven_fee_interval: interval,
    fair_fee: 90,
    pooling_benefit: 10,
    with_shocks_fee: 100 + cost,
    shared_shocks_cost: cost,
    pooling_benefit_change: 0,
  });
  it.each([
    ['within the Monte Carlo error', result(-0.5, [98, 102]), /below zero, but within the Monte Carlo error of ±2\.00/],
    ['beyond it', result(-5, [99, 101]), /below zero: at this sample size the shocks damp the tail/],
  ])('%s', (_name, shocks, message) => {
    expect(formatSharedShocks(shocks, 2000, 'EUR')).toMatch(message);
  });
  it('a cost ≥ 0 has no note', () => {
    expect(formatSharedShocks(result(3, [98, 102]), 2000, 'EUR')).not.toMatch(/below zero/);
  });
});
