import type { Argv, CommandModule } from 'yargs';
import { breakevenFee } from '../../analysis/breakeven.js';
import { compareFees, feeGrid } from '../../analysis/compare.js';
import { evaluatePriceList } from '../../analysis/priceList.js';
import { runIdentity } from '../../analysis/runReport.js';
import { formatHeader } from '../../report/breakevenText.js';
import { feeRowsCsv, FEE_TABLE_LEGEND, formatFeeTable } from '../../report/compareText.js';
import { formatPriceList, priceListCsv } from '../../report/priceListText.js';
import type { Scenario } from '../../scenario/types.js';
import { UsageError } from '../errors.js';
import { checkPrecisionArgs, precisionOptions, scenarioPositional, simulationOptions, type PrecisionArgs, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun } from '../simulation.js';

type Args = SimulationArgs &
  PrecisionArgs & {
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
    for (const fee of args.fees) if (!(Number.isFinite(fee) && fee >= 0)) throw new UsageError(`--fees must be numbers ≥ 0 (got ${fee})`);
    return [...args.fees];
  }
  if (grid.every((v) => v === undefined)) return null;
  const [from, to, step] = grid;
  if (from === undefined || to === undefined || step === undefined) throw new UsageError('--from, --to and --step go together');
  if (![from, to, step].every(Number.isFinite) || from < 0)
    throw new UsageError(`--from, --to and --step must be numbers, --from ≥ 0 (got ${from}, ${to}, ${step})`);
  if (!(step > 0)) throw new UsageError(`--step must be > 0 (got ${step})`);
  if (to < from) throw new UsageError(`--to must be ≥ --from (got ${from} to ${to})`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > MAX_ROWS) throw new UsageError(`--from ${from} --to ${to} --step ${step} gives ${count} rows; at most ${MAX_ROWS}`);
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(10)));
}

/**
 * The price list to evaluate: `--plan-fee basic=95 plus=140`, completed from the scenario's
 * monthly_fee; null when neither is given for every plan.
 */
export function priceList(scenario: Scenario, planFees: readonly string[] | undefined): Record<string, number> | null {
  const names = scenario.plans.map((p) => p.name);
  const given: Record<string, number> = {};
  for (const item of planFees ?? []) {
    const match = /^([^=]+)=(.+)$/.exec(item);
    const fee = match ? Number(match[2]) : NaN;
    if (!match || !Number.isFinite(fee) || fee < 0) throw new UsageError(`--plan-fee takes PLAN=FEE with a fee ≥ 0, e.g. basic=95 (got ${item})`);
    if (!names.includes(match[1])) throw new UsageError(`--plan-fee: unknown plan "${match[1]}"; the scenario's plans: ${names.join(', ')}`);
    given[match[1]] = fee;
  }
  const fees: Record<string, number> = {};
  const missing: string[] = [];
  for (const plan of scenario.plans) {
    const fee = given[plan.name] ?? plan.monthlyFee;
    if (fee === undefined) missing.push(plan.name);
    else fees[plan.name] = fee;
  }
  if (missing.length === 0) return fees;
  if (planFees && planFees.length > 0)
    throw new UsageError(`--plan-fee: no fee for ${missing.join(', ')} (and no monthly_fee in the scenario); give ${missing.map((m) => `${m}=FEE`).join(' ')}`);
  return null;
}

/** `fairfee compare SCENARIO --fees 80 100 120`. */
export function compareCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'compare <scenario>',
    describe: 'Compare fee levels on the same simulated terms: loss probability, expected profit, tail risk, fairness',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', scenarioPositional)
        .options({
          ...simulationOptions,
          ...precisionOptions,
          fees: { type: 'array', number: true, describe: 'Uniform monthly fees to compare, e.g. --fees 80 100 120' },
          from: { type: 'number', describe: 'Fee grid start (with --to and --step)' },
          to: { type: 'number', describe: 'Fee grid end' },
          step: { type: 'number', describe: 'Fee grid step' },
          'plan-fee': { type: 'array', string: true, describe: 'A price per plan, e.g. --plan-fee basic=95 plus=140 (others: their monthly_fee)' },
          'plan-csv': { type: 'string', describe: 'Write the per-plan price list table as CSV to this file' },
        })
        .check((argv) => {
          requestedFees(argv as Args);
          return checkPrecisionArgs(argv as Partial<Args>);
        })
        .example('$0 compare scenarios/webagency.yaml --fees 80 100 120', 'three fee levels')
        .example('$0 compare scenarios/webagency.yaml --from 70 --to 130 --step 5 --csv fees.csv --csv-dialect excel-nl', 'a grid, for a Dutch spreadsheet')
        .example('$0 compare scenarios/webagency.yaml --plan-fee basic=95 plus=140 care=260', 'a concrete price list') as unknown as Argv<Args>,
    handler: async (args) => {
      const prepared = await prepareRun(args.scenario, args, io);
      const prices = priceList(prepared.scenario, args['plan-fee']);
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const confidence = run.levels[0];
      const breakeven = breakevenFee(columns.netCost, columns.feeWeight, confidence);
      const fees = requestedFees(args) ?? feeGrid(breakeven.fee);
      const rows = compareFees(columns, run.scenario, fees, confidence);
      const priced = prices ? evaluatePriceList(columns, run.scenario, prices) : null;
      if (args.csv) await writeCsvFile(args.csv, feeRowsCsv(rows), args['csv-dialect']);
      if (args['plan-csv'] && priced) await writeCsvFile(args['plan-csv'], priceListCsv(priced), args['csv-dialect']);
      const identity = runIdentity(run.scenario, run.trials, run.seed);
      if (args.json) {
        return printJson(io, {
          ...identity,
          confidence,
          breakeven_fee: breakeven.fee,
          breakeven_fee_interval: breakeven.interval,
          rows,
          ...(priced ? { price_list: priced } : {}),
          ...(precision ? { precision } : {}),
        });
      }
      const c = run.scenario.currency;
      const lines = [
        formatHeader(identity),
        '',
        `Uniform fee per client per month${c ? ` (${c})` : ''}; break-even at ${(confidence * 100).toFixed(1)}%: ${breakeven.fee.toFixed(2)} (95% MC interval ${breakeven.interval[0].toFixed(2)} – ${breakeven.interval[1].toFixed(2)})`,
        formatFeeTable(rows, confidence),
        FEE_TABLE_LEGEND,
        `P(loss) is known to ±${(196 * Math.sqrt(0.25 / run.trials)).toFixed(1)} percentage points at most (95%); every row uses the same ${run.trials.toLocaleString('en-US')} simulated terms.`,
      ];
      if (priced)
        lines.push(
          '',
          `Price list: ${Object.entries(priced.fees)
            .map(([p, f]) => `${p} ${f}`)
            .join(', ')}`,
          formatPriceList(priced, c),
        );
      if (precision) lines.push('', formatPrecision(precision));
      io.stdout.write(`${lines.join('\n')}\n`);
    },
  };
}
