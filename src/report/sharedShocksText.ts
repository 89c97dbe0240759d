import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { formatInterval, formatMoney, formatNumber } from './format.js';

/**
 * Why a negative cost of shared shocks is not a gain: within the Monte Carlo error when it is
 * smaller than the half-width of the without-shocks fee's 95% interval (the with-shocks fee, on
 * the same random numbers, is known at least as well), else a tail the shocks damp at this
 * sample size. Empty for a cost ≥ 0.
 */
export function negativeCostNote(result: WithoutSharedShocks): string {
  if (!(result.shared_shocks_cost < 0)) return '';
  const [low, high] = result.breakeven_fee_interval;
  const halfWidth = Math.max(result.breakeven_fee - low, high - result.breakeven_fee);
  return -result.shared_shocks_cost <= halfWidth
    ? `\n  (below zero, but within the Monte Carlo error of ±${formatNumber(halfWidth)}: no measurable cost at this sample size)`
    : '\n  (below zero: at this sample size the shocks damp the tail of the net cost instead of fattening it; more trials tell whether that holds)';
}

/**
 * What the shared shocks (common factor, shock events) cost, in one short paragraph.
 * @param runTrials the run's trials: when the comparison used fewer, the paragraph says so
 * @param level ` at 90%` when several confidence levels are shown (headlineLabel), else empty
 */
export function formatSharedShocks(result: WithoutSharedShocks, runTrials: number, currency: string, level = ''): string {
  const onFirst = result.trials < runTrials ? ` (compared on the first ${result.trials.toLocaleString('en-US')} simulated terms)` : '';
  return [
    `Shared shocks (busy months and events that hit many clients at once)${level ? `, break-even fees${level}` : ''}${onFirst}`,
    `  break-even fee with them:    ${formatMoney(result.with_shocks_fee, currency)}`,
    `  if clients were independent: ${formatMoney(result.breakeven_fee, currency)}  (95% MC interval ${formatInterval(result.breakeven_fee_interval)})`,
    `  they cost ${formatMoney(result.shared_shocks_cost, currency)} per client per month in margin, and change the pooling benefit by ${formatMoney(result.pooling_benefit_change, currency)}${negativeCostNote(result)}`,
  ].join('\n');
}
