import type { Argv, CommandModule } from 'yargs';
import { clientCount } from '../../scenario/types.js';
import { scenarioPositional } from '../options.js';
import type { Io } from '../output.js';
import { loadScenarioFile } from '../scenarioFile.js';

/** `fairfee validate SCENARIO`: every problem, or a one-line summary; no simulation. */
export function validateCommand(io: Io): CommandModule<object, { scenario: string; json: boolean }> {
  return {
    command: 'validate <scenario>',
    describe: 'Check a scenario file and report every problem, without simulating',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON' }) as unknown as Argv<{ scenario: string; json: boolean }>,
    handler: async (args) => {
      const { scenario } = await loadScenarioFile(args.scenario);
      const summary = {
        scenario: scenario.name,
        valid: true,
        clients: clientCount(scenario),
        segments: scenario.clients.length,
        plans: scenario.plans.map((p) => p.name),
        request_types: scenario.requestTypes.map((t) => t.name),
        term_months: scenario.termMonths,
        trials: scenario.trials,
        seed: scenario.seed ?? null,
      };
      if (args.json) {
        io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        return;
      }
      io.stdout.write(
        `${args.scenario}: ok: "${scenario.name}", ${summary.clients} clients in ${summary.segments} segments on ${summary.plans.length} plans (${summary.plans.join(', ')}), ${summary.request_types.length} request types, ${scenario.termMonths}-month term\n`,
      );
    },
  };
}
