import { aliasPick } from '../random/aliasTable.js';
import { binomial } from '../random/binomial.js';
import { fastExp } from '../random/fastExp.js';
import { standardNormal } from '../random/normal.js';
import { SamplerKind, streamSampleInto, triangularQuantile, type StreamSampler } from '../random/streamSampler.js';
import { stripSampleInto } from '../random/stripSampler.js';
import type { TycheStream } from '../random/tycheStream.js';
import type { HotType } from './hotPortfolio.js';

/*
 * The per-request loops. Their bodies are a few inlined instructions (a lognormal request: one
 * 32-bit draw, a ziggurat table look-up, one fastExp). Nothing is allocated per request: V8
 * allocates a heap number for every non-integer that a call it does not inline returns, so
 * the loops are small functions of their own, within V8's inlining budget, and the sums leave
 * through scratch.hours, a typed array. (Measured on the bundled scenario: 92 KB of garbage per
 * trial before, about 12 KB after; what is left is the block's stream objects and a few numbers
 * per client and type.)
 */

/** Per-request working arrays of a block, reused. */
export class RequestScratch {
  /** Where streamSampleInto leaves one draw. */
  readonly effort = new Float64Array(1);
  /** The result of sampleHours and sampleHoursByMonth: hours[0]. */
  readonly hours = new Float64Array(1);
}

/** How many of `count` requests overrun: binomial thinning, one draw instead of one per request. */
function overrunsOf(stream: TycheStream, type: HotType, count: number): number {
  return type.overrunProbability > 0 ? binomial(stream, count, type.overrun) : 0;
}

/** One request's effort, before any overrun. */
function effortOf(stream: TycheStream, effort: StreamSampler, scratch: RequestScratch): number {
  if (effort.kind === SamplerKind.Lognormal) return effort.p0 * fastExp(effort.p1 * standardNormal(stream));
  if (effort.kind === SamplerKind.Fixed) return effort.p0;
  streamSampleInto(stream, effort, scratch.effort, 0);
  return scratch.effort[0];
}

/** One overrun factor. */
function factorOf(stream: TycheStream, factor: StreamSampler, scratch: RequestScratch): number {
  if (factor.kind === SamplerKind.Triangular) return triangularQuantile(factor, stream.nextDouble());
  streamSampleInto(stream, factor, scratch.effort, 0);
  return scratch.effort[0];
}

/** The hours of `overruns` overrunning requests, effort × overrun factor each, into scratch.hours[0]. */
function drawOverruns(stream: TycheStream, type: HotType, overruns: number, scratch: RequestScratch): void {
  const effort = type.effort;
  const factor = type.overrunFactor!;
  let sum = 0;
  for (let i = 0; i < overruns; i++) sum += effortOf(stream, effort, scratch) * factorOf(stream, factor, scratch);
  scratch.hours[0] = sum;
}

/** Adds to scratch.hours[0] the hours of `count` lognormal requests: median·Σ e^(σZ). */
function addLognormal(stream: TycheStream, effort: StreamSampler, count: number, scratch: RequestScratch): void {
  const sigma = effort.p1;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += fastExp(sigma * standardNormal(stream));
  scratch.hours[0] += effort.p0 * sum;
}

/** Adds to scratch.hours[0] the hours of `count` requests with a tabled effort (stripSampler.ts). */
function addStrip(stream: TycheStream, effort: StreamSampler, count: number, scratch: RequestScratch): void {
  const table = effort.strip!;
  const draw = scratch.effort;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    stripSampleInto(stream, table, draw, 0);
    sum += draw[0];
  }
  scratch.hours[0] += sum;
}

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
  const overruns = overrunsOf(stream, type, count);
  if (overruns > 0) drawOverruns(stream, type, overruns, scratch);
  const plain = count - overruns;
  const effort = type.effort;
  if (effort.kind === SamplerKind.Fixed) {
    scratch.hours[0] += effort.p0 * plain;
  } else if (effort.kind === SamplerKind.Lognormal) {
    addLognormal(stream, effort, plain, scratch);
  } else if (effort.kind === SamplerKind.Strip) {
    addStrip(stream, effort, plain, scratch);
  } else {
    let sum = 0;
    for (let i = 0; i < plain; i++) sum += effortOf(stream, effort, scratch);
    scratch.hours[0] += sum;
  }
}

/**
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a count per month. Which requests overrun is drawn
 * first by binomial thinning (the requests are exchangeable, so the first `overruns` do); then
 * each request in one pass: its month (one 32-bit draw, from the months' alias table), its
 * effort and, for an overrunning one, its factor.
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
  const overruns = overrunsOf(stream, type, count);
  const effort = type.effort;
  if (effort.kind === SamplerKind.Strip) {
    stripByMonth(stream, type, count, overruns, probability, alias, tableOffset, months, byMonth, offset, scratch);
    return;
  }
  let hours = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    let h = effortOf(stream, effort, scratch);
    if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
    byMonth[offset + month] += h;
    hours += h;
  }
  scratch.hours[0] = hours;
}

/**
 * sampleHoursByMonth's loop for a tabled effort, the same draws in the same order. A loop of its
 * own: with a branch for it in effortOf, the loop grew past what V8 inlines, and every lognormal
 * request then went through a call and a heap number; through streamSampleInto, as other
 * families, the bundled scenario took about 5 µs a trial more.
 */
function stripByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  overruns: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  const table = type.effort.strip!;
  const draw = scratch.effort;
  let hours = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    stripSampleInto(stream, table, draw, 0);
    let h = draw[0];
    if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
    byMonth[offset + month] += h;
    hours += h;
  }
  scratch.hours[0] = hours;
}
