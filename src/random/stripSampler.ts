import type { TycheStream } from './tycheStream.js';

/*
 * Exact draws from a fixed log-concave density (a Gamma with shape ≥ 1, a PERT's Beta) by
 * rejection from a step-function hat of equal-area strips: a ziggurat for a unimodal density
 * (Marsaglia & Tsang 2000, "The Ziggurat Method for Generating Random Variables"; the table
 * methods of Ahrens 1993 and UNU.RAN's TABL are the same idea). From the mode outwards each
 * strip is as wide as makes its hat (the density at its end nearer the mode, its maximum there)
 * enclose the same area A; the squeeze is the density at its far end (its minimum). An unbounded
 * right side ends in an exponential hat of area A, above the tangent of log f at its start, which
 * lies above f because log f is concave; a strip reaching past the support's end simply rejects
 * the points beyond it (f is 0 there). Picking a strip uniformly, a point under its hat uniformly,
 * and keeping the point when it lies under f gives exactly f's law: only f's shape enters (the
 * hat must lie above it), never its normalising constant or CDF.
 *
 * Why: effort distributions are fixed per request type, so the table is built once per run, and
 * most draws take one 32-bit word. Its high bits pick the strip; the rest, a uniform u, decide
 * whether the point lies under the strip's squeeze (a share s/h of its hat) and, if so, where:
 * such points are kept without evaluating f. The other 1–3% of draws take further words and f.
 * Marsaglia–Tsang's Gamma takes a normal, a uniform and a cube per draw, a PERT two such Gammas.
 * As in aliasPick, one word picks among n strips, so each strip's probability is exact to within
 * 2^−32.
 */

/** About this many strips: the share of draws that need f falls roughly as 1/STRIPS. */
const STRIPS = 512;

/**
 * Relative slack of the hats above the density's computed values and of the squeezes below
 * them, so that rounding (of log f for large shapes, of a point's place) never puts f above a
 * hat or a squeeze above f. Exactness needs hat ≥ f ≥ squeeze; a larger hat costs rejections.
 */
const SLACK = 1e-9;

/** 2^−32, to turn a 32-bit word into a strip index and a fraction. */
const WORD = 1 / 4294967296;

/** The log-concave families with a table. */
export const StripFamily = { Gamma: 0, Beta: 1 } as const;
export type StripFamily = (typeof StripFamily)[keyof typeof StripFamily];

/** The density's shape, up to a constant: log f(x) − log f(mode). */
interface DensityShape {
  readonly family: StripFamily;
  /** Gamma: the shape (scale 1). Beta: α. */
  readonly a: number;
  /** Beta: β; Gamma: 0. */
  readonly b: number;
  readonly mode: number;
}

/** A density's table: numbers and typed arrays only, so that it travels to worker threads. */
export interface StripTable extends DensityShape {
  /** Strips (the tail, if any, counted). */
  readonly strips: number;
  /** strips·2^−32: a word times this is the strip index plus a uniform fraction. */
  readonly perWord: number;
  /**
   * Per strip j, at 3j … 3j + 2: the share s/h of its hat under its squeeze (0 for the tail), its
   * left end and its width ÷ that share, both as draws (offset + scale·x): the fast path's numbers.
   */
  readonly fast: Float64Array;
  /** Per strip: its width as a draw, and its hat and squeeze (densities relative to the mode's). */
  readonly width: Float64Array;
  readonly hat: Float64Array;
  readonly squeeze: Float64Array;
  /** The tail's strip index (−1 without one), where it starts and its hat's decay rate and log height there. */
  readonly tail: number;
  readonly tailStart: number;
  readonly tailRate: number;
  readonly tailLogHat: number;
  /** A draw is offset + scale·x, x of the density. */
  readonly offset: number;
  readonly scale: number;
}

/** log f(x) − log f(mode); −Infinity outside the support. */
function logDensity(d: DensityShape, x: number): number {
  const { a, b, mode } = d;
  if (d.family === StripFamily.Gamma) {
    if (!(x > 0)) return a === 1 && x === 0 ? 0 : -Infinity; // a = 1: the mode is 0
    // Written around the mode, so that large shapes keep their precision near it.
    return (a === 1 ? 0 : (a - 1) * Math.log(x / mode)) - (x - mode);
  }
  if (!(x >= 0 && x <= 1)) return -Infinity;
  const left = a === 1 ? 0 : (a - 1) * Math.log(x / mode);
  const right = b === 1 ? 0 : (b - 1) * Math.log((1 - x) / (1 - mode));
  return left + right;
}

