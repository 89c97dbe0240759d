import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { formatInterval, formatMoney } from './format.js';

/**
 * What the shared shocks (common factor, shock events) cost, in one short paragraph.
 * @param runTrials the run's trials: when the comparison used fewer, the paragraph says so
 */
export function formatSharedShocks(result: WithoutSharedShocks, runTrials: number, currency: string): string {
  const onFirst = result.trials < runTrials ? ` (compared on the first ${result.trials.toLocaleString('en-US')} simulated terms)` : '';
  return [
    `Shared shocks (busy months and events that hit many clients at once)${onFirst}`,
    `  break-even fee with them:    ${formatMoney(result.with_shocks_fee, currency)}`,
    `  if clients were independent: ${formatMoney(result.breakeven_fee, currency)}  (95% MC interval ${formatInterval(result.breakeven_fee_interval)})`,
    `  they cost ${formatMoney(result.shared_shocks_cost, currency)} per client per month in margin, and change the pooling benefit by ${formatMoney(result.pooling_benefit_change, currency)}`,
  ].join('\n');
}
