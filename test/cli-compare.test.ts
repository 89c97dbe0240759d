import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir } from './helpers/cli.js';

const FAST = ['--seed', '3', '--workers', '1'];

describe('fairfee compare', () => {
  it('--json rows carry every field of docs/interface.md, monotone in the fee', async () => {
    const result = await fairfee(['compare', 'scenarios/webagency.yaml', '--trials', '2000', ...FAST, '--fees', '80', '100', '120', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.rows.map((r: { fee: number }) => r.fee)).toEqual([80, 100, 120]);
    for (const row of json.rows) {
      for (const key of [
        'fee',
        'loss_probability',
        'expected_profit',
        'profit_p05',
        'value_at_risk',
        'expected_shortfall',
        'overpay_probability',
        'margin_per_hour',
      ]) {
        expect(row, key).toHaveProperty(key);
      }
      expect(row.expected_shortfall).toBeGreaterThanOrEqual(row.value_at_risk);
    }
    expect(json.rows[0].loss_probability).toBeGreaterThanOrEqual(json.rows[2].loss_probability);
    expect(json.price_list.plans.map((p: { plan: string }) => p.plan)).toEqual(['basic', 'plus', 'care']);
  });

  it('--from/--to/--step and --plan-fee; excel-nl CSV opens as numbers', async () => {
    const dir = tempDir();
    const csv = join(dir, 'out.csv');
    const result = await fairfee([
      'compare',
      'scenarios/webagency.yaml',
      '--trials',
      '1000',
      ...FAST,
      '--from',
      '70',
      '--to',
      '130',
      '--step',
      '10',
      '--plan-fee',
      'basic=60',
      '--csv',
      csv,
      '--csv-dialect',
      'excel-nl',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Price list: basic 60, plus 160, care 260');
    const rows: string[][] = parse(readFileSync(csv, 'utf8').replace(/^\uFEFF/, ''), { delimiter: ';' });
    expect(rows).toHaveLength(8);
    expect(rows[1][0]).toBe('70');
    expect(rows[1][1]).toMatch(/^\d(,\d+)?$/);
  });

  it('bad fee options exit 2', async () => {
    for (const args of [
      ['--fees', '80', '--from', '1'],
      ['--from', '100', '--to', '50', '--step', '5'],
      ['--from', '0', '--to', '50', '--step', '0'],
      ['--plan-fee', 'gold=10'],
      ['--plan-fee', 'basic=-3'],
      ['--precision', '150%'],
    ]) {
      const result = await fairfee(['compare', 'scenarios/webagency.yaml', '--trials', '100', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
    }
  });
});

describe('precision control', () => {
  it('adds trials until the break-even fee is within ±0.5%', async () => {
    const result = await fairfee(['breakeven', 'scenarios/webagency.yaml', '--trials', '1000', ...FAST, '--precision', '0.5%', '--no-shared-shocks', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.precision.reached).toBe(true);
    expect(json.precision.achieved).toBeLessThanOrEqual(0.005);
    expect(json.trials).toBeGreaterThan(1000);
    const [low, high] = json.breakeven_fee_interval;
    expect(high - json.breakeven_fee).toBeLessThanOrEqual(0.005 * json.breakeven_fee);
    expect(json.breakeven_fee - low).toBeLessThanOrEqual(0.005 * json.breakeven_fee);
    expect(json.trials).toBe(json.precision.trials);
  });

  it('says so when the cap is reached first', async () => {
    const result = await fairfee([
      'breakeven',
      'scenarios/webagency.yaml',
      '--trials',
      '1000',
      ...FAST,
      '--precision',
      '0.05%',
      '--max-trials',
      '2000',
      '--no-shared-shocks',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Precision NOT reached: the cap of 2,000 trials');
  });
});

describe('fairfee sensitivity', () => {
  it('prints a tornado sorted by swing, with variance shares and advice', async () => {
    const result = await fairfee(['sensitivity', 'scenarios/freelancer.yaml', '--trials', '500', ...FAST, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    const swings = json.rows.map((r: { swing: number }) => r.swing);
    expect(swings).toEqual([...swings].sort((a: number, b: number) => b - a));
    expect(Object.keys(json.variance_shares)).toEqual(['content_update', 'bugfix', 'updates', 'question']);
    // The freelancer's one plan caps every type: the advice must not ask for a cap it already has.
    expect(json.advice).toMatch(/already capped/);
    expect(json.advice).not.toMatch(/put a cap/);
    expect(json.rows.some((r: { input: string; plan?: string }) => r.input === 'included_hours' && r.plan === 'care')).toBe(true);
  });
});
