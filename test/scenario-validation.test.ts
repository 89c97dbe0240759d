import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { InputError } from '../src/scenario/scenarioError.js';
import { baseDocument } from './helpers/scenario.js';

/** The problems a document is refused with, as `path: message` lines. */
function problemsOf(text: string): string[] {
  try {
    parseScenario(text, 'bad.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const doc = (overrides: Record<string, unknown>) => JSON.stringify(baseDocument(overrides));
const withType = (type: Record<string, unknown>) =>
  doc({ request_types: { edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1, ...type } } });

describe('bundled scenarios are valid', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.yaml'));
  it.each(files)('%s', (file) => {
    expect(() => parseScenario(readFileSync(`scenarios/${file}`, 'utf8'), file)).not.toThrow();
  });
});

describe('bad input is refused with the key path and what is allowed', () => {
  it.each([
    ['a typo in a key', doc({ trails: 100 }), '', 'unknown key "trails"'],
    ['a negative rate', withType({ frequency: { per_month: -1 } }), 'request_types.edit.frequency.per_month', 'from 0 to 10,000 (got -1)'],
    ['a probability of 1.5', withType({ overrun: { probability: 1.5, factor: 2 } }), 'request_types.edit.overrun.probability', 'in [0, 1] (got 1.5)'],
    ['a plan covering an unknown type', doc({ plans: { basic: { covers: ['edit', 'seo'] } } }), 'plans.basic.covers[1]', 'unknown request type "seo"'],
    ['a client on an unknown plan', doc({ clients: [{ plan: 'gold' }] }), 'clients[0].plan', 'unknown plan "gold"'],
    [
      'an override of an unknown type',
      doc({ clients: [{ plan: 'basic', overrides: { seo: { effort: 1 } } }] }),
      'clients[0].overrides.seo',
      'unknown request type',
    ],
    [
      'a shock of an unknown type',
      doc({ shocks: [{ per_month: 1, request_type: 'x', hit_probability: 0.5 }] }),
      'shocks[0].request_type',
      'unknown request type "x"',
    ],
    ['a NaN cost', 'cost_per_hour: .nan\n', 'cost_per_hour', 'NaN'],
    ['an infinite rate', withType({ frequency: { per_month: 'Infinity' } }), 'request_types.edit.frequency.per_month', 'finite number'],
    ['confidence 1', doc({ confidence: 1 }), 'confidence', 'in (0, 1)'],
    ['10^12 trials', doc({ trials: 1e12 }), 'trials', 'from 1 to 10,000,000'],
    ['fractional count', doc({ clients: [{ plan: 'basic', count: 2.5 }] }), 'clients[0].count', 'whole number'],
    ['triangular min > max', withType({ effort: { dist: 'triangular', min: 3, mode: 2, max: 1 } }), 'request_types.edit.effort.max', 'must be > min'],
    ['lognormal with two forms', withType({ effort: { dist: 'lognormal', median: 1, sigma: 1, p90: 3 } }), 'request_types.edit.effort', 'exactly one of'],
    ['an unknown distribution', withType({ effort: { dist: 'weibull', shape: 1 } }), 'request_types.edit.effort.dist', 'must be one of lognormal'],
    ['a negative effort', withType({ effort: -0.5 }), 'request_types.edit.effort', 'from 0 to 10,000 (got -0.5)'],
    ['seasonality of 11 months', withType({ seasonality: new Array(11).fill(1) }), 'request_types.edit.seasonality', 'exactly 12'],
    ['seasonality not averaging 1', withType({ seasonality: new Array(12).fill(1.2) }), 'request_types.edit.seasonality', 'must average 1'],
    ['an unknown category', withType({ category: 'cosmetic' }), 'request_types.edit.category', 'corrective, adaptive'],
    ['no clients', doc({ clients: [] }), 'clients', 'at least one client'],
    [
      'too many requests per month at the seasonal peak',
      withType({ frequency: { per_month: 1e4 }, seasonality: [1.2, 0.8, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] }),
      'clients[0]',
      'at most 10,000',
    ],
  ])('%s', (_name, text, path, message) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    const match = problems.find((p) => p.startsWith(`${path}: `) && p.includes(message));
    expect(match, problems.join('\n')).toBeDefined();
  });

  it('an empty file says what a scenario needs', () => {
    expect(problemsOf('')).toEqual([expect.stringContaining('the file is empty')]);
    expect(problemsOf('# only a comment\n')).toEqual([expect.stringContaining('the file is empty')]);
  });

  it('reports every problem in a file at once', () => {
    const problems = problemsOf(doc({ trails: 1, hourly_rate: -5, confidence: 2 }));
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });

  it('a YAML alias bomb is refused up front', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      );
    const started = Date.now();
    expect(problemsOf(bomb.join('\n'))).toEqual([expect.stringContaining('alias')]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('YAML syntax errors give the line', () => {
    expect(problemsOf('name: [unclosed\ncost_per_hour: 5\n')[0]).toMatch(/^line \d+/);
  });

  it('x_ keys are free for notes, anywhere', () => {
    expect(problemsOf(doc({ x_note: 'hello', plans: { basic: { covers: ['edit'], x_why: 'cheap' } } }))).toEqual([]);
  });

  it('a bare number means a fixed effort, and JSON is accepted as YAML', () => {
    expect(problemsOf(doc({}))).toEqual([]);
  });
});
