import { fastExp } from './fastExp.js';
import { betaVariate } from './gammaVariate.js';
import { RECIPROCAL_COUNT, RECIPROCALS } from './reciprocals.js';
import type { Rng } from './rng.js';
import type { TycheStream } from './tycheStream.js';

/**
 * One Binomial(trials, p) count: how many of `trials` requests overrun, how many clients a
 * shock hits. Inversion for small trials·p; for large ones Knuth's exact beta recursion
 * (TAOCP vol. 2, 3.4.1), which splits at the median order statistic of the uniforms.
 * @param trials whole number ≥ 0
 * @param p probability in [0, 1]
 */
export function binomial(rng: Rng, trials: number, p: number): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  if (p > 0.5) return trials - binomial(rng, trials, 1 - p);
  if (trials * p < 30) return binomialInversion(rng, trials, p);
  const a = 1 + (trials >> 1);
  const b = trials + 1 - a;
  const x = betaVariate(rng, a, b);
  if (x >= p) return binomial(rng, a - 1, p / x);
  return a + binomial(rng, b - 1, (p - x) / (1 - x));
}

function binomialInversion(rng: Rng, trials: number, p: number): number {
  const ratio = p / (1 - p);
  let term = Math.pow(1 - p, trials);
  let cumulative = term;
  const u = rng();
  let k = 0;
  while (u > cumulative && k < trials) {
    term *= (ratio * (trials - k)) / (k + 1);
    k++;
    cumulative += term;
  }
  return k;
}

/**
 * binomial() drawn from a TycheStream, for a p fixed ahead (an overrun probability) whose
 * ln(1 − p) the caller computed once: inversion then needs one fastExp for (1 − p)^trials and
 * no Math.pow. Larger trials·p, or p > 1/2, go to binomial().
 * @param trials whole number ≥ 0
 * @param p probability in [0, 1]
 * @param logOneMinusP Math.log1p(−p)
 */
export function streamBinomial(stream: TycheStream, trials: number, p: number, logOneMinusP: number): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p > 0.5 || trials * p >= 30) return binomial(stream.rng, trials, p);
  const ratio = p / (1 - p);
  let term = fastExp(trials * logOneMinusP);
  let cumulative = term;
  const u = stream.nextDouble();
  let k = 0;
  while (u > cumulative && k < trials) {
    term *= ratio * (trials - k) * (k + 1 < RECIPROCAL_COUNT ? RECIPROCALS[k + 1] : 1 / (k + 1));
    k++;
    cumulative += term;
  }
  return k;
}
