import type { Argv, CommandModule } from 'yargs';
import { runIdentity } from '../../analysis/runReport.js';
import { runSensitivity } from '../../analysis/sensitivity.js';
import { uniformFeeProblem } from '../../analysis/uniformFee.js';
import { sensitivityJson } from '../../report/sensitivityJson.js';
import { tableCsv } from '../../report/csv.js';
import { sensitivityCsv, sensitivityText } from '../../report/sensitivityText.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, checkSimulationArgs, numberOption, scenarioPositional, shown, simulationOptions, type SimulationArgs } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { textStyle } from '../../report/i18n/textStyle.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs } from '../reportOutputs.js';

type Args = SimulationArgs & ReportArgs & { scenario: string; change: number; confidence?: number };

/** Trials per what-if run unless --trials says otherwise: common random numbers make differences precise with few. */
export const SENSITIVITY_TRIALS = 4000;

/** The command's options, as data. */
const sensitivityOptions = {
  ...simulationOptions,
  trials: numberOption('trials', {
    describe: `Simulated terms per what-if run (default ${SENSITIVITY_TRIALS.toLocaleString('en-US')}, or fewer if the scenario asks fewer)`,
  }),
  change: numberOption('change', { allowed: 'a number in (0, 1), e.g. 0.2', default: 0.2, describe: 'Relative move of each input, down and up (0.2 = ±20%)' }),
  ...reportOptions,
};

/**
 * Every option check of the command (jest-cli's `check()`): each option given once, the
 * simulation options, --change, and no --trials-csv (the what-if runs are many, none is "the" run).
 * @throws UsageError (exit 2)
 */
export function checkSensitivityArgs(args: Partial<Args>): true {
  checkGivenOnce(args, sensitivityOptions);
  checkSimulationArgs(args);
  checkReportArgs(args);
  if (args['trials-csv'] !== undefined)
    throw new UsageError('--trials-csv is not written by sensitivity (each input is a run of its own); use it with run, breakeven or compare');
  const change = args.change;
  if (change !== undefined && !(change > 0 && change < 1)) throw new UsageError(`--change must be in (0, 1), e.g. 0.2 (got ${shown(change)})`);
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
        .options(sensitivityOptions)
        .check((argv) => checkSensitivityArgs(argv as Partial<Args>))
        .example('$0 sensitivity scenarios/webagency.yaml', 'the tornado at ±20%') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs({ '--csv': args.csv, '--html': args.html, '--xlsx': args.xlsx }, [args.scenario], args.json);
      const run = await prepareRun(args.scenario, args, io);
      const problem = uniformFeeProblem(run.scenario);
      if (problem)
        throw new UsageError(
          `${args.scenario}: sensitivity moves the uniform flat fee, and this scenario has none: ${problem}; fairfee forms compares each segment's prices`,
        );
      const trials = args.trials ?? Math.min(run.trials, SENSITIVITY_TRIALS);
      const confidence = run.levels[0];
      const result = await runSensitivity(simulatorOf(run, args, io), { trials, confidence, change: args.change });
      const identity = runIdentity(run.scenario, trials, run.seed);
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(sensitivityCsv(result), args['csv-dialect']),
          '--html': async () => (await htmlPages()).sensitivityHtml(result, pageMeta(args, identity)),
          '--xlsx': async () => (await workbooks()).sensitivityWorkbook(result, pageMeta(args, identity)),
        },
        io,
      );
      if (args.json) return printJson(io, sensitivityJson(identity, confidence, result, run.scenario.currency));
      if (outputs.onStdout) return;
      io.stdout.write(`${sensitivityText(identity, result, run.scenario.currency, textStyle(langOf(args)))}\n`);
    },
  };
}
