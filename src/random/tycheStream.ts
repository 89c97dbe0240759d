/** 2^-32: turns an unsigned 32-bit word into a double in [0, 1), as seedrandom does. */
const TO_UNIT = 1 / 4294967296;

/**
 * The one generator type every sampler takes (numpy's BitGenerator, rust rand's `Rng`): a
 * seedrandom Tyche-i generator (Neves & Araujo 2011, "Fast and small nonlinear pseudorandom
 * number generators for computer simulation") held as a class, so the engine's hot loop calls a
 * monomorphic method V8 inlines instead of a closure per draw. The state comes from seedrandom
 * itself (createStream in rng.ts); from there `nextUint32()` and `nextDouble()` give exactly
 * seedrandom's `int32()` and `prng()` sequences, word for word (test/engine-random.test.ts).
 * (Handing words out from a buffer filled 64 at a time measured slower here: 4.8 ns a word
 * against 3.0.)
 */
export class TycheStream {
  // `declare`: no class-field initialisers, so the fields are born holding numbers and V8 keeps
  // them as unboxed doubles (an initial `undefined` made every store allocate).
  declare private a: number;
  declare private b: number;
  declare private c: number;
  declare private d: number;

  /** @param a,b,c,d a seedrandom tychei state (`prng.state()`), 32-bit integers */
  constructor(a: number, b: number, c: number, d: number) {
    this.a = a | 0;
    this.b = b | 0;
    this.c = c | 0;
    this.d = d | 0;
  }

  /** Takes `other`'s state: this stream then draws what `other` draws next (a replay). */
  copyFrom(other: TycheStream): void {
    this.a = other.a;
    this.b = other.b;
    this.c = other.c;
    this.d = other.d;
  }

  /** The next 32-bit word, as an unsigned integer in [0, 2^32): seedrandom's `int32() >>> 0`. */
  nextUint32(): number {
    // seedrandom's tychei step (lib/tychei.js), with the state in locals.
    let a = this.a;
    let b = this.b;
    let c = this.c;
    let d = this.d;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return a >>> 0;
  }

  /** A uniform double in [0, 1) with 32 random bits: seedrandom's `prng()`. */
  nextDouble(): number {
    return this.nextUint32() * TO_UNIT;
  }
}
