import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';

/*
 * The settle step of an hourly plan, no contract (MODEL.md, "Contract forms"): every request of
 * every type is covered and billed at the plan's rate per billed hour, so the price quantity w
 * is the client's billed hours; no overage, no breakage.
 */
export function settleHourly(state: BlockState, c: HotClient): void {
  const { length, overage, revenueBesidesFee, priceWeight } = state;
  const billed = c.billed ? state.coveredBilled : state.covered;
  const fixed = state.portfolio.termMonths * c.fixedRevenuePerMonth;
  for (let t = 0; t < length; t++) {
    priceWeight[t] = billed[t];
    revenueBesidesFee[t] = fixed;
  }
  overage.fill(0, 0, length);
  state.breakage.fill(0, 0, length);
  state.deferred.fill(0, 0, length);
}
