/** Width of a response-time histogram bin, hours: one minute. */
export const RESPONSE_BIN_HOURS = 1 / 60;
/** Bins of the histogram: bin 0 holds responses of exactly 0, bin b > 0 those in ((b − 1)·w, b·w], the last all longer ones. */
export const RESPONSE_BINS = 60 * 24 * 7 * 8 + 2;

/**
 * What the `sla` study sums over trials for one team size, per plan (index p) in typed arrays:
 * the request and breach counts with their squares and cross products (for the ratio estimator's
 * standard error over trials), client-months with a breach, penalties, the response-time
 * histogram, and the team's busy and available hours.
 */
export interface SlaStats {
  trials: number;
  readonly requests: Float64Array;
  readonly breaches: Float64Array;
  readonly requestsSquared: Float64Array;
  readonly breachesSquared: Float64Array;
  readonly requestsTimesBreaches: Float64Array;
  readonly breachClientMonths: Float64Array;
  readonly breachClientMonthsSquared: Float64Array;
  readonly penalty: Float64Array;
  readonly penaltySquared: Float64Array;
  /** Plan p's bin b at p·RESPONSE_BINS + b. */
  readonly histogram: Float64Array;
  busyHours: number;
  onCallBusyHours: number;
  /** Working hours the team had (people × its calendar's hours over the term), summed over trials. */
  availableHours: number;
  onCallAvailableHours: number;
}

/** Empty sums for `plans` plans. */
export function createSlaStats(plans: number): SlaStats {
  const column = () => new Float64Array(plans);
  return {
    trials: 0,
    requests: column(),
    breaches: column(),
    requestsSquared: column(),
    breachesSquared: column(),
    requestsTimesBreaches: column(),
    breachClientMonths: column(),
    breachClientMonthsSquared: column(),
    penalty: column(),
    penaltySquared: column(),
    histogram: new Float64Array(plans * RESPONSE_BINS),
    busyHours: 0,
    onCallBusyHours: 0,
    availableHours: 0,
    onCallAvailableHours: 0,
  };
}

/** The histogram bin of a response time in hours. */
export function responseBin(hours: number): number {
  if (hours <= 0) return 0;
  const bin = Math.ceil(hours / RESPONSE_BIN_HOURS);
  return Math.min(bin, RESPONSE_BINS - 1);
}

/** Numbers one SlaStats packs into (packSlaStats): its trials, nine sums per plan, the histogram and four hours. */
export function slaStatsLength(plans: number): number {
  return 1 + 9 * plans + plans * RESPONSE_BINS + 4;
}

/** The per-plan sums of SlaStats, in the order they are packed. */
function planSums(s: SlaStats): Float64Array[] {
  return [
    s.requests,
    s.breaches,
    s.requestsSquared,
    s.breachesSquared,
    s.requestsTimesBreaches,
    s.breachClientMonths,
    s.breachClientMonthsSquared,
    s.penalty,
    s.penaltySquared,
    s.histogram,
  ];
}

/** Writes `s` into `into` at `offset` … offset + slaStatsLength − 1: a block's figures, as a worker sends them. */
export function packSlaStats(s: SlaStats, into: Float64Array, offset: number): void {
  let at = offset;
  into[at++] = s.trials;
  for (const sums of planSums(s)) {
    into.set(sums, at);
    at += sums.length;
  }
  into[at++] = s.busyHours;
  into[at++] = s.onCallBusyHours;
  into[at++] = s.availableHours;
  into[at] = s.onCallAvailableHours;
}

/**
 * Adds packed figures (packSlaStats) to `total`. The study adds its blocks in block order, so
 * its sums, and the rounding of the money and hours among them, do not depend on which thread
 * served which block.
 */
export function addPackedSlaStats(total: SlaStats, from: Float64Array, offset: number): void {
  let at = offset;
  total.trials += from[at++];
  for (const sums of planSums(total)) {
    for (let i = 0; i < sums.length; i++) sums[i] += from[at + i];
    at += sums.length;
  }
  total.busyHours += from[at++];
  total.onCallBusyHours += from[at++];
  total.availableHours += from[at++];
  total.onCallAvailableHours += from[at];
}
