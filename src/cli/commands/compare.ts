import type { Argv, CommandModule } from 'yargs';
import { nearMiss } from '../../scenario/nearMiss.js';
import { compareAtFees, gridFees, gridRowCount, scenarioPriceList } from '../../analysis/feeTable.js';
import { runIdentity } from '../../analysis/runReport.js';
import { compareText, feeRowsCsv } from '../../report/compareText.js';
import { tableCsv } from '../../report/csv.js';
import { priceListCsv } from '../../report/priceListText.js';
import { trialsCsv } from '../../report/trialsCsv.js';
import type { Scenario } from '../../scenario/types.js';
import { UsageError } from '../errors.js';
import {
  checkGivenOnce,
  checkPrecisionArgs,
  maxTrialsOf,
  numberOption,
  precisionOptions,
  scenarioPositional,
  shown,
  simulationOptions,
  type PrecisionArgs,
  type SimulationArgs,
} from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun } from '../simulation.js';
import { uniformFeeProblem } from '../../analysis/uniformFee.js';
import { textStyle } from '../../report/i18n/textStyle.js';
import { htmlPages, workbooks } from '../lazyRenderers.js';
import { checkReportArgs, langOf, pageMeta, reportOptions, type ReportArgs, checkTrialsXlsx, trialsXlsxOption } from '../reportOutputs.js';
import { currentPrices } from '../../analysis/feeTable.js';

type Args = SimulationArgs &
  PrecisionArgs &
  ReportArgs & {
    scenario: string;
    fees?: number[];
    from?: number;
    to?: number;
    step?: number;
    'plan-fee'?: string[];
    'plan-csv'?: string;
    confidence?: number;
  };

/** Most rows a fee grid may have. */
const MAX_ROWS = 1000;

/** The fees asked for: a list, a --from/--to/--step grid, or null for a grid around the break-even fee. */
export function requestedFees(args: Pick<Args, 'fees' | 'from' | 'to' | 'step'>): number[] | null {
  const grid = [args.from, args.to, args.step];
  if (args.fees !== undefined && grid.some((v) => v !== undefined)) throw new UsageError('give either --fees or --from/--to/--step, not both');
  if (args.fees !== undefined) {
    if (args.fees.length === 0) throw new UsageError('--fees needs at least one fee');
    for (const fee of args.fees) if (!(Number.isFinite(fee) && fee >= 0)) throw new UsageError(`--fees must be numbers ≥ 0 (got ${shown(fee)})`);
    return [...args.fees];
  }
  if (grid.every((v) => v === undefined)) return null;
  const [from, to, step] = grid;
  if (from === undefined || to === undefined || step === undefined) throw new UsageError('--from, --to and --step go together');
  if (![from, to, step].every(Number.isFinite) || from < 0)
    throw new UsageError(`--from, --to and --step must be numbers, --from ≥ 0 (got ${shown(from)}, ${shown(to)}, ${shown(step)})`);
  if (!(step > 0)) throw new UsageError(`--step must be > 0 (got ${step})`);
  if (to < from) throw new UsageError(`--to must be ≥ --from (got ${from} to ${to})`);
  const count = gridRowCount(from, to, step);
  if (count > MAX_ROWS) throw new UsageError(`--from ${from} --to ${to} --step ${step} gives ${count} rows; at most ${MAX_ROWS}`);
  return gridFees(from, to, step);
}

/**
 * `--plan-fee basic=95 plus=140` as fees by plan name.
 * @throws UsageError for an item that is not PLAN=FEE with a fee ≥ 0, or names no plan in `names`
 */
function parsePlanFees(items: readonly string[], names: readonly string[]): Record<string, number> {
  const given: [string, number][] = [];
  for (const item of items) {
    const { plan, fee } = parsePlanFee(item);
    if (!names.includes(plan)) {
      const guess = nearMiss(plan, names);
      throw new UsageError(
        `--plan-fee: unknown plan "${plan}"; ${guess === undefined ? `the scenario's plans: ${names.join(', ')}` : `did you mean "${guess}"?`}`,
      );
    }
    given.push([plan, fee]);
  }
  // Entries, not assignments: a plan named __proto__ stays a key.
  return Object.fromEntries(given);
}

/** One `PLAN=FEE` item. @throws UsageError for another form, a decimal comma or a fee below 0 */
function parsePlanFee(item: string): { plan: string; fee: number } {
  const match = /^([^=]+)=(.+)$/.exec(item);
  if (match && /^\s*\d+,\d+\s*$/.test(match[2])) {
    const written = match[2].trim();
    throw new UsageError(`--plan-fee ${match[1]}=${written}: use a decimal point: ${written.replace(',', '.')}, not ${written}`);
  }
  const fee = match ? Number(match[2]) : NaN;
  if (!match || !Number.isFinite(fee) || fee < 0) throw new UsageError(`--plan-fee takes PLAN=FEE with a fee ≥ 0, e.g. basic=95 (got ${item})`);
  return { plan: match[1], fee };
}

/**
 * The price list to evaluate: `--plan-fee basic=95 plus=140`, completed from the scenario's
 * monthly_fee; null when neither is given for every plan.
 */