/**
 * The table of a Gamma(shape, scale) with shape ≥ 1.
 * @example stripSample(stream, gammaStripTable(2.25, 0.6 / 2.25)) // mean 0.6, sd 0.4
 */
export function gammaStripTable(shape: number, scale: number): StripTable {
  if (!(shape >= 1 && shape < 1e12)) throw new RangeError(`gammaStripTable: shape must be ≥ 1 (got ${shape})`);
  return stripTable({ family: StripFamily.Gamma, a: shape, b: 0, mode: shape - 1 }, 0, scale);
}

/**
 * The table of offset + scale·Beta(α, β) with α, β ≥ 1 (a PERT: offset min, scale max − min).
 * @example stripSample(stream, betaStripTable(1 + 6 / 7, 1 + 22 / 7, 1, 7)) // pert(1, 2.5, 8)
 */
export function betaStripTable(alpha: number, beta: number, offset: number, scale: number): StripTable {
  if (!(alpha >= 1 && beta >= 1 && alpha + beta < Infinity)) throw new RangeError(`betaStripTable: α and β must be ≥ 1 (got ${alpha}, ${beta})`);
  const mode = alpha + beta > 2 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
  return stripTable({ family: StripFamily.Beta, a: alpha, b: beta, mode }, offset, scale);
}

/** The strips' ends for hat area A: left side (descending from the mode), right side, and whether a tail ends it. */
interface Layout {
  left: number[];
  right: number[];
  tail: boolean;
}

/** Rate of the tail's hat at x: −(log f)′(x) for a Gamma (scale 1). */
const gammaTailRate = (d: DensityShape, x: number) => 1 - (d.a - 1) / x;

/**
 * Lays strips of hat area `area` out from the mode; null when more than `limit` are needed.
 * Left of the mode a strip ends where the previous began (f grows towards the mode, so its hat
 * is f at its right end); right of it likewise. The support's ends: 0 (both), 1 (Beta), and for
 * a Gamma's right side the tail, once its hat's area f(x)/rate(x) fits in `area`.
 */
function layout(d: DensityShape, area: number, limit: number): Layout | null {
  const f = (x: number) => Math.exp(logDensity(d, x));
  const left = [d.mode];
  while (left[left.length - 1] > 0) {
    const x = left[left.length - 1];
    left.push(x - area / f(x));
    if (left.length > limit + 1) return null;
  }
  const right = [d.mode];
  const end = d.family === StripFamily.Beta ? 1 : Infinity;
  let tail = false;
  for (;;) {
    const x = right[right.length - 1];
    if (x >= end) break;
    if (d.family === StripFamily.Gamma && gammaTailRate(d, x) > 0 && f(x) / gammaTailRate(d, x) <= area) {
      tail = true;
      break;
    }
    right.push(x + area / f(x));
    if (left.length + right.length - 2 + (tail ? 1 : 0) > limit) return null;
  }
  return left.length + right.length - 2 + (tail ? 1 : 0) > limit ? null : { left, right, tail };
}

/**
 * Tables built so far, by density and scale: the segments of a portfolio share their request
 * types' tables (one copy in the cache, not one per segment), and runs of the same scenario do
 * not build them again. Bounded, since what-if runs scale efforts into new tables.
 */
const built = new Map<string, StripTable>();
const MAX_BUILT = 256;

function stripTable(d: DensityShape, offset: number, scale: number): StripTable {
  const key = `${d.family} ${d.a} ${d.b} ${offset} ${scale}`;
  let table = built.get(key);
  if (!table) {
    if (built.size >= MAX_BUILT) built.clear();
    table = buildStripTable(d, offset, scale);
    built.set(key, table);
  }
  return table;
}

