import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../src/scenario/limits.js';
import { fairfee } from './helpers/cli.js';

/*
 * A corpus of hostile and careless scenario files (test/corpus/, small ones; large ones are made
 * below), each with the outcome the tool owes its user: it runs, or it exits 2 naming the file and
 * where (a key path or a line) and what is allowed. Never exit 1, never a stack trace, and no
 * control or bidi character from the file reaches the terminal raw.
 */
const CORPUS: readonly [file: string, status: 0 | 2, fragment: string][] = [
  ['ok-base.yaml', 0, ''],
  ['bom.yaml', 0, ''],
  ['crlf.yaml', 0, ''],
  ['free-text-names.yaml', 0, ''],
  ['proto-names.yaml', 0, ''],
  ['notes-everywhere.yaml', 0, ''],
  ['alias-bomb.yaml', 2, 'aliases may expand to at most 1000 values in all'],
  ['recursive-alias.yaml', 2, 'line 10: alias *loop sits inside the value of its own anchor &loop'],
  ['undefined-alias.yaml', 2, 'line 10: alias *nowhere comes before any anchor &nowhere defines it'],
  ['js-function-tag.yaml', 2, 'line 10: tag !!js/function is not allowed'],
  ['multi-document.yaml', 2, 'the file holds 2 YAML documents (separated by ---); a scenario is one document'],
  ['merge-key.yaml', 2, 'line 9: YAML merge keys (<<) are not supported'],
  ['decimal-commas.yaml', 2, 'line 5: "0,25" reads as two numbers, 0 and 25: use a decimal point: 0.25, not 0,25'],
  ['decimal-comma-rate.yaml', 2, 'line 5: "0,8" reads as two numbers, 0 and 8: use a decimal point: 0.8, not 0,8'],
  ['tab-indent.yaml', 2, 'line 9, column 1: not valid YAML: Tabs are not allowed as indentation'],
  ['empty.yaml', 2, 'the file is empty'],
  ['comments-only.yaml', 2, 'the file is empty'],
  ['json-syntax.json', 2, 'line 1, column 41: not valid JSON or YAML'],
  ['invalid-utf8.yaml', 2, 'line 9: is not valid UTF-8 text (byte 217)'],
  ['esc-in-name.yaml', 2, 'clients[0].name: a name must not hold control or bidi characters (found \\u001b)'],
  ['bel-in-name.yaml', 2, 'clients[0].name: a name must not hold control or bidi characters (found \\u0007)'],
  ['rlo-in-plan-name.yaml', 2, 'plans.basic\\u202eevil: a key must not hold control or bidi characters (found \\u202e)'],
  ['nul-in-key.yaml', 2, 'request_types.ed\\u0000it: a key must not hold control or bidi characters (found \\u0000)'],
  ['near-miss-plan.yaml', 2, 'clients[0].plan: unknown plan "Basic"; did you mean "basic"?'],
  ['unknown-key.yaml', 2, 'unknown key "cost_per_hr"; did you mean "cost_per_hour"?'],
  ['huge-cost.yaml', 2, 'cost_per_hour: must be a number from 0 to 1,000,000 (got 1e+308)'],
  ['huge-effort.yaml', 2, 'request_types.edit.effort: must be a number from 0 to 10,000 (got 1e+300)'],
  ['infinity.yaml', 2, 'cost_per_hour: must be a finite number from 0 to 1,000,000 (got Infinity)'],
  ['nan-string.yaml', 2, 'cost_per_hour: must be a finite number from 0 to 1,000,000 (got NaN)'],
  ['negative-rate.yaml', 2, 'request_types.edit.frequency.per_month: must be a number from 0 to 10,000 (got -1)'],
  ['shock-storm.yaml', 2, 'shocks[0].per_month: must be a number from 0 to 1,000 (got 1000000)'],
  ['gamma-tiny-sd.yaml', 2, 'request_types.edit.effort.sd: must be from 0.001 to 10 times the mean'],
  ['cv-huge.yaml', 2, 'common_factor.cv: must be a number from 0 to 10 (got 1000000)'],
  ['list-root.yaml', 2, 'must be a mapping with keys name, currency'],
  ['scalar-root.yaml', 2, 'must be a mapping with keys name, currency'],
];

/** C0 and C1 controls (but tab and newline), DEL, and the bidi controls. */
const RAW = /(?![\n\t])\p{Cc}|[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** What every answer must look like, whatever the file. */
function expectOwed(result: { status: number; stdout: string; stderr: string }, status: number, fragment: string, file: string): void {
  expect(result.status, result.stderr).toBe(status);
  expect(result.stdout + result.stderr).not.toMatch(RAW);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  if (status === 2) {
    expect(result.stderr).toContain(`fairfee: ${file}: `);
    expect(result.stderr).toContain(fragment);
  }
}

describe('the hostile-file corpus', () => {
  it.each(CORPUS)('%s: validate and breakeven exit %i', async (name, status, fragment) => {
    const file = join('test', 'corpus', name);
    expectOwed(await fairfee(['validate', file]), status, fragment, file);
    expectOwed(await fairfee(['breakeven', file, '--trials', '100', '--seed', '1', '--workers', '1', '--json']), status, fragment, file);
  });

  describe('large files, made here', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairfee-corpus-'));
    const base =
      'cost_per_hour: 50\nhourly_rate: 80\nrequest_types:\n  edit: { category: perfective, frequency: { per_month: 1 }, effort: 1 }\nplans:\n  basic: { covers: [edit] }\nclients:\n  - { plan: basic }\n';
    const make = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it.each([
      ['a flow list 5,000 deep', () => `${base}x_deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'line 9: nesting is deeper than 64 levels'],
      ['a compact block list 5,000 deep', () => `${base}x_deep:\n  ${'- '.repeat(5000)}1\n`, 'line 10: nesting is deeper than 64 levels'],
      ['200,000 numbers in a note', () => `${base}x_numbers: [${Array.from({ length: 200_000 }, (_, i) => i).join(', ')}]\n`, 'more than 150,000 values'],
      [
        'a file over the size limit',
        () => `${base}x_pad: "${'x'.repeat(MAX_FILE_BYTES)}"\n`,
        `at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are read`,
      ],
    ])('%s is refused with the limit named', async (_what, text, fragment) => {
      const file = make('large.yaml', text());
      expectOwed(await fairfee(['validate', file]), 2, fragment, file);
    });
  });
});
