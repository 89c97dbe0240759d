import { availabilitySchema } from './uptime/schema.js';
import type { AvailabilityBlock } from './uptime/spec.js';
import { isMapping, keyProblem } from './names.js';
import { parseYaml } from './parseYaml.js';
import { printable } from './printable.js';
import { crossReferenceProblems, type LocatedProblem, rateProblems, resolveScenario } from './resolve.js';
import { InputError, formatPath } from './scenarioError.js';
import { rawScenarioSchema, type RawScenario } from './schema.js';
import type { Scenario } from './types.js';

const schema = rawScenarioSchema(availabilitySchema);

/** A key path as a map key: numbers (list positions) and texts (keys) kept apart. */
const pathId = (keys: readonly PropertyKey[]) => JSON.stringify(keys.map((k) => (typeof k === 'number' ? k : String(k))));

/**
 * The data with every key that holds a control or bidi character taken out, each reported at its
 * key path, and the file order of every key path (a pre-order walk: a mapping before its keys,
 * keys as written).
 */
function screenKeys(data: unknown): { data: unknown; problems: LocatedProblem[]; order: Map<string, number> } {
  const problems: LocatedProblem[] = [];
  const order = new Map<string, number>();
  const walk = (value: unknown, keys: PropertyKey[]): unknown => {
    order.set(pathId(keys), order.size);
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...keys, i]));
    if (!isMapping(value)) return value;
    const entries: [string, unknown][] = [];
    for (const [key, item] of Object.entries(value)) {
      const problem = keyProblem(key);
      if (problem === undefined) entries.push([key, walk(item, [...keys, key])]);
      else {
        order.set(pathId([...keys, key]), order.size);
        problems.push({ keys: [...keys, key], message: problem });
      }
    }
    // Object.fromEntries defines own properties, so a key `__proto__` stays a key.
    return Object.fromEntries(entries);
  };
  return { data: walk(data, []), problems, order };
}

/** The problems in file order: by the position of the deepest written key on each path; ties keep their order. */
function inFileOrder(problems: LocatedProblem[], order: Map<string, number>): LocatedProblem[] {
  const rank = (keys: PropertyKey[]) => {
    for (let n = keys.length; n >= 0; n--) {
      const at = order.get(pathId(keys.slice(0, n)));
      if (at !== undefined) return at;
    }
    return 0;
  };
  return problems
    .map((problem, i) => ({ problem, i, at: rank(problem.keys) }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map((p) => p.problem);
}

/**
 * Scenario text (YAML or JSON) → validated Scenario. Every problem in the file is reported
 * at once, in file order, each with its key path and what is allowed: the schema's and the
 * cross-references' together (a bad number does not hide an unknown plan).
 * @param file the name used in messages
 * @throws InputError listing every problem
 */
export function parseScenario(text: string, file: string): Scenario {
  const parsedText = parseYaml(text, file);
  if (parsedText === null || parsedText === undefined) {
    throw new InputError(file, [
      { path: '', message: 'the file is empty; a scenario needs at least cost_per_hour, hourly_rate, request_types, plans and clients' },
    ]);
  }
  const { data, problems, order } = screenKeys(parsedText);
  const parsed = schema.safeParse(data);
  if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => ({ keys: issue.path as PropertyKey[], message: issue.message })));
  problems.push(...crossReferenceProblems(data));
  if (parsed.success && problems.length === 0) problems.push(...rateProblems(parsed.data as RawScenario<AvailabilityBlock>));
  if (problems.length > 0) {
    throw new InputError(
      file,
      inFileOrder(problems, order).map((p) => ({ path: printable(formatPath(p.keys)), message: p.message })),
    );
  }
  return resolveScenario(parsed.data as RawScenario<AvailabilityBlock>);
}
