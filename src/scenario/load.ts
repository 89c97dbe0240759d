import { availabilitySchema } from './uptime/schema.js';
import type { AvailabilitySpec } from './uptime/spec.js';
import { parseYaml } from './parseYaml.js';
import { crossReferenceProblems, resolveScenario } from './resolve.js';
import { InputError, formatPath } from './scenarioError.js';
import { rawScenarioSchema, type RawScenario } from './schema.js';
import type { Scenario } from './types.js';

const schema = rawScenarioSchema(availabilitySchema);

/**
 * Scenario text (YAML or JSON) → validated Scenario. Every problem in the file is reported
 * at once, each with its key path and what is allowed.
 * @param file the name used in messages
 * @throws InputError listing every problem
 */
export function parseScenario(text: string, file: string): Scenario {
  const data = parseYaml(text, file);
  if (data === null || data === undefined) {
    throw new InputError(file, [
      { path: '', message: 'the file is empty; a scenario needs at least cost_per_hour, hourly_rate, request_types, plans and clients' },
    ]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new InputError(
      file,
      parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  }
  const raw = parsed.data as RawScenario<AvailabilitySpec>;
  const problems = crossReferenceProblems(raw);
  if (problems.length > 0) throw new InputError(file, problems);
  return resolveScenario(raw);
}
