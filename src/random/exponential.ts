import type { TycheStream } from './tycheStream.js';

/*
 * Standard exponential deviates by the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Software 5(8), 256 layers (their REXP with
 * r = 7.69711747013104972, v = 3.949659822581572e-3). As Doornik (2005) advises and as
 * normal.ts does, the layer index and the value use disjoint bits of the 32-bit draw (low 8 bits:
 * layer; high 24 bits: value), so they are independent. About 98.9% of draws take the fast path:
 * one 32-bit word, one table compare, one multiply, and no logarithm. The value is taken at the
 * middle of its 2^−24-wide cell ((bits + 1/2)·w), so a draw is never exactly 0: callers may use
 * e^−E as a uniform strictly below 1.
 */
const LAYERS = 256;
const R = 7.69711747013104972; // start of the tail
const V = 3.949659822581572e-3; // area of each layer
const VALUE_SCALE = 2 ** 24; // the value has 24 bits

const ke = new Float64Array(LAYERS);
const we = new Float64Array(LAYERS);
const fe = new Float64Array(LAYERS);
{
  let de = R;
  let te = de;
  const q = V / Math.exp(-de);
  ke[0] = (de / q) * VALUE_SCALE;
  ke[1] = 0;
  we[0] = q / VALUE_SCALE;
  we[LAYERS - 1] = de / VALUE_SCALE;
  fe[0] = 1;
  fe[LAYERS - 1] = Math.exp(-de);
  for (let i = LAYERS - 2; i >= 1; i--) {
    de = -Math.log(V / de + Math.exp(-de));
    ke[i + 1] = (de / te) * VALUE_SCALE;
    te = de;
    fe[i] = Math.exp(-de);
    we[i] = de / VALUE_SCALE;
  }
}

/** Slow path: the wedges and the tail (memorylessness: R + a fresh exponential). */
function exponentialSlow(stream: TycheStream, value: number, layer: number): number {
  for (;;) {
    if (layer === 0) return R - Math.log(1 - stream.nextDouble());
    const x = (value + 0.5) * we[layer];
    if (fe[layer] + stream.nextDouble() * (fe[layer - 1] - fe[layer]) < Math.exp(-x)) return x;
    const bits = stream.nextUint32();
    layer = bits & (LAYERS - 1);
    value = bits >>> 8;
    if (value < ke[layer]) return (value + 0.5) * we[layer];
  }
}

/**
 * One standard exponential deviate Exp(1) (mean 1): −ln U in law, without the logarithm on the
 * fast path.
 * @example const e = streamExponential(stream) // P(e > x) = e^−x
 */
export function streamExponential(stream: TycheStream): number {
  const bits = stream.nextUint32();
  const layer = bits & (LAYERS - 1);
  const value = bits >>> 8;
  if (value < ke[layer]) return (value + 0.5) * we[layer];
  // + : the call's result is a number, so inlined returns meet unboxed (see normal.ts).
  return +exponentialSlow(stream, value, layer);
}
