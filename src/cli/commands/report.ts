import type { Argv, CommandModule } from 'yargs';
import { analyzeAvailability } from '../../analysis/availability/analysis.js';
import { studyRun } from '../../analysis/runStudy.js';
import { breakevenCsv } from '../../report/breakevenCsv.js';
import { tableCsv } from '../../report/csv.js';
import { trialsCsv } from '../../report/trialsCsv.js';
import { UsageError } from '../errors.js';
import { checkOutputs, writeCommandOutputs, type Io } from '../output.js';
import { maxTrialsOf, type PrecisionArgs, type SimulationArgs } from '../options.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { pageMeta, type ReportArgs, checkTrialsXlsx } from '../reportOutputs.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { checkRunArgs, runOptions } from './run.js';

type Args = SimulationArgs & PrecisionArgs & ReportArgs & { scenario: string; confidence?: number; 'sensitivity-trials': number; 'shared-shocks': boolean };

/**
 * Every option check of the command: run's, and a page or a workbook to write, since that is
 * all the command makes.
 * @throws UsageError (exit 2)
 */
export function checkReportCommandArgs(args: Partial<Args>): true {
  checkRunArgs(args);
  if (args.html === undefined && args.xlsx === undefined) throw new UsageError('report writes a page: give --html FILE (or --xlsx FILE for the workbook)');
  if (args.json) throw new UsageError('report writes a page, not JSON; `fairfee run --json` gives the same numbers as JSON');
  return true;
}

/** `fairfee report SCENARIO --html FILE`: every section of run, and the availability of the chain when the scenario has one. */
export function reportCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'report <scenario>',
    describe: 'One self-contained HTML page with the charts and tables of run (and availability, when the scenario has a chain)',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
        .options(runOptions)
        .check((argv) => checkReportCommandArgs(argv as Partial<Args>))
        .example('$0 report scenarios/webagency.yaml --html report.html', 'the page, to open in a browser or print')
        .example('$0 report scenarios/webagency.yaml --html rapport.html --lang nl', 'in Dutch') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs(
        { '--csv': args.csv, '--trials-csv': args['trials-csv'], '--html': args.html, '--xlsx': args.xlsx, '--trials-xlsx': args['trials-xlsx'] },
        [args.scenario],
        false,
      );
      const prepared = await prepareRun(args.scenario, args, io);
      checkTrialsXlsx(args, prepared.trials, maxTrialsOf(args));
      const { run, columns } = await mainSimulation(prepared, args, io);
      const result = await studyRun(simulatorOf(run, args, io), columns, run.trials, {
        levels: run.levels,
        sharedShocks: args['shared-shocks'],
        sensitivityTrials: args['sensitivity-trials'],
        sensitivityChange: 0.2,
        sensitivityTypes: 3,
      });
      const spec = run.scenario.availability;
      // The same months `fairfee availability` simulates by default: trials × term, on the run's seed.
      const availability = spec
        ? {
            analysis: analyzeAvailability(spec, { months: run.trials * run.scenario.termMonths, seed: run.seed, monthsPerTrial: run.scenario.termMonths }),
            credits: spec.credits,
          }
        : null;
      const meta = pageMeta(args, result.report);
      const dialect = args['csv-dialect'];
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(breakevenCsv(result.report), dialect),
          '--trials-csv': () => trialsCsv(run.scenario, columns, dialect),
          '--html': async () => (await htmlPages()).reportHtml(result, availability, meta),
          '--xlsx': async () => (await workbooks()).runWorkbook(result, availability, meta),
          '--trials-xlsx': async () => (await workbooks()).trialsWorkbook(run.scenario, columns, pageMeta(args, result.report)),
        },
        io,
      );
    },
  };
}
