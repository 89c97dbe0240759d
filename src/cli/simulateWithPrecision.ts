import { simulateToPrecision, type PrecisionReport } from '../analysis/precision.js';
import { tailSupportProblem } from '../analysis/tailSupport.js';
import type { TrialColumns } from '../engine/columns.js';
import { maxTrialsOf, type PrecisionArgs, type SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { parsePrecision } from './precisionFormat.js';
import { largestRunnableTrials, simulate, simulatorOf, type PreparedRun } from './simulation.js';

/**
 * The main simulation of a command: to the asked precision when --precision is given, else
 * the asked trials. Returns the run as finally sized; the command writes --trials-csv from it.
 */
export async function mainSimulation(
  run: PreparedRun,
  args: SimulationArgs & PrecisionArgs,
  io: Io,
): Promise<{ run: PreparedRun; columns: TrialColumns; precision?: PrecisionReport }> {
  const options = { typeColumns: args['trials-csv'] !== undefined };
  if (args.precision !== undefined) {
    const asked = maxTrialsOf(args);
    const cap = Math.min(asked, largestRunnableTrials(run.scenario));
    if (cap < asked && !args.quiet) io.stderr.write(`note: --max-trials lowered to ${cap.toLocaleString('en-US')}, the most this scenario can run\n`);
    // --trials above the cap is refused by the option check; the scenario's own trials can be above it.
    if (run.trials > cap && !args.quiet)
      io.stderr.write(
        `note: the scenario's ${run.trials.toLocaleString('en-US')} trials are above --max-trials ${cap.toLocaleString('en-US')}; --precision runs at most ${cap.toLocaleString('en-US')}\n`,
      );
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
    warnThinTails(precision.trials, run.levels, args, io);
    return { run: { ...run, trials: precision.trials }, columns, precision };
  }
  const columns = await simulate(run, args, io, options);
  warnThinTails(run.trials, run.levels, args, io);
  return { run, columns };
}

/** A warning on stderr for each level too far out for the trials run (tailSupportProblem). */
function warnThinTails(trials: number, levels: readonly number[], args: SimulationArgs, io: Io): void {
  if (args.quiet) return;
  for (const level of levels) {
    const problem = tailSupportProblem(trials, level);
    if (problem) io.stderr.write(`warning: ${problem}\n`);
  }
}
