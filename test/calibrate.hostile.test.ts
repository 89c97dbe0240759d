import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { fairfee, tempDir } from './helpers/cli.js';

/*
 * `fairfee calibrate` on hostile histories (issue #15): whatever names and numbers a ticket
 * export holds, calibrate writes a scenario that validates (exit 0) or refuses the history with
 * the line (exit 2); never "does not validate (please report this)" (exit 1), and never a raw
 * control or bidi character on the terminal.
 */

/** Control characters, DEL, C1, and the bidi controls (U+061C, U+200E/F, U+202A–E, U+2066–9). */
const RAW = /(?![\n\t])\p{Cc}|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A history file with a header and these rows (each `date,client,type,hours`). */
function history(rows: readonly string[], header = 'date,client,type,hours', name = 'history.csv'): { dir: string; file: string; out: string } {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
  return { dir, file, out: join(dir, 'scenario.yaml') };
}

/** A year of monthly tickets of one type for two clients. */
function yearOf(type: string, hours = '1.5', client = 'Acme'): string[] {
  const rows: string[] = [];
  for (let month = 1; month <= 12; month++)
    rows.push(`2024-${String(month).padStart(2, '0')}-10,${client},${type},${hours}`, `2024-${String(month).padStart(2, '0')}-20,Bob,${type},1`);
  return rows;
}

/** YYYY-MM-DD, `days` from today (UTC). */
const fromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function calibrate(file: string, out: string, ...more: string[]) {
  return fairfee(['calibrate', file, '--out', out, ...more]);
}

