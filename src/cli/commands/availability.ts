import type { Argv, CommandModule } from 'yargs';
import { analyzeAvailability } from '../../analysis/availability/analysis.js';
import { checkComposition, composeAvailabilities, type CompositionInput } from '../../analysis/availability/composition.js';
import { availabilityCsv, scenarioAvailabilityJson, scenarioAvailabilityText } from '../../report/availabilityText.js';
import { tableCsv } from '../../report/csv.js';
import { compositionText } from '../../report/compositionText.js';
import { runIdentity } from '../../analysis/runReport.js';
import { InputError } from '../../scenario/scenarioError.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, checkSimulationArgs, numberOption, shown, simulationOptions, type SimulationArgs } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { prepareRun } from '../simulation.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { textStyle } from '../../report/i18n/textStyle.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs } from '../reportOutputs.js';

type Args = SimulationArgs &
  ReportArgs & {
    scenario?: string;
    series?: number[];
    parallel?: number[];
    'k-of-n'?: number[];
    months?: number;
    risk?: number;
    'max-credit-share'?: number;
    fee?: number;
  };

/** The no-scenario form: `--series 0.99 0.996`, `--parallel …` or `--k-of-n K a b c`. */
function compositionInput(args: Args): CompositionInput | null {
  const forms = (['series', 'parallel', 'k-of-n'] as const).filter((key) => args[key] !== undefined);
  if (forms.length > 1) throw new UsageError(`give one of --series, --parallel, --k-of-n (got ${forms.map((f) => `--${f}`).join(' and ')})`);
  if (forms.length === 0) return null;
  if (args.scenario) throw new UsageError(`--${forms[0]} answers without a scenario; leave out ${args.scenario} or the option`);
  if (args.series) return { mode: 'series', availabilities: args.series };
  if (args.parallel) return { mode: 'parallel', availabilities: args.parallel };
  const [k, ...availabilities] = args['k-of-n']!;
  return { mode: 'k_of_n', k, availabilities };
}

/**
 * Every option check of the command in one place (jest-cli's `check()`): ranges the option
 * types cannot say, then the no-scenario form and its availabilities.
 * @throws UsageError (exit 2)
 */
export function checkAvailabilityArgs(args: Args): true {
  checkGivenOnce(args, availabilityOptions);
  checkSimulationArgs(args);
  checkReportArgs(args);
  // Options the command takes with the others but cannot honour: refused, not ignored.
  if (args.confidence !== undefined)
    throw new UsageError('--confidence is not used by availability (it has no break-even fee); the promise is set by --risk, e.g. --risk 0.05');
  if (args['trials-csv'] !== undefined)
    throw new UsageError('--trials-csv is not written by availability; --csv writes its table of simulated months by quantile');
  const { months, risk, fee } = args;
  if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 100_000_000))
    throw new UsageError(`--months must be a whole number from 1 to 100,000,000 (got ${shown(months)})`);
  if (risk !== undefined && !(risk > 0 && risk < 1)) throw new UsageError(`--risk must be in (0, 1), e.g. 0.05 (got ${shown(risk)})`);
  const share = args['max-credit-share'];
  if (share !== undefined && !(share >= 0 && share <= 1)) throw new UsageError(`--max-credit-share must be in [0, 1] (got ${shown(share)})`);
  if (fee !== undefined && !(Number.isFinite(fee) && fee >= 0)) throw new UsageError(`--fee must be a number ≥ 0 (got ${shown(fee)})`);
  const composition = compositionInput(args);
  if (composition && (args.html !== undefined || args.xlsx !== undefined)) {
    throw new UsageError(
      `--${args.html !== undefined ? 'html' : 'xlsx'} draws the simulated months of a scenario; the exact figures of --${composition.mode === 'k_of_n' ? 'k-of-n' : composition.mode} are in the text or --json`,
    );
  }
  if (composition && args.csv !== undefined) {
    throw new UsageError(
      `--csv writes the simulated months of a scenario; --${composition.mode === 'k_of_n' ? 'k-of-n' : composition.mode} has only exact figures: leave out --csv (--json gives them)`,
    );
  }
  if (composition) {
    try {
      checkComposition(composition);
    } catch (error) {
      // A value given on the command line: a usage error, whatever the study calls it.
      if (error instanceof InputError) throw new UsageError(error.message);
      throw error;
    }
  } else if (!args.scenario) {
    throw new UsageError('name a scenario file with an availability block, or give --series/--parallel/--k-of-n availabilities');
  }
  return true;
}