function buildStripTable(d: DensityShape, offset: number, scale: number): StripTable {
  // The smallest hat area (most strips, tightest hat) whose layout needs at most STRIPS strips,
  // to within 1%: past that the hat hardly changes.
  let high = 1;
  while (!layout(d, high, STRIPS)) high *= 2;
  let low = high;
  while (layout(d, low, STRIPS)) low /= 2;
  for (let i = 0; i < 200 && high / low > 1.01; i++) {
    const middle = Math.sqrt(low * high);
    if (layout(d, middle, STRIPS)) high = middle;
    else low = middle;
  }
  const area = high;
  const { left, right, tail } = layout(d, area, STRIPS)!;
  const f = (x: number) => Math.exp(logDensity(d, x));
  // Each strip as [from, to] with the end nearer the mode first (its hat) and the far one (its squeeze).
  const strips: { from: number; to: number; near: number; far: number }[] = [];
  for (let k = 1; k < left.length; k++) strips.push({ from: left[k], to: left[k - 1], near: left[k - 1], far: left[k] });
  for (let k = 1; k < right.length; k++) strips.push({ from: right[k - 1], to: right[k], near: right[k - 1], far: right[k] });
  const n = strips.length + (tail ? 1 : 0);
  const fast = new Float64Array(3 * n);
  const width = new Float64Array(n);
  const hat = new Float64Array(n);
  const squeeze = new Float64Array(n);
  strips.forEach((strip, j) => {
    hat[j] = f(strip.near) * (1 + SLACK);
    squeeze[j] = f(strip.far) * (1 - SLACK);
    width[j] = scale * (strip.to - strip.from);
    const share = squeeze[j] / hat[j];
    fast[3 * j] = share;
    fast[3 * j + 1] = offset + scale * strip.from;
    fast[3 * j + 2] = share > 0 ? width[j] / share : 0;
  });
  const tailStart = right[right.length - 1];
  const tailRate = tail ? gammaTailRate(d, tailStart) : 0;
  // One literal with every field in the same order, so all tables share one hidden class (a
  // spread of d gave tables of different families different ones: 40% slower engine loops).
  return {
    family: d.family,
    a: d.a,
    b: d.b,
    mode: d.mode,
    strips: n,
    perWord: n * WORD,
    fast,
    width,
    hat,
    squeeze,
    tail: tail ? n - 1 : -1,
    tailStart,
    tailRate,
    // Hat c·e^(−rate·(x − start)) with area c/rate = A: c ≥ f(start) as the layout ensured.
    tailLogHat: tail ? Math.log(area * tailRate * (1 + SLACK)) : 0,
    offset,
    scale,
  };
}

/** Where stripSample passes its draw through. */
const drawn = new Float64Array(1);

/**
 * One draw: offset + scale·X, X of the table's density.
 * @example stripSample(stream, betaStripTable(2, 4, 0, 1)) // a Beta(2, 4) deviate
 */
export function stripSample(stream: TycheStream, t: StripTable): number {
  stripSampleInto(stream, t, drawn, 0);
  return drawn[0];
}

/**
 * stripSample written to out[at]: the engine calls this form, which V8 need not inline to
 * avoid a heap number per draw (see sampleHours.ts on boxing).
 */
export function stripSampleInto(stream: TycheStream, t: StripTable, out: Float64Array, at: number): void {
  const x = stream.nextUint32() * t.perWord;
  const j = Math.floor(x);
  const u = x - j;
  const share = t.fast[3 * j];
  out[at] = u < share ? t.fast[3 * j + 1] + u * t.fast[3 * j + 2] : stripSlow(stream, t, j, (u - share) / (1 - share));
}

/**
 * The rest of a draw that fell in strip j between squeeze and hat (height: a uniform for its
 * place between them) or in the tail; if rejected, whole new draws until one is kept.
 */
function stripSlow(stream: TycheStream, t: StripTable, strip: number, height: number): number {
  let j = strip;
  let v = height;
  for (;;) {
    if (j === t.tail) {
      // x from the exponential hat, kept with probability f(x)/hat(x).
      const distance = -Math.log(1 - stream.nextDouble()) / t.tailRate;
      const x = t.tailStart + distance;
      if (Math.log(1 - stream.nextDouble()) <= logDensity(t, x) - (t.tailLogHat - t.tailRate * distance)) return t.offset + t.scale * x;
    } else {
      const drawn = t.fast[3 * j + 1] + stream.nextDouble() * t.width[j];
      const y = t.squeeze[j] + (t.hat[j] - t.squeeze[j]) * v;
      if (y <= Math.exp(logDensity(t, (drawn - t.offset) / t.scale))) return drawn;
    }
    const x = stream.nextUint32() * t.perWord;
    j = Math.floor(x);
    const u = x - j;
    const share = t.fast[3 * j];
    if (u < share) return t.fast[3 * j + 1] + u * t.fast[3 * j + 2];
    v = (u - share) / (1 - share);
  }
}
