import type { Argv, CommandModule } from 'yargs';
import { compareFees, feeGrid } from '../../analysis/compare.js';
import { histogram } from '../../analysis/histogram.js';
import { ratio } from '../../analysis/moments.js';
import { breakevenReport } from '../../analysis/runReport.js';
import { formatBreakevenSummary, formatHeader, formatPlans, PLAN_LEGEND } from '../../report/breakevenText.js';
import { FEE_TABLE_LEGEND, formatFeeTable } from '../../report/compareText.js';
import { formatMoney } from '../../report/format.js';
import { formatHistogram } from '../../report/histogramText.js';
import { checkSimulationArgs, simulationOptions, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { DEFAULT_SCENARIO } from '../scenarioFile.js';
import { prepareRun, simulate } from '../simulation.js';
import { breakevenCsv } from './breakeven.js';

type Args = SimulationArgs & { scenario?: string; confidence?: number };

/** `fairfee run [SCENARIO]`: the main job. */
export function runCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'run [scenario]',
    describe: 'Simulate a portfolio: break-even fee, fair fee, plan fees, fairness, a fee table and a histogram',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON); default: the bundled scenarios/webagency.yaml' })
        .options(simulationOptions)
        .check((argv) => checkSimulationArgs(argv as Partial<SimulationArgs>))
        .example('$0 run', 'the bundled example portfolio')
        .example('$0 run my-agency.yaml --trials 100000 --seed 7', 'your own, more precisely') as unknown as Argv<Args>,
    handler: async (args) => {
      const run = await prepareRun(args.scenario ?? DEFAULT_SCENARIO, args, io);
      const columns = await simulate(run, args, io);
      const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
      const feeTable = compareFees(columns, run.scenario, feeGrid(report.breakeven_fee), report.confidence);
      const perTrialFees = ratio(columns.netCost, columns.feeWeight).sort();
      const distribution = histogram(perTrialFees);
      if (args.csv) await writeCsvFile(args.csv, breakevenCsv(report), args['csv-dialect']);
      if (args.json) return printJson(io, { ...report, fee_table: feeTable, histogram: { of: 'per-trial break-even fee', ...distribution } });
      const c = run.scenario.currency;
      io.stdout.write(
        [
          formatHeader(report),
          '',
          formatBreakevenSummary(report),
          '',
          'Plans (fees per client per month)',
          formatPlans(report),
          PLAN_LEGEND,
          '',
          `Fee table (uniform fee per client per month${c ? `, ${c}` : ''}; same simulated terms in every row)`,
          formatFeeTable(feeTable, report.confidence),
          FEE_TABLE_LEGEND,
          '',
          'Which fee would have just covered each simulated term (per client per month)',
          formatHistogram(distribution, { value: report.breakeven_fee, label: `break-even ${formatMoney(report.breakeven_fee, c)}` }),
          '',
        ].join('\n'),
      );
    },
  };
}
