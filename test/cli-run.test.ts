import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

const SMALL = ['--trials', '2000', '--seed', '7', '--workers', '1'];

describe('fairfee breakeven / run --json', () => {
  it('prints one JSON document with every field of docs/interface.md', async () => {
    const result = await fairfee(['breakeven', 'scenarios/webagency.yaml', ...SMALL, '--confidence', '0.9', '0.95', '0.99', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const key of [
      'scenario',
      'trials',
      'seed',
      'term_months',
      'clients',
      'confidence',
      'breakeven_fee',
      'breakeven_fee_interval',
      'fair_fee',
      'risk_loading',
      'pooling_benefit',
      'hours',
      'net_cost',
      'plans',
      'levels',
    ]) {
      expect(json, key).toHaveProperty(key);
    }
    expect(json.trials).toBe(2000);
    expect(json.seed).toBe(7);
    expect(json.clients).toBe(51);
    expect(Object.keys(json.hours)).toEqual(expect.arrayContaining(['mean', 'p50', 'p95', 'p99']));
    expect(Object.keys(json.net_cost)).toEqual(expect.arrayContaining(['mean', 'sd', 'p05', 'p50', 'p95', 'p99']));
    for (const plan of Object.values(json.plans) as Record<string, unknown>[]) {
      expect(Object.keys(plan)).toEqual(expect.arrayContaining(['clients', 'fee', 'fair_fee', 'standalone_fee', 'overpay_probability']));
    }
    expect(json.levels.map((l: { confidence: number }) => l.confidence)).toEqual([0.9, 0.95, 0.99]);
    expect(json.confidence).toBe(0.9);
    const fees = json.levels.map((l: { breakeven_fee: number }) => l.breakeven_fee);
    expect(fees[0]).toBeLessThanOrEqual(fees[1]);
    expect(fees[1]).toBeLessThanOrEqual(fees[2]);
    const [low, high] = json.breakeven_fee_interval;
    expect(low).toBeLessThanOrEqual(json.breakeven_fee);
    expect(high).toBeGreaterThanOrEqual(json.breakeven_fee);
  });

  it('the same seed gives byte-identical JSON; another seed a different one', async () => {
    const first = await fairfee(['run', 'scenarios/webagency.yaml', ...SMALL, '--json']);
    const second = await fairfee(['run', 'scenarios/webagency.yaml', ...SMALL, '--json']);
    const other = await fairfee(['run', 'scenarios/webagency.yaml', '--trials', '2000', '--seed', '8', '--workers', '1', '--json']);
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(other.stdout).not.toBe(first.stdout);
  });

  // "run without a scenario uses the bundled one": in cli-smoke.test.ts, spawned, as the bundled
  // scenario is found relative to the built package (dist/), not to src/.

  it('without any seed, one is chosen and printed so the run can be repeated', async () => {
    const dir = tempDir();
    const document = baseDocument();
    delete document.seed;
    const file = writeScenario(dir, 'noseed.json', document);
    const result = await fairfee(['breakeven', file, '--trials', '500', '--json']);
    expect(result.status).toBe(0);
    const seed = JSON.parse(result.stdout).seed;
    expect(result.stderr).toContain(`--seed ${seed}`);
    const again = await fairfee(['breakeven', file, '--trials', '500', '--json', '--seed', String(seed)]);
    expect(again.stdout).toBe(result.stdout);
  });
});

describe('bad input exits 2 with a message naming the file and key path', () => {
  const dir = tempDir();
  it.each([
    ['typo.json', baseDocument({ trails: 5 }), 'unknown key "trails"'],
    [
      'negative.json',
      baseDocument({ request_types: { edit: { category: 'perfective', frequency: { per_month: -2 }, effort: 1 } } }),
      'request_types.edit.frequency.per_month',
    ],
    [
      'probability.json',
      baseDocument({ request_types: { edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1, overrun: { probability: 1.5, factor: 2 } } } }),
      'request_types.edit.overrun.probability',
    ],
    ['covers.json', baseDocument({ plans: { basic: { covers: ['edit', 'seo'] } } }), 'plans.basic.covers[1]'],
    ['empty.yaml', '', 'the file is empty'],
  ])('%s', async (name, content, message) => {
    const file = writeScenario(dir, name, content);
    for (const command of ['run', 'breakeven', 'validate']) {
      const result = await fairfee(command === 'validate' ? [command, file] : [command, file, '--trials', '100']);
      expect(result.status, `${command}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain(file);
      expect(result.stderr).toContain(message);
      expect(result.stdout).toBe('');
    }
  });

  it('a missing file, a bad option value and an unknown option', async () => {
    expect((await fairfee(['run', 'nope.yaml'])).status).toBe(2);
    expect((await fairfee(['run', 'nope.yaml'])).stderr).toContain('nope.yaml: cannot read the file: no such file');
    const badTrials = await fairfee(['run', '--trials', '0']);
    expect(badTrials.status).toBe(2);
    expect(badTrials.stderr).toContain('--trials must be a whole number from 1 to 10,000,000');
    expect((await fairfee(['run', '--confidence', '1.5'])).status).toBe(2);
    expect((await fairfee(['run', '--trails', '5'])).status).toBe(2);
    expect((await fairfee(['run', '--csv-dialect', 'excel-fr'])).status).toBe(2);
  });

  it('validate prints a one-line summary for a good file', async () => {
    const result = await fairfee(['validate', 'scenarios/webagency.yaml']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toContain('51 clients');
  });
});

describe('CSV output', () => {
  it('excel-nl: semicolons, decimal comma, BOM; parses back to the JSON numbers', async () => {
    const dir = tempDir();
    const csvPath = join(dir, 'fees.csv');
    const result = await fairfee(['breakeven', 'scenarios/webagency.yaml', ...SMALL, '--json', '--csv', csvPath, '--csv-dialect', 'excel-nl']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1), { delimiter: ';' });
    expect(rows[0]).toContain('fee');
    const portfolio = rows.find((r) => r[0] === 'portfolio' && r[2] === '0,95')!;
    const fee = Number(portfolio[rows[0].indexOf('fee')].replace(',', '.'));
    expect(portfolio[rows[0].indexOf('fee')]).toMatch(/^\d+,\d+$/);
    // CSV money is rounded to cents (docs/interface.md, "CSV tables").
    expect(fee).toBeCloseTo(json.breakeven_fee, 2);
  });

  it('rfc4180 with a formula-like client name is neutralised', async () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'formula.json',
      baseDocument({ clients: [{ name: '=HYPERLINK("http://x","y")', plan: 'basic' }], plans: { '=cmd': { covers: ['edit'] } } }),
    );
    expect((await fairfee(['validate', file])).status).toBe(2);
    const ok = writeScenario(
      dir,
      'formula2.json',
      baseDocument({
        clients: [
          { name: '=HYPERLINK("http://x","y")', plan: 'basic' },
          { name: '-2+3', plan: 'basic' },
        ],
      }),
    );
    const csvPath = join(dir, 'fees.csv');
    const trialsPath = join(dir, 'trials.csv');
    const result = await fairfee(['run', ok, '--trials', '50', '--seed', '1', '--csv', csvPath, '--trials-csv', trialsPath, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const rows: string[][] = parse(readFileSync(csvPath, 'utf8'));
    const names = rows.filter((r) => r[0] === 'client').map((r) => r[1]);
    expect(names).toEqual(['\'=HYPERLINK("http://x","y")', "'-2+3"]);
    const trials: string[][] = parse(readFileSync(trialsPath, 'utf8'));
    expect(trials).toHaveLength(51);
    expect(trials[0].slice(0, 4)).toEqual(['trial', 'net_cost', 'fee_weight', 'breakeven_fee']);
    expect(Number(trials[1][3])).toBeCloseTo(Number(trials[1][1]) / Number(trials[1][2]), 8);
  });

  it('an unwritable CSV path fails with exit 2 before the run and leaves no partial file', async () => {
    const dir = tempDir();
    const target = join(dir, 'missing-folder', 'out.csv');
    const result = await fairfee(['breakeven', 'scenarios/webagency.yaml', '--trials', '200', '--seed', '1', '--csv', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('out.csv');
    expect(result.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
