import type { TrialColumns } from '../engine/columns.js';
import { firstTrials } from '../engine/packedColumns.js';
import type { Simulator } from '../runner/simulator.js';
import { hasSharedShocks } from '../scenario/adjust.js';
import { portfolioFees } from './portfolioFees.js';
import type { BreakevenReport } from './runReport.js';
import { flatSegmentCounts } from './uniformFee.js';

/**
 * Most simulated terms the comparison without shared shocks runs: as many as a default run
 * (20,000). It is a what-if beside the headline, like the sensitivity section (1,000 terms): a
 * default run compares on all its terms, and a longer one, run for a more precise headline,
 * compares its first 20,000 (its fee known to about ±0.25% on the bundled scenario) instead of
 * spending on the what-if the time that buys the headline's precision. (At 100,000 terms it took
 * 6 s of a million-trial run's minute; at 50,000, 3 s; at 20,000, about 1 s.)
 */
export const SHARED_SHOCKS_MAX_TRIALS = 20_000;

/** The same portfolio with clients independent: what the shared shocks cost in margin. */
export interface WithoutSharedShocks {
  /** Simulated terms compared, with and without: the run's first ones (common random numbers). */
  trials: number;
  breakeven_fee: number;
  breakeven_fee_interval: [number, number];
  fair_fee: number;
  pooling_benefit: number;
  /** Break-even fee with shocks on the same trials (the headline's when all trials are compared). */
  with_shocks_fee: number;
  /** Break-even fee with shocks minus without: what shared shocks cost per client per month. */
  shared_shocks_cost: number;
  /** Pooling benefit with shocks minus without (negative: shocks shrink it). */
  pooling_benefit_change: number;
}

/**
 * Re-runs the scenario without its common factor and shock events, on the same seed, and
 * compares break-even fees on the first min(trials, SHARED_SHOCKS_MAX_TRIALS) trials of both
 * (the run's trials extend its first ones, so these are the run's own); null when the
 * scenario has no shared shocks.
 * @param settings the run's trials and headline confidence level
 * @param withShocks the run's columns and its report (whose fees are used when all trials are compared)
 * @param maxTrials most trials compared
 */
export async function withoutSharedShocks(
  simulator: Simulator,
  settings: { trials: number; confidence: number },
  withShocks: { columns: TrialColumns; report: Pick<BreakevenReport, 'breakeven_fee' | 'pooling_benefit'> },
  maxTrials = SHARED_SHOCKS_MAX_TRIALS,
): Promise<WithoutSharedShocks | null> {
  if (!hasSharedShocks(simulator.scenario)) return null;
  const counts = flatSegmentCounts(simulator.scenario);
  const { confidence } = settings;
  const trials = Math.min(settings.trials, maxTrials);
  const columns = await simulator.simulate({ trials, adjustments: [{ kind: 'without-shared-shocks' }], label: 'without shared shocks' });
  const fees = portfolioFees(columns, confidence, counts);
  const base = trials === settings.trials ? null : portfolioFees(firstTrials(withShocks.columns, trials), confidence, counts);
  const withFee = base ? base.breakeven.fee : (withShocks.report.breakeven_fee ?? fees.breakeven.fee);
  const withPooling = base ? base.poolingBenefit : (withShocks.report.pooling_benefit ?? fees.poolingBenefit);
  return {
    trials,
    breakeven_fee: fees.breakeven.fee,
    breakeven_fee_interval: fees.breakeven.interval,
    fair_fee: fees.fair.fee,
    pooling_benefit: fees.poolingBenefit,
    with_shocks_fee: withFee,
    shared_shocks_cost: withFee - fees.breakeven.fee,
    pooling_benefit_change: withPooling - fees.poolingBenefit,
  };
}
