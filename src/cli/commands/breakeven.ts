import type { Argv, CommandModule } from 'yargs';
import { breakevenReport } from '../../analysis/runReport.js';
import { breakevenText } from '../../report/breakevenText.js';
import { breakevenCsv } from '../../report/breakevenCsv.js';
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
import { withoutSharedShocks } from '../../analysis/sharedShocks.js';
import { mainSimulation } from '../simulateWithPrecision.js';
import { prepareRun, simulatorOf } from '../simulation.js';

type Args = SimulationArgs & PrecisionArgs & { scenario: string; confidence?: number[]; 'shared-shocks': boolean };

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
      const shocks = args['shared-shocks']
        ? await withoutSharedShocks(simulatorOf(run, args, io), { trials: run.trials, confidence: run.levels[0] }, { columns, report })
        : null;
      if (args.csv) await writeCsvFile(args.csv, breakevenCsv(report), args['csv-dialect']);
      if (args.json) return printJson(io, { ...report, ...(shocks ? { without_shared_shocks: shocks } : {}), ...(precision ? { precision } : {}) });
      const text = breakevenText(report, shocks);
      io.stdout.write(`${precision ? `${text}\n\n${formatPrecision(precision)}` : text}\n`);
    },
  };
}
