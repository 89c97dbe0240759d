import type { TycheStream } from './tycheStream.js';

/*
 * Standard normal deviates by the ziggurat method of Marsaglia & Tsang (2000), "The Ziggurat
 * Method for Generating Random Variables", J. Stat. Software 5(8), with 128 layers. As Doornik
 * (2005) advises, the layer index and the value use disjoint bits of the 32-bit draw
 * (low 7 bits: layer; high 25 bits: signed value), so they are independent.
 */
const LAYERS = 128;
const R = 3.442619855899; // start of the tail
const V = 9.91256303526217e-3; // area of each layer
const VALUE_SCALE = 2 ** 24; // |value| < 2^24 after dropping the 7 index bits

const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * VALUE_SCALE);
  kn[1] = 0;
  wn[0] = q / VALUE_SCALE;
  wn[LAYERS - 1] = dn / VALUE_SCALE;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * VALUE_SCALE);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / VALUE_SCALE;
  }
}

/** Slow path of the ziggurat: the wedges and the tail (about 2.5% of draws). */
function normalSlow(stream: TycheStream, hz: number, iz: number): number {
  for (;;) {
    const x = hz * wn[iz];
    if (iz === 0) {
      let tail: number;
      let y: number;
      do {
        tail = -Math.log(1 - stream.nextDouble()) / R;
        y = -Math.log(1 - stream.nextDouble());
      } while (y + y < tail * tail);
      return hz > 0 ? R + tail : -R - tail;
    }
    if (fn[iz] + stream.nextDouble() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
    const bits = stream.nextUint32() | 0;
    iz = bits & (LAYERS - 1);
    hz = bits >> 7;
    if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  }
}

/**
 * One standard normal deviate N(0, 1), the common path (97.5% of draws) small enough to be
 * inlined into the engine's loops.
 * @example const z = standardNormal(stream) // mean 0, variance 1
 */
export function standardNormal(stream: TycheStream): number {
  const bits = stream.nextUint32() | 0;
  const iz = bits & (LAYERS - 1);
  const hz = bits >> 7;
  if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
  // The unary plus tells V8 the call gives a number, so where this is inlined the two returns
  // meet as an unboxed double; without it the common path allocated a heap number per draw.
  return +normalSlow(stream, hz, iz);
}
