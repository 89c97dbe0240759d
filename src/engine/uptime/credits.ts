import type { CreditSchedule } from '../../scenario/uptime/spec.js';

/**
 * The share credited back for a month with the given availability: the largest `credit` among
 * the rows whose `below` is above it (a month at exactly `below` earns nothing from that row),
 * 0 when no row applies. Rows may come in any order.
 * @param schedule rows { below ∈ (0, 1], credit ∈ [0, 1] }
 * @param availability the month's availability, a share in [0, 1]
 * @returns a share of the monthly fee (or of a supplier's monthly cost), in [0, 1]
 * @example creditShare([{ below: 0.995, credit: 0.1 }, { below: 0.99, credit: 0.25 }], 0.992) // 0.1
 */
export function creditShare(schedule: CreditSchedule, availability: number): number {
  let share = 0;
  for (let i = 0; i < schedule.length; i++) {
    const row = schedule[i];
    if (availability < row.below && row.credit > share) share = row.credit;
  }
  return share;
}

/**
 * The highest `below` of a schedule: the level the schedule effectively promises.
 * @returns the top threshold, or NaN for an empty schedule
 * @example topThreshold([{ below: 0.995, credit: 0.1 }, { below: 0.99, credit: 0.25 }]) // 0.995
 */
export function topThreshold(schedule: CreditSchedule): number {
  let top = Number.NaN;
  for (const row of schedule) if (!(row.below <= top)) top = row.below;
  return top;
}
