import { breakevenFee } from '../analysis/breakeven.js';
import type { TrialColumns } from '../engine/columns.js';
import { BLOCK_SIZE } from '../engine/simulateBlock.js';
import type { SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { simulate, type PreparedRun, type SimulateOptions } from './simulation.js';

/** How precise the break-even fee came out, and whether the asked precision was reached. */
export interface PrecisionReport {
  /** Asked half-width of the 95% interval, relative to the fee (0.01 for ±1%). */
  target: number;
  /** Reached half-width (the larger side of the interval), relative to the fee. */
  achieved: number;
  reached: boolean;
  trials: number;
  max_trials: number;
}

/** The break-even fee's relative 95% half-width on these trials. */
function relativeHalfWidth(columns: TrialColumns, confidence: number): number {
  const { fee, interval } = breakevenFee(columns.netCost, columns.feeWeight, confidence);
  const half = Math.max(fee - interval[0], interval[1] - fee);
  return fee !== 0 ? Math.abs(half / fee) : half === 0 ? 0 : Infinity;
}

/**
 * Simulates, then adds blocks of trials until the break-even fee's 95% Monte Carlo interval is
 * within ±target of the fee, or the cap is reached (reported, never hidden). The interval's
 * width falls as 1/√n, so each round aims at n·(achieved/target)² with a 20% margin; trials
 * extend earlier ones (same streams per block), so the result equals a single run of that size.
 */
export async function simulateToPrecision(
  run: PreparedRun,
  args: SimulationArgs,
  io: Io,
  target: number,
  maxTrials: number,
  options: SimulateOptions = {},
): Promise<{ run: PreparedRun; columns: TrialColumns; precision: PrecisionReport }> {
  let current = { ...run, trials: Math.min(run.trials, maxTrials) };
  for (;;) {
    const columns = await simulate(current, args, io, options);
    const achieved = relativeHalfWidth(columns, current.levels[0]);
    const reached = achieved <= target;
    if (reached || current.trials >= maxTrials) {
      return { run: current, columns, precision: { target, achieved, reached, trials: current.trials, max_trials: maxTrials } };
    }
    const aim = Math.ceil((current.trials * (achieved / target) ** 2 * 1.2) / BLOCK_SIZE) * BLOCK_SIZE;
    const next = Math.min(maxTrials, Math.max(aim, current.trials + BLOCK_SIZE));
    if (!args.quiet)
      io.stderr.write(
        `precision: ±${(achieved * 100).toFixed(2)}% after ${current.trials.toLocaleString('en-US')} trials; continuing to ${next.toLocaleString('en-US')}\n`,
      );
    current = { ...current, trials: next };
  }
}

/** One line saying how precise the fee is. */
export function formatPrecision(precision: PrecisionReport): string {
  const achieved = `±${(precision.achieved * 100).toFixed(2)}%`;
  if (precision.reached) {
    return `Precision: the break-even fee's 95% interval is within ${achieved} (asked ±${(precision.target * 100).toFixed(2)}%) after ${precision.trials.toLocaleString('en-US')} trials`;
  }
  return `Precision NOT reached: the cap of ${precision.max_trials.toLocaleString('en-US')} trials gives ${achieved}, short of the ±${(precision.target * 100).toFixed(2)}% asked; raise --max-trials`;
}