export function priceList(scenario: Scenario, planFees: readonly string[] | undefined): Record<string, number> | null {
  const given = parsePlanFees(
    planFees ?? [],
    scenario.plans.map((p) => p.name),
  );
  const { fees, missing } = scenarioPriceList(scenario, given);
  if (missing.length === 0) return fees;
  if (planFees && planFees.length > 0)
    throw new UsageError(`--plan-fee: no fee for ${missing.join(', ')} (and no monthly_fee in the scenario); give ${missing.map((m) => `${m}=FEE`).join(' ')}`);
  return null;
}

/** The command's options, as data. */
const compareOptions = {
  ...simulationOptions,
  ...precisionOptions,
  fees: numberOption('fees', { array: true, allowed: 'numbers ≥ 0, e.g. 80 100 120', describe: 'Uniform monthly fees to compare, e.g. --fees 80 100 120' }),
  from: numberOption('from', { describe: 'Fee grid start (with --to and --step)' }),
  to: numberOption('to', { describe: 'Fee grid end' }),
  step: numberOption('step', { describe: 'Fee grid step' }),
  'plan-fee': { type: 'array', string: true, describe: 'A price per plan, e.g. --plan-fee basic=95 plus=140 (others: their monthly_fee)' },
  'plan-csv': { type: 'string', nargs: 1, describe: 'Write the per-plan price list table as CSV to this file (- for stdout)' },
  ...reportOptions,
  ...trialsXlsxOption,
} as const;

/**
 * Every option check of the command (jest-cli's `check()`): each option given once, the fees
 * asked for, --plan-fee's form, the simulation and --precision options.
 * @throws UsageError (exit 2)
 */
export function checkCompareArgs(args: Partial<Args>): true {
  checkGivenOnce(args, compareOptions);
  requestedFees(args);
  const planFees = args['plan-fee'];
  if (planFees !== undefined && planFees.length === 0) throw new UsageError('--plan-fee needs at least one PLAN=FEE, e.g. --plan-fee basic=95 plus=140');
  for (const item of planFees ?? []) parsePlanFee(item);
  checkReportArgs(args);
  if (args['plan-csv'] !== undefined && args['plan-csv'] === '') throw new UsageError('--plan-csv needs a file name (or - for stdout)');
  return checkPrecisionArgs(args);
}

/** `fairfee compare SCENARIO --fees 80 100 120`. */
export function compareCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'compare <scenario>',
    describe: 'Compare fee levels on the same simulated terms: loss probability, expected profit, tail risk, fairness',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options(compareOptions)
        .check((argv) => checkCompareArgs(argv as Partial<Args>))
        .example('$0 compare scenarios/webagency.yaml --fees 80 100 120', 'three fee levels')
        .example('$0 compare scenarios/webagency.yaml --from 70 --to 130 --step 5 --csv fees.csv --csv-dialect excel-nl', 'a grid, for a Dutch spreadsheet')
        .example('$0 compare scenarios/webagency.yaml --plan-fee basic=95 plus=140 care=260', 'a concrete price list') as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOutputs(
        {
          '--csv': args.csv,
          '--trials-csv': args['trials-csv'],
          '--plan-csv': args['plan-csv'],
          '--html': args.html,
          '--xlsx': args.xlsx,
          '--trials-xlsx': args['trials-xlsx'],
        },
        [args.scenario],
        args.json,
      );
      const prepared = await prepareRun(args.scenario, args, io);
      const problem = uniformFeeProblem(prepared.scenario);
      if (problem)
        throw new UsageError(
          `${args.scenario}: compare sets the uniform flat fee, and this scenario has none: ${problem}; fairfee forms compares each segment's prices`,
        );
      checkTrialsXlsx(args, prepared.trials, maxTrialsOf(args));
      const prices = priceList(prepared.scenario, args['plan-fee']);
      if (args['plan-csv'] !== undefined && prices === null)
        throw new UsageError('--plan-csv writes the price list: give --plan-fee PLAN=FEE for the plans without a monthly_fee in the scenario');
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const result = compareAtFees(columns, run.scenario, { fees: requestedFees(args), confidence: run.levels[0], prices });
      const dialect = args['csv-dialect'];
      const priced = result.price_list;
      const identity = runIdentity(run.scenario, run.trials, run.seed);
      await writeCommandOutputs(
        outputs,
        {
          '--csv': () => tableCsv(feeRowsCsv(result.rows), dialect),
          '--trials-csv': () => trialsCsv(run.scenario, columns, dialect),
          ...(priced ? { '--plan-csv': () => tableCsv(priceListCsv(priced), dialect) } : {}),
          // Today's prices are marked on the curves: the scenario's own, or the --plan-fee list.
          '--html': async () => (await htmlPages()).compareHtml(result, priced?.fees ?? currentPrices(run.scenario) ?? {}, pageMeta(args, identity)),
          '--xlsx': async () => (await workbooks()).compareWorkbook(result, pageMeta(args, identity)),
          '--trials-xlsx': async () => (await workbooks()).trialsWorkbook(run.scenario, columns, pageMeta(args, identity)),
        },
        io,
      );
      if (args.json) return printJson(io, { ...identity, ...result, ...(precision ? { precision } : {}) });
      if (outputs.onStdout) return;
      // Colour only on a terminal, and never when NO_COLOR is set to anything (no-color.org).
      const color = io.stdout.isTTY === true && !process.env.NO_COLOR;
      const text = compareText(identity, result, run.scenario.currency, textStyle(langOf(args)), color);
      io.stdout.write(`${precision ? `${text}\n\n${formatPrecision(precision, textStyle(langOf(args)))}` : text}\n`);
    },
  };
}
