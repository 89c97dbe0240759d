import { streamBinomial } from '../random/binomial.js';
import { fastExp } from '../random/fastExp.js';
import { streamNormal } from '../random/normal.js';
import { SamplerKind, streamSampleInto, type StreamSampler } from '../random/streamSampler.js';
import type { TycheStream } from '../random/tycheStream.js';
import type { HotType } from './hotPortfolio.js';

/*
 * The per-request loops. Each effort family has its own loop, so the loop body is a few inlined
 * instructions (a lognormal request: one 32-bit draw, a ziggurat table look-up, one fastExp).
 * Nothing is allocated per request: results go into typed arrays, never through a function's
 * return value, because V8 allocates a heap number for every non-integer a call that is not
 * inlined returns. (Measured on the bundled scenario: 92 KB of garbage per trial before, about
 * 12 KB after; what is left is the block's stream objects and a few numbers per client and type.)
 */

/** Per-request working arrays of a block, grown on demand and reused. */
export class RequestScratch {
  /** Hours of each request of one draw. */
  efforts = new Float64Array(256);
  /** Month of each request of one draw. */
  months = new Int32Array(256);
  /** The result of sampleHours and sampleHoursByMonth: hours[0]. */
  readonly hours = new Float64Array(1);

  /** Makes room for `count` requests. */
  ensure(count: number): void {
    if (count <= this.efforts.length) return;
    const size = Math.max(count, 2 * this.efforts.length);
    this.efforts = new Float64Array(size);
    this.months = new Int32Array(size);
  }
}

/** How many of `count` requests overrun: binomial thinning, one draw instead of one per request. */
function overrunsOf(stream: TycheStream, type: HotType, count: number): number {
  return type.overrunProbability > 0 ? streamBinomial(stream, count, type.overrun) : 0;
}

/**
 * Hours of `overruns` overrunning requests: effort × overrun factor each; the sum goes to
 * scratch.hours[0] and, with `keep`, each request's hours to scratch.efforts[0 … overruns−1].
 * The usual families (lognormal effort, triangular factor) are drawn inline.
 */
function drawOverruns(stream: TycheStream, type: HotType, overruns: number, scratch: RequestScratch, keep: boolean): void {
  const effort = type.effort;
  const factor = type.overrunFactor!;
  const efforts = scratch.efforts;
  let sum = 0;
  for (let i = 0; i < overruns; i++) {
    let hours: number;
    if (effort.kind === SamplerKind.Lognormal) {
      hours = effort.p0 * fastExp(effort.p1 * streamNormal(stream));
    } else {
      streamSampleInto(stream, effort, efforts, i);
      hours = efforts[i];
    }
    if (factor.kind === SamplerKind.Triangular) {
      const u = stream.nextDouble();
      hours *= u < factor.p1 ? factor.p0 + Math.sqrt(u * factor.p2) : factor.p3 - Math.sqrt((1 - u) * factor.p4);
    } else {
      streamSampleInto(stream, factor, efforts, i);
      hours *= efforts[i];
    }
    if (keep) efforts[i] = hours;
    sum += hours;
  }
  scratch.hours[0] = sum;
}

/** Adds to scratch.hours[0] the hours of `count` lognormal requests: median·Σ e^(σZ). */
function addLognormal(stream: TycheStream, effort: StreamSampler, count: number, scratch: RequestScratch): void {
  const sigma = effort.p1;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += fastExp(sigma * streamNormal(stream));
  scratch.hours[0] += effort.p0 * sum;
}

/** efforts[from … to−1] ← lognormal draws. */
function drawLognormal(stream: TycheStream, effort: StreamSampler, efforts: Float64Array, from: number, to: number): void {
  const median = effort.p0;
  const sigma = effort.p1;
  for (let i = from; i < to; i++) efforts[i] = median * fastExp(sigma * streamNormal(stream));
}

/** efforts[from … to−1] ← draws of any family. */
function drawAny(stream: TycheStream, effort: StreamSampler, efforts: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) streamSampleInto(stream, effort, efforts, i);
}

/*
 * The per-request loops above are small functions of their own on purpose: V8 inlines callees
 * into a function only up to a budget, and these loops must get streamNormal and fastExp inlined
 * (else each draw comes back as an allocated heap number). Called, they get their own budget.
 */

/**
 * The hours of `count` requests of one type, into scratch.hours[0]: the sum of their efforts,
 * each request escalating independently with the overrun probability. Which requests overrun is
 * drawn by binomial thinning, so overrun factors are drawn only for those; a fixed effort draws
 * nothing for requests that do not overrun (the count is enough).
 * Draws, in order: the overrun count, each overrunning request's effort and factor, then the
 * other requests' efforts.
 * @param count number of requests, ≥ 0
 */
export function sampleHours(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  scratch.hours[0] = 0;
  if (count === 0) return;
  scratch.ensure(count);
  const overruns = overrunsOf(stream, type, count);
  if (overruns > 0) drawOverruns(stream, type, overruns, scratch, false);
  const plain = count - overruns;
  const effort = type.effort;
  if (effort.kind === SamplerKind.Fixed) {
    scratch.hours[0] += effort.p0 * plain;
  } else if (effort.kind === SamplerKind.Lognormal) {
    addLognormal(stream, effort, plain, scratch);
  } else {
    const efforts = scratch.efforts;
    drawAny(stream, effort, efforts, 0, plain);
    let sum = 0;
    for (let i = 0; i < plain; i++) sum += efforts[i];
    scratch.hours[0] += sum;
  }
}

/** Each request's hours into efforts[0 … count−1], the overrunning ones first (as sampleHours draws them). */
function drawEfforts(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  const efforts = scratch.efforts;
  const overruns = overrunsOf(stream, type, count);
  if (overruns > 0) drawOverruns(stream, type, overruns, scratch, true);
  const effort = type.effort;
  if (effort.kind === SamplerKind.Fixed) efforts.fill(effort.p0, overruns, count);
  else if (effort.kind === SamplerKind.Lognormal) drawLognormal(stream, effort, efforts, overruns, count);
  else drawAny(stream, effort, efforts, overruns, count);
}

/**
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a count per month. Draws, in order: each request's
 * month (one 32-bit draw each, from the months' alias table), then the efforts as sampleHours.
 * @param probability, alias the alias table of the months' relative rates at tableOffset … +months−1
 *   (buildAliasTable); probability null when all months are alike
 * @param byMonth receives the hours of month m at byMonth[offset + m], m < months
 */
export function sampleHoursByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  scratch.hours[0] = 0;
  if (count === 0) return;
  scratch.ensure(count);
  const monthOf = scratch.months;
  if (probability === null) {
    for (let i = 0; i < count; i++) monthOf[i] = Math.floor(stream.nextDouble() * months);
  } else {
    // aliasPick, written out: V8 does not always inline it this deep, and it runs per request.
    for (let i = 0; i < count; i++) {
      const x = stream.nextDouble() * months;
      const column = Math.floor(x);
      monthOf[i] = x - column < probability[tableOffset + column] ? column : alias[tableOffset + column];
    }
  }
  const efforts = scratch.efforts;
  drawEfforts(stream, type, count, scratch);
  let hours = 0;
  for (let i = 0; i < count; i++) {
    byMonth[offset + monthOf[i]] += efforts[i];
    hours += efforts[i];
  }
  scratch.hours[0] = hours;
}
