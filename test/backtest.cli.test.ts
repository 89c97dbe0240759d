import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fairfee, fairfeeBuilt, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

/*
 * `fairfee backtest` as a user runs it, through main() in this process (test/helpers/cli.ts):
 * the shipped history against the scenario calibrated from it, the outputs, and histories that
 * must be refused (exit 2, file and line) or only warned about.
 */

const EXAMPLE = 'scenarios/history-example.csv';
const RUN = ['--trials', '2000', '--seed', '3', '--workers', '1'];

/** A scenario of one plan covering `edit`, one segment of `count` clients (and named ones). */
function scenarioFile(dir: string, clients: Record<string, unknown>[] = [{ name: 'clients', plan: 'basic', count: 3 }]): string {
  return writeScenario(dir, 's.json', baseDocument({ clients }));
}

/** A history file of `rows` (date, client, type, hours) under a header. */
function historyFile(dir: string, rows: readonly string[], header = 'date,client,type,hours'): string {
  const path = join(dir, 'h.csv');
  writeFileSync(path, `${[header, ...rows].join('\n')}\n`);
  return path;
}

/** One edit a month for each client over `months` months from January 2024. */
function monthly(clients: readonly string[], months: number): string[] {
  const rows: string[] = [];
  for (let m = 0; m < months; m++) {
    const date = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-10`;
    for (const c of clients) rows.push(`${date},${c},edit,1`);
  }
  return rows;
}

describe('fairfee backtest', () => {
  it("ships scenarios/calibrated-example.yaml as calibrate writes it from the shipped history (the README's backtest uses it)", async () => {
    const out = join(tempDir(), 'cal.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out, '--name', 'Calibrated from history-example.csv']);
    expect(result.status, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('scenarios/calibrated-example.yaml', 'utf8'));
  });

  it('holds the scenario calibrated from the shipped history against it: a row per client, the verdict and the fee line', async () => {
    const dir = tempDir();
    const scenario = join(dir, 'cal.yaml');
    expect((await fairfee(['calibrate', EXAMPLE, '--out', scenario])).status).toBe(0);
    const result = await fairfee(['backtest', scenario, EXAMPLE, ...RUN]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/window 1: 2024-01 to 2024-12, 20 clients/);
    expect(result.stdout).toMatch(/Bakkerij Jansen +1 +by name/);
    expect(result.stdout).toMatch(/KS test of uniformity +D = [\d.]+, p = /);
    expect(result.stdout).toMatch(/Verdict: (calibrated|too narrow)/);
    expect(result.stdout).toMatch(/What would the fee have been: the scenario's break-even fee is EUR [\d.]+ per client-month/);
    expect(result.stdout).toMatch(/window 1 \(2024-01 to 2024-12\) needed EUR [\d.]+ per client-month/);
  });

  it('calibrate --json has the credibility of docs/interface.md; --window-months is checked', async () => {
    const out = join(tempDir(), 'cal.yaml');
    const result = await fairfee(['calibrate', EXAMPLE, '--out', out, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const support = JSON.parse(result.stdout).credibility.support_call;
    expect(Object.keys(support)).toEqual(expect.arrayContaining(['within_variance', 'between_variance', 'collective_mean', 'clients']));
    expect(support.significant).toBe(true);
    const bakkerij = support.clients['Bakkerij Jansen'];
    expect(bakkerij.months).toBe(12);
    expect(bakkerij.estimate).toBeCloseTo(bakkerij.factor * bakkerij.mean + (1 - bakkerij.factor) * support.collective_mean, 12);
    const both = await fairfee(['calibrate', EXAMPLE, '--out', join(tempDir(), 'x.yaml'), '--window-months', '6', '--months', '6']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/--window-months N fits the last N months, so the window is N months: leave out --months/);
    const zero = await fairfee(['calibrate', EXAMPLE, '--out', join(tempDir(), 'x.yaml'), '--window-months', '0']);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/--window-months must be a whole number from 1 to/);
  });

  it('--json has the identity fields, windows, clients and portfolio of docs/interface.md', async () => {
    const dir = tempDir();
    const scenario = join(dir, 'cal.yaml');
    expect((await fairfee(['calibrate', EXAMPLE, '--out', scenario])).status).toBe(0);
    const result = await fairfee(['backtest', scenario, EXAMPLE, ...RUN, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    // `clients` is the backtest's list of client-windows (docs/interface.md, backtest); the
    // scenario's client count, which other commands give as `clients`, is `scenario_clients`.
    expect(json).toMatchObject({ scenario: 'Calibrated from history-example.csv', trials: 2000, seed: 3, term_months: 12, scenario_clients: 20 });
    expect(json.windows).toEqual([expect.objectContaining({ window: 1, first_month: '2024-01', last_month: '2024-12', clients: 20 })]);
    expect(json.clients).toHaveLength(20);
    for (const row of json.clients) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['client', 'window', 'actual_hours', 'expected_hours', 'actual_to_expected', 'pit']));
      expect(row.pit).toBeGreaterThanOrEqual(0);
      expect(row.pit).toBeLessThanOrEqual(1);
    }
    const p = json.portfolio;
    expect(Object.keys(p)).toEqual(
      expect.arrayContaining(['pit_histogram', 'ks_statistic', 'ks_p_value', 'coverage_50', 'coverage_90', 'actual_to_expected', 'z', 'verdict']),
    );
    expect(p.pit_histogram).toHaveLength(10);
    expect(p.pit_histogram.reduce((s: number, c: number) => s + c, 0)).toBe(20);
    // The total of the actuals is the history's covered hours (every type covered, no increment).
    expect(p.actual_hours).toBeCloseTo(
      json.clients.reduce((s: number, r: { actual_hours: number }) => s + r.actual_hours, 0),
      9,
    );
    expect(['calibrated', 'too optimistic', 'too pessimistic', 'too narrow']).toContain(p.verdict);
  });

  it('gives the same document on worker threads (the built command) as on this thread', async () => {
    const args = ['backtest', 'scenarios/calibrated-example.yaml', EXAMPLE, '--trials', '3000', '--seed', '9', '--json'];
    const here = await fairfee([...args, '--workers', '1']);
    const threads = fairfeeBuilt([...args, '--workers', '2']);
    expect(threads.status, threads.stderr).toBe(0);
    expect(threads.stdout).toBe(here.stdout);
  });

  it('--csv writes one row per client and window, in both dialects', async () => {
    const dir = tempDir();
    const scenario = scenarioFile(dir);
    const history = historyFile(
      dir,
      monthly(['a', 'b', 'c'], 24).map((row) => `${row}`),
      'date,client,type,hours',
    );
    const csv = join(dir, 'rows.csv');
    const result = await fairfee(['backtest', scenario, history, ...RUN, '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      'client,window,months,matched_to,matched_by,tickets,actual_hours,expected_hours,actual_to_expected,pit,hours_p25,hours_p75,hours_p05,hours_p95,actual_net_cost,expected_net_cost,net_cost_pit',
    );
    expect(lines).toHaveLength(1 + 3 * 2);
    // 12 edits of 1 h; expected 12 h up to Monte Carlo error (2,000 trials).
    expect(lines[1]).toMatch(/^a,1,2024-01 to 2024-12,clients,plan,12,12,1[12]\.\d+,[01]\.\d+,0\.\d+,/);
    const nl = join(dir, 'rows-nl.csv');
    expect((await fairfee(['backtest', scenario, history, ...RUN, '--csv', nl, '--csv-dialect', 'excel-nl'])).status).toBe(0);
    const dutch = readFileSync(nl, 'utf8');
    expect(dutch.startsWith('\uFEFFclient;window;')).toBe(true);
    expect(dutch).toMatch(/\r\nb;2;2025-01 to 2025-12;clients;plan;12;12;1[12],\d+;[01],\d+;0,\d+/);
  });

  it('calls the scenario too optimistic when clients asked far more than it expects', async () => {
    const dir = tempDir();
    // The scenario: one edit of 1 h a month per client; the history: three.
    const rows = monthly(['a', 'b', 'c', 'd', 'e', 'f'], 12).flatMap((row) => [row, row.replace(',1', ',1.0'), row.replace(',1', ',1.00')]);
    const result = await fairfee(['backtest', scenarioFile(dir, [{ name: 'clients', plan: 'basic', count: 6 }]), historyFile(dir, rows), ...RUN, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const p = JSON.parse(result.stdout).portfolio;
    expect(p.actual_to_expected).toBeCloseTo(3, 1);
    expect(p.verdict).toBe('too optimistic');
    expect(p.verdict_text).toMatch(/the scenario expects 67% fewer hours than happened; its rates are too low: run calibrate again/);
  });
});

describe('fairfee backtest refuses histories it cannot hold a scenario against (exit 2), and warns where the result stands', () => {
  it('a history shorter than one term', async () => {
    const dir = tempDir();
    const history = historyFile(dir, monthly(['a'], 7));
    const result = await fairfee(['backtest', scenarioFile(dir), history, ...RUN]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${history}: covers 7 calendar months (from 2024-01), fewer than the scenario's term of 12 months`);
  });

  it('a window with no rows, naming the lines around the gap', async () => {
    const dir = tempDir();
    const rows = [...monthly(['a'], 12), '2026-01-10,a,edit,1', '2026-12-10,a,edit,1'];
    const history = historyFile(dir, rows);
    const result = await fairfee(['backtest', scenarioFile(dir), history, ...RUN]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `${history}: after line 13: has no rows in window 2 (2025-01 to 2025-12): line 13 (2024-12-10) is the last before it, line 14 (2026-01-10) the first after it`,
    );
  });

  it('clients the scenario has no place for, each with its line', async () => {
    const dir = tempDir();
    const scenario = scenarioFile(dir, [
      { name: 'Acme', plan: 'basic' },
      { name: 'Bakkerij', plan: 'basic' },
    ]);
    const rows = [...monthly(['Acme', 'Bakkerij'], 12), '2024-03-01,Kapsalon,edit,1'];
    const history = historyFile(dir, rows);
    const result = await fairfee(['backtest', scenario, history, ...RUN]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${history}: line 26: client "Kapsalon": no client of that name in the scenario, and every scenario client is a named one`);
    expect(result.stderr).toMatch(/the scenario's clients: Acme \(basic\), Bakkerij \(basic\)/);
    // With a plan column that names none of the scenario's plans.
    const withPlan = historyFile(dir, ['2024-01-01,Kapsalon,edit,1,Gold', ...monthly(['Acme'], 12).map((r) => `${r},basic`)], 'date,client,type,hours,plan');
    const planned = await fairfee(['backtest', scenario, withPlan, ...RUN]);
    expect(planned.status).toBe(2);
    expect(planned.stderr).toContain(
      'line 2: client "Kapsalon": no client of that name in the scenario, and its plan "Gold" is none of the scenario\'s plans (basic)',
    );
  });

  it('rows repeated in every cell (an export pasted twice)', async () => {
    const dir = tempDir();
    const rows = monthly(['a'], 12);
    const history = historyFile(dir, [...rows.slice(0, 3), rows[2], ...rows.slice(3)]);
    const result = await fairfee(['backtest', scenarioFile(dir), history, ...RUN]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${history}: line 5: repeats line 4 in every cell`);
    expect(result.stderr).toMatch(/would count the same work twice: remove the copies/);
  });

  it('dates out of order only warn: rows are grouped by month, so the figures stand', async () => {
    const dir = tempDir();
    const rows = monthly(['a', 'b'], 12);
    const scenario = scenarioFile(dir);
    const sorted = await fairfee(['backtest', scenario, historyFile(dir, rows), ...RUN, '--json']);
    const history = historyFile(dir, [...rows].reverse());
    const result = await fairfee(['backtest', scenario, history, ...RUN, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: .*h\.csv: dates are not in order: line 3 \(2024-12-10\) comes after line 2 \(2024-12-10\)|warning: .*dates are not in order: line 4 \(2024-11-10\) comes after line 3 \(2024-12-10\)/,
    );
    expect(JSON.parse(result.stdout).portfolio.actual_hours).toBe(JSON.parse(sorted.stdout).portfolio.actual_hours);
  });

  it('named scenario clients missing from the history, and request types the scenario does not know, only warn', async () => {
    const dir = tempDir();
    const scenario = scenarioFile(dir, [
      { name: 'Acme', plan: 'basic' },
      { name: 'Gone', plan: 'basic' },
    ]);
    const history = historyFile(dir, [...monthly(['Acme'], 12), '2024-05-05,Acme,Hosting,2']);
    const result = await fairfee(['backtest', scenario, history, ...RUN, '--json']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 named clients of the scenario have no tickets in the history and are left out: Gone/);
    expect(result.stderr).toMatch(/request types the scenario does not know count as uncovered work: "Hosting" \(1 tickets\)/);
    expect(JSON.parse(result.stdout).clients.map((c: { client: string }) => c.client)).toEqual(['Acme']);
  });

  it('refuses --trials-csv (each client is a run of its own)', async () => {
    const dir = tempDir();
    const result = await fairfee(['backtest', scenarioFile(dir), historyFile(dir, monthly(['a'], 12)), '--trials-csv', join(dir, 't.csv')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--trials-csv is not written by backtest/);
  });
});
