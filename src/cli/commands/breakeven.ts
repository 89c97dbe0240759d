import type { Argv, CommandModule } from 'yargs';
import { breakevenReport, type BreakevenReport } from '../../analysis/runReport.js';
import { formatBreakevenSummary, formatHeader, formatPlans, PLAN_LEGEND } from '../../report/breakevenText.js';
import type { CsvCell } from '../../report/csv.js';
import { checkSimulationArgs, simulationOptions, type SimulationArgs } from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { prepareRun, simulate } from '../simulation.js';

type Args = SimulationArgs & { scenario: string; confidence?: number[] };

/**
 * The break-even CSV: one row per confidence level for the portfolio, one per plan and one per
 * client segment (its standalone single-client fee), so the owner can sort and filter.
 */
export function breakevenCsv(report: BreakevenReport): CsvCell[][] {
  const header = ['level', 'name', 'confidence', 'clients', 'fee', 'fee_low', 'fee_high', 'fair_fee', 'standalone_fee', 'overpay_probability', 'indifferent_fee'];
  return [
    header,
    ...report.levels.map((level): CsvCell[] => [
      'portfolio',
      report.scenario,
      level.confidence,
      report.clients,
      level.breakeven_fee,
      level.breakeven_fee_interval[0],
      level.breakeven_fee_interval[1],
      report.fair_fee,
      null,
      null,
      null,
    ]),
    ...Object.entries(report.plans).map(([name, plan]): CsvCell[] => [
      'plan',
      name,
      report.confidence,
      plan.clients,
      plan.fee,
      null,
      null,
      plan.fair_fee,
      plan.standalone_fee,
      plan.overpay_probability,
      plan.indifferent_fee,
    ]),
    ...report.segments.map((segment): CsvCell[] => [
      'client',
      segment.name,
      report.confidence,
      segment.clients,
      null,
      segment.standalone_fee_interval[0],
      segment.standalone_fee_interval[1],
      null,
      segment.standalone_fee,
      null,
      null,
    ]),
  ];
}

/** `fairfee breakeven SCENARIO --confidence 0.9 0.95 0.99`. */
export function breakevenCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'breakeven <scenario>',
    describe: 'Break-even flat fees at one or more confidence levels',
    builder: (yargs: Argv) =>
      yargs
        .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' })
        .options({ ...simulationOptions, confidence: { ...simulationOptions.confidence, type: 'array', number: true, describe: 'Confidence levels in (0, 1), e.g. --confidence 0.9 0.95 0.99' } })
        .check((argv) => checkSimulationArgs(argv as Partial<SimulationArgs>))
        .example('$0 breakeven scenarios/webagency.yaml --confidence 0.9 0.95 0.99', 'fees at three levels') as unknown as Argv<Args>,
    handler: async (args) => {
      const run = await prepareRun(args.scenario, args, io);
      const columns = await simulate(run, args, io);
      const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
      if (args.csv) await writeCsvFile(args.csv, breakevenCsv(report), args['csv-dialect']);
      if (args.json) return printJson(io, report);
      io.stdout.write(`${formatHeader(report)}\n\n${formatBreakevenSummary(report)}\n\n${formatPlans(report)}\n\n${PLAN_LEGEND}\n`);
    },
  };
}
