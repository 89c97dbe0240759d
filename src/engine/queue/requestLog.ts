import { aliasPick } from '../../random/aliasTable.js';
import { TycheStream } from '../../random/tycheStream.js';
import type { HotType } from '../hotPortfolio.js';
import { effortOf, factorOf, overrunsOf, RequestScratch } from '../sampleHours.js';
import { HOURS_PER_MONTH } from './team.js';

/*
 * The requests of a block, one by one, for the team queue: which trial and client, when it
 * arrives, and its worked hours. The hours loops (sampleHours.ts) add requests up without
 * keeping them; rather than change those loops, the log copies a request stream's state before
 * a call (markRequests) and afterwards replays the same draws in the same order (logRequests),
 * so the hours columns stay what they are without a team, to the bit, and the log holds the
 * very requests they sum. Arrival times come from a stream of their own per (block, client,
 * type), `[block, 'arrivals', client, type]`, so they move no other draw.
 */

/** The block's requests, in the order drawn (client by client, type by type), in arrays that grow by doubling. */
export class RequestLog {
  size = 0;
  trial = new Int32Array(1024);
  client = new Int32Array(1024);
  arrival = new Float64Array(1024);
  hours = new Float64Array(1024);
  /** The client whose requests are drawn now (HotClient.index). */
  currentClient = 0;
  /** The arrivals stream of the type drawn now. */
  arrivals: TycheStream = new TycheStream(0, 0, 0, 0);
  /** A copy of the request stream, replayed after each hours call. */
  readonly replay = new TycheStream(0, 0, 0, 0);
  readonly scratch = new RequestScratch();
  /**
   * The requests have been put in order, by trial then arrival (settleQueue), in these same
   * arrays; the staffing table's other team sizes serve them as they are.
   */
  ordered = false;

  constructor(readonly termMonths: number) {}

  /** Empties the log for the next block. */
  clear(): void {
    this.size = 0;
    this.ordered = false;
  }
}

function grow(log: RequestLog): void {
  const capacity = log.trial.length * 2;
  const trial = new Int32Array(capacity);
  trial.set(log.trial);
  log.trial = trial;
  const client = new Int32Array(capacity);
  client.set(log.client);
  log.client = client;
  const arrival = new Float64Array(capacity);
  arrival.set(log.arrival);
  log.arrival = arrival;
  const hours = new Float64Array(capacity);
  hours.set(log.hours);
  log.hours = hours;
}

/** Keeps the request stream's state before an hours call, for logRequests to replay. */
export function markRequests(log: RequestLog, stream: TycheStream): void {
  log.replay.copyFrom(stream);
}

/**
 * Logs the `count` requests of one hours call just made (sampleHours, or sampleHoursByMonth when
 * `drawsMonths`), replaying its draws on the stream state markRequests kept: the overrun count,
 * then, as sampleHours does, each overrunning request's effort and factor, then the others'
 * efforts; or, as sampleHoursByMonth does, per request its month, effort and (the first
 * `overruns`) factor. Each request arrives at a uniform time in its month: `month` when the
 * caller knows it (≥ 0), the month drawn with it, or else a month drawn from the arrivals
 * stream by the months' table (season × common factor), then a uniform time within.
 * @param probability, alias, tableOffset the months' alias table (aliasPick), as the caller placed requests
 * @param firstMonth months drawn here are firstMonth … H−1, and the table is of those months
 *   (the rest of a term split from its first month, HotType.firstApart)
 */
export function logRequests(
  log: RequestLog,
  type: HotType,
  count: number,
  t: number,
  month: number,
  drawsMonths: boolean,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  firstMonth = 0,
): void {
  if (count === 0) return;
  const s = log.replay;
  const H = log.termMonths;
  const overruns = overrunsOf(s, type, count);
  const effort = type.effort;
  const scratch = log.scratch;
  for (let i = 0; i < count; i++) {
    let m = month;
    if (drawsMonths) m = aliasPick(s, probability, alias, tableOffset, H);
    let h = effortOf(s, effort, scratch);
    if (i < overruns) h *= factorOf(s, type.overrunFactor!, scratch);
    if (m < 0) m = firstMonth + aliasPick(log.arrivals, probability, alias, tableOffset, H - firstMonth);
    if (log.size === log.trial.length) grow(log);
    const k = log.size++;
    log.trial[k] = t;
    log.client[k] = log.currentClient;
    log.arrival[k] = (m + log.arrivals.nextDouble()) * HOURS_PER_MONTH;
    log.hours[k] = h;
  }
}

/**
 * Logs the `count` requests of a sampleHoursByUrn call just made, replaying its draws: the
 * overrun count, then per request the urn's draw (its month, which the call left in `months`),
 * its effort and (the first `overruns`) factor. Each arrives at a uniform time in its month.
 * @param months the month of request i at months[i] (RequestScratch.urnMonths)
 */
export function logUrnRequests(log: RequestLog, type: HotType, count: number, t: number, months: Int32Array): void {
  if (count === 0) return;
  const s = log.replay;
  const overruns = overrunsOf(s, type, count);
  const effort = type.effort;
  const scratch = log.scratch;
  for (let i = 0; i < count; i++) {
    s.nextDouble();
    let h = effortOf(s, effort, scratch);
    if (i < overruns) h *= factorOf(s, type.overrunFactor!, scratch);
    if (log.size === log.trial.length) grow(log);
    const k = log.size++;
    log.trial[k] = t;
    log.client[k] = log.currentClient;
    log.arrival[k] = (months[i] + log.arrivals.nextDouble()) * HOURS_PER_MONTH;
    log.hours[k] = h;
  }
}
