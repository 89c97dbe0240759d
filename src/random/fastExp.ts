/*
 * e^x without Math.exp, which costs V8 about 9 ns a call against about 4 ns here, and the engine
 * calls it once per lognormal request. The classic table method (Tang 1989, "Table-driven
 * implementation of the exponential function in IEEE floating-point arithmetic", ACM TOMS 15(2);
 * musl's exp uses the same idea): x = (128k + j)·ln2/128 + r with |r| ≤ ln2/256, so
 * e^x = 2^k · 2^(j/128) · e^r, the two powers from tables and e^r from its Taylor polynomial of
 * degree 5 (truncation error r^6/720 < 6e-19). Measured relative error against Math.exp: below
 * 5e-16 (2 units in the last place) over [-700, 700] (test/engine-random.test.ts).
 */
const STEPS = 128;
const FRACTION = new Float64Array(STEPS);
for (let j = 0; j < STEPS; j++) FRACTION[j] = 2 ** (j / STEPS);
/** 2^k for k from −1100 (0, underflowed) to 1100 (Infinity), so any x needs no special case. */
const POWER_BIAS = 1100;
const POWERS = new Float64Array(2 * POWER_BIAS + 1);
for (let k = 0; k < POWERS.length; k++) POWERS[k] = 2 ** (k - POWER_BIAS);

const STEPS_PER_LN2 = STEPS / Math.LN2;
// ln2/128 split Cody–Waite style: n·HIGH is exact for |n| < 2^20, so r = x − n·ln2/128 keeps
// full precision (fdlibm's ln2_hi/ln2_lo, divided by 128).
// biome-ignore lint/correctness/noPrecisionLoss: fdlibm's constants, written as fdlibm writes them
const LN2_HIGH = 6.9314718036912381649e-1 / STEPS;
// biome-ignore lint/correctness/noPrecisionLoss: as above
const LN2_LOW = 1.90821492927058770002e-10 / STEPS;
/** Beyond these e^x is 0 or Infinity in doubles (and the table index stays in range). */
const X_MAX = 710;
const X_MIN = -746;

/**
 * e^x to within 2 units in the last place, about twice as fast as Math.exp in V8.
 * @param x any number; NaN gives NaN
 * @example fastExp(1) // 2.718281828459045
 */
export function fastExp(x: number): number {
  if (!(x < X_MAX)) return Number.isNaN(x) ? x : Infinity;
  if (x < X_MIN) return 0;
  const n = Math.floor(x * STEPS_PER_LN2 + 0.5);
  const r = x - n * LN2_HIGH - n * LN2_LOW;
  const polynomial = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return POWERS[(n >> 7) + POWER_BIAS] * (FRACTION[n & (STEPS - 1)] * polynomial);
}
