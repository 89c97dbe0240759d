import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

/*
 * The workbook (--xlsx) read back with the library that wrote it (exceljs): a sheet per table,
 * numbers as numbers with a number format, the header row frozen, widths set, and names that
 * look like formulas stored as neutralised text, as in CSV.
 */

const COMMON = ['--trials', '1000', '--seed', '7', '--workers', '1', '--quiet', '--sensitivity-trials', '0'];

async function workbook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs types its input as an ArrayBuffer; a Node Buffer's bytes, sliced out, are one.
  const bytes = readFileSync(path);
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return book;
}

describe('--xlsx', () => {
  it('run: a sheet per table, numbers as numbers with formats, header frozen, widths set', async () => {
    const file = join(tempDir(), 'run.xlsx');
    const result = await fairfee(['run', 'scenarios/webagency.yaml', ...COMMON, '--xlsx', file]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'Break-even fees', 'Current prices', 'Fee table']);
    const json = JSON.parse((await fairfee(['run', 'scenarios/webagency.yaml', ...COMMON, '--json'])).stdout) as { breakeven_fee: number };
    const headline = book.getWorksheet('Headline')!;
    const fee = headline.getRows(1, headline.rowCount)!.find((row) => row.getCell(1).value === 'Break-even fee')!;
    expect(fee.getCell(2).value).toBe(json.breakeven_fee);
    expect(fee.getCell(2).numFmt).toBe('#,##0.00');
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(4);
    }
    const fees = book.getWorksheet('Fee table')!;
    expect(fees.getRow(1).getCell(2).value).toBe('P(loss)');
    const row = fees.getRow(2);
    expect(typeof row.getCell(1).value).toBe('number');
    expect(typeof row.getCell(2).value).toBe('number');
    expect(row.getCell(2).numFmt).toBe('0.0%');
  });

  it('names that would run as formulas are neutralised text, never formulas', async () => {
    const dir = tempDir();
    const scenario = writeScenario(
      dir,
      'hostile.json',
      baseDocument({
        plans: { '=1+1': { covers: ['edit'], monthly_fee: 60 } },
        clients: [{ name: '=HYPERLINK("http://example.invalid","x")', plan: '=1+1', count: 2 }],
      }),
    );
    const file = join(dir, 'hostile.xlsx');
    expect((await fairfee(['breakeven', scenario, ...COMMON.slice(0, 7), '--xlsx', file])).status).toBe(0);
    const sheet = (await workbook(file)).getWorksheet('Break-even fees')!;
    const names = sheet.getColumn(2).values.filter((v): v is string => typeof v === 'string');
    expect(names).toContain("'=1+1");
    expect(names).toContain('\'=HYPERLINK("http://example.invalid","x")');
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    // forms: the plan's name as the advised form (headline) and in the forms sheet, text each time.
    const forms = join(dir, 'hostile-forms.xlsx');
    expect((await fairfee(['forms', scenario, ...COMMON.slice(0, 7), '--xlsx', forms])).status).toBe(0);
    const book = await workbook(forms);
    const cells = book.worksheets.flatMap((s) => s.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : [])));
    expect(cells).toContain("'=1+1");
    for (const s of book.worksheets) s.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it('--lang nl names the sheets and columns in Dutch; JSON and CSV stay as they are', async () => {
    const dir = tempDir();
    const file = join(dir, 'nl.xlsx');
    const csv = join(dir, 'nl.csv');
    const result = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON.slice(0, 7), '--lang', 'nl', '--xlsx', file, '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Kern', 'Prijstabel', 'Huidige prijzen']);
    expect(book.getWorksheet('Prijstabel')!.getRow(1).getCell(2).value).toBe('P(verlies)');
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toBe(
      'fee,loss_probability,expected_profit,expected_profit_standard_error,profit_p05,value_at_risk,expected_shortfall,margin_per_hour,overpay_probability',
    );
    const json = await fairfee(['compare', 'scenarios/webagency.yaml', ...COMMON.slice(0, 7), '--lang', 'nl', '--json']);
    expect(Object.keys(JSON.parse(json.stdout))).toContain('breakeven_fee');
  });

  it('forms: a headline sheet with the advice per segment, and the forms table of --csv, numbers as numbers', async () => {
    const dir = tempDir();
    const file = join(dir, 'forms.xlsx');
    const csv = join(dir, 'forms.csv');
    const args = ['forms', 'scenarios/mixed-forms.yaml', ...COMMON.slice(0, 7)];
    const result = await fairfee([...args, '--xlsx', file, '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'Forms']);
    const json = JSON.parse((await fairfee([...args, '--json'])).stdout) as {
      segments: { segment: string; recommendation: { form: string }; forms: { client_monthly_payment: number }[] }[];
    };
    const headline = book.getWorksheet('Headline')!;
    const rows = headline.getRows(1, headline.rowCount)!;
    for (const segment of json.segments) {
      const advice = rows.find((row) => row.getCell(1).value === `Advised form: ${segment.segment}`);
      expect(advice?.getCell(2).value, segment.segment).toBe(segment.recommendation.form);
    }
    const sheet = book.getWorksheet('Forms')!;
    const csvLines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(sheet.rowCount).toBe(csvLines.length);
    const header = csvLines[0].split(',');
    expect(sheet.getRow(1).getCell(header.indexOf('client_monthly_payment') + 1).value).toBe('client pays per month');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(json.segments[0].segment);
    const pays = first.getCell(header.indexOf('client_monthly_payment') + 1);
    expect(pays.value).toBe(json.segments[0].forms[0].client_monthly_payment);
    expect(pays.numFmt).toBe('#,##0.00');
    expect(first.getCell(header.indexOf('agency_loss_probability') + 1).numFmt).toBe('0.0%');
  });

  it('forms --lang nl: Dutch sheet and column names', async () => {
    const file = join(tempDir(), 'forms-nl.xlsx');
    const result = await fairfee(['forms', 'scenarios/mixed-forms.yaml', ...COMMON.slice(0, 7), '--lang', 'nl', '--xlsx', file]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Kern', 'Vormen']);
    expect(book.getWorksheet('Vormen')!.getRow(1).getCell(1).value).toBe('segment');
    expect(book.getWorksheet('Vormen')!.getRow(1).getCell(3).value).toBe('vorm');
  });

  it('backtest: the portfolio figures on the headline sheet, the per-client table of --csv', async () => {
    const dir = tempDir();
    const file = join(dir, 'backtest.xlsx');
    const csv = join(dir, 'backtest.csv');
    const args = ['backtest', 'scenarios/calibrated-example.yaml', 'scenarios/history-example.csv', ...COMMON.slice(0, 7)];
    const result = await fairfee([...args, '--xlsx', file, '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'Per client and term']);
    const json = JSON.parse((await fairfee([...args, '--json'])).stdout) as {
      clients: { client: string; actual_hours: number; pit: number }[];
      portfolio: { actual_to_expected: number; coverage_90: number; client_windows: number };
    };
    const headline = book.getWorksheet('Headline')!;
    const value = (label: string) =>
      headline
        .getRows(1, headline.rowCount)!
        .find((row) => row.getCell(1).value === label)
        ?.getCell(2);
    expect(value('A/E of covered hours')?.value).toBe(json.portfolio.actual_to_expected);
    expect(value('Inside the central 90% interval')?.value).toBe(json.portfolio.coverage_90);
    expect(value('Inside the central 90% interval')?.numFmt).toBe('0.0%');
    expect(value('Client-terms')?.value).toBe(json.portfolio.client_windows);
    expect(typeof value('Verdict')?.value).toBe('string');
    const sheet = book.getWorksheet('Per client and term')!;
    const header = readFileSync(csv, 'utf8').split('\r\n')[0].split(',');
    expect(sheet.rowCount).toBe(1 + json.clients.length);
    expect(sheet.getRow(1).getCell(header.indexOf('actual_hours') + 1).value).toBe('actual hours');
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe(json.clients[0].client);
    expect(first.getCell(header.indexOf('actual_hours') + 1).value).toBe(json.clients[0].actual_hours);
    expect(first.getCell(header.indexOf('pit') + 1).value).toBe(json.clients[0].pit);
    expect(first.getCell(header.indexOf('pit') + 1).numFmt).toBe('0.0%');
  });

  it('sla: the limit, the team and each plan on the headline sheet, the plan figures and the staffing table of --csv', async () => {
    const dir = tempDir();
    const file = join(dir, 'sla.xlsx');
    const csv = join(dir, 'sla.csv');
    const args = ['sla', 'scenarios/sla.yaml', ...COMMON.slice(0, 7)];
    const result = await fairfee([...args, '--xlsx', file, '--csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'Plans', 'Staffing']);
    const json = JSON.parse((await fairfee([...args, '--json'])).stdout) as {
      max_breach: number;
      plans: Record<
        string,
        { breach_probability: number; response_hours_p95: number; expected_penalty_per_client_month: number; smallest_team: number | null }
      >;
      team: { people: number; utilisation: number };
      staffing: { people: number; utilisation: number; plans: Record<string, { breach_probability: number }> }[];
    };
    const headline = book.getWorksheet('Headline')!;
    const value = (label: string) =>
      headline
        .getRows(1, headline.rowCount)!
        .find((row) => row.getCell(1).value === label)
        ?.getCell(2);
    expect(value('Breach limit (--max-breach)')?.value).toBe(json.max_breach);
    expect(value('Team size')?.value).toBe(json.team.people);
    expect(value('Utilisation')?.value).toBe(json.team.utilisation);
    expect(value('Utilisation')?.numFmt).toBe('0.0%');
    const names = Object.keys(json.plans);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(value(`P(breach): ${name}`)?.value, name).toBe(json.plans[name].breach_probability);
      expect(value(`Smallest team under the limit: ${name}`)?.value ?? null, name).toBe(json.plans[name].smallest_team);
    }
    const plans = book.getWorksheet('Plans')!;
    expect(plans.rowCount).toBe(1 + names.length);
    const planHeader = plans.getRow(1).values as unknown[];
    const column = (label: string) => planHeader.indexOf(label);
    expect(column('response p95 (h)')).toBeGreaterThan(0);
    names.forEach((name, i) => {
      const row = plans.getRow(2 + i);
      expect(row.getCell(1).value).toBe(name);
      expect(row.getCell(column('response p95 (h)')).value).toBe(json.plans[name].response_hours_p95);
      expect(row.getCell(column('penalty per client-month')).value).toBe(json.plans[name].expected_penalty_per_client_month);
      expect(row.getCell(column('penalty per client-month')).numFmt).toBe('#,##0.00');
    });
    const staffing = book.getWorksheet('Staffing')!;
    const csvLines = readFileSync(csv, 'utf8').trim().split('\r\n');
    expect(staffing.rowCount).toBe(csvLines.length);
    const header = csvLines[0].split(',');
    expect(staffing.getRow(1).getCell(header.indexOf('breach_probability') + 1).value).toBe('P(breach)');
    let r = 2;
    for (const row of json.staffing) {
      for (const name of names) {
        const cells = staffing.getRow(r++);
        expect(cells.getCell(header.indexOf('people') + 1).value).toBe(row.people);
        expect(cells.getCell(header.indexOf('plan') + 1).value).toBe(name);
        expect(cells.getCell(header.indexOf('utilisation') + 1).value).toBe(row.utilisation);
        expect(cells.getCell(header.indexOf('breach_probability') + 1).value).toBe(row.plans[name].breach_probability);
      }
    }
  });

  it('sla --lang nl: Dutch sheet and column names', async () => {
    const file = join(tempDir(), 'sla-nl.xlsx');
    const result = await fairfee(['sla', 'scenarios/sla.yaml', ...COMMON.slice(0, 7), '--lang', 'nl', '--xlsx', file]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Kern', 'Plannen', 'Bezetting']);
    expect(book.getWorksheet('Bezetting')!.getRow(1).getCell(1).value).toBe('mensen');
  });

  it('--trials-xlsx: a row per simulated term, the numbers of --trials-csv unrounded', async () => {
    const dir = tempDir();
    const file = join(dir, 'trials.xlsx');
    const csv = join(dir, 'trials.csv');
    const result = await fairfee(['breakeven', 'scenarios/webagency.yaml', ...COMMON.slice(0, 7), '--trials-xlsx', file, '--trials-csv', csv]);
    expect(result.status, result.stderr).toBe(0);
    const book = await workbook(file);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Headline', 'Simulated terms']);
    const sheet = book.getWorksheet('Simulated terms')!;
    expect(sheet.rowCount).toBe(1 + 1000);
    expect(sheet.getRow(1).getCell(2).value).toBe('net cost');
    const firstCsv = readFileSync(csv, 'utf8').split('\r\n')[1].split(',');
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).value).toBeCloseTo(Number(firstCsv[1]), 6);
  });

  it('--trials-xlsx refuses a run larger than a workbook takes, before simulating', async () => {
    const result = await fairfee(['run', 'scenarios/webagency.yaml', '--trials', '300000', '--trials-xlsx', join(tempDir(), 't.xlsx')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--trials-xlsx writes at most 200,000 simulated terms');
  });

  it('refuses a workbook on stdout', async () => {
    const result = await fairfee(['run', 'scenarios/webagency.yaml', '--xlsx', '-']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--xlsx writes a binary workbook');
  });
});
