import { binomial } from '../random/binomial.js';
import { standardNormal } from '../random/normal.js';
import type { Rng } from '../random/rng.js';
import { EffortKind, type CompiledRequestType } from './compile.js';

const FIXED = EffortKind.Fixed;
const LOGNORMAL = EffortKind.Lognormal;

/** Hours of one request that does not overrun. */
function effortOf(rng: Rng, type: CompiledRequestType): number {
  if (type.effortKind === FIXED) return type.effortValue;
  if (type.effortKind === LOGNORMAL) return Math.exp(type.effortMu + type.effortSigma * standardNormal(rng));
  return type.effort.sample(rng);
}

/**
 * Hours of `count` requests of one type: the sum of their efforts, each request escalating
 * independently with the overrun probability. Which requests overrun is drawn by binomial
 * thinning (one draw, not one per request), so overrun factors are drawn only for those; a
 * fixed effort draws nothing for requests that do not overrun.
 * @param count number of requests, ≥ 0
 * @returns hours
 */
export function sampleHours(rng: Rng, type: CompiledRequestType, count: number): number {
  if (count === 0) return 0;
  const overruns = type.overrunProbability > 0 ? binomial(rng, count, type.overrunProbability) : 0;
  let hours = 0;
  for (let i = 0; i < overruns; i++) hours += effortOf(rng, type) * type.overrunFactor!.sample(rng);
  if (type.effortKind === FIXED) return hours + type.effortValue * (count - overruns);
  for (let i = overruns; i < count; i++) hours += effortOf(rng, type);
  return hours;
}

/**
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a Poisson draw per month.
 * @param cumulativeWeight running sums of the months' relative rates; null when all are equal
 * @param byMonth receives the hours of each month
 * @returns hours over the term
 */
export function sampleHoursByMonth(
  rng: Rng,
  type: CompiledRequestType,
  count: number,
  cumulativeWeight: Float64Array | null,
  byMonth: Float64Array,
): number {
  if (count === 0) return 0;
  const months = byMonth.length;
  const overruns = type.overrunProbability > 0 ? binomial(rng, count, type.overrunProbability) : 0;
  let hours = 0;
  for (let i = 0; i < count; i++) {
    let month: number;
    if (cumulativeWeight === null) {
      month = Math.floor(rng() * months);
    } else {
      const target = rng() * cumulativeWeight[months - 1];
      month = 0;
      while (month < months - 1 && cumulativeWeight[month] <= target) month++;
    }
    let requestHours = effortOf(rng, type);
    if (i < overruns) requestHours *= type.overrunFactor!.sample(rng);
    byMonth[month] += requestHours;
    hours += requestHours;
  }
  return hours;
}