describe('calibrate on hostile names and numbers', () => {
  it('type, client and plan names such as constructor, __proto__ and toString give a scenario that validates', async () => {
    const rows = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'].flatMap((type, i) =>
      yearOf(type, String(i + 1), ['constructor', '__proto__', 'toString', 'prototype', 'Acme'][i]).map(
        (row, j) => `${row},${j % 2 ? '__proto__' : 'constructor'}`,
      ),
    );
    const { file, out } = history(rows, 'date,client,type,hours,plan');
    const result = await calibrate(file, out, '--json');
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.request_types.constructor).toMatchObject({ category: 'perfective', category_guessed: true, tickets: 24 });
    expect(Object.keys(json.request_types).sort()).toEqual(['constructor', 'hasownproperty', 'proto', 'tostring', 'valueof']);
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(scenario.requestTypes.map((t) => t.name).sort()).toEqual(['constructor', 'hasownproperty', 'proto', 'tostring', 'valueof']);
    expect(scenario.plans.map((p) => p.name).sort()).toEqual(['constructor', 'proto']);
  });

  it('--category constructor=corrective sets that type and no other', async () => {
    const { file, out } = history([...yearOf('constructor'), ...yearOf('toString')]);
    const result = await calibrate(file, out, '--json', '--category', 'constructor=corrective');
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.request_types.constructor).toMatchObject({ category: 'corrective', category_guessed: false });
    expect(json.request_types.tostring).toMatchObject({ category: 'perfective', category_guessed: true });
  });

  it('hours with many digits, tiny hours and hours as minutes give numbers the scenario reads back', async () => {
    const many = ['0.333333333333333333333', '"0,666666666666666666666666"', '1:20', `0.${'0'.repeat(300)}1`, '0.000001', '9999.99999999999999999'];
    const rows = many.flatMap((hours, i) => yearOf(`type${i}`, hours));
    // One more type with two tickets of nearly the same many-digit hours: a lognormal of ~0 sigma.
    for (let i = 0; i < 12; i++) rows.push(`2024-03-0${1 + (i % 9)},Acme,near,${i % 2 ? '0.33333333333333331' : '0.333333333333333333333'}`);
    const { file, out } = history(rows);
    const result = await calibrate(file, out);
    expect(result.status, result.stderr).toBe(0);
    const scenario = parseScenario(readFileSync(out, 'utf8'), out);
    expect(scenario.requestTypes).toHaveLength(many.length + 1);
    const run = await fairfee(['breakeven', out, '--trials', '200', '--seed', '1', '--workers', '1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(Number.isFinite(JSON.parse(run.stdout).breakeven_fee)).toBe(true);
  });

  it('refuses hours too large for one ticket (a 400-digit number is Infinity) with the line, exit 2', async () => {
    const { file, out } = history([...yearOf('edit'), `2024-05-05,Acme,edit,${'9'.repeat(400)}`, '2024-06-05,Acme,edit,10001']);
    const result = await calibrate(file, out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/history\.csv: line 26, column hours: must be at most 10,000 hours for one ticket/);
    expect(result.stderr).toMatch(/line 27, column hours: must be at most 10,000 hours/);
    expect(result.stderr).not.toMatch(/please report/);
  });

  it('refuses a name with a control character, naming the line, the column and the escaped character (exit 2)', async () => {
    const { file, out } = history([
      ...yearOf('edit'),
      '2024-05-05,Acme\u001b[31m,edit,1',
      '2024-05-06,Acme,bug\u0007,1',
      '2024-05-07,Acme,"fix\nnow",1',
      '2024-05-08,Acme\u0085,edit,1',
    ]);
    const result = await calibrate(file, out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('line 26, column client: holds the control character \\u001b at character 5');
    expect(result.stderr).toContain('line 27, column type: holds the control character \\u0007');
    expect(result.stderr).toContain('line 28, column type: holds the control character \\u000a');
    expect(result.stderr).toContain('line 30, column client: holds the control character \\u0085');
    expect(result.stderr).not.toMatch(RAW);
  });

  it('names and a file name with bidi controls never reach the terminal or the scenario raw', async () => {
    const bidi = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    const rows = bidi.flatMap((char, i) => yearOf(`type${i}${char}x`, '1', `Client ${char}${i}`).map((row) => `${row},plan${char}`));
    const { file, out } = history(rows, 'date,client,type,hours,plan', 'hist\u202eory.csv');
    const result = await calibrate(file, out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(RAW);
    expect(result.stderr).not.toMatch(RAW);
    expect(result.stdout).toContain('hist\\u202eory.csv');
    const text = readFileSync(out, 'utf8');
    expect(text).not.toMatch(RAW);
    const scenario = parseScenario(text, out);
    expect(scenario.name).toBe('Calibrated from hist\\u202eory.csv');
    const json = await calibrate(file, out, '--force', '--json');
    expect(json.status, json.stderr).toBe(0);
    expect(json.stderr).not.toMatch(RAW);
  });

  it('a bad cell with a bidi control is quoted escaped in the message', async () => {
    const { file, out } = history([...yearOf('edit'), '2024-05-05,Acme,edit,1\u202e5']);
    const result = await calibrate(file, out);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('(got "1\\u202e5")');
    expect(result.stderr).not.toMatch(RAW);
  });
});

describe('calibrate on dates that stretch the window', () => {
  it('refuses a typo year more than a year ahead of today, with the line (exit 2)', async () => {
    const { file, out } = history([...yearOf('edit'), '2099-03-05,Acme,edit,1']);
    const result = await calibrate(file, out);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/history\.csv: line 26, column date: is more than a year after today \(\d{4}-\d\d-\d\d\): a typo\?.*\(got "2099-03-05"\)/);
    // --months does not make a typo right.
    expect((await calibrate(file, out, '--months', '12')).status).toBe(2);
  });

  it('warns about a date after today but within a year, on stderr and in --json warnings', async () => {
    const soon = fromToday(40);
    const rows = [];
    for (let days = 400; days >= 0; days -= 20) rows.push(`${fromToday(-days)},Acme,edit,1`);
    const { file, out } = history([...rows, `${soon},Acme,edit,2`]);
    const result = await calibrate(file, out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`warning: .*history\\.csv: a date after today \\(\\d{4}-\\d\\d-\\d\\d\\): ${soon} \\(line ${rows.length + 2}\\)`));
    const json = await calibrate(file, out, '--force', '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).warnings).toEqual([expect.stringContaining(`${soon} (line ${rows.length + 2})`)]);
  });

  it('warns about more than 3 months without tickets, naming the dates around the gap', async () => {
    const { file, out } = history([
      '2023-01-10,Acme,edit,1',
      '2023-02-10,Acme,edit,1',
      '2023-03-15,Acme,edit,1',
      '2023-08-02,Acme,edit,1',
      '2023-09-10,Acme,edit,1',
      // 3 empty months (Oct–Dec) is no warning.
      '2024-01-10,Acme,edit,1',
    ]);
    const result = await calibrate(file, out, '--json');
    expect(result.status, result.stderr).toBe(0);
    const { warnings, months } = JSON.parse(result.stdout);
    expect(months).toBe(13);
    expect(warnings).toEqual([expect.stringMatching(/^no tickets in the 4 months 2023-04 to 2023-07, between 2023-03-15 and 2023-08-02/)]);
    expect(result.stderr).toContain('warning: ');
    const clean = history(yearOf('edit'));
    const quiet = await calibrate(clean.file, clean.out, '--json');
    expect(quiet.stderr).toBe('');
    expect(JSON.parse(quiet.stdout).warnings).toEqual([]);
  });

  it('a typo year in the past (2014 among 2024) is warned about as a gap of 117 months', async () => {
    const { file, out } = history([...yearOf('edit'), '2014-03-05,Acme,edit,1']);
    const result = await calibrate(file, out);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/no tickets in the 117 months 2014-04 to 2023-12, between 2014-03-05 and 2024-01-10/);
  });
});
