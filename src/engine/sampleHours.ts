import { streamBinomial } from '../random/binomial.js';
import { fastExp } from '../random/fastExp.js';
import { streamNormal } from '../random/normal.js';
import { SamplerKind, streamSample } from '../random/streamSampler.js';
import type { TycheStream } from '../random/tycheStream.js';
import type { HotType } from './hotPortfolio.js';

/**
 * Hours of `count` requests of one type: the sum of their efforts, each request escalating
 * independently with the overrun probability. Which requests overrun is drawn by binomial
 * thinning (one draw, not one per request), so overrun factors are drawn only for those; a
 * fixed effort draws nothing for requests that do not overrun (the count is enough).
 * Draws, in order: the overrun count, each overrunning request's effort and factor, then the
 * other requests' efforts.
 * @param count number of requests, ≥ 0
 * @returns hours
 */
export function sampleHours(stream: TycheStream, type: HotType, count: number): number {
  if (count === 0) return 0;
  let hours = 0;
  let plain = count;
  const effort = type.effort;
  if (type.overrunProbability > 0) {
    const overruns = streamBinomial(stream, count, type.overrunProbability, type.logNoOverrun);
    for (let i = 0; i < overruns; i++) hours += streamSample(stream, effort) * streamSample(stream, type.overrunFactor!);
    plain -= overruns;
  }
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
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a count per month. Draws, in order: the overrun count,
 * then per request its month, effort and (the first `overruns` requests) overrun factor.
 * @param cumulativeWeight running sums of the months' relative rates; null when all are equal
 * @param byMonth receives the hours of month m at `byMonth[offset + m]`, m < months
 * @returns hours over the term
 */
export function sampleHoursByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  cumulativeWeight: Float64Array | null,
  months: number,
  byMonth: Float64Array,
  offset: number,
): number {
  if (count === 0) return 0;
  const overruns = type.overrunProbability > 0 ? streamBinomial(stream, count, type.overrunProbability, type.logNoOverrun) : 0;
  const effort = type.effort;
  const total = cumulativeWeight === null ? months : cumulativeWeight[months - 1];
  let hours = 0;
  for (let i = 0; i < count; i++) {
    let month: number;
    if (cumulativeWeight === null) {
      month = Math.floor(stream.nextDouble() * months);
    } else {
      const target = stream.nextDouble() * total;
      month = 0;
      while (month < months - 1 && cumulativeWeight[month] <= target) month++;
    }
    let requestHours = streamSample(stream, effort);
    if (i < overruns) requestHours *= streamSample(stream, type.overrunFactor!);
    byMonth[offset + month] += requestHours;
    hours += requestHours;
  }
  return hours;
}
