import type { Argv, CommandModule } from 'yargs';
import { scenarioSummary } from '../../analysis/scenarioSummary.js';
import { validateText } from '../../report/validateText.js';
import { scenarioPositional } from '../options.js';
import { printJson, type Io } from '../output.js';
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
      const summary = scenarioSummary(scenario);
      if (args.json) return printJson(io, summary);
      io.stdout.write(`${validateText(args.scenario, summary)}\n`);
    },
  };
}
