import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildNative, type NativeProgram, runNative } from '../bench/native.js';
import { r1Moments } from './helpers/r1Moments.js';

/*
 * The native references of `npm run bench` (bench/native/) are yardsticks only if they simulate
 * R1's model: their means and sds within standard errors of the closed forms, and the shortcut
 * program's output the same on any number of threads. Built with the system gcc, as the bench
 * does; without gcc the bench skips them and so does this.
 */

const hasGcc = (() => {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const TRIALS = 4000;
/** Requests per trial: 3.2 per client-month × 2400 client-months. */
const REQUESTS_PER_TRIAL = 7680;

function binary(program: NativeProgram): string {
  const built = buildNative('.', program);
  if (!('binary' in built)) throw new Error(built.skipped);
  return built.binary;
}

describe.skipIf(!hasGcc)('the native R1 references', () => {
  const { mean, variance } = r1Moments();
  const sd = Math.sqrt(variance);

  for (const [program, seed] of [
    ['r1', 5],
    ['r1-shortcut', 6],
  ] as const) {
    it(`${program}.c: mean total hours within 4 standard errors, sd within 4 of its standard errors, requests near 7680 a trial`, () => {
      const run = runNative(binary(program), TRIALS, seed);
      const se = sd / Math.sqrt(TRIALS);
      expect(Math.abs(run.meanHours - mean), `mean ${run.meanHours} vs ${mean} (se ${se})`).toBeLessThanOrEqual(4 * se);
      // The sample sd's standard error, from the normal approximation: sd/√(2(n−1)); the totals of
      // 200 clients are close to normal.
      const sdSe = sd / Math.sqrt(2 * (TRIALS - 1));
      expect(Math.abs(run.sdHours - sd), `sd ${run.sdHours} vs ${sd} (se ${sdSe})`).toBeLessThanOrEqual(4 * sdSe);
      // Requests: a trial's count has variance 200·(38.4 + 38.4²·Var U + the bugfix's Gamma part)
      // ≈ 200·(38.4 + 368.6 + 3.6²·1.25/6) ≈ 81,950; 4 sd of the sum over the trials.
      const requestsSd = Math.sqrt(TRIALS * 200 * (38.4 + 38.4 * 38.4 * 0.25 + (3.6 * 3.6 * 1.25) / 6));
      expect(Math.abs(run.requests - TRIALS * REQUESTS_PER_TRIAL)).toBeLessThanOrEqual(4 * requestsSd);
    });
  }

  it('r1-shortcut.c prints the same numbers on 1, 2 and 3 threads (blocks, not threads, own the streams)', () => {
    const program = binary('r1-shortcut');
    const [one, two, three] = [1, 2, 3].map((threads) => runNative(program, 1700, 9, threads));
    for (const other of [two, three]) {
      expect(other.meanHours).toBe(one.meanHours);
      expect(other.sdHours).toBe(one.sdHours);
      expect(other.requests).toBe(one.requests);
    }
    expect([one.threads, two.threads, three.threads]).toEqual([1, 2, 3]);
  });
});
