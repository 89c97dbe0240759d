import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { MAX_FILE_BYTES } from '../src/scenario/limits.js';
import { fairfee, tempDir } from './helpers/cli.js';

/*
 * `fairfee calibrate` as a user runs it: the whole command through main(), in this process
 * (test/helpers/cli.ts).
 */

const EXAMPLE = 'scenarios/history-example.csv';

describe('fairfee calibrate', () => {
  it('fits the bundled example history, writes a scenario that validates and runs, and prints a summary', async () => {
    const out = join(tempDir(), 'calibrated.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    for (const type of ['text_edit', 'support_call', 'plugin_update', 'bug_fix', 'new_page']) expect(result.stdout).toContain(type);
    expect(result.stdout).toMatch(/per client-month/);
    expect(result.stdout).toMatch(/marked DEFAULT in the file: cost_per_hour 55 .*hourly_rate 85/);
    const text = readFileSync(out, 'utf8');
    const scenario = parseScenario(text, out);
    expect(scenario.plans.map((p) => p.name)).toEqual(['basic', 'plus']);
    expect(scenario.clients.reduce((s, c) => s + c.count, 0)).toBe(20);
    expect(scenario.trials).toBe(20000);
    expect(text).toMatch(/# \d+ requests \/ \(20 clients × 12 months\) = [\d.]+ ± [\d.]+ per client-month/);
    const run = await fairfee(['run', out, '--trials', '1000', '--seed', '1', '--workers', '1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).breakeven_fee).toBeGreaterThan(0);
  });

  it('writes the same file for the same history (the seed comes from the history)', async () => {
    const dir = tempDir();
    expect((await fairfee(['calibrate', EXAMPLE, '--out', join(dir, 'a.yaml')])).status).toBe(0);
    expect((await fairfee(['calibrate', EXAMPLE, '--out', join(dir, 'b.yaml')])).status).toBe(0);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'b.yaml'), 'utf8'));
  });

  it('--json prints one JSON document of the fit and nothing else', async () => {
    const out = join(tempDir(), 'c.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out, '--json', '--cost-per-hour', '60', '--hourly-rate', '95', '--seed', '7']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    // The example file: 401 rows, 20 clients, dates 2024-01-01 to 2024-12-31.
    expect(json).toMatchObject({
      seed: 7,
      trials: 20000,
      term_months: 12,
      clients: 20,
      months: 12,
      tickets: 401,
      cost_per_hour: 60,
      hourly_rate: 95,
      defaults: [],
    });
    const bug = json.request_types.bug_fix;
    expect(bug).toMatchObject({ category: 'corrective', category_guessed: true, effort: { dist: 'lognormal' } });
    expect(bug.per_month).toBeCloseTo(bug.requests / (20 * 12), 12);
    expect(Object.keys(json.plans)).toEqual(['basic', 'plus']);
    expect(parseScenario(readFileSync(out, 'utf8'), out)).toMatchObject({ costPerHour: 60, hourlyRate: 95, seed: '7' });
  });

  it('reads a Dutch Excel export and takes --clients, --months, --category, --name, --currency', async () => {
    const dir = tempDir();
    const history = join(dir, 'export.csv');
    const rows = ['\uFEFFDatum;Klant;Soort;Uren'];
    for (let month = 1; month <= 6; month++)
      rows.push(`1${month}-0${month}-2024;Bakkerij Jansen;Storing;1,5`, `0${month}-0${month}-2024;Kapsalon Bloem;Tekst aanpassen;0,5`);
    writeFileSync(history, `${rows.join('\r\n')}\r\n`);
    const out = join(dir, 'p.yaml');
    const result = await fairfee([
      'calibrate',
      history,
      '--out',
      out,
      '--clients',
      '4',
      '--months',
      '12',
      '--category',
      'Storing=corrective',
      '--name',
      'Mijn klanten',
      '--currency',
      'EUR',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    // 6 requests / (4 clients × 12 months)
    expect(json.request_types.storing).toMatchObject({
      per_month: 6 / 48,
      category: 'corrective',
      category_guessed: false,
      effort: { dist: 'fixed', value: 1.5 },
    });
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    // Bakkerij Jansen's storingen differ from the others' by more than chance (credibility), so it is named; 4 clients in all.
    expect([scenario.name, scenario.clients.reduce((s, c) => s + c.count, 0)]).toEqual(['Mijn klanten', 4]);
  });

  it.each([
    [
      'non-numeric hours',
      'date,client,type,hours\n2024-01-05,Acme,bug,1\n2024-01-06,Acme,bug,abc\n',
      /line 3, column hours: must be a number ≥ 0.*\(got "abc"\)/,
    ],
    [
      'negative hours',
      'date,client,type,hours\n2024-01-05,Acme,bug,1\n2024-01-06,Acme,bug,1\n2024-01-07,Acme,bug,-0.5\n',
      /line 4, column hours: must be a number ≥ 0.*\(got "-0.5"\)/,
    ],
    ['a bad date', 'date;client;type;hours\n2024-01-05;Acme;bug;1\n31/01/2024;Acme;bug;1\n', /line 3, column date: must be a date YYYY-MM-DD/],
    ['a missing column', 'date,client,hours\n2024-01-05,Acme,1\n', /line 1: no type column/],
    ['an empty file', '', /the file is empty/],
    ['a header without rows', 'date,client,type,hours\n', /has a header but no rows/],
  ])('exits 2 on %s, naming the file and line, and writes nothing', async (_, content, message) => {
    const dir = tempDir();
    const history = join(dir, 'history.csv');
    writeFileSync(history, content);
    const out = join(dir, 'out.yaml');
    const result = await fairfee(['calibrate', history, '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${history}: `);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 on a missing or too large history', async () => {
    const dir = tempDir();
    const missing = await fairfee(['calibrate', join(dir, 'nope.csv'), '--out', join(dir, 'o.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read the file: no such file/);
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES + 1);
    const tooLarge = await fairfee(['calibrate', big, '--out', join(dir, 'o.yaml')]);
    expect(tooLarge.status).toBe(2);
    expect(tooLarge.stderr).toMatch(/big\.csv: file is [\d,]+ bytes; at most [\d,]+ bytes are read/);
  });

  it.each([
    [['--months', '0'], /--months must be a whole number from 1/],
    [['--clients', '2.5'], /--clients must be a whole number/],
    [['--clients', '3'], /--clients 3 is fewer than the 20 clients/],
    [['--months', '6'], /--months 6 is shorter than the history/],
    [['--category', 'bug_fix=urgent'], /--category takes TYPE=CATEGORY with a category of corrective, adaptive/],
    [['--category', 'bugs=corrective'], /--category: no request type "bugs"/],
    [['--cost-per-hour', '-1'], /--cost-per-hour must be a number ≥ 0/],
    [['--hourly-rate', 'abc'], /--hourly-rate must be a number ≥ 0/],
  ])('exits 2 on bad options %j', async (options, message) => {
    const out = join(tempDir(), 'o.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out, ...options]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 without --out', async () => {
    const result = await fairfee(['calibrate', EXAMPLE]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/out/);
  });

  it('never overwrites an existing file without --force (exit 2, file unchanged), and does with it', async () => {
    const out = join(tempDir(), 'mine.yaml');
    writeFileSync(out, 'my precious scenario\n');
    const refused = await fairfee(['calibrate', EXAMPLE, '--out', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/--out .*mine\.yaml exists; add --force to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe('my precious scenario\n');
    const forced = await fairfee(['calibrate', EXAMPLE, '--out', out, '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Calibrated by `fairfee calibrate`/);
  });

  it('refuses to write over the history itself, even with --force', async () => {
    const dir = tempDir();
    const history = join(dir, 'h.csv');
    const content = readFileSync(EXAMPLE, 'utf8');
    writeFileSync(history, content);
    const result = await fairfee(['calibrate', history, '--out', history, '--force']);
    expect(result.status).toBe(2);
    // Refused by the output check (src/cli/outputFiles.ts), before the history is fitted.
    expect(result.stderr).toMatch(/--out ".*h\.csv": is an input of this command/);
    expect(readFileSync(history, 'utf8')).toBe(content);
  });

  it('exits 2 when --out cannot be written (checked before the fit), leaving no file behind', async () => {
    const dir = tempDir();
    const out = join(dir, 'no-such-folder', 'x.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--out ".*x\.yaml": its folder ".*no-such-folder" does not exist/);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});
