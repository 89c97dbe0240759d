/**
 * Fewest simulated terms that must lie on the far side of a quantile for its estimate and its
 * order-statistics interval to mean something: with fewer, the interval's ranks run off the end
 * of the sample (one-sided) or collapse onto the same term (zero width).
 */
export const MIN_TERMS_BEYOND = 10;

/**
 * Why a break-even fee at `confidence` from `trials` terms cannot be trusted, or null when it
 * can: fewer than MIN_TERMS_BEYOND terms lie beyond the quantile (above it for α near 1, below
 * it for α near 0).
 * @example tailSupportProblem(2_000, 0.9999999) // 'at confidence 99.99999%, 0.0002 of 2,000 ...'
 */
export function tailSupportProblem(trials: number, confidence: number): string | null {
  // The level as the user wrote it: 1 − 0.9999999 is 9.99999999947e-8 in binary, not 1e-7, and
  // six digits of the tail are all a level given in decimals carries.
  const tail = Number(Math.min(confidence, 1 - confidence).toPrecision(6));
  const beyond = trials * tail;
  if (beyond >= MIN_TERMS_BEYOND * (1 - 1e-12)) return null;
  const needed = Math.ceil(Number((MIN_TERMS_BEYOND / tail).toPrecision(12)));
  const level = `${Number((100 * confidence).toPrecision(10))}%`;
  const count = beyond < 1 ? beyond.toPrecision(2) : beyond.toFixed(1);
  const more = Number.isFinite(needed) && needed <= 1e15 ? `at least ${needed.toLocaleString('en-US')} trials` : 'far more trials';
  return `at confidence ${level}, ${count} of ${trials.toLocaleString('en-US')} simulated terms lie beyond the break-even fee, too few to estimate it (its interval may be one-sided or of zero width): use ${more}, or a level nearer 50%`;
}
