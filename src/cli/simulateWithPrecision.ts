import type { TrialColumns } from '../engine/columns.js';
import type { PrecisionArgs, SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { parsePrecision, simulateToPrecision, type PrecisionReport } from './precision.js';
import { simulate, writeTrialsCsv, type PreparedRun } from './simulation.js';

/**
 * The main simulation of a command: to the asked precision when --precision is given, else
 * the asked trials; then --trials-csv. Returns the run as finally sized.
 */
export async function mainSimulation(run: PreparedRun, args: SimulationArgs & PrecisionArgs, io: Io): Promise<{ run: PreparedRun; columns: TrialColumns; precision?: PrecisionReport }> {
  if (args.precision !== undefined) {
    const result = await simulateToPrecision(run, args, io, parsePrecision(args.precision), args['max-trials']);
    await writeTrialsCsv(result.run.scenario, result.columns, args);
    return result;
  }
  const columns = await simulate(run, args, io);
  await writeTrialsCsv(run.scenario, columns, args);
  return { run, columns };
}
