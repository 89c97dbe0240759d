import type { BlockState } from '../blockState.js';
import type { HotClient } from '../hotPortfolio.js';

/*
 * The settle step of a bundle plan, the strippenkaart (MODEL.md, "Contract forms"): one bundle
 * of B hours is bought at the start of month 1; each month's covered billed hours draw its
 * balance down as one amount; a month that needs more rebuys (as many bundles as it takes, the
 * new ones valid from that month) or, with `when_used_up: hourly`, bills the rest at the
 * overage rate until the bundle expires. A bundle expires at the end of its V-th month: its
 * balance is breakage, and a new bundle is bought in the month after while the term goes on.
 * Hours left on a bundle still valid after the term are deferred. The price quantity w is the
 * bundles earned: (hours drawn from bundles + breakage) / B. A bundle valid for the term or
 * longer needs no months but the first (bundleFromTotals).
 */

/** Slack below which a month's need counts as a whole number of bundles (0.3 + 0.2 is not 0.5). */
const SLACK = 1e-9;

/** One trial's figures, left in `into`: [hours drawn from bundles, breakage, hourly hours, deferred]. */
export function bundleTrial(
  byMonth: Float64Array,
  offset: number,
  months: number,
  hours: number,
  validMonths: number,
  rebuy: boolean,
  into: Float64Array,
): void {
  let balance = hours;
  let lastMonth = validMonths - 1;
  let valid = true;
  let drawn = 0;
  let breakage = 0;
  let hourly = 0;
  for (let m = 0; m < months; m++) {
    if (!valid) {
      balance = hours;
      lastMonth = m + validMonths - 1;
      valid = true;
    }
    let need = byMonth[offset + m];
    const take = Math.min(need, balance);
    balance -= take;
    drawn += take;
    need -= take;
    if (need > 0) {
      if (rebuy) {
        const bundles = Math.max(1, Math.ceil(need / hours - SLACK));
        drawn += need;
        balance = Math.max(0, bundles * hours - need);
        lastMonth = m + validMonths - 1;
      } else {
        hourly += need;
      }
    }
    if (m === lastMonth) {
      breakage += balance;
      balance = 0;
      valid = false;
    }
  }
  into[0] = drawn;
  into[1] = breakage;
  into[2] = hourly;
  into[3] = valid ? balance : 0;
}

/** The two amounts bundleFromTotals draws down, reused. */
const parts = new Float64Array(2);

/**
 * bundleTrial for a bundle valid for the term or longer (V ≥ H; compile.ts, bundleMonthsNeeded),
 * from the term's covered billed hours and the first month's: no bundle expires before the term
 * ends, so only the order "month 1, then the rest" can matter, and the rest draws as one amount.
 * That is bundleTrial over two months: month 1 and the rest, with a validity that ends a bundle
 * bought in month 1 with the term (V = H: two such months) or never (V > H: three).
 * @param first the first month's hours: 0 when only the total matters (V > H, or no rebuy)
 */
export function bundleFromTotals(
  first: number,
  total: number,
  hours: number,
  validMonths: number,
  termMonths: number,
  rebuy: boolean,
  into: Float64Array,
): void {
  parts[0] = first;
  parts[1] = Math.max(0, total - first);
  bundleTrial(parts, 0, 2, hours, validMonths === termMonths ? 2 : 3, rebuy, into);
}

/** Settles the current client of a bundle plan over the block's trials (see above). */
export function settleBundle(state: BlockState, c: HotClient): void {
  const { length, coveredByMonth, overage, revenueBesidesFee, priceWeight, breakage, deferred } = state;
  const uncovered = c.billed ? state.uncoveredBilled : state.uncovered;
  const H = state.portfolio.termMonths;
  const hourlyRate = state.portfolio.hourlyRate;
  const figures = state.scratch.bundle;
  // Without months kept (a bundle valid for the term or longer), the term's covered billed hours.
  const total = c.billed ? state.coveredBilled : state.covered;
  const first = state.coveredFirstMonth;
  for (let t = 0; t < length; t++) {
    if (c.capped) bundleTrial(coveredByMonth, t * H, H, c.bundleHours, c.bundleValidMonths, c.bundleRebuy, figures);
    else bundleFromTotals(c.bundleFirstMonth ? first[t] : 0, total[t], c.bundleHours, c.bundleValidMonths, H, c.bundleRebuy, figures);
    overage[t] = figures[2];
    breakage[t] = figures[1];
    deferred[t] = figures[3];
    priceWeight[t] = (figures[0] + figures[1]) / c.bundleHours;
    revenueBesidesFee[t] = c.overageRate * figures[2] + hourlyRate * uncovered[t] + H * c.fixedRevenuePerMonth;
  }
}
