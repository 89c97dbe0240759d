import { portfolioFees } from '../analysis/breakeven.js';
import type { BreakevenReport } from '../analysis/runReport.js';
import { hasSharedShocks } from '../scenario/adjust.js';
import type { SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { simulate, type PreparedRun } from './simulation.js';

/** The same portfolio with clients independent: what the shared shocks cost in margin. */
export interface WithoutSharedShocks {
  breakeven_fee: number;
  breakeven_fee_interval: [number, number];
  fair_fee: number;
  pooling_benefit: number;
  /** Break-even fee with shocks minus without: what shared shocks cost per client per month. */
  shared_shocks_cost: number;
  /** Pooling benefit with shocks minus without (negative: shocks shrink it). */
  pooling_benefit_change: number;
}

/**
 * Re-runs the scenario without its common factor and shock events, on the same seed, and
 * compares break-even fees; null when the scenario has no shared shocks.
 */
export async function withoutSharedShocks(
  run: PreparedRun,
  args: SimulationArgs,
  io: Io,
  withShocks: Pick<BreakevenReport, 'breakeven_fee' | 'pooling_benefit'>,
): Promise<WithoutSharedShocks | null> {
  if (!hasSharedShocks(run.scenario)) return null;
  const counts = run.scenario.clients.map((c) => c.count);
  const confidence = run.levels[0];
  const columns = await simulate(run, args, io, [{ kind: 'without-shared-shocks' }], 'without shared shocks');
  const fees = portfolioFees(columns, confidence, counts);
  return {
    breakeven_fee: fees.breakeven.fee,
    breakeven_fee_interval: fees.breakeven.interval,
    fair_fee: fees.fair.fee,
    pooling_benefit: fees.poolingBenefit,
    shared_shocks_cost: withShocks.breakeven_fee - fees.breakeven.fee,
    pooling_benefit_change: withShocks.pooling_benefit - fees.poolingBenefit,
  };
}
