import type { Argv, CommandModule } from 'yargs';
import { breakevenReport } from '../../analysis/runReport.js';
import { breakevenJson } from '../../report/breakevenJson.js';
import { breakevenText } from '../../report/breakevenText.js';
import { breakevenCsv } from '../../report/breakevenCsv.js';
import { tableCsv } from '../../report/csv.js';
import { trialsCsv } from '../../report/trialsCsv.js';
import {
  checkGivenOnce,
  checkPrecisionArgs,
  maxTrialsOf,
  numberOption,
  precisionOptions,
  scenarioPositional,
  sharedShocksOption,
  simulationOptions,
  type PrecisionArgs,
  type SimulationArgs,
} from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { withoutSharedShocks } from '../../analysis/sharedShocks.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { textStyle } from '../../report/i18n/textStyle.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs, checkTrialsXlsx, trialsXlsxOption } from '../reportOutputs.js';
import { histogram } from '../../analysis/histogram.js';
import { perTrialFees } from '../../analysis/breakeven.js';

type Args = SimulationArgs & PrecisionArgs & ReportArgs & { scenario: string; confidence?: number[]; 'shared-shocks': boolean };

/** The command's options, as data. */
const breakevenOptions = {
  ...simulationOptions,
  ...precisionOptions,
  confidence: numberOption('confidence', {
    array: true,
    allowed: 'numbers in (0, 1), e.g. 0.9 0.95 0.99',
    describe: 'Confidence levels in (0, 1), e.g. --confidence 0.9 0.95 0.99',
  }),
  ...sharedShocksOption,
  ...reportOptions,
  ...trialsXlsxOption,
};

/**
 * Every option check of the command (jest-cli's `check()`): each option given once, the
 * simulation and --precision options.
 * @throws UsageError (exit 2)
 */
export function checkBreakevenArgs(args: Partial<Args>): true {
  checkGivenOnce(args, breakevenOptions);
  checkReportArgs(args);
  return checkPrecisionArgs(args);
}

/** `fairfee breakeven SCENARIO --confidence 0.9 0.95 0.99`. */
export function breakevenCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'breakeven <scenario>',
    describe: 'Break-even flat fees at one or more confidence levels',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options(breakevenOptions)
        .check((argv) => checkBreakevenArgs(argv as Partial<Args>))
        .example('$0 breakeven scenarios/webagency.yaml --confidence 0.9 0.95 0.99', 'fees at three levels') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs(
        { '--csv': args.csv, '--trials-csv': args['trials-csv'], '--html': args.html, '--xlsx': args.xlsx, '--trials-xlsx': args['trials-xlsx'] },
        [args.scenario],
        args.json,
      );
      const prepared = await prepareRun(args.scenario, args, io);
      checkTrialsXlsx(args, prepared.trials, maxTrialsOf(args));
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
      const shocks = args['shared-shocks']
        ? await withoutSharedShocks(simulatorOf(run, args, io), { trials: run.trials, confidence: run.levels[0] }, { columns, report })
        : null;
      const dialect = args['csv-dialect'];
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(breakevenCsv(report), dialect),
          '--trials-csv': () => trialsCsv(run.scenario, columns, dialect),
          // The page's histogram of the per-term fee, as `run` draws it; the terminal text has none.
          '--html': async () => (await htmlPages()).breakevenHtml(report, histogram(perTrialFees(columns.netCost, columns.feeWeight)), pageMeta(args, report)),
          '--xlsx': async () => (await workbooks()).breakevenWorkbook(report, pageMeta(args, report)),
          '--trials-xlsx': async () => (await workbooks()).trialsWorkbook(run.scenario, columns, pageMeta(args, report)),
        },
        io,
      );
      if (args.json)
        return printJson(io, { ...breakevenJson(report), ...(shocks ? { without_shared_shocks: shocks } : {}), ...(precision ? { precision } : {}) });
      if (outputs.onStdout) return;
      const text = breakevenText(report, shocks, textStyle(langOf(args)));
      io.stdout.write(`${precision ? `${text}\n\n${formatPrecision(precision, textStyle(langOf(args)))}` : text}\n`);
    },
  };
}
