import type { AvailabilityModel } from '../../engine/uptime/model.js';
import { createMonthOutcome, simulateMonth } from '../../engine/uptime/simulateMonth.js';
import { BLOCK_SIZE } from '../../engine/simulateBlock.js';
import { createStream } from '../../random/rng.js';
import { DEFAULT_TERM_MONTHS } from '../../scenario/limits.js';

/** The simulated months, one value per month in each column. */
export interface MonthColumns {
  availability: Float64Array;
  downtimeHours: Float64Array;
  longestOutageHours: Float64Array;
  creditShare: Float64Array;
  supplierCreditPerClient: Float64Array;
}

/**
 * Simulates `months` months of the chain on the portfolio engine's streams, so that
 * `fairfee availability` sees exactly the months a `fairfee run` of the same scenario, seed and
 * trials does: trial t's `monthsPerTrial` months, in order, come from stream
 * `[⌊t / BLOCK_SIZE⌋, 'service']` (simulateBlock.ts), so month m belongs to trial
 * ⌊m / monthsPerTrial⌋. A block's months never depend on how many months or threads there are.
 * @param months ≥ 1; trials × monthsPerTrial for the months of a run (a partial last trial is fine)
 * @param monthsPerTrial the scenario's term, months
 * @example simulateMonths(model, 100_000, '2027', 12).availability.length // 100000
 */
export function simulateMonths(model: AvailabilityModel, months: number, seed: string, monthsPerTrial = DEFAULT_TERM_MONTHS): MonthColumns {
  const columns: MonthColumns = {
    availability: new Float64Array(months),
    downtimeHours: new Float64Array(months),
    longestOutageHours: new Float64Array(months),
    creditShare: new Float64Array(months),
    supplierCreditPerClient: new Float64Array(months),
  };
  const monthsPerBlock = BLOCK_SIZE * monthsPerTrial;
  const out = createMonthOutcome();
  for (let block = 0; block * monthsPerBlock < months; block++) {
    const stream = createStream(seed, [block, 'service']);
    const end = Math.min(months, (block + 1) * monthsPerBlock);
    for (let m = block * monthsPerBlock; m < end; m++) {
      simulateMonth(model, stream, out);
      columns.availability[m] = out.availability;
      columns.downtimeHours[m] = out.downtimeHours;
      columns.longestOutageHours[m] = out.longestOutageHours;
      columns.creditShare[m] = out.creditShare;
      columns.supplierCreditPerClient[m] = out.supplierCreditPerClient;
    }
  }
  return columns;
}
