import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';

/*
 * The settle step of a per_request plan, a price per change (MODEL.md, "Contract forms"): each
 * covered request is billed its type's list price whatever its hours, so overruns stay with the
 * agency. The price quantity w is the list value of the covered requests (the price p is a
 * multiplier on the list), summed where the requests are drawn (state.listValue).
 */
export function settlePerRequest(state: BlockState, c: HotClient): void {
  const { length, overage, revenueBesidesFee, priceWeight, listValue } = state;
  const uncovered = c.billed ? state.uncoveredBilled : state.uncovered;
  const H = state.portfolio.termMonths;
  const hourlyRate = state.portfolio.hourlyRate;
  for (let t = 0; t < length; t++) {
    priceWeight[t] = listValue[t];
    revenueBesidesFee[t] = hourlyRate * uncovered[t] + H * c.fixedRevenuePerMonth;
  }
  overage.fill(0, 0, length);
  state.breakage.fill(0, 0, length);
  state.deferred.fill(0, 0, length);
}
