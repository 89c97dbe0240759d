import seedrandom from 'seedrandom';
import { TycheStream } from './tycheStream.js';

/** One part of a stream's address: a block index, a client index, a request type name, ... */
export type StreamKey = string | number;

/** One MurmurHash3-style mixing step of a 32-bit lane with a character code. */
function step(h: number, code: number): number {
  h = Math.imul(h ^ code, 0x5bd1e995);
  return h ^ (h >>> 15);
}

/**
 * MurmurHash3's finaliser: a cheap, well-tested avalanche, so that neighbouring addresses
 * ("2027/0/1" and "2027/0/2") give unrelated seeds. Returns the lane as 8 hex digits.
 */
function finish(h: number): string {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The seed string of the stream at `path` under the run's seed: four independently hashed
 * 32-bit lanes (salts 0x9e3779b9, 0x7f4a7c15, 0x85ebca77, 0xc2b2ae3d), so distinct addresses
 * get distinct, decorrelated generator states. The four lanes are hashed in one pass over the
 * text (the engine makes thousands of streams per block).
 * Streams are addressed by position (numpy's SeedSequence.spawn idea): block, client, type.
 * @example streamSeed('2027', [0, 'client', 3, 'text_edit'])
 */
export function streamSeed(seed: string, path: readonly StreamKey[]): string {
  const text = `${seed}\u0000${path.join('\u0001')}`;
  let a = 0x9e3779b9;
  let b = 0x7f4a7c15;
  let c = 0x85ebca77;
  let d = 0xc2b2ae3d;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = step(a, code);
    b = step(b, code);
    c = step(c, code);
    d = step(d, code);
  }
  return finish(a) + finish(b) + finish(c) + finish(d);
}

/**
 * The generator of the stream at `path` under `seed`: Tyche-i from seedrandom, which passes
 * standard randomness batteries, seeds in a few dozen steps (the engine makes thousands of
 * streams per block) and runs far faster than ARC4. seedrandom only seeds it; the draws come
 * from TycheStream, the one generator type every sampler takes. Its doubles have 32 random bits,
 * the resolution the samplers rely on.
 * @example createStream('2027', [0, 'requests', 'shop#0', 'text_edit']).nextDouble()
 */
export function createStream(seed: string, path: readonly StreamKey[]): TycheStream {
  const state = seedrandom.tychei(streamSeed(seed, path), { state: true }).state();
  return new TycheStream(state.a, state.b, state.c, state.d);
}

/**
 * A generator straight from a seed string: for tests and one-off draws.
 * @example createRng('test').nextDouble()
 */
export function createRng(seed: string): TycheStream {
  return createStream(seed, []);
}
