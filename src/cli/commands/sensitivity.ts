import type { Argv, CommandModule } from 'yargs';
import { adviceFrom } from '../../analysis/tornado.js';
import { runIdentity } from '../../analysis/runReport.js';
import { formatHeader } from '../../report/breakevenText.js';
import { formatSensitivity, sensitivityCsv } from '../../report/sensitivityText.js';
import { UsageError } from '../errors.js';
import { checkSimulationArgs, scenarioPositional, simulationOptions, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { runSensitivity } from '../sensitivityRuns.js';
import { prepareRun } from '../simulation.js';

type Args = SimulationArgs & { scenario: string; change: number; confidence?: number };

/** Trials per what-if run unless --trials says otherwise: common random numbers make differences precise with few. */
export const SENSITIVITY_TRIALS = 4000;

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
        .check((argv) => {
          checkSimulationArgs(argv as Partial<SimulationArgs>);
          const change = argv.change as number;
          if (!(change > 0 && change < 1)) throw new UsageError(`--change must be in (0, 1), e.g. 0.2 (got ${change})`);
          return true;
        })
        .example('$0 sensitivity scenarios/webagency.yaml', 'the tornado at ±20%') as unknown as Argv<Args>,
    handler: async (args) => {
      const prepared = await prepareRun(args.scenario, args, io);
      const run = { ...prepared, trials: args.trials ?? Math.min(prepared.trials, SENSITIVITY_TRIALS) };
      const result = await runSensitivity(run, args, io, args.change);
      if (args.csv) await writeCsvFile(args.csv, sensitivityCsv(result), args['csv-dialect']);
      const identity = runIdentity(run.scenario, run.trials, run.seed);
      if (args.json) {
        return printJson(io, {
          ...identity,
          confidence: run.levels[0],
          ...result,
          advice: adviceFrom(result.rows, result.variance_shares, run.scenario.currency),
        });
      }
      io.stdout.write(`${formatHeader(identity)}\n\n${formatSensitivity(result, run.scenario.currency)}\n`);
    },
  };
}
