import { streamSample } from '../../random/streamSampler.js';
import type { TycheStream } from '../../random/tycheStream.js';
import { creditShare } from './credits.js';
import { combineDownSets, createDownSets, ensureCapacity, measureDownSet, mergeSortedIntervals, type DownSets } from './intervals.js';
import type { UptimeChain } from './model.js';

/**
 * The working buffers of simulateMonth, kept with the outcome they produce so that one caller's
 * months reuse them (the chain itself is read-only data, shared or cloned to threads).
 */
export interface MonthWork {
  /** The month's down sets, one per component and group; null until the first month. */
  downSets: DownSets | null;
  /** One sweep cursor per member of the largest group. */
  cursor: Int32Array;
  /** Where measureDownSet leaves its figures. */
  readonly measure: { total: number; longest: number };
}

/** One simulated month of the chain, as the portfolio engine and the analysis read it. */
export interface MonthOutcome {
  /** 1 − downtime / 730, a share in [0, 1]. */
  availability: number;
  /** Hours the chain was down, overlaps counted once. */
  downtimeHours: number;
  /** Longest single outage of the chain, hours (cut at the month's end). */
  longestOutageHours: number;
  /** Share of the client's monthly fee credited back under the scenario's schedule. */
  creditShare: number;
  /** Σ over suppliers of (their credit share that month × their monthly cost), money per client. */
  supplierCreditPerClient: number;
  /** Σ of the suppliers' monthly costs, money per client. */
  supplierCostPerClient: number;
  /** simulateMonth's buffers, grown to the busiest month seen. */
  readonly work: MonthWork;
}

/**
 * A fresh outcome (a month with no downtime) to pass to `simulateMonth` again and again.
 * @example const out = createMonthOutcome()
 */
export function createMonthOutcome(): MonthOutcome {
  return {
    availability: 1,
    downtimeHours: 0,
    longestOutageHours: 0,
    creditShare: 0,
    supplierCreditPerClient: 0,
    supplierCostPerClient: 0,
    work: { downSets: null, cursor: new Int32Array(1), measure: { total: 0, longest: 0 } },
  };
}

/**
 * Draws one component's outages into set `c`: starts as a Poisson process (exponential gaps of
 * mean T / rate, the same law as a Poisson count at uniform times, but born sorted), each lasting
 * a drawn duration cut at the month's end; then merged where they overlap.
 */
function drawComponent(chain: UptimeChain, sets: DownSets, c: number, stream: TycheStream): void {
  const hours = chain.hoursPerMonth;
  const base = sets.top;
  let n = 0;
  if (chain.alwaysDown[c] === 1) {
    ensureCapacity(sets, base + 1);
    sets.starts[base] = 0;
    sets.ends[base] = hours;
    n = 1;
  } else {
    const gap = chain.meanGapHours[c];
    if (gap !== Number.POSITIVE_INFINITY) {
      const exponentialMean = chain.exponentialMeanHours[c];
      const duration = chain.durations[c];
      let start = -Math.log(1 - stream.nextDouble()) * gap;
      while (start < hours) {
        const length = exponentialMean > 0 ? -Math.log(1 - stream.nextDouble()) * exponentialMean : streamSample(stream, duration!);
        if (length > 0) {
          if (base + n >= sets.starts.length) ensureCapacity(sets, base + n + 1);
          sets.starts[base + n] = start;
          sets.ends[base + n] = Math.min(start + length, hours);
          n++;
        }
        start += -Math.log(1 - stream.nextDouble()) * gap;
      }
      n = mergeSortedIntervals(sets.starts, sets.ends, base, n);
    }
  }
  sets.offset[c] = base;
  sets.count[c] = n;
  sets.top = base + n;
}

/**
 * Simulates one month (MODEL.md, "Availability"): T = 730 h, every component up at the start,
 * each component's outages drawn and merged, then each group's down set by a sweep line (a
 * series chain is down on the union of its members' down sets, a parallel group on their
 * intersection, k-of-n while more than n − k members are down), and the chain's down time,
 * longest outage and the credits that follow. Writes into `out`; allocates nothing once its
 * buffers (out.work) have grown to the busiest month seen. Pure but for `out` and the stream.
 * @param stream the stream for this month (consumption varies with the outages drawn)
 * @example const out = createMonthOutcome(); simulateMonth(chain, stream, out); out.availability
 */
export function simulateMonth(chain: UptimeChain, stream: TycheStream, out: MonthOutcome): void {
  const work = out.work;
  const setCount = chain.componentCount + chain.groupThreshold.length;
  if (work.downSets === null || work.downSets.offset.length < setCount) work.downSets = createDownSets(setCount);
  if (work.cursor.length < chain.largestGroup) work.cursor = new Int32Array(chain.largestGroup);
  const sets = work.downSets;
  const hours = chain.hoursPerMonth;
  const componentCount = chain.componentCount;
  const measure = work.measure;
  sets.top = 0;
  let supplierCredit = 0;
  for (let c = 0; c < componentCount; c++) {
    drawComponent(chain, sets, c, stream);
    const schedule = chain.supplierCredits[c];
    if (schedule.length > 0 && chain.monthlyCost[c] > 0) {
      measureDownSet(sets, c, measure);
      supplierCredit += creditShare(schedule, 1 - measure.total / hours) * chain.monthlyCost[c];
    }
  }
  for (let g = 0; g < chain.groupThreshold.length; g++) {
    combineDownSets(sets, componentCount + g, chain.members, chain.memberStart[g], chain.memberStart[g + 1], chain.groupThreshold[g], work.cursor);
  }
  measureDownSet(sets, chain.root, measure);
  out.downtimeHours = measure.total;
  out.longestOutageHours = measure.longest;
  out.availability = 1 - measure.total / hours;
  out.creditShare = creditShare(chain.credits, out.availability);
  out.supplierCreditPerClient = supplierCredit;
  out.supplierCostPerClient = chain.supplierCostPerClient;
}
