import { fastExp } from './fastExp.js';
import { betaVariate } from './gammaVariate.js';
import { RECIPROCAL_COUNT, RECIPROCALS } from './reciprocals.js';
import type { TycheStream } from './tycheStream.js';

/**
 * Binomial(trials, p) for large trials·p: Knuth's exact beta recursion (TAOCP vol. 2, 3.4.1),
 * which splits at the median order statistic of the uniforms, down to counts small enough for
 * inversion. The probabilities change at every step, so this path computes its inversion's
 * (1 − p)^n with Math.pow and divides, where binomial's precomputed path looks them up: these
 * are the draws the engine has always made for large counts, kept bit for bit.
 */
function binomialRecursion(stream: TycheStream, trials: number, p: number): number {
  if (trials <= 0 || p <= 0) return 0;
  if (p >= 1) return trials;
  if (p > 0.5) return trials - binomialRecursion(stream, trials, 1 - p);
  if (trials * p < 30) return binomialInversion(stream, trials, p);
  const a = 1 + (trials >> 1);
  const b = trials + 1 - a;
  const x = betaVariate(stream, a, b);
  if (x >= p) return binomialRecursion(stream, a - 1, p / x);
  return a + binomialRecursion(stream, b - 1, (p - x) / (1 - x));
}

/** binomialRecursion's inversion for a probability met once. */
function binomialInversion(stream: TycheStream, trials: number, p: number): number {
  const ratio = p / (1 - p);
  // biome-ignore lint/style/useExponentiationOperator: kept as written so the golden draws stay bit for bit
  let term = Math.pow(1 - p, trials);
  let cumulative = term;
  const u = stream.nextDouble();
  let k = 0;
  while (u > cumulative && k < trials) {
    term *= (ratio * (trials - k)) / (k + 1);
    k++;
    cumulative += term;
  }
  return k;
}

/** A probability's constants for binomial, computed once per probability. */
export interface BinomialSetup {
  readonly p: number;
  /** min(p, 1 − p): inversion counts the rarer outcome. */
  readonly rare: number;
  /** p > 1/2: the count is trials minus the rarer outcome's count. */
  readonly flipped: boolean;
  /** rare/(1 − rare), the pmf recursion's ratio. */
  readonly ratio: number;
  /** ln(1 − rare). */
  readonly logNotRare: number;
  /**
   * (1 − rare)^n for n < POWER_COUNT, each computed as binomial would (fastExp of
   * n·logNotRare), so looking it up changes no draw: the engine's counts are mostly small.
   */
  readonly powers: Float64Array;
}

/** How many powers a BinomialSetup keeps. */
const POWER_COUNT = 64;

/**
 * The constants of Binomial(·, p) for binomial.
 * @param p probability in [0, 1]
 */
export function binomialSetup(p: number): BinomialSetup {
  const flipped = p > 0.5;
  const rare = flipped ? 1 - p : p;
  const logNotRare = Math.log1p(-rare);
  const powers = Float64Array.from({ length: POWER_COUNT }, (_, n) => fastExp(n * logNotRare));
  return { p, rare, flipped, ratio: rare / (1 - rare), logNotRare, powers };
}

/**
 * One Binomial(trials, p) count for a p known ahead (binomialSetup): how many of `trials`
 * requests overrun, how many clients a shock hits. Inversion on the rarer outcome, with
 * (1 − rare)^trials from one fastExp instead of Math.pow; large trials·rare (30 or more) go to
 * Knuth's beta recursion.
 * @param trials whole number ≥ 0
 * @example binomial(stream, 18, binomialSetup(0.2)) // overruns among 18 requests
 */
export function binomial(stream: TycheStream, trials: number, setup: BinomialSetup): number {
  const rare = setup.rare;
  if (trials <= 0 || rare <= 0) return setup.flipped ? trials : 0;
  if (trials * rare >= 30) return binomialRecursion(stream, trials, setup.p);
  const ratio = setup.ratio;
  let term = trials < POWER_COUNT ? setup.powers[trials] : fastExp(trials * setup.logNotRare);
  let cumulative = term;
  const u = stream.nextDouble();
  let k = 0;
  while (u > cumulative && k < trials) {
    term *= ratio * (trials - k) * (k + 1 < RECIPROCAL_COUNT ? RECIPROCALS[k + 1] : 1 / (k + 1));
    k++;
    cumulative += term;
  }
  return setup.flipped ? trials - k : k;
}
