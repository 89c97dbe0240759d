import type { TrialColumns } from '../columns.js';
import { workingClock } from './calendar.js';
import type { RequestLog } from './requestLog.js';
import { serveQueue, createQueueWork, type QueueWork } from './serveQueue.js';
import { responseBin, RESPONSE_BINS, type SlaStats } from './slaStats.js';
import { HOURS_PER_MONTH, type CompiledTeam } from './team.js';

/** What the settle step needs of each client (HotClient has these). */
export interface QueueClient {
  readonly planIndex: number;
  readonly segmentIndex: number;
  readonly representative: boolean;
}

/** The settle step's working arrays, grown to the busiest block seen and reused. */
export interface QueueSettleWork {
  /** Where trial t's requests start (trialStart[t]) among the block's, grouped by trial. */
  trialStart: Int32Array;
  /** The block's requests grouped by trial, in the order drawn. */
  byTrialArrival: Float64Array;
  byTrialHours: Float64Array;
  byTrialClient: Int32Array;
  /** The queue's inputs and output, at the positions of the ordered log (RequestLog.ordered). */
  priority: Int32Array;
  anyHour: Uint8Array;
  start: Float64Array;
  /** One trial's time buckets (orderTrial). */
  bucketStart: Int32Array;
  bucket: Int32Array;
  /** Per client-month (client·H + month): penalties and breaches of the trial, and the months touched. */
  penalty: Float64Array;
  breaches: Int32Array;
  touched: Int32Array;
  /** Each client's plan. */
  readonly clientPlan: Int32Array;
  readonly queue: QueueWork;
}

/** Working arrays for a portfolio's clients over `months` months. */
export function createQueueSettleWork(clients: readonly QueueClient[], months: number): QueueSettleWork {
  const n = clients.length;
  return {
    trialStart: new Int32Array(0),
    byTrialArrival: new Float64Array(0),
    byTrialHours: new Float64Array(0),
    byTrialClient: new Int32Array(0),
    priority: new Int32Array(0),
    anyHour: new Uint8Array(0),
    start: new Float64Array(0),
    bucketStart: new Int32Array(0),
    bucket: new Int32Array(0),
    penalty: new Float64Array(n * months),
    breaches: new Int32Array(n * months),
    touched: new Int32Array(n * months),
    clientPlan: Int32Array.from(clients.map((c) => c.planIndex)),
    queue: createQueueWork(),
  };
}

function ensure(work: QueueSettleWork, trials: number, requests: number): void {
  if (work.trialStart.length < trials + 1) work.trialStart = new Int32Array(trials + 1);
  if (work.start.length < requests) {
    const n = Math.max(requests, 2 * work.start.length);
    work.byTrialArrival = new Float64Array(n);
    work.byTrialHours = new Float64Array(n);
    work.byTrialClient = new Int32Array(n);
    work.priority = new Int32Array(n);
    work.anyHour = new Uint8Array(n);
    work.start = new Float64Array(n);
  }
}

/**
 * Groups the logged requests by trial (a counting sort). The log is read in order and each
 * trial's requests are written one after the other, so only a thousand write positions are
 * live at a time (a sort by trial and time at once scattered writes over the whole block: it
 * took longer than the queue).
 */
function groupByTrial(log: RequestLog, length: number, work: QueueSettleWork): void {
  const size = log.size;
  ensure(work, length, size);
  const trialStart = work.trialStart;
  trialStart.fill(0, 0, length + 1);
  const trial = log.trial;
  for (let k = 0; k < size; k++) trialStart[trial[k] + 1]++;
  for (let t = 0; t < length; t++) trialStart[t + 1] += trialStart[t];
  const { byTrialArrival, byTrialHours, byTrialClient } = work;
  // trialStart[t] moves along trial t's requests as they are written, and is put back after.
  for (let k = 0; k < size; k++) {
    const at = trialStart[trial[k]]++;
    byTrialArrival[at] = log.arrival[k];
    byTrialHours[at] = log.hours[k];
    byTrialClient[at] = log.client[k];
  }
  for (let t = length; t > 0; t--) trialStart[t] = trialStart[t - 1];
  trialStart[0] = 0;
}

/**
 * One trial's requests (first … first + n − 1) into arrival order: a counting sort by time
 * bucket, about one request a bucket, then an insertion sort within buckets. Linear, and
 * within one trial's arrays, which stay in cache.
 */
