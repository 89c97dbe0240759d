import { describe, expect, it } from 'vitest';
import { readDate, readHours } from '../src/scenario/history/cellValues.js';
import { detectDelimiter } from '../src/scenario/history/csvRecords.js';
import { MAX_REPORTED_PROBLEMS, parseHistory } from '../src/scenario/history/readHistory.js';
import { InputError } from '../src/scenario/scenarioError.js';

/** The problems parseHistory reports for a file, or [] when it reads. */
function problemsOf(text: string): { path: string; message: string }[] {
  try {
    parseHistory(text, 'h.csv');
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.file).toBe('h.csv');
    return error.problems;
  }
}

describe('parseHistory', () => {
  it('reads a Dutch Excel export: BOM, ; separated, decimal comma, CRLF, Dutch headers and dates', () => {
    const text =
      '\uFEFFDatum;Klant;Soort;Uren;Pakket\r\n5-3-2024;Bakkerij Jansen;Tekst aanpassen;1,5;Basis\r\n;;;;\r\n2024-03-06;Kapsalon Bloem;Storing;0,25;\r\n';
    const history = parseHistory(text, 'h.csv');
    expect(history.delimiter).toBe(';');
    expect(history.hasPlans).toBe(true);
    expect(history.tickets).toEqual([
      { line: 2, date: '2024-03-05', monthIndex: 2024 * 12 + 2, client: 'Bakkerij Jansen', type: 'Tekst aanpassen', hours: 1.5, plan: 'Basis' },
      // line 3 is empty cells (;;;;), skipped; an empty plan cell means no plan.
      { line: 4, date: '2024-03-06', monthIndex: 2024 * 12 + 2, client: 'Kapsalon Bloem', type: 'Storing', hours: 0.25 },
    ]);
  });

  it('takes header names in any case, request_type or category for type, extra columns, quoted fields over lines', () => {
    const text =
      'Ticket,Date,CLIENT,Request Type,Hours,Subject\nT1,2024-01-05T09:30:00,Acme,Bug fix,"1,5","Form broken,\nsee mail"\nT2,2024-01-06,Acme,Text edit,0:45,x\n';
    const history = parseHistory(text, 'h.csv');
    expect(history.tickets.map((t) => [t.line, t.date, t.type, t.hours])).toEqual([
      [2, '2024-01-05', 'Bug fix', 1.5],
      // the quoted subject spans lines 2–3, so this row starts on line 4.
      [4, '2024-01-06', 'Text edit', 0.75],
    ]);
    expect(parseHistory('date\tclient\tcategory\thours\n2024-01-05\tAcme\tSupport\t1\n', 'h.csv').tickets[0].type).toBe('Support');
    expect(parseHistory('date,client,type,category,hours\n2024-01-05,Acme,Edit,perfective,1\n', 'h.csv').tickets[0].type).toBe('Edit');
  });

  it.each([
    [
      'non-numeric hours',
      'date,client,type,hours\n2024-01-05,Acme,bug,1\n2024-01-06,Acme,bug,abc\n',
      'line 3, column hours',
      /must be a number ≥ 0.*\(got "abc"\)/,
    ],
    ['negative hours', 'date,client,type,hours\n2024-01-05,Acme,bug,-2\n', 'line 2, column hours', /must be a number ≥ 0.*\(got "-2"\)/],
    ['empty hours', 'date,client,type,hours\n2024-01-05,Acme,bug,\n', 'line 2, column hours', /is empty; must be a number ≥ 0/],
    ['a date in another format', 'date,client,type,hours\n03/05/2024,Acme,bug,1\n', 'line 2, column date', /must be a date YYYY-MM-DD.*\(got "03\/05\/2024"\)/],
    ['a date not in the calendar', 'date,client,type,hours\n2024-02-30,Acme,bug,1\n', 'line 2, column date', /not a date in the calendar/],
    ['an empty client', 'date,client,type,hours\n2024-01-05,,bug,1\n', 'line 2, column client', /is empty/],
    ['a short row', 'date,client,type,hours\n2024-01-05,Acme,bug\n', 'line 2, column hours', /is missing: the row has 3 fields, the header 4/],
    [
      'an unquoted decimal comma',
      'date,client,type,hours\n2024-01-05,Acme,bug,1,5\n',
      'line 2',
      /has 5 fields but the header has 4; a decimal comma .* must be quoted/,
    ],
    ['a missing column', 'date,client,hours\n2024-01-05,Acme,1\n', 'line 1', /no type column; .*one of: type, request_type, category/],
    ['a column named twice', 'date,client,type,hours,hours\n2024-01-05,Acme,bug,1,2\n', 'line 1', /names column "hours" twice/],
    ['an unclosed quote', 'date,client,type,hours\n2024-01-05,"Acme,bug,1\n', 'line 2', /not valid CSV/],
    ['no rows', 'date,client,type,hours\n', '', /has a header but no rows/],
    ['an empty file', '', '', /the file is empty/],
    ['a file of blank lines', '\uFEFF\r\n  \r\n', '', /the file is empty/],
  ])('refuses %s, naming the line and column', (_, text, path, message) => {
    const problems = problemsOf(text);
    expect(problems[0]).toMatchObject({ path, message: expect.stringMatching(message) });
  });

  it('reports every bad cell at once, up to a limit', () => {
    const rows = ['date,client,type,hours', '2024-01-05,Acme,bug,x', 'nope,Acme,bug,1', '2024-01-07,Acme,,-1'];
    expect(problemsOf(rows.join('\n')).map((p) => p.path)).toEqual([
      'line 2, column hours',
      'line 3, column date',
      'line 4, column hours',
      'line 4, column type',
    ]);
    const many = ['date,client,type,hours', ...Array.from({ length: 80 }, () => '2024-01-05,Acme,bug,x')].join('\n');
    const problems = problemsOf(many);
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)!.message).toBe('and 30 more problems like these');
  });
});

describe('cell readers', () => {
  it.each([
    ['1.5', 1.5],
    ['1,5', 1.5],
    [' 2 ', 2],
    ['0', 0],
    [',25', 0.25],
    ['1:30', 1.5],
    ['0:05', 5 / 60],
  ])('hours %j → %s', (cell, hours) => {
    expect(readHours(cell)).toEqual({ ok: true, value: hours });
  });

  it.each(['abc', '-1', '1.250,5', '1e3', 'NaN', 'Infinity', '1:75', ''])('refuses hours %j', (cell) => {
    expect(readHours(cell).ok).toBe(false);
  });

  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024-03-05 14:02', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('date %j → %s', (cell, date) => {
    expect(readDate(cell)).toMatchObject({ ok: true, value: { date } });
  });

  it.each(['2023-02-29', '2024-13-01', '03/05/2024', '20240305', '1900-01-01', 'yesterday'])('refuses date %j', (cell) => {
    expect(readDate(cell).ok).toBe(false);
  });

  it('detects the separator from the header line', () => {
    expect(detectDelimiter('date,client,type,hours')).toBe(',');
    expect(detectDelimiter('datum;klant;soort;uren')).toBe(';');
    expect(detectDelimiter('date\tclient\ttype\thours')).toBe('\t');
    expect(detectDelimiter('"date;x",client,type')).toBe(',');
    expect(detectDelimiter('hours')).toBe(',');
  });
});
