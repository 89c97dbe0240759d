import type { TrialColumns } from '../engine/columns.js';
import { BLOCK_SIZE } from '../engine/simulateBlock.js';
import type { RunRequest, Simulator } from '../runner/simulator.js';
import { breakevenFee } from './breakeven.js';

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

/** What simulateToPrecision is asked for. */
export interface PrecisionRequest extends RunRequest {
  /** Trials of the first round (capped at maxTrials). */
  trials: number;
  /** Asked half-width of the break-even fee's 95% interval, relative to the fee (0.01 for ±1%). */
  target: number;
  /** Most trials to simulate. */
  maxTrials: number;
  /** Confidence level of the break-even fee, e.g. 0.95. */
  confidence: number;
  /** Called after each round that falls short, before the run is extended to `next` trials. */
  onShort?: (round: { achieved: number; trials: number; next: number }) => void;
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
 * width falls as 1/√n, so each round aims at n·(achieved/target)² with a 20% margin. A round
 * extends the run (SimulationRun.extend: only the new blocks are simulated), and blocks have
 * their own streams, so the result equals a single run of the final size, bit for bit.
 * @example simulateToPrecision(simulator, { trials: 10_000, target: 0.01, maxTrials: 1_000_000, confidence: 0.95 })
 */
export async function simulateToPrecision(simulator: Simulator, request: PrecisionRequest): Promise<{ columns: TrialColumns; precision: PrecisionReport }> {
  const { target, maxTrials, confidence, onShort, trials: firstTrials, ...runRequest } = request;
  const run = simulator.start(runRequest);
  let trials = Math.min(firstTrials, maxTrials);
  for (;;) {
    const columns = await run.extend(trials);
    const achieved = relativeHalfWidth(columns, confidence);
    const reached = achieved <= target;
    if (reached || trials >= maxTrials) {
      return { columns, precision: { target, achieved, reached, trials, max_trials: maxTrials } };
    }
    const aim = Math.ceil((trials * (achieved / target) ** 2 * 1.2) / BLOCK_SIZE) * BLOCK_SIZE;
    const next = Math.min(maxTrials, Math.max(aim, trials + BLOCK_SIZE));
    onShort?.({ achieved, trials, next });
    trials = next;
  }
}
