import { fastExp } from './fastExp.js';
import type { TycheStream } from './tycheStream.js';

/**
 * One draw of the logarithmic (log-series) distribution, P(L = n) = θⁿ / (n·ln(1/(1−θ))),
 * n ≥ 1, by Kemp's algorithm LK (Kemp 1981, "Efficient generation of logarithmically
 * distributed pseudo-random variables", Applied Statistics 30(3); as numpy's logseries). A
 * negative binomial is a Poisson number of independent logarithmic clusters, which is how the
 * engine draws bursty months (simulateBlock.ts). With probability 1 − θ it costs one uniform and
 * no logarithm; −ln(1 − θ) is needed only past that.
 * @param theta θ in (0, 1)
 * @param minusLogOneMinusTheta −ln(1 − θ) > 0, or a negative number when not yet computed (it is then
 *   computed from θ here)
 */
export function logarithmic(stream: TycheStream, theta: number, minusLogOneMinusTheta: number): number {
  for (;;) {
    const v = stream.nextDouble();
    if (v >= theta) return 1;
    const r = minusLogOneMinusTheta >= 0 ? -minusLogOneMinusTheta : Math.log1p(-theta);
    // 1 − e^(rU) by fastExp rather than Math.expm1 (several times slower in V8): q is only
    // compared with v and, rarely, taken the logarithm of; its absolute error stays below 1e-16.
    const q = 1 - fastExp(r * stream.nextDouble());
    if (v <= q * q) {
      const n = Math.floor(1 + Math.log(v) / Math.log(q));
      if (n < 1 || v === 0) continue;
      return n;
    }
    return v >= q ? 1 : 2;
  }
}
