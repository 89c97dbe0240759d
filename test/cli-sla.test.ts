import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir } from './helpers/cli.js';

describe('fairfee sla', () => {
  it('gives the same numbers on one thread and on two (blocks served by workers, added in block order)', async () => {
    const args = ['sla', 'scenarios/sla.yaml', '--trials', '2500', '--seed', '4', '--people', '2', '--json', '--quiet'];
    const one = await fairfee([...args, '--workers', '1']);
    const two = await fairfee([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    // 2,500 trials: three blocks, the last of 500, so a worker served some of them.
    expect(JSON.parse(one.stdout).trials).toBe(2500);
  });

  it('--json: docs/interface.md fields and the run identity; --csv the staffing table', async () => {
    const dir = tempDir();
    const csv = join(dir, 'staffing.csv');
    const result = await fairfee(['sla', 'scenarios/sla.yaml', '--trials', '500', '--seed', '3', '--people', '2', '3', '--json', '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const key of ['scenario', 'trials', 'seed', 'term_months', 'clients', 'plans', 'team', 'staffing']) expect(json, key).toHaveProperty(key);
    expect(Object.keys(json.plans)).toEqual(['plus', 'care']);
    for (const plan of Object.values(json.plans) as Record<string, unknown>[]) {
      for (const key of [
        'response_hours',
        'coverage',
        'breach_probability',
        'breach_probability_standard_error',
        'client_month_breach_probability',
        'response_hours_p50',
        'response_hours_p90',
        'response_hours_p95',
        'expected_penalty_per_client_month',
      ]) {
        expect(plan, key).toHaveProperty(key);
      }
    }
    expect(json.plans.care.coverage).toBe('24x7');
    expect(json.team.people).toBe(3);
    expect(json.team.utilisation).toBeGreaterThan(0);
    expect(json.staffing.map((row: { people: number }) => row.people)).toEqual([2, 3]);
    expect(json.staffing[0].plans.plus).toHaveProperty('breach_probability');
    expect(json.staffing[0].plans.plus).toHaveProperty('expected_penalty_per_client_month');
    // Fewer people, longer waits: the same requests breach at least as often.
    expect(json.staffing[0].plans.plus.breach_probability).toBeGreaterThanOrEqual(json.staffing[1].plans.plus.breach_probability);
    expect(json.staffing[1].plans.plus.breach_probability).toBe(json.plans.plus.breach_probability);
    const rows: string[][] = parse(readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual(['people', 'plan', 'utilisation', 'breach_probability', 'breach_probability_standard_error', 'expected_penalty_per_client_month']);
    expect(rows).toHaveLength(5);
    const nl = join(dir, 'nl.csv');
    expect((await fairfee(['sla', 'scenarios/sla.yaml', '--trials', '200', '--seed', '3', '--csv', nl, '--csv-dialect', 'excel-nl', '--quiet'])).status).toBe(
      0,
    );
    expect(readFileSync(nl, 'utf8').startsWith('\uFEFFpeople;plan;')).toBe(true);
  });

  it('prints the promises, the team and the staffing table', async () => {
    const result = await fairfee(['sla', 'scenarios/sla.yaml', '--trials', '300', '--seed', '3']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('P(breach)');
    expect(result.stdout).toContain('Team: 3 people in business hours');
    expect(result.stdout).toContain('Smallest team keeping P(breach) under 5.0%');
  });

  it.each([
    [['sla', 'scenarios/webagency.yaml', '--trials', '100'], 'team'],
    [['sla', 'scenarios/sla.yaml', '--people', '0'], '--people'],
    [['sla', 'scenarios/sla.yaml', '--max-breach', '1.5'], '--max-breach'],
  ])('%j exits 2 naming %s', async (args, what) => {
    const result = await fairfee(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(what);
  });
});
