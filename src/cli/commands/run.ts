import type { Argv, CommandModule } from 'yargs';
import { compareFees, feeGrid } from '../../analysis/compare.js';
import { histogram } from '../../analysis/histogram.js';
import { ratio } from '../../analysis/moments.js';
import { evaluatePriceList } from '../../analysis/priceList.js';
import { breakevenReport } from '../../analysis/runReport.js';
import { adviceFrom } from '../../analysis/tornado.js';
import { formatBreakevenSummary, formatHeader, formatPlans, PLAN_LEGEND } from '../../report/breakevenText.js';
import { FEE_TABLE_LEGEND, formatFeeTable } from '../../report/compareText.js';
import { formatMoney } from '../../report/format.js';
import { formatHistogram } from '../../report/histogramText.js';
import { formatPriceList } from '../../report/priceListText.js';
import { formatSensitivity } from '../../report/sensitivityText.js';
import { formatSharedShocks } from '../../report/sharedShocksText.js';
import { checkPrecisionArgs, precisionOptions, sharedShocksOption, simulationOptions, type PrecisionArgs, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { DEFAULT_SCENARIO } from '../scenarioFile.js';
import { mainInputs, runSensitivity } from '../sensitivityRuns.js';
import { withoutSharedShocks } from '../sharedShocks.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun } from '../simulation.js';
import { priceList } from './compare.js';
import { breakevenCsv } from './breakeven.js';

type Args = SimulationArgs & PrecisionArgs & { scenario?: string; confidence?: number; 'sensitivity-trials': number; 'shared-shocks': boolean };

/** `fairfee run [SCENARIO]`: the main job. */
export function runCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'run [scenario]',
    describe: 'Simulate a portfolio: break-even fee, fair fee, plan fees, fairness, a fee table, what drives the fee, and a histogram',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON); default: the bundled scenarios/webagency.yaml' })
        .options({
          ...simulationOptions,
          ...precisionOptions,
          'sensitivity-trials': {
            type: 'number',
            default: 1000,
            describe: 'Simulated terms per what-if run in the "what drives the fee" section (0 to skip it)',
          },
          ...sharedShocksOption,
        })
        .check((argv) => {
          checkPrecisionArgs(argv as Partial<Args>);
          const st = argv['sensitivity-trials'] as number;
          if (!(Number.isInteger(st) && st >= 0 && st <= 1_000_000))
            throw new Error(`--sensitivity-trials must be a whole number from 0 to 1,000,000 (got ${st})`);
          return true;
        })
        .example('$0 run', 'the bundled example portfolio')
        .example('$0 run my-agency.yaml --trials 100000 --seed 7', 'your own, more precisely')
        .example('$0 run my-agency.yaml --precision 0.5%', 'as many trials as ±0.5% needs') as unknown as Argv<Args>,
    handler: async (args) => {
      const prepared = await prepareRun(args.scenario ?? DEFAULT_SCENARIO, args, io);
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
      const feeTable = compareFees(columns, run.scenario, feeGrid(report.breakeven_fee), report.confidence);
      const distribution = histogram(ratio(columns.netCost, columns.feeWeight));
      const prices = priceList(run.scenario, undefined);
      const current = prices ? evaluatePriceList(columns, run.scenario, prices) : null;
      // The two what-ifs go at once on the command's threads: the sensitivity section's
      // one-block runs share them with the comparison's blocks instead of leaving a core idle.
      const [shocks, sensitivity] = await bothSettled(
        args['shared-shocks'] ? withoutSharedShocks(run, args, io, { columns, report }) : Promise.resolve(null),
        args['sensitivity-trials'] > 0
          ? runSensitivity({ ...run, trials: Math.min(run.trials, args['sensitivity-trials']) }, args, io, 0.2, mainInputs(3))
          : Promise.resolve(null),
      );
      if (args.csv) await writeCsvFile(args.csv, breakevenCsv(report), args['csv-dialect']);
      const c = run.scenario.currency;
      if (args.json) {
        return printJson(io, {
          ...report,
          fee_table: feeTable,
          ...(current ? { current_prices: current } : {}),
          ...(shocks ? { without_shared_shocks: shocks } : {}),
          ...(sensitivity ? { sensitivity: { ...sensitivity, advice: adviceFrom(sensitivity.rows, sensitivity.variance_shares, c) } } : {}),
          histogram: { of: 'per-trial break-even fee', ...distribution },
          ...(precision ? { precision } : {}),
        });
      }
      const sections = [
        formatHeader(report),
        formatBreakevenSummary(report) + (precision ? `\n${formatPrecision(precision)}` : ''),
        `Plans (fees per client per month)\n${formatPlans(report)}\n${PLAN_LEGEND}`,
      ];
      if (current) sections.push(`Your current prices (the scenario's monthly_fee)\n${formatPriceList(current, c)}`);
      sections.push(
        `Fee table (uniform fee per client per month${c ? `, ${c}` : ''}; same simulated terms in every row)\n${formatFeeTable(feeTable, report.confidence)}\n${FEE_TABLE_LEGEND}`,
      );
      if (shocks) sections.push(formatSharedShocks(shocks, run.trials, c));
      if (sensitivity) sections.push(formatSensitivity(sensitivity, c));
      sections.push(
        `Which fee would have just covered each simulated term (per client per month)\n${formatHistogram(distribution, { value: report.breakeven_fee, label: `break-even ${formatMoney(report.breakeven_fee, c)}` })}`,
      );
      io.stdout.write(`${sections.join('\n\n')}\n`);
    },
  };
}

/** Both results once both are in; the first failure, if any, after both have stopped. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
