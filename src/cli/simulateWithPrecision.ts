import { simulateToPrecision, type PrecisionReport } from '../analysis/precision.js';
import type { TrialColumns } from '../engine/columns.js';
import type { PrecisionArgs, SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { parsePrecision } from './precisionFormat.js';
import { largestRunnableTrials, simulate, simulatorOf, writeTrialsCsv, type PreparedRun } from './simulation.js';

/**
 * The main simulation of a command: to the asked precision when --precision is given, else
 * the asked trials; then --trials-csv. Returns the run as finally sized.
 */
export async function mainSimulation(
  run: PreparedRun,
  args: SimulationArgs & PrecisionArgs,
  io: Io,
): Promise<{ run: PreparedRun; columns: TrialColumns; precision?: PrecisionReport }> {
  const options = { typeColumns: args['trials-csv'] !== undefined };
  if (args.precision !== undefined) {
    const cap = Math.min(args['max-trials'], largestRunnableTrials(run.scenario));
    if (cap < args['max-trials'] && !args.quiet)
      io.stderr.write(`note: --max-trials lowered to ${cap.toLocaleString('en-US')}, the most this scenario can run\n`);
    const { columns, precision } = await simulateToPrecision(simulatorOf(run, args, io), {
      ...options,
      trials: run.trials,
      target: parsePrecision(args.precision),
      maxTrials: cap,
      confidence: run.levels[0],
      onShort: ({ achieved, trials, next }) => {
        if (!args.quiet)
          io.stderr.write(
            `precision: ±${(achieved * 100).toFixed(2)}% after ${trials.toLocaleString('en-US')} trials; continuing to ${next.toLocaleString('en-US')}\n`,
          );
      },
    });
    const sized = { ...run, trials: precision.trials };
    await writeTrialsCsv(sized.scenario, columns, args);
    return { run: sized, columns, precision };
  }
  const columns = await simulate(run, args, io, options);
  await writeTrialsCsv(run.scenario, columns, args);
  return { run, columns };
}
