import { BLOCK_SIZE } from '../simulateBlock.js';
import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';

/*
 * The settle step of a flat plan (MODEL.md, "Contract forms"): a client's billed hours of a
 * block's trials → overage hours and the revenue besides the fee, per trial, into the block's
 * settle arrays (state.overage, state.revenueBesidesFee). Its price quantity is the
 * client-months paying the fee less credited shares, state.feeWeightPerClient, which the block
 * fills before any client. One pass over the trials, on the workspace's typed arrays: nothing is allocated.
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

/**
 * Overage hours of one trial of a plan with rollover (MODEL.md, "Contract forms"): a month uses
 * its own included hours first, then banked hours oldest first, then bills overage; what it
 * leaves of its own included hours is banked for the next `months` months, as far as the bank
 * holds less than `capHours` (hours that would pass the cap lapse at once). Banked hours that
 * `months` months did not use lapse at the end of the last of them; hours still banked at the
 * term's end lapse.
 * @param bank at least `months` slots, overwritten: the hours banked at the end of month j are
 *   at bank[j mod months] until month j + months, when the slot takes that month's
 */
export function rolloverOverage(
  byMonth: Float64Array,
  offset: number,
  months: number,
  includedHours: number,
  rolloverMonths: number,
  capHours: number,
  bank: Float64Array,
): number {
  const k = rolloverMonths;
  bank.fill(0, 0, k);
  let banked = 0;
  let overage = 0;
  for (let m = 0; m < months; m++) {
    let need = byMonth[offset + m];
    const own = Math.min(need, includedHours);
    need -= own;
    // Oldest first: the slot of month m − k (its last month of use is this one), then m − k + 1, …
    for (let i = 0; i < k && need > 0; i++) {
      const slot = (m + i) % k;
      const available = bank[slot];
      if (available === 0) continue;
      const take = Math.min(available, need);
      bank[slot] = available - take;
      banked -= take;
      need -= take;
    }
    overage += need;
    // Month m − k's hours lapse now; the slot takes this month's unused hours, up to the cap.
    const slot = m % k;
    banked -= bank[slot];
    const unused = includedHours - own;
    const room = capHours - banked;
    const deposit = Math.max(0, Math.min(unused, room));
    bank[slot] = deposit;
    banked += deposit;
  }
  return overage;
}

/** Settles the current client of a flat plan over the block's trials (see above). */
export function settleFlat(state: BlockState, c: HotClient): void {
  const { length, coveredByMonth, overage, revenueBesidesFee, priceWeight } = state;
  const uncovered = c.billed ? state.uncoveredBilled : state.uncovered;
  const H = state.portfolio.termMonths;
  const hourlyRate = state.portfolio.hourlyRate;
  const feeRow = state.portfolio.planFeeRow[c.planIndex] * BLOCK_SIZE;
  for (let t = 0; t < length; t++) {
    const hours = !c.capped
      ? 0
      : c.rolloverMonths > 0
        ? rolloverOverage(coveredByMonth, t * H, H, c.includedHours, c.rolloverMonths, c.rolloverCapHours, state.bank)
        : flatOverage(coveredByMonth, t * H, H, c.includedHours);
    overage[t] = hours;
    revenueBesidesFee[t] = c.overageRate * hours + hourlyRate * uncovered[t] + H * c.fixedRevenuePerMonth;
    // The plan's fee weight row: its own uptime credits, or the shared ones (HotPortfolio.planFeeRow).
    priceWeight[t] = state.feeWeightPerClient[feeRow + t];
  }
  state.breakage.fill(0, 0, length);
  state.deferred.fill(0, 0, length);
}
