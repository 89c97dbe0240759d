import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { editDistance, nearMiss } from '../src/scenario/nearMiss.js';
import { printable } from '../src/scenario/printable.js';
import { InputError } from '../src/scenario/scenarioError.js';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

/** The problems a document is refused with, as `path: message` lines; [] when it validates. */
function problemsOf(document: Record<string, unknown> | string): string[] {
  try {
    parseScenario(typeof document === 'string' ? document : JSON.stringify(document), 'bad.json');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

/** The InputError's whole message (what the terminal shows). */
function messageOf(document: Record<string, unknown>): string {
  try {
    parseScenario(JSON.stringify(document), 'bad.json');
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  return '';
}

const edit = { category: 'perfective', frequency: { per_month: 1 }, effort: 1 };
const doc = baseDocument;

describe('names are free text', () => {
  it.each([
    ['a plan with spaces and a slash', doc({ plans: { 'Zorg 24/7': { covers: ['edit'] } }, clients: [{ plan: 'Zorg 24/7' }] })],
    ['a request type with accents and emoji', doc({ request_types: { 'Café ☕ fixes': edit }, plans: { basic: { covers: ['Café ☕ fixes'] } } })],
    ['a scenario name in another script', doc({ name: 'Проект' })],
    ['a name that is a number-like text', doc({ plans: { '2024': { covers: ['edit'] } }, clients: [{ plan: '2024' }] })],
    [
      'a client and a shock named freely',
      doc({ clients: [{ name: 'ACME, Inc.', plan: 'basic' }], shocks: [{ name: 'WP 6.5!', per_month: 0.1, request_type: 'edit', hit_probability: 0.5 }] }),
    ],
  ])('%s validates', (_name, document) => {
    expect(problemsOf(document)).toEqual([]);
  });

  it('keeps the plan key as written', () => {
    const scenario = parseScenario(JSON.stringify(doc({ plans: { 'Zorg 24/7': { covers: ['edit'] } }, clients: [{ plan: 'Zorg 24/7' }] })), 'x.json');
    expect(scenario.plans.map((p) => p.name)).toEqual(['Zorg 24/7']);
  });
});

describe('control and bidi characters and stray spaces are refused, shown escaped', () => {
  it.each([
    [
      'ESC in a plan key',
      doc({ plans: { 'basic\u001b[2J': { covers: ['edit'] } } }),
      'plans.basic\\u001b[2J: a key must not hold control or bidi characters (found \\u001b) (got "basic\\u001b[2J")',
    ],
    [
      'NUL in a request-type key',
      doc({ request_types: { 'ed\u0000it': edit } }),
      'request_types.ed\\u0000it: a key must not hold control or bidi characters (found \\u0000) (got "ed\\u0000it")',
    ],
    [
      'DEL in a client name',
      doc({ clients: [{ name: 'one\u007f', plan: 'basic' }] }),
      'clients[0].name: a name must not hold control or bidi characters (found \\u007f) (got "one\\u007f")',
    ],
    [
      'C1 CSI in the scenario name',
      doc({ name: 'shop\u009b31m' }),
      'name: a name must not hold control or bidi characters (found \\u009b) (got "shop\\u009b31m")',
    ],
    [
      'a bidi override in a covers item',
      doc({ plans: { basic: { covers: ['edit\u202e'] } } }),
      'plans.basic.covers[0]: a name must not hold control or bidi characters (found \\u202e) (got "edit\\u202e")',
    ],
    [
      'a bidi isolate in a shock name',
      doc({ shocks: [{ name: '\u2066x', per_month: 1, request_type: 'edit', hit_probability: 0.5 }] }),
      'shocks[0].name: a name must not hold control or bidi characters (found \\u2066) (got "\\u2066x")',
    ],
    [
      'an Arabic letter mark in a client plan',
      doc({ clients: [{ plan: 'basic\u061c' }] }),
      'clients[0].plan: a name must not hold control or bidi characters (found \\u061c) (got "basic\\u061c")',
    ],
    [
      'a left-to-right mark in a note key',
      doc({ 'x_\u200enote': 1 }),
      'x_\\u200enote: a key must not hold control or bidi characters (found \\u200e) (got "x_\\u200enote")',
    ],
    ['a newline in an unknown key', doc({ 'trials\n': 1 }), 'trials\\u000a: a key must not hold control or bidi characters (found \\u000a) (got "trials\\n")'],
    ['ESC in the currency', doc({ currency: 'EUR\u001b' }), 'currency: must not hold control or bidi characters (found \\u001b) (got "EUR\\u001b")'],
    [
      'a leading space in a plan key',
      doc({ plans: { ' basic': { covers: ['edit'] } }, clients: [{ plan: ' basic' }] }),
      'plans. basic: a name must not start or end with spaces: a reference would never match it (got " basic")',
    ],
    [
      'a trailing space in a covers item',
      doc({ plans: { basic: { covers: ['edit '] } } }),
      'plans.basic.covers[0]: a name must not start or end with spaces: a reference would never match it (got "edit ")',
    ],
    ['an empty plan key', doc({ plans: { '': { covers: ['edit'] } }, clients: [{ plan: 'x' }] }), 'plans.: must not be empty'],
    ['an empty client name', doc({ clients: [{ name: '', plan: 'basic' }] }), 'clients[0].name: must not be empty'],
    [
      'a component name with ESC',
      doc({ availability: { promised: 0.99, chain: [{ name: 'db\u001b', availability: 0.999 }] } }),
      'availability.chain[0].name: a name must not hold control or bidi characters (found \\u001b) (got "db\\u001b")',
    ],
  ])('%s', (_name, document, expected) => {
    expect(problemsOf(document)).toContain(expected);
  });

  it('no control character from the file reaches the error message raw', () => {
    const message = messageOf(doc({ name: 'a\u001b]0;pwned\u0007', plans: { 'b\u009b': { covers: ['c\u202e'] } }, clients: [{ plan: 'd\u001b' }] }));
    expect(message).not.toBe('');
    const unsafe = [...message].filter((c) => c !== '\n' && printable(c) !== c);
    expect(unsafe).toEqual([]);
    expect(message).toContain('bad.json: name: a name must not hold control or bidi characters (found \\u001b) (got "a\\u001b]0;pwned\\u0007")');
  });

  it("InputError's message escapes the file, the paths and the messages", () => {
    const error = new InputError('f\u001b.yaml', [{ path: 'plans.a\u009b', message: 'bad \u202e text' }]);
    expect(error.message).toBe('f\\u001b.yaml: plans.a\\u009b: bad \\u202e text');
  });

  it.each([
    ['a\u001bb', 'a\\u001bb'],
    ['\u0000\u007f\u0080\u009f', '\\u0000\\u007f\\u0080\\u009f'],
    ['\u061c\u200e\u200f\u202a\u202e\u2066\u2069', '\\u061c\\u200e\\u200f\\u202a\\u202e\\u2066\\u2069'],
    ['Café ☕ 24/7 Проект', 'Café ☕ 24/7 Проект'],
  ])('printable(%j) is %j', (text, expected) => {
    expect(printable(text)).toBe(expected);
  });
});

describe('prototype names are names like any other', () => {
  // In YAML, as a user writes it: `__proto__` is an own key there (a JS object literal would set the prototype).
  const protoYaml = [
    'cost_per_hour: 50',
    'hourly_rate: 80',
    'request_types:',
    '  __proto__: { category: perfective, frequency: { per_month: 1 }, effort: 1 }',
    '  constructor: { category: support, frequency: { per_month: 1 }, effort: 1 }',
    '  hasOwnProperty: { category: perfective, frequency: { per_month: 1 }, effort: 1 }',
    'plans:',
    '  toString: { covers: [__proto__, constructor] }',
    '  basic: { covers: [hasOwnProperty] }',
    'clients:',
    '  - { plan: toString, overrides: { constructor: { effort: 2 }, __proto__: { frequency: { per_month: 2 } } } }',
    '  - { plan: basic }',
    'shocks:',
    '  - { per_month: 0.1, request_type: __proto__, hit_probability: 0.5, plans: [toString] }',
    '',
  ].join('\n');

  it('a file with types __proto__, constructor, hasOwnProperty and a plan toString validates and keeps them', () => {
    expect(problemsOf(protoYaml)).toEqual([]);
    const scenario = parseScenario(protoYaml, 'proto.yaml');
    expect(scenario.requestTypes.map((t) => t.name)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(scenario.plans.map((p) => p.name)).toEqual(['toString', 'basic']);
    expect(scenario.clients[0].requestTypes.map((t) => [t.name, t.frequency.perMonth, t.effort.mean])).toEqual([
      ['__proto__', 2, 1],
      ['constructor', 1, 2],
      ['hasOwnProperty', 1, 1],
    ]);
    expect(scenario.shocks[0]).toMatchObject({ requestType: '__proto__', plans: ['toString'] });
  });

  // Written as text: JSON.parse, like the YAML reader, makes `__proto__` an own key.
  const protoJson = [
    '{"seed": 1, "cost_per_hour": 50, "hourly_rate": 80,',
    ' "request_types": {"__proto__": {"category": "perfective", "frequency": {"per_month": 2}, "effort": 0.5},',
    '                   "constructor": {"category": "support", "frequency": {"per_month": 1}, "effort": 1}},',
    ' "plans": {"__proto__": {"covers": ["constructor"]}, "toString": {"covers": ["__proto__", "constructor"], "monthly_fee": 90}},',
    ' "clients": [{"plan": "toString", "count": 3}, {"plan": "__proto__"}]}',
  ].join('\n');

  it('simulates, and breakeven --json carries plans.toString and plans.__proto__ as keys', async () => {
    const { scenario, columns } = simulateDocument(JSON.parse(protoJson) as Record<string, unknown>, 200);
    expect(scenario.requestTypes.map((t) => t.name)).toEqual(['__proto__', 'constructor']);
    expect(scenario.plans.map((p) => [p.name, p.covers])).toEqual([
      ['__proto__', ['constructor']],
      ['toString', ['__proto__', 'constructor']],
    ]);
    expect(columns.netCost.length).toBe(200);
    const file = writeScenario(tempDir(), 'proto.json', protoJson);
    const result = await fairfee(['breakeven', file, '--trials', '200', '--seed', '1', '--workers', '1', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const plans = (JSON.parse(result.stdout) as { plans: Record<string, unknown> }).plans;
    expect(Object.keys(plans)).toEqual(['__proto__', 'toString']);
    expect(Object.getOwnPropertyDescriptor(plans, 'toString')?.value).toMatchObject({ clients: 3, monthly_fee: 90 });
    expect(Object.getOwnPropertyDescriptor(plans, '__proto__')?.value).toMatchObject({ clients: 1 });
  });

  it.each([
    [
      'a client on plan "toString" when none is defined',
      doc({ clients: [{ plan: 'toString' }] }),
      'clients[0].plan: unknown plan "toString"; plans defines: basic',
    ],
    [
      'a covers item "constructor"',
      doc({ plans: { basic: { covers: ['constructor'] } } }),
      'plans.basic.covers[0]: unknown request type "constructor"; request_types defines: edit',
    ],
    [
      'an override "hasOwnProperty"',
      doc({ clients: [{ plan: 'basic', overrides: { hasOwnProperty: { effort: 1 } } }] }),
      'clients[0].overrides.hasOwnProperty: unknown request type "hasOwnProperty"; request_types defines: edit',
    ],
    [
      'a shock plan "__proto__"',
      doc({ shocks: [{ per_month: 1, request_type: 'edit', hit_probability: 0.5, plans: ['__proto__'] }] }),
      'shocks[0].plans[0]: unknown plan "__proto__"; plans defines: basic',
    ],
  ])('an unknown prototype name is reported: %s', (_name, document, expected) => {
    expect(problemsOf(document)).toEqual([expected]);
  });

  it('a problem inside a plan named __proto__ keeps its key path', () => {
    const text =
      '{"cost_per_hour":1,"hourly_rate":1,"request_types":{"edit":{"category":"support","frequency":{"per_month":1},"effort":1}},"plans":{"__proto__":{"covers":["edti"]}},"clients":[{"plan":"__proto__"}]}';
    expect(problemsOf(text)).toEqual(['plans.__proto__.covers[0]: unknown request type "edti"; did you mean "edit"?']);
  });
});

describe('an unknown reference names the near miss', () => {
  const two = doc({
    request_types: { 'Security updates': edit, seo: edit },
    plans: { Basic: { covers: ['seo'] }, 'Zorg 24/7': { covers: ['seo'] } },
    clients: [{ plan: 'Basic' }],
  });
  const withRef = (overrides: Record<string, unknown>) => ({ ...two, ...overrides });
  it.each([
    ['a case difference', withRef({ clients: [{ plan: 'basic' }] }), 'clients[0].plan: unknown plan "basic"; did you mean "Basic"?'],
    ['one letter off', withRef({ clients: [{ plan: 'Zorg 24/8' }] }), 'clients[0].plan: unknown plan "Zorg 24/8"; did you mean "Zorg 24/7"?'],
    [
      'two letters swapped',
      withRef({ plans: { Basic: { covers: ['Security udpates'] } } }),
      'plans.Basic.covers[0]: unknown request type "Security udpates"; did you mean "Security updates"?',
    ],
    [
      'a shock type with a missing letter',
      withRef({ shocks: [{ per_month: 1, request_type: 'eo', hit_probability: 0.5 }] }),
      'shocks[0].request_type: unknown request type "eo"; did you mean "seo"?',
    ],
    [
      'a shock plan with case and a typo',
      withRef({ shocks: [{ per_month: 1, request_type: 'seo', hit_probability: 0.5, plans: ['ZORG 24/7'] }] }),
      'shocks[0].plans[0]: unknown plan "ZORG 24/7"; did you mean "Zorg 24/7"?',
    ],
    [
      'an override type off by one',
      withRef({ clients: [{ plan: 'Basic', overrides: { sep: { effort: 1 } } }] }),
      'clients[0].overrides.sep: unknown request type "sep"; did you mean "seo"?',
    ],
    ['nothing close', withRef({ clients: [{ plan: 'gold' }] }), 'clients[0].plan: unknown plan "gold"; plans defines: Basic, Zorg 24/7'],
    [
      'too far for a short name',
      withRef({ plans: { Basic: { covers: ['sql'] } } }),
      'plans.Basic.covers[0]: unknown request type "sql"; request_types defines: Security updates, seo',
    ],
  ])('%s', (_name, document, expected) => {
    expect(problemsOf(document)).toEqual([expected]);
  });

  it.each([
    ['kitten', 'sitting', 3],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['Security udpates', 'Security updates', 1],
  ])('editDistance(%j, %j) is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('the budget is max(1, ⌊length/4⌋) edits', () => {
    expect(nearMiss('abcdefgh', ['abcdefXY'])).toBe('abcdefXY'); // 2 edits, length 8
    expect(nearMiss('abcdefgh', ['abcdeXYZ'])).toBeUndefined(); // 3 edits
    expect(nearMiss('ab', ['xb'])).toBe('xb');
    expect(nearMiss('ab', ['xy'])).toBeUndefined();
  });
});

describe('x_ notes are free inside the name maps too', () => {
  it.each([
    ['request_types', doc({ request_types: { edit, x_note: 'the old types are gone' } })],
    ['plans', doc({ plans: { basic: { covers: ['edit'] }, x_todo: { anything: true } } })],
    ['overrides', doc({ clients: [{ plan: 'basic', overrides: { edit: { effort: 2 }, x_why: 'slow site' } }] })],
  ])('%s', (_name, document) => {
    expect(problemsOf(document)).toEqual([]);
    const scenario = parseScenario(JSON.stringify(document), 'x.json');
    expect(scenario.requestTypes.map((t) => t.name)).toEqual(['edit']);
    expect(scenario.plans.map((p) => p.name)).toEqual(['basic']);
  });
});

describe('every problem at once, in file order', () => {
  it('a bad number does not hide an unknown plan', () => {
    expect(problemsOf(doc({ cost_per_hour: -1, clients: [{ plan: 'gold' }] }))).toEqual([
      'cost_per_hour: must be a number from 0 to 1,000,000 (got -1)',
      'clients[0].plan: unknown plan "gold"; plans defines: basic',
    ]);
  });

  it('problems of the schema and of the references interleave as the file has them', () => {
    const document = {
      cost_per_hour: 50,
      hourly_rate: 80,
      request_types: { edit: { category: 'perfective', frequency: { per_month: -1 }, effort: 1 } },
      plans: { basic: { covers: ['edti'], included_hours: -2 } },
      clients: [{ plan: 'basci', count: 0.5 }],
      shocks: [{ per_month: 1, request_type: 'nope', hit_probability: 2 }],
    };
    expect(problemsOf(document)).toEqual([
      'request_types.edit.frequency.per_month: must be a number from 0 to 10,000 (got -1)',
      'plans.basic.covers[0]: unknown request type "edti"; did you mean "edit"?',
      'plans.basic.included_hours: must be a number from 0 to 10,000 (got -2)',
      'clients[0].plan: unknown plan "basci"; did you mean "basic"?',
      'clients[0].count: must be a whole number from 1 to 100,000 (got 0.5)',
      'shocks[0].request_type: unknown request type "nope"; request_types defines: edit',
      'shocks[0].hit_probability: must be a number in [0, 1] (got 2)',
    ]);
  });

  it('a bad request type still defines its name for the references', () => {
    expect(problemsOf(doc({ request_types: { edit: { ...edit, category: 'cosmetic' } } }))).toEqual([
      'request_types.edit.category: must be one of corrective, adaptive, perfective, preventive, support (got "cosmetic")',
    ]);
  });
});

describe('validate speaks plainly, and the README example validates', () => {
  const one = JSON.stringify({
    cost_per_hour: 50,
    hourly_rate: 80,
    request_types: { edit },
    plans: { basic: { covers: ['edit'] } },
    clients: [{ plan: 'basic' }],
  });

  it.each([
    ['one of each', one, 'ok: "unnamed scenario", 1 client in 1 segment on 1 plan (basic), 1 request type, 12-month term'],
    [
      'several of each',
      JSON.stringify({
        cost_per_hour: 50,
        hourly_rate: 80,
        request_types: { edit, fix: edit },
        plans: { basic: { covers: ['edit'] }, 'Zorg 24/7': { covers: ['fix'] } },
        clients: [{ plan: 'basic', count: 1200 }, { plan: 'Zorg 24/7' }],
      }),
      'ok: "unnamed scenario", 1,201 clients in 2 segments on 2 plans (basic, Zorg 24/7), 2 request types, 12-month term',
    ],
  ])('counts are singular or plural: %s', async (_name, text, expected) => {
    const file = writeScenario(tempDir(), 's.json', text);
    const result = await fairfee(['validate', file]);
    expect(result.stdout).toBe(`${file}: ${expected}\n`);
  });

  it.each([
    ['without a seed', one, { seed: null, seed_note: 'none in the file; each run picks one and prints it' }],
    ['with a seed', JSON.stringify({ ...JSON.parse(one), seed: 7 }), { seed: '7' }],
  ])('validate --json %s says how the seed is chosen', async (_name, text, expected) => {
    const file = writeScenario(tempDir(), 's.json', text);
    const json = JSON.parse((await fairfee(['validate', file, '--json'])).stdout) as Record<string, unknown>;
    expect({ seed: json.seed, seed_note: json.seed_note }).toEqual({ seed_note: undefined, ...expected });
  });

  it('the yaml block under "Scenario files" in README.md validates', () => {
    const readme = readFileSync('README.md', 'utf8');
    const section = readme.slice(readme.indexOf('\n## Scenario files'));
    const block = /```yaml\n([\s\S]*?)```/.exec(section.slice(0, section.indexOf('\n## ', 1)))?.[1];
    expect(block).toContain('seasonality:');
    const scenario = parseScenario(block ?? '', 'README.md');
    expect(scenario.plans.map((p) => p.name)).toEqual(['basic']);
    expect(scenario.requestTypes[0].seasonality?.reduce((s, v) => s + v, 0)).toBeCloseTo(12, 9);
  });
});