function orderTrial(work: QueueSettleWork, log: RequestLog, t: number, first: number, n: number, termHours: number): void {
  let buckets = 1;
  while (buckets < n && buckets < 1 << 20) buckets *= 2;
  if (work.bucketStart.length < buckets + 1) work.bucketStart = new Int32Array(buckets + 1);
  if (work.bucket.length < n) work.bucket = new Int32Array(Math.max(n, 2 * work.bucket.length));
  const { bucketStart, bucket, byTrialArrival, byTrialHours, byTrialClient } = work;
  // The log's own arrays take the ordered requests: the grouped copy holds them meanwhile.
  const { arrival, hours, client } = log;
  log.trial.fill(t, first, first + n);
  bucketStart.fill(0, 0, buckets + 1);
  const scale = buckets / termHours;
  for (let i = 0; i < n; i++) {
    const b = Math.min(buckets - 1, Math.floor(byTrialArrival[first + i] * scale));
    bucket[i] = b;
    bucketStart[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1] += bucketStart[b];
  for (let i = 0; i < n; i++) {
    const at = first + bucketStart[bucket[i]]++;
    arrival[at] = byTrialArrival[first + i];
    hours[at] = byTrialHours[first + i];
    client[at] = byTrialClient[first + i];
  }
  // bucketStart[b] is now bucket b's end: sort each bucket in place.
  let from = first;
  for (let b = 0; b < buckets; b++) {
    const end = first + bucketStart[b];
    for (let i = from + 1; i < end; i++) {
      const a = arrival[i];
      if (a >= arrival[i - 1]) continue;
      const h = hours[i];
      const c = client[i];
      let j = i - 1;
      while (j >= from && arrival[j] > a) {
        arrival[j + 1] = arrival[j];
        hours[j + 1] = hours[j];
        client[j + 1] = client[j];
        j--;
      }
      arrival[j + 1] = a;
      hours[j + 1] = h;
      client[j + 1] = c;
    }
    from = end;
  }
}

/**
 * Runs the team queue in each of the block's `length` trials on the logged requests (MODEL.md,
 * "Response-time SLAs"): response times on each plan's clock, breaches, penalties capped per
 * client-month. With `out`, adds each trial's penalties and the on-call cost to the net cost
 * columns (portfolio, plan, the segment's representative client); with `stats`, sums what the
 * `sla` study reports.
 * @param onCall the on-call cost over the term by plan and by segment's representative client (onCallShares)
 */
export function settleQueue(
  log: RequestLog,
  team: CompiledTeam,
  clients: readonly QueueClient[],
  onCall: OnCallShares,
  length: number,
  work: QueueSettleWork,
  out: TrialColumns | null,
  stats: SlaStats | null,
): void {
  const H = log.termMonths;
  if (!log.ordered) {
    groupByTrial(log, length, work);
    for (let t = 0; t < length; t++) orderTrial(work, log, t, work.trialStart[t], work.trialStart[t + 1] - work.trialStart[t], H * HOURS_PER_MONTH);
    log.ordered = true;
  }
  const trialStart = work.trialStart;
  const clientPlan = work.clientPlan;
  const { planPriority, planAnyHour, planResponseHours, planPenaltyPerBreach, planPenaltyCap, business } = team;
  const { arrival, hours, client } = log;
  const { priority, anyHour, start, penalty, breaches, touched } = work;
  const queueTeam = team.queue;
  const onCallTotal = team.onCallCostPerTerm;
  const planCount = planPriority.length;
  const trialRequests = stats ? new Float64Array(planCount) : null;
  const trialBreaches = stats ? new Float64Array(planCount) : null;
  const trialBreachMonths = stats ? new Float64Array(planCount) : null;
  const trialPenalty = stats ? new Float64Array(planCount) : null;
  const available = queueTeam.people * workingClock(queueTeam.calendar, H * HOURS_PER_MONTH);
  const onCallAvailable = queueTeam.onCallCalendar.never ? 0 : queueTeam.onCallPeople * workingClock(queueTeam.onCallCalendar, H * HOURS_PER_MONTH);

  for (let t = 0; t < length; t++) {
    const first = trialStart[t];
    const n = trialStart[t + 1] - first;
    for (let i = first; i < first + n; i++) {
      const p = clientPlan[client[i]];
      priority[i] = planPriority[p];
      anyHour[i] = planAnyHour[p];
    }
    serveQueue(queueTeam, n, arrival, hours, priority, anyHour, first, start, work.queue);
    let touchedCount = 0;
    if (trialRequests) {
      trialRequests.fill(0);
      trialBreaches!.fill(0);
      trialBreachMonths!.fill(0);
      trialPenalty!.fill(0);
    }
    for (let i = first; i < first + n; i++) {
      const c = client[i];
      const p = clientPlan[c];
      const limit = planResponseHours[p];
      if (limit === Number.POSITIVE_INFINITY) continue;
      const response = anyHour[i] === 1 ? start[i] - arrival[i] : workingClock(business, start[i]) - workingClock(business, arrival[i]);
      if (stats) {
        trialRequests![p]++;
        stats.histogram[p * RESPONSE_BINS + responseBin(response)]++;
      }
      if (response > limit) {
        const month = Math.min(H - 1, Math.floor(arrival[i] / HOURS_PER_MONTH));
        const cm = c * H + month;
        if (breaches[cm] === 0) touched[touchedCount++] = cm;
        breaches[cm]++;
        penalty[cm] += planPenaltyPerBreach[p];
        if (trialBreaches) trialBreaches[p]++;
      }
    }
    let trialTotal = 0;
    for (let j = 0; j < touchedCount; j++) {
      const cm = touched[j];
      const c = (cm - (cm % H)) / H;
      const info = clients[c];
      const p = info.planIndex;
      const owed = Math.min(penalty[cm], planPenaltyCap[p]);
      trialTotal += owed;
      if (out) {
        out.plans[p].netCost[t] += owed;
        if (info.representative) out.segments[info.segmentIndex].netCost[t] += owed;
      }
      if (trialPenalty) {
        trialPenalty[p] += owed;
        trialBreachMonths![p]++;
      }
      penalty[cm] = 0;
      breaches[cm] = 0;
    }
    if (out) {
      out.netCost[t] += trialTotal + onCallTotal;
      if (onCallTotal > 0) addOnCall(out, onCall, t);
    }
    if (stats) {
      for (let p = 0; p < planCount; p++) {
        const r = trialRequests![p];
        const b = trialBreaches![p];
        stats.requests[p] += r;
        stats.breaches[p] += b;
        stats.requestsSquared[p] += r * r;
        stats.breachesSquared[p] += b * b;
        stats.requestsTimesBreaches[p] += r * b;
        stats.breachClientMonths[p] += trialBreachMonths![p];
        stats.breachClientMonthsSquared[p] += trialBreachMonths![p] ** 2;
        stats.penalty[p] += trialPenalty![p];
        stats.penaltySquared[p] += trialPenalty![p] ** 2;
      }
      stats.trials++;
      stats.busyHours += work.queue.busyHours;
      stats.onCallBusyHours += work.queue.onCallBusyHours;
      stats.availableHours += available;
      stats.onCallAvailableHours += onCallAvailable;
    }
  }
}

/** The on-call cost over the term, split as it enters the plan and segment columns. */
export interface OnCallShares {
  /** Per plan: its clients' shares together; per segment: its representative client's share. */
  readonly plan: Float64Array;
  readonly segment: Float64Array;
}

/** Adds one trial's on-call cost to the plan and segment columns. */
function addOnCall(out: TrialColumns, onCall: OnCallShares, t: number): void {
  for (let p = 0; p < onCall.plan.length; p++) out.plans[p].netCost[t] += onCall.plan[p];
  for (let s = 0; s < onCall.segment.length; s++) out.segments[s].netCost[t] += onCall.segment[s];
}

/**
 * The on-call cost over the term as clients bear it: shared alike by the clients of
 * round-the-clock plans, whom on call serves; by every client when no plan is round the clock.
 */
export function onCallShares(team: CompiledTeam, clients: readonly QueueClient[], plans: number, segments: number): OnCallShares {
  const plan = new Float64Array(plans);
  const segment = new Float64Array(segments);
  const anyHour = clients.filter((c) => team.planAnyHour[c.planIndex] === 1).length;
  for (const c of clients) {
    const share = anyHour === 0 ? team.onCallCostPerTerm / clients.length : team.planAnyHour[c.planIndex] === 1 ? team.onCallCostPerTerm / anyHour : 0;
    plan[c.planIndex] += share;
    if (c.representative) segment[c.segmentIndex] += share;
  }
  return { plan, segment };
}
