import type { Argv, CommandModule } from 'yargs';
import { breakevenReport, type BreakevenReport } from '../../analysis/runReport.js';
import { formatBreakevenSummary, formatHeader, formatPlans, PLAN_LEGEND } from '../../report/breakevenText.js';
import type { CsvCell } from '../../report/csv.js';
import { formatSharedShocks } from '../../report/sharedShocksText.js';
import {
  checkPrecisionArgs,
  precisionOptions,
  scenarioPositional,
  sharedShocksOption,
  simulationOptions,
  type PrecisionArgs,
  type SimulationArgs,
} from '../options.js';
import { printJson, writeCsvFile, type Io } from '../output.js';
import { formatPrecision } from '../../report/precisionText.js';
import { withoutSharedShocks } from '../sharedShocks.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun } from '../simulation.js';

type Args = SimulationArgs & PrecisionArgs & { scenario: string; confidence?: number[] };

/**
 * The break-even CSV: one row per confidence level for the portfolio, one per plan and one per
 * client segment (its standalone single-client fee), so the owner can sort and filter.
 */
export function breakevenCsv(report: BreakevenReport): CsvCell[][] {
  const header = [
    'level',
    'name',
    'confidence',
    'clients',
    'fee',
    'fee_low',
    'fee_high',
    'fair_fee',
    'standalone_fee',
    'overpay_probability',
    'indifferent_fee',
  ];
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
        .positional('scenario', scenarioPositional)
        .options({
          ...simulationOptions,
          ...precisionOptions,
          confidence: {
            ...simulationOptions.confidence,
            type: 'array',
            number: true,
            describe: 'Confidence levels in (0, 1), e.g. --confidence 0.9 0.95 0.99',
          },
          ...sharedShocksOption,
        })
        .check((argv) => checkPrecisionArgs(argv as Partial<Args>))
        .example('$0 breakeven scenarios/webagency.yaml --confidence 0.9 0.95 0.99', 'fees at three levels') as unknown as Argv<Args>,
    handler: async (args) => {
      const prepared = await prepareRun(args.scenario, args, io);
      const { run, columns, precision } = await mainSimulation(prepared, args, io);
      const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
      const shocks = (args as { 'shared-shocks'?: boolean })['shared-shocks'] === false ? null : await withoutSharedShocks(run, args, io, { columns, report });
      if (args.csv) await writeCsvFile(args.csv, breakevenCsv(report), args['csv-dialect']);
      if (args.json) return printJson(io, { ...report, ...(shocks ? { without_shared_shocks: shocks } : {}), ...(precision ? { precision } : {}) });
      const sections = [formatHeader(report), formatBreakevenSummary(report), `${formatPlans(report)}\n${PLAN_LEGEND}`];
      if (shocks) sections.push(formatSharedShocks(shocks, run.trials, report.currency));
      if (precision) sections.push(formatPrecision(precision));
      io.stdout.write(`${sections.join('\n\n')}\n`);
    },
  };
}
