import { streamBinomial } from '../random/binomial.js';
import { fastExp } from '../random/fastExp.js';
import { streamNormal } from '../random/normal.js';
import { SamplerKind, streamSample } from '../random/streamSampler.js';
import type { TycheStream } from '../random/tycheStream.js';
import type { HotType } from './hotPortfolio.js';

/*
 * The per-request loops. Each effort family has its own loop, so the loop body is a few inlined
 * instructions (a lognormal request: one 32-bit draw, a ziggurat table look-up, one fastExp)
 * and nothing is allocated per request.
 */

/** How many of `count` requests overrun: binomial thinning, one draw instead of one per request. */
function overrunsOf(stream: TycheStream, type: HotType, count: number): number {
  return type.overrunProbability > 0 ? streamBinomial(stream, count, type.overrunProbability, type.logNoOverrun) : 0;
}

/**
 * Hours of one overrunning request: effort × overrun factor, with the usual families (lognormal
 * effort, triangular factor) drawn inline.
 */
function overrunHours(stream: TycheStream, type: HotType): number {
  const effort = type.effort;
  const factor = type.overrunFactor!;
  const hours = effort.kind === SamplerKind.Lognormal ? effort.p0 * fastExp(effort.p1 * streamNormal(stream)) : streamSample(stream, effort);
  if (factor.kind !== SamplerKind.Triangular) return hours * streamSample(stream, factor);
  const u = stream.nextDouble();
  return hours * (u < factor.p1 ? factor.p0 + Math.sqrt(u * factor.p2) : factor.p3 - Math.sqrt((1 - u) * factor.p4));
}

/**
 * Hours of `count` requests of one type: the sum of their efforts, each request escalating
 * independently with the overrun probability. Which requests overrun is drawn by binomial
 * thinning, so overrun factors are drawn only for those; a fixed effort draws nothing for
 * requests that do not overrun (the count is enough).
 * Draws, in order: the overrun count, each overrunning request's effort and factor, then the
 * other requests' efforts.
 * @param count number of requests, ≥ 0
 * @returns hours
 */
export function sampleHours(stream: TycheStream, type: HotType, count: number): number {
  if (count === 0) return 0;
  const overruns = overrunsOf(stream, type, count);
  const effort = type.effort;
  let hours = 0;
  for (let i = 0; i < overruns; i++) hours += overrunHours(stream, type);
  const plain = count - overruns;
  if (effort.kind === SamplerKind.Fixed) return hours + effort.p0 * plain;
  if (effort.kind === SamplerKind.Lognormal) {
    // e^(μ+σZ) = median·e^(σZ): the median multiplies the sum once, not each request.
    const sigma = effort.p1;
    let sum = 0;
    for (let i = 0; i < plain; i++) sum += fastExp(sigma * streamNormal(stream));
    return hours + effort.p0 * sum;
  }
  for (let i = 0; i < plain; i++) hours += streamSample(stream, effort);
  return hours;
}

/**
 * The month of one request, given the months' running relative rates (null: all alike):
 * month m with probability ∝ its rate.
 * @param cumulative running sums at cumulative[offset + m], m < months
 */
function monthOf(stream: TycheStream, cumulative: Float64Array | null, offset: number, months: number): number {
  if (cumulative === null) return Math.floor(stream.nextDouble() * months);
  const last = offset + months - 1;
  const target = stream.nextDouble() * cumulative[last];
  let i = offset;
  while (i < last && cumulative[i] <= target) i++;
  return i - offset;
}

/**
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a count per month. Requests are exchangeable, so the
 * overrunning ones are drawn first. Draws, in order: the overrun count, then per request its
 * month, its effort and (overrunning ones) its factor.
 * @param cumulative running sums of the months' relative rates at cumulative[cumulativeOffset + m];
 *   null when all months are alike
 * @param byMonth receives the hours of month m at byMonth[offset + m], m < months
 * @returns hours over the term
 */
export function sampleHoursByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  cumulative: Float64Array | null,
  cumulativeOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
): number {
  if (count === 0) return 0;
  const overruns = overrunsOf(stream, type, count);
  const effort = type.effort;
  let hours = 0;
  for (let i = 0; i < overruns; i++) {
    const month = monthOf(stream, cumulative, cumulativeOffset, months);
    const requestHours = overrunHours(stream, type);
    byMonth[offset + month] += requestHours;
    hours += requestHours;
  }
  const plain = count - overruns;
  if (effort.kind === SamplerKind.Fixed) {
    const value = effort.p0;
    for (let i = 0; i < plain; i++) byMonth[offset + monthOf(stream, cumulative, cumulativeOffset, months)] += value;
    return hours + value * plain;
  }
  if (effort.kind === SamplerKind.Lognormal) {
    const median = effort.p0;
    const sigma = effort.p1;
    for (let i = 0; i < plain; i++) {
      const month = monthOf(stream, cumulative, cumulativeOffset, months);
      const requestHours = median * fastExp(sigma * streamNormal(stream));
      byMonth[offset + month] += requestHours;
      hours += requestHours;
    }
    return hours;
  }
  for (let i = 0; i < plain; i++) {
    const month = monthOf(stream, cumulative, cumulativeOffset, months);
    const requestHours = streamSample(stream, effort);
    byMonth[offset + month] += requestHours;
    hours += requestHours;
  }
  return hours;
}
