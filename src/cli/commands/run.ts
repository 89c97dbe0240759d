import type { Argv, CommandModule } from 'yargs';
import { studyRun } from '../../analysis/runStudy.js';
import { breakevenCsv } from '../../report/breakevenCsv.js';
import { tableCsv } from '../../report/csv.js';
import { runJson } from '../../report/runJson.js';
import { runText } from '../../report/runText.js';
import { trialsCsv } from '../../report/trialsCsv.js';
import { UsageError } from '../errors.js';
import {
  checkGivenOnce,
  checkPrecisionArgs,
  maxTrialsOf,
  numberOption,
  precisionOptions,
  sharedShocksOption,
  shown,
  simulationOptions,
  type PrecisionArgs,
  type SimulationArgs,
} from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { DEFAULT_SCENARIO } from '../scenarioFile.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { textStyle } from '../../report/i18n/textStyle.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs, checkTrialsXlsx, trialsXlsxOption } from '../reportOutputs.js';

type Args = SimulationArgs & PrecisionArgs & ReportArgs & { scenario?: string; confidence?: number; 'sensitivity-trials': number; 'shared-shocks': boolean };

/** Most terms per what-if of the "what drives the fee" section. */
const MAX_SENSITIVITY_TRIALS = 1_000_000;

/** The command's options, as data. */
export const runOptions = {
  ...simulationOptions,
  ...precisionOptions,
  'sensitivity-trials': numberOption('sensitivity-trials', {
    allowed: `a whole number from 0 to ${MAX_SENSITIVITY_TRIALS.toLocaleString('en-US')}`,
    default: 1000,
    describe: 'Simulated terms per what-if run in the "what drives the fee" section (0 to skip it)',
  }),
  ...sharedShocksOption,
  ...reportOptions,
  ...trialsXlsxOption,
};

/**
 * Every option check of the command (jest-cli's `check()`): each option given once, the
 * simulation and --precision options, and --sensitivity-trials.
 * @throws UsageError (exit 2)
 */
export function checkRunArgs(args: Partial<Args>): true {
  checkGivenOnce(args, runOptions);
  checkPrecisionArgs(args);
  checkReportArgs(args);
  const trials = args['sensitivity-trials'];
  if (trials !== undefined && !(Number.isInteger(trials) && trials >= 0 && trials <= MAX_SENSITIVITY_TRIALS)) {
    throw new UsageError(`--sensitivity-trials must be a whole number from 0 to ${MAX_SENSITIVITY_TRIALS.toLocaleString('en-US')} (got ${shown(trials)})`);
  }
  return true;
}

/** `fairfee run [SCENARIO]`: the main job. */
export function runCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'run [scenario]',
    describe: 'Simulate a portfolio: break-even fee, fair fee, plan fees, fairness, a fee table, what drives the fee, and a histogram',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON); default: the bundled scenarios/webagency.yaml' })
        .options(runOptions)
        .check((argv) => checkRunArgs(argv as Partial<Args>))
        .example('$0 run', 'the bundled example portfolio')
        .example('$0 run my-agency.yaml --trials 100000 --seed 7', 'your own, more precisely')
        .example('$0 run my-agency.yaml --precision 0.5%', 'as many trials as ±0.5% needs') as unknown as Argv<Args>,
    handler: async (args) => {
      const file = args.scenario ?? DEFAULT_SCENARIO;
      const outputs = await checkOutputs(
        { '--csv': args.csv, '--trials-csv': args['trials-csv'], '--html': args.html, '--xlsx': args.xlsx, '--trials-xlsx': args['trials-xlsx'] },
        [file],
        args.json,
      );
      const prepared = await prepareRun(file, args, io);
      checkTrialsXlsx(args, prepared.trials, maxTrialsOf(args));
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const result = await studyRun(simulatorOf(run, args, io), columns, run.trials, {
        levels: run.levels,
        sharedShocks: args['shared-shocks'],
        sensitivityTrials: args['sensitivity-trials'],
        sensitivityChange: 0.2,
        sensitivityTypes: 3,
      });
      const dialect = args['csv-dialect'];
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(breakevenCsv(result.report), dialect),
          '--trials-csv': () => trialsCsv(run.scenario, columns, dialect),
          '--html': async () => (await htmlPages()).runHtml(result, pageMeta(args, result.report)),
          '--xlsx': async () => (await workbooks()).runWorkbook(result, null, pageMeta(args, result.report)),
          '--trials-xlsx': async () => (await workbooks()).trialsWorkbook(run.scenario, columns, pageMeta(args, result.report)),
        },
        io,
      );
      if (args.json) return printJson(io, { ...runJson(result), ...(precision ? { precision } : {}) });
      if (!outputs.onStdout)
        io.stdout.write(`${runText(result, precision ? formatPrecision(precision, textStyle(langOf(args))) : null, textStyle(langOf(args)))}\n`);
    },
  };
}
