import type { WithoutSharedShocks } from '../analysis/sharedShocks.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/**
 * Why a negative cost of shared shocks is not a gain: within the Monte Carlo error when it is
 * smaller than the half-width of the without-shocks fee's 95% interval (the with-shocks fee, on
 * the same random numbers, is known at least as well), else a tail the shocks damp at this
 * sample size. Empty for a cost ≥ 0.
 */
export function negativeCostNote(result: WithoutSharedShocks, { t, n }: TextStyle = EN_TEXT): string {
  if (!(result.shared_shocks_cost < 0)) return '';
  const [low, high] = result.breakeven_fee_interval;
  const halfWidth = Math.max(result.breakeven_fee - low, high - result.breakeven_fee);
  return -result.shared_shocks_cost <= halfWidth ? t.sharedShocksWithinError(n.number(halfWidth)) : t.sharedShocksDamp;
}

/**
 * What the shared shocks (common factor, shock events) cost, in one short paragraph.
 * @param runTrials the run's trials: when the comparison used fewer, the paragraph says so
 * @param level ` at 90%` when several confidence levels are shown (headlineLabel), else empty
 */
export function formatSharedShocks(result: WithoutSharedShocks, runTrials: number, currency: string, level = '', s: TextStyle = EN_TEXT): string {
  const { t, n } = s;
  const onFirst = result.trials < runTrials ? t.sharedShocksOnFirst(n.number(result.trials, 0)) : '';
  return [
    t.sharedShocksTitle({ level, onFirst }),
    t.sharedShocksWith(n.money(result.with_shocks_fee, currency)),
    t.sharedShocksWithout({ fee: n.money(result.breakeven_fee, currency), interval: n.interval(result.breakeven_fee_interval) }),
    t.sharedShocksCost({ cost: n.money(result.shared_shocks_cost, currency), pooling: n.money(result.pooling_benefit_change, currency) }) +
      negativeCostNote(result, s),
  ].join('\n');
}
