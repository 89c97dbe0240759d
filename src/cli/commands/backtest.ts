import type { Argv, CommandModule } from 'yargs';
import { backtest } from '../../analysis/backtest/backtest.js';
import { backtestCsv } from '../../report/backtestCsv.js';
import { backtestJson } from '../../report/backtestJson.js';
import { backtestText } from '../../report/backtestText.js';
import { tableCsv } from '../../report/csv.js';
import { datesOutOfOrder, refuseDuplicateRows } from '../../scenario/history/historyChecks.js';
import { parseHistory } from '../../scenario/history/readHistory.js';
import { visibleText } from '../../scenario/history/visibleText.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, checkSimulationArgs, scenarioPositional, simulationOptions, type SimulationArgs } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { readInputFile } from '../scenarioFile.js';
import { prepareRun, simulatorOf } from '../simulation.js';
import { runIdentity } from '../../analysis/runReport.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs } from '../reportOutputs.js';
import { textStyle } from '../../report/i18n/textStyle.js';

type Args = SimulationArgs & ReportArgs & { scenario: string; history: string };

/** The command's options, as data: those of every simulating command, and the page and workbook. */
const backtestOptions = { ...simulationOptions, ...reportOptions };

/**
 * Every option check of the command (jest-cli's `check()`): each option given once, the
 * simulation options, one confidence level, and no --trials-csv (a backtest is many runs, one
 * per client, none of them "the" run).
 * @throws UsageError (exit 2)
 */
export function checkBacktestArgs(args: Partial<Args>): true {
  checkGivenOnce(args, backtestOptions);
  checkSimulationArgs(args);
  checkReportArgs(args);
  if (args['trials-csv'] !== undefined)
    throw new UsageError('--trials-csv is not written by backtest (each client is a run of its own); use it with run, breakeven or compare');
  return true;
}

/** `fairfee backtest SCENARIO HISTORY.csv`: hold a scenario against what happened. */
export function backtestCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'backtest <scenario> <history>',
    describe: 'Hold a scenario against a ticket history: A/E, PITs, interval coverage and a verdict per term',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .positional('history', {
          type: 'string',
          demandOption: true,
          describe: 'CSV, one row per ticket: date, client, type, hours (optional plan), as calibrate reads it',
        })
        .options(backtestOptions)
        .check((argv) => checkBacktestArgs(argv as Partial<Args>))
        .example('$0 backtest portfolio.yaml tickets-2025.csv', "did last year's scenario predict this year?")
        .example(
          '$0 backtest portfolio.yaml tickets.csv --json --csv per-client.csv',
          'the figures as JSON, a row per client and term as CSV',
        ) as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs({ '--csv': args.csv, '--html': args.html, '--xlsx': args.xlsx }, [args.scenario, args.history], args.json);
      const prepared = await prepareRun(args.scenario, args, io);
      const text = await readInputFile(args.history);
      const history = parseHistory(text, args.history);
      refuseDuplicateRows(text, args.history);
      const simulator = simulatorOf(prepared, args, io);
      const result = await backtest(simulator, history, { trials: prepared.trials, confidence: prepared.levels[0] });
      for (const warning of [...datesOutOfOrder(history.tickets), ...result.warnings]) {
        if (!args.quiet) io.stderr.write(`warning: ${visibleText(args.history)}: ${visibleText(warning)}\n`);
      }
      const meta = () => pageMeta(args, runIdentity(prepared.scenario, result.trials, prepared.seed));
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(backtestCsv(result), args['csv-dialect']),
          '--html': async () => (await htmlPages()).backtestHtml(result, meta()),
          '--xlsx': async () => (await workbooks()).backtestWorkbook(result, meta()),
        },
        io,
      );
      if (args.json) return printJson(io, backtestJson(result, prepared.scenario, prepared.seed));
      if (outputs.onStdout) return;
      io.stdout.write(`${backtestText(result, prepared.scenario.name, prepared.scenario.currency, prepared.seed, textStyle(langOf(args)))}\n`);
    },
  };
}
