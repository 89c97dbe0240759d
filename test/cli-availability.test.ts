import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir } from './helpers/cli.js';

describe('fairfee availability', () => {
  it('--series 0.99 0.996 answers without a scenario: 98.604% exact, 98.6% additive', async () => {
    const result = await fairfee(['availability', '--series', '0.99', '0.996', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.series_availability).toBeCloseTo(0.98604, 12);
    expect(json.additive_bound).toBeCloseTo(0.986, 12);
    const text = (await fairfee(['availability', '--series', '0.99', '0.996'])).stdout;
    expect(text).toContain('98.604%');
  });

  it('a scenario: docs/interface.md fields plus the run identity; CSV of the monthly distribution', async () => {
    const dir = tempDir();
    const csv = join(dir, 'months.csv');
    const result = await fairfee(['availability', 'scenarios/hosting-sla.yaml', '--trials', '2000', '--seed', '4', '--json', '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    for (const key of [
      'scenario',
      'trials',
      'seed',
      'term_months',
      'clients',
      'series_availability',
      'additive_bound',
      'simulated',
      'expected_credit_per_month',
    ]) {
      expect(json, key).toHaveProperty(key);
    }
    for (const key of ['mean', 'p05', 'p50', 'below_promised_probability']) expect(json.simulated, key).toHaveProperty(key);
    expect(json.series_availability).toBeCloseTo(0.99 * 0.996 * json.components[2].availability, 12);
    const rows: string[][] = parse(readFileSync(csv, 'utf8'));
    expect(rows[0]).toEqual(['quantile', 'availability', 'downtime_hours', 'credit_share']);
  });

  it('bad input exits 2', async () => {
    expect((await fairfee(['availability', '--series', '0.99', '1.5'])).status).toBe(2);
    expect((await fairfee(['availability'])).status).toBe(2);
    const missing = await fairfee(['availability', 'scenarios/freelancer.yaml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('availability: is missing');
  });
});

describe('fairfee availability states its outage-length assumption', () => {
  it('prints mean_outage_hours beside P(month below) and the figure at 1 h and 8 h', async () => {
    const result = await fairfee(['availability', 'scenarios/sla.yaml', '--trials', '500', '--seed', '2', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.simulated.mean_outage_hours).toEqual([4]);
    const at = json.simulated.below_promised_probability_at_mean_outage_hours;
    expect(Object.keys(at)).toEqual(['1', '8']);
    // Longer outages for the same availability: fewer of them, so fewer months below the promise.
    expect(at['8']).toBeLessThan(at['1']);
    const text = (await fairfee(['availability', 'scenarios/sla.yaml', '--trials', '500', '--seed', '2'])).stdout;
    expect(text).toContain('assumes outages of 4.00 h on average (mean_outage_hours)');
    expect(text).toContain('at 1.00 h');
    expect(text).toContain('at 8.00 h');
  });
});
