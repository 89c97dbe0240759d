import type { Argv, CommandModule } from 'yargs';
import { studyForms } from '../../analysis/forms.js';
import { runIdentity } from '../../analysis/runReport.js';
import { tableCsv } from '../../report/csv.js';
import { formsCsv, formsJson, formsText } from '../../report/formsText.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, checkSimulationArgs, numberOption, scenarioPositional, simulationOptions, type SimulationArgs } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs } from '../reportOutputs.js';
import { textStyle } from '../../report/i18n/textStyle.js';

type Args = SimulationArgs & ReportArgs & { scenario: string; confidence?: number };

/** Trials per (segment, form) unless --trials says otherwise: every form of a segment runs on the same requests. */
export const FORMS_TRIALS = 10_000;

const formsOptions = {
  ...simulationOptions,
  trials: numberOption('trials', {
    describe: `Simulated terms per segment and form (default ${FORMS_TRIALS.toLocaleString('en-US')}, or fewer if the scenario asks fewer)`,
  }),
  ...reportOptions,
};

/**
 * Every option check of the command: each option given once, the simulation options, and no
 * --trials-csv (each segment and form is a run of its own).
 * @throws UsageError (exit 2)
 */
export function checkFormsArgs(args: Partial<Args>): true {
  checkGivenOnce(args, formsOptions);
  checkSimulationArgs(args);
  checkReportArgs(args);
  if (args['trials-csv'] !== undefined)
    throw new UsageError('--trials-csv is not written by forms (each segment and form is a run of its own); use it with run, breakeven or compare');
  return true;
}

/** `fairfee forms SCENARIO`: which contract form for whom (MODEL.md, "Which form for whom"). */
export function formsCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'forms <scenario>',
    describe: "Which contract form for whom: every client segment under every candidate form, the agency's and the client's side",
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options(formsOptions)
        .check((argv) => checkFormsArgs(argv as Partial<Args>))
        .example('$0 forms scenarios/mixed-forms.yaml', 'each segment under flat, bundle, hourly and per-request forms') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs({ '--csv': args.csv, '--html': args.html, '--xlsx': args.xlsx }, [args.scenario], args.json);
      const run = await prepareRun(args.scenario, args, io);
      const trials = args.trials ?? Math.min(run.trials, FORMS_TRIALS);
      const confidence = run.levels[0];
      const currency = run.scenario.currency;
      const result = await studyForms(simulatorOf(run, args, io), { trials, confidence, currency });
      const identity = runIdentity(run.scenario, trials, run.seed);
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(formsCsv(result), args['csv-dialect']),
          '--html': async () => (await htmlPages()).formsHtml(result, pageMeta(args, identity)),
          '--xlsx': async () => (await workbooks()).formsWorkbook(result, pageMeta(args, identity)),
        },
        io,
      );
      if (args.json) return printJson(io, formsJson(identity, result));
      if (outputs.onStdout) return;
      io.stdout.write(`${formsText(identity, result, currency, textStyle(langOf(args)))}\n`);
    },
  };
}
