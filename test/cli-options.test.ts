import { describe, expect, it } from 'vitest';
import { isTerminalControl } from '../src/cli/terminalText.js';
import { fairfee } from './helpers/cli.js';

const S = 'scenarios/webagency.yaml';
const H = 'scenarios/hosting-sla.yaml';

describe('option checks: exit 2, naming the option and what it takes, before any simulation', () => {
  it.each([
    ['--trials without a value', ['run', '--trials'], /--trials needs a value: a whole number from 1 to 10,000,000/],
    ['--trials before another option', ['breakeven', S, '--trials', '--json'], /--trials needs a value: a whole number from 1 to 10,000,000/],
    ['--plan-fee without values', ['compare', S, '--plan-fee'], /--plan-fee needs at least one PLAN=FEE/],
    ['--precision -1%', ['run', '--precision', '-1%'], /--precision must be a share such as 1% or 0\.01.*\(got -1%\)/],
    ['--precision without a value', ['run', '--precision'], /--precision needs a value: a share such as 1% or 0\.01/],
    ['--fees 95,5', ['compare', S, '--fees', '95,5'], /--fees: use a decimal point: 95\.5, not 95,5/],
    ['--confidence 0,9', ['run', '--confidence', '0,9'], /--confidence: use a decimal point: 0\.9, not 0,9/],
    ['--plan-fee basic=95,5', ['compare', S, '--plan-fee', 'basic=95,5'], /use a decimal point: 95\.5, not 95,5/],
    ['--change abc', ['sensitivity', S, '--change', 'abc'], /--change must be a number in \(0, 1\), e.g\. 0\.2 \(got "abc"\)/],
    ['--max-trials below --trials', ['run', '--trials', '1000', '--precision', '1%', '--max-trials', '500'], /--max-trials 500 is below --trials 1,000/],
    ['--max-trials without --precision', ['breakeven', S, '--max-trials', '500'], /--max-trials caps --precision; give --precision too/],
    ['--trials-csv on sensitivity', ['sensitivity', S, '--trials-csv', 'x.csv'], /--trials-csv is not written by sensitivity/],
    ['--trials-csv on availability', ['availability', H, '--trials-csv', 'x.csv'], /--trials-csv is not written by availability/],
    [
      '--csv with --series',
      ['availability', '--series', '0.99', '--csv', 'x.csv'],
      /--csv writes the simulated months of a scenario; --series has only exact figures/,
    ],
    ['--csv with --k-of-n', ['availability', '--k-of-n', '2', '0.99', '0.99', '0.99', '--csv', 'x.csv'], /--k-of-n has only exact figures/],
    ['--confidence on availability', ['availability', H, '--confidence', '0.9'], /--confidence is not used by availability/],
    ['--sensitivity-trials -1', ['run', '--sensitivity-trials', '-1'], /--sensitivity-trials must be a whole number from 0 to 1,000,000 \(got -1\)/],
    ['--series 99.9', ['availability', '--series', '99.9'], /99\.9 is not an availability in \[0, 1\] \(write 99\.9% as 0\.999\)/],
    ['--trials given twice', ['run', '--trials', '5', '--trials', '6'], /--trials given twice; give it once/],
    ['--out given twice', ['calibrate', 'scenarios/history-example.csv', '--out', 'a.yaml', '--out', 'b.yaml'], /--out given twice/],
  ])('%s', async (_name, args, message) => {
    const result = await fairfee(args);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});

describe('--workers above the cores', () => {
  it('runs on the cores, with a note on stderr; the numbers do not change', async () => {
    const args = ['breakeven', S, '--trials', '400', '--seed', '2', '--no-shared-shocks'];
    const many = await fairfee([...args, '--workers', '200']);
    const one = await fairfee([...args, '--workers', '1']);
    expect(many.status, many.stderr).toBe(0);
    expect(many.stderr).toMatch(/note: --workers 200 is more than the \d+ cores? of this machine; running on \d+ threads .*only add overhead/);
    expect(many.stdout).toBe(one.stdout);
  });

  it.each([['--quiet'], ['--json']])('no note with %s', async (flag) => {
    const result = await fairfee(['breakeven', S, '--trials', '400', '--seed', '2', '--no-shared-shocks', '--workers', '200', flag]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('--workers');
  });
});

describe('nothing from the command line reaches the terminal unescaped', () => {
  it.each([
    ['an escape sequence', '\u001b[2J', '\\u001b[2J'],
    ['a bell and DEL', 'a\u0007b\u007f', 'a\\u0007b\\u007f'],
    ['a C1 control', 'x\u009by', 'x\\u009by'],
    ['bidi overrides', '\u202eevil\u2066', '\\u202eevil\\u2066'],
  ])('%s in an unknown argument', async (_name, text, shown) => {
    const result = await fairfee(['validate', S, text]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(shown);
    expect([...result.stderr].filter((c) => isTerminalControl(c.charCodeAt(0)))).toEqual([]);
  });

  it('a file name with control characters, in an input error', async () => {
    const result = await fairfee(['run', 'no\u001b[31mpe.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no\\u001b[31mpe.yaml');
  });
});

describe('--plan-fee with any plan name', () => {
  it('keeps a plan named __proto__ as a key of the price list', async () => {
    const result = await fairfee([
      'compare',
      'test/corpus/proto-names.yaml',
      '--trials',
      '200',
      '--seed',
      '1',
      '--workers',
      '1',
      '--plan-fee',
      'toString=140',
      '--json',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).price_list.fees).toEqual({ toString: 140 });
  });

  it('names the near miss of an unknown plan', async () => {
    const result = await fairfee(['compare', 'scenarios/webagency.yaml', '--trials', '200', '--plan-fee', 'basik=95']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--plan-fee: unknown plan "basik"; did you mean "basic"?');
  });
});