/** The command's options, as data. */
const availabilityOptions = {
  ...simulationOptions,
  series: numberOption('series', {
    array: true,
    allowed: 'availabilities in [0, 1], e.g. 0.99 0.996',
    describe: 'Availabilities in series, e.g. --series 0.99 0.996 (no scenario needed)',
  }),
  parallel: numberOption('parallel', {
    array: true,
    allowed: 'availabilities in [0, 1], e.g. 0.99 0.99',
    describe: 'Redundant availabilities, e.g. --parallel 0.99 0.99',
  }),
  'k-of-n': numberOption('k-of-n', {
    array: true,
    allowed: 'K then availabilities in [0, 1], e.g. 2 0.99 0.99 0.99',
    describe: 'K then the members: --k-of-n 2 0.99 0.99 0.99 (2 of 3 up)',
  }),
  months: numberOption('months', { allowed: 'a whole number from 1 to 100,000,000', describe: 'Simulated months (default: trials × term months)' }),
  risk: numberOption('risk', {
    allowed: 'a number in (0, 1), e.g. 0.05',
    describe: "Accepted chance of a month below the promise (default: the block's risk, else 0.05)",
  }),
  'max-credit-share': numberOption('max-credit-share', {
    allowed: 'a number in [0, 1]',
    describe: "Credit budget as a share of the fee (default: the block's, else 0.02)",
  }),
  fee: numberOption('fee', { allowed: 'a number ≥ 0', describe: 'A monthly fee, to state credits in money' }),
  ...reportOptions,
};

/** `fairfee availability [SCENARIO]` and `fairfee availability --series 0.99 0.996`. */
export function availabilityCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'availability [scenario]',
    describe: 'Uptime of a supplier chain, exact and simulated, service credits, and what you can promise',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', describe: 'Scenario file with an availability block' })
        .options(availabilityOptions)
        .check((argv) => checkAvailabilityArgs(argv as Args))
        .example('$0 availability --series 0.99 0.996', 'hosting 99% then network 99.6%: what is left?')
        .example('$0 availability scenarios/hosting-sla.yaml --csv months.csv', 'simulated months and credits') as unknown as Argv<Args>,
    handler: async (args) => {
      const composition = compositionInput(args);
      if (composition) {
        const result = composeAvailabilities(composition);
        if (args.json) return printJson(io, result);
        io.stdout.write(`${compositionText(result, textStyle(langOf(args)))}\n`);
        return;
      }
      const file = args.scenario!;
      const outputs = await checkOutputs({ '--csv': args.csv, '--html': args.html, '--xlsx': args.xlsx }, [file], args.json);
      const run = await prepareRun(file, args, io);
      const spec = run.scenario.availability;
      if (!spec)
        throw new InputError(run.file, [{ path: 'availability', message: 'is missing: this command needs an availability block (promised, chain, credits)' }]);
      const months = args.months ?? run.trials * run.scenario.termMonths;
      const analysis = analyzeAvailability(spec, {
        months,
        seed: run.seed,
        monthsPerTrial: run.scenario.termMonths,
        risk: args.risk,
        maxCreditShare: args['max-credit-share'],
        monthlyFee: args.fee,
      });
      const identity = runIdentity(run.scenario, run.trials, run.seed);
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(availabilityCsv(analysis), args['csv-dialect']),
          '--html': async () => (await htmlPages()).availabilityHtml({ analysis, credits: spec.credits }, pageMeta(args, identity)),
          '--xlsx': async () => (await workbooks()).availabilityWorkbook({ analysis, credits: spec.credits }, pageMeta(args, identity)),
        },
        io,
      );
      if (args.json) return printJson(io, scenarioAvailabilityJson(identity, analysis));
      if (outputs.onStdout) return;
      io.stdout.write(`${scenarioAvailabilityText(identity, analysis, textStyle(langOf(args)))}\n`);
    },
  };
}
