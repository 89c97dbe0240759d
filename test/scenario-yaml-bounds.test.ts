import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_ALIASES, MAX_YAML_DEPTH, MAX_YAML_NODES } from '../src/scenario/limits.js';
import { parseScenario } from '../src/scenario/load.js';
import { parseYaml } from '../src/scenario/parseYaml.js';
import { InputError } from '../src/scenario/scenarioError.js';

const BASE = readFileSync('scenarios/freelancer.yaml', 'utf8');
const BASE_LINES = BASE.split('\n').length;

/** The messages parseYaml refuses a text with, or [] when it accepts it. */
function refusal(text: string): string[] {
  try {
    parseYaml(text, 'f.yaml');
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
}

describe('parseYaml bounds the work, not only the bytes', () => {
  it.each([
    ['a flow list 5,000 deep', `x_a: ${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['a flow mapping 5,000 deep', `x_a: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}`],
    ['a compact block list 5,000 deep', `x_a:\n  ${'- '.repeat(5000)}1`],
  ])('refuses %s with the limit named, before parsing', (_what, text) => {
    expect(refusal(text)).toEqual([
      `line ${text.split('\n').length}: nesting is deeper than ${MAX_YAML_DEPTH} levels; a scenario needs far fewer (refused before parsing)`,
    ]);
  });

  it('accepts nesting up to the depth a scenario needs', () => {
    expect(refusal(`x_a: ${'['.repeat(20)}${']'.repeat(20)}`)).toEqual([]);
    expect(parseScenario(BASE, 'freelancer.yaml').name).toBe('Freelancer with six care contracts');
  });

  it('refuses more values than MAX_YAML_NODES, however few bytes they take', () => {
    const text = `x_a: [${Array.from({ length: MAX_YAML_NODES + 5 }, () => '1').join(',')}]`;
    expect(refusal(text)[0]).toMatch(/more than 150,000 values; at most 150,000 are read/);
  });

  it(`accepts exactly ${MAX_YAML_ALIASES} aliases and refuses one more`, () => {
    const aliases = (n: number) => `x_a: &a 1\n${Array.from({ length: n }, (_, i) => `x_${i}: *a`).join('\n')}\n`;
    expect(refusal(aliases(MAX_YAML_ALIASES))).toEqual([]);
    expect(refusal(aliases(MAX_YAML_ALIASES + 1))).toEqual([`line ${MAX_YAML_ALIASES + 2}: more than 100 aliases (*name); at most 100 are read`]);
  });

  it('refuses an alias bomb within the alias count', () => {
    const bomb = [
      'a: &a [1,1,1,1,1,1,1,1,1,1]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    ];
    expect(refusal(bomb.join('\n'))[0]).toMatch(/aliases may expand to at most 1000 values in all/);
  });

  it('names the line of an alias used before its anchor', () => {
    expect(refusal('x_a: 1\nx_b: *nowhere\n')).toEqual(['line 2: alias *nowhere comes before any anchor &nowhere defines it (an anchor must come first)']);
  });

  it('refuses an alias inside its own anchor (a value that contains itself)', () => {
    expect(refusal('x_a: &a [1, *a]\n')).toEqual(['line 1: alias *a sits inside the value of its own anchor &a: its value would contain itself']);
  });

  it.each([['!!js/function'], ['!foo'], ['!!binary']])('refuses the tag %s', (tag) => {
    expect(refusal(`x_a: ${tag} "x"\n`)).toEqual([`line 1: tag ${tag} is not allowed; a scenario holds plain values (text, numbers, lists, mappings) only`]);
  });

  it('allows the core schema tags', () => {
    expect(parseYaml('a: !!str 12\nb: !!seq [1]\n', 'f.yaml')).toEqual({ a: '12', b: [1] });
  });

  it('refuses merge keys and several documents with a clear message', () => {
    expect(refusal('x_a: &a { b: 1 }\nx_c:\n  <<: *a\n')).toEqual([
      'line 3: YAML merge keys (<<) are not supported: write the keys out, or repeat a whole value with *anchor',
    ]);
    expect(refusal('a: 1\n---\nb: 2\n')).toEqual([': the file holds 2 YAML documents (separated by ---); a scenario is one document']);
    expect(refusal('---\na: 1\n')).toEqual([]);
    expect(refusal('---\na: 1\n...\n')).toEqual([]);
  });

  it('says "use a decimal point" where comma decimals would be read as more numbers', () => {
    expect(refusal('values: [0,25, 0,5, 0,75, 1,5]\n')).toEqual(['line 1: "0,25" reads as two numbers, 0 and 25: use a decimal point: 0.25, not 0,25']);
    expect(refusal('frequency: { per_month: 0,8 }\n')).toEqual(['line 1: "0,8" reads as two numbers, 0 and 8: use a decimal point: 0.8, not 0,8']);
    // A list of whole numbers written without spaces is a list, not decimals.
    expect(refusal('values: [1,2,3]\n')).toEqual([]);
    expect(refusal('values: [0.25, 0.5]\nnames: [a,b, c]\n')).toEqual([]);
  });

  it('refuses the decimal-comma file from the field, which validated and moved a fee from 10.43 to -132.26', () => {
    const text = BASE.replace('effort: 0.25', 'effort: { dist: empirical, values: [0,25, 0,5, 0,75, 1,5] }');
    expect(text).not.toBe(BASE);
    expect(() => parseScenario(text, 'f.yaml')).toThrow(/use a decimal point: 0\.25, not 0,25/);
  });

  it('a JSON syntax error says JSON, with its line', () => {
    expect(refusal('{ "a": 1,, }')[0]).toMatch(/^line 1, column \d+: not valid JSON or YAML/);
  });

  it('reads JSON on one line: its colons are not nesting and its tight commas are separators', () => {
    const document = { a: { b: [1.4, 1, 1, 0.5, 1, 2], c: { d: 1, e: 1 } }, f: Array.from({ length: 300 }, (_, i) => ({ g: i, h: [i, 1] })) };
    expect(refusal(JSON.stringify(document))).toEqual([]);
    expect(parseYaml(JSON.stringify(document), 'f.json')).toEqual(document);
  });

  it('the limits leave the bundled scenarios alone', () => {
    expect(BASE_LINES).toBeGreaterThan(10);
    for (const file of ['webagency', 'freelancer', 'hosting-sla', 'large-agency', 'bench-r1']) {
      expect(() => parseScenario(readFileSync(`scenarios/${file}.yaml`, 'utf8'), file)).not.toThrow();
    }
  });
});
