import type { Argv, CommandModule } from 'yargs';
import { runIdentity } from '../../analysis/runReport.js';
import { runSensitivity } from '../../analysis/sensitivity.js';
import { sensitivityJson } from '../../report/sensitivityJson.js';
import { sensitivityCsv, sensitivityText } from '../../report/sensitivityText.js';
import { UsageError } from '../errors.js';
import { checkSimulationArgs, scenarioPositional, simulationOptions, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { prepareRun, simulatorOf } from '../simulation.js';

type Args = SimulationArgs & { scenario: string; change: number; confidence?: number };

/** Trials per what-if run unless --trials says otherwise: common random numbers make differences precise with few. */
export const SENSITIVITY_TRIALS = 4000;

/**
 * Every option check of the command (jest-cli's `check()`): the simulation options and --change.
 * @throws UsageError (exit 2)
 */
export function checkSensitivityArgs(args: Partial<Args>): true {
  checkSimulationArgs(args);
  const change = args.change;
  if (change !== undefined && !(change > 0 && change < 1)) throw new UsageError(`--change must be in (0, 1), e.g. 0.2 (got ${change})`);
  return true;
}

/** `fairfee sensitivity SCENARIO`: the tornado of inputs and each request type's share of the risk. */
export function sensitivityCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'sensitivity <scenario>',
    describe: 'Which inputs move the break-even fee most: each moved ±20% on the same simulated terms (a tornado)',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options({
          ...simulationOptions,
          trials: {
            ...simulationOptions.trials,
            describe: `Simulated terms per what-if run (default ${SENSITIVITY_TRIALS.toLocaleString('en-US')}, or fewer if the scenario asks fewer)`,
          },
          change: { type: 'number', default: 0.2, describe: 'Relative move of each input, down and up (0.2 = ±20%)' },
        })
        .check((argv) => checkSensitivityArgs(argv as Partial<Args>))
        .example('$0 sensitivity scenarios/webagency.yaml', 'the tornado at ±20%') as unknown as Argv<Args>,
    handler: async (args) => {
      const run = await prepareRun(args.scenario, args, io);
      const trials = args.trials ?? Math.min(run.trials, SENSITIVITY_TRIALS);
      const confidence = run.levels[0];
      const result = await runSensitivity(simulatorOf(run, args, io), { trials, confidence, change: args.change });
      if (args.csv) await writeCsvFile(args.csv, sensitivityCsv(result), args['csv-dialect']);
      const identity = runIdentity(run.scenario, trials, run.seed);
      if (args.json) return printJson(io, sensitivityJson(identity, confidence, result, run.scenario.currency));
      io.stdout.write(`${sensitivityText(identity, result, run.scenario.currency)}\n`);
    },
  };
}
