import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';

/*
 * The settle step of a flat plan (MODEL.md, "Contract forms"): a client's billed hours of a
 * block's trials → overage hours and the revenue besides the fee, per trial, into the block's
 * settle arrays (state.overage, state.revenueBesidesFee). Its fee weight is the client-months
 * paying the fee less credited shares, state.feeWeightPerClient, which the block fills before
 * any client. One pass over the trials, on the workspace's typed arrays: nothing is allocated.
 */

/**
 * Overage hours of one trial: covered billed hours above the included hours, month by month.
 * @param byMonth the client's covered billed hours of month m at byMonth[offset + m], m < months
 */
export function flatOverage(byMonth: Float64Array, offset: number, months: number, includedHours: number): number {
  let overage = 0;
  for (let m = offset; m < offset + months; m++) {
    const excess = byMonth[m] - includedHours;
    if (excess > 0) overage += excess;
  }
  return overage;
}

/** Settles the current client of a flat plan over the block's trials (see above). */
export function settleFlat(state: BlockState, c: HotClient): void {
  const { length, coveredByMonth, overage, revenueBesidesFee } = state;
  const uncovered = c.billed ? state.uncoveredBilled : state.uncovered;
  const H = state.portfolio.termMonths;
  const hourlyRate = state.portfolio.hourlyRate;
  for (let t = 0; t < length; t++) {
    const hours = c.capped ? flatOverage(coveredByMonth, t * H, H, c.includedHours) : 0;
    overage[t] = hours;
    revenueBesidesFee[t] = c.overageRate * hours + hourlyRate * uncovered[t] + H * c.fixedRevenuePerMonth;
  }
}
