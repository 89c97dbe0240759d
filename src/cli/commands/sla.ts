import type { Argv, CommandModule } from 'yargs';
import { runIdentity } from '../../analysis/runReport.js';
import { slaStudy } from '../../analysis/sla.js';
import { tableCsv } from '../../report/csv.js';
import { slaCsv, slaJson, slaText } from '../../report/slaText.js';
import { MAX_TEAM_PEOPLE } from '../../scenario/sla/schema.js';
import { InputError } from '../../scenario/scenarioError.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, checkSimulationArgs, numberOption, scenarioPositional, shown, simulationOptions, type SimulationArgs } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { createProgress } from '../progress.js';
import { prepareRun } from '../simulation.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs } from '../reportOutputs.js';
import { textStyle } from '../../report/i18n/textStyle.js';

type Args = SimulationArgs & ReportArgs & { scenario: string; people?: number[]; 'max-breach'?: number };

/** The default breach limit of "the smallest team" (--max-breach). */
export const DEFAULT_MAX_BREACH = 0.05;

const slaOptions = {
  ...simulationOptions,
  people: numberOption('people', {
    array: true,
    allowed: `whole numbers from 1 to ${MAX_TEAM_PEOPLE}, e.g. 2 3 4 5`,
    describe: "Team sizes for the staffing table (default: the team's size −1 to +2)",
  }),
  'max-breach': numberOption('max-breach', { allowed: 'a number in (0, 1), e.g. 0.05', describe: 'Breach probability a plan may have (default 0.05)' }),
  ...reportOptions,
};

/**
 * Every option check of the command in one place.
 * @throws UsageError (exit 2)
 */
export function checkSlaArgs(args: Partial<Args>): true {
  checkGivenOnce(args, slaOptions);
  checkSimulationArgs(args);
  checkReportArgs(args);
  for (const n of args.people ?? []) {
    if (!(Number.isInteger(n) && n >= 1 && n <= MAX_TEAM_PEOPLE))
      throw new UsageError(`--people takes whole numbers from 1 to ${MAX_TEAM_PEOPLE} (got ${shown(n)})`);
  }
  const max = args['max-breach'];
  if (max !== undefined && !(max > 0 && max < 1)) throw new UsageError(`--max-breach must be in (0, 1), e.g. 0.05 (got ${shown(max)})`);
  if (args['trials-csv'] !== undefined) throw new UsageError('--trials-csv is not written by sla; --csv writes its staffing table');
  if (args.confidence !== undefined) throw new UsageError('--confidence is not used by sla (it has no break-even fee); the breach limit is --max-breach');
  return true;
}

/** `fairfee sla SCENARIO --people 2 3 4 5`. */
export function slaCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'sla <scenario>',
    describe: 'Response-time promises: breach probabilities, response times, penalties, team utilisation and a staffing table',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options(slaOptions)
        .check((argv) => checkSlaArgs(argv as Partial<Args>))
        .example('$0 sla scenarios/sla.yaml --people 2 3 4 5', 'is the promise safe with 3 people?') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs({ '--csv': args.csv, '--html': args.html, '--xlsx': args.xlsx }, [args.scenario], args.json);
      const run = await prepareRun(args.scenario, args, io);
      const team = run.scenario.team;
      if (!team) throw new InputError(run.file, [{ path: 'team', message: 'is missing: this command needs a team: { people, ... } and plans with an sla' }]);
      const people = args.people ?? [team.people - 1, team.people, team.people + 1, team.people + 2].filter((n) => n >= 1);
      const progress = createProgress(io.stderr, args.progress && !args.quiet && io.stderr.isTTY === true, 'simulating and serving the queue');
      const result = await slaStudy(run.scenario, {
        trials: run.trials,
        seed: run.seed,
        people,
        maxBreach: args['max-breach'] ?? DEFAULT_MAX_BREACH,
        workers: run.workers,
        pool: run.pool,
        onProgress: progress.update,
      });
      progress.finish();
      const identity = runIdentity(run.scenario, run.trials, run.seed);
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(slaCsv(result), args['csv-dialect']),
          '--html': async () => (await htmlPages()).slaHtml(result, pageMeta(args, identity)),
          '--xlsx': async () => (await workbooks()).slaWorkbook(result, pageMeta(args, identity)),
        },
        io,
      );
      if (args.json) return printJson(io, slaJson(identity, result));
      if (outputs.onStdout) return;
      io.stdout.write(`${slaText(identity, result, textStyle(langOf(args)))}\n`);
    },
  };
}
