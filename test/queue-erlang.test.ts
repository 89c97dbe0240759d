import { describe, expect, it } from 'vitest';
import { allHoursCalendar, complementCalendar } from '../src/engine/queue/calendar.js';
import { createQueueWork, serveQueue } from '../src/engine/queue/serveQueue.js';
import { createRng } from '../src/random/rng.js';

/** Erlang C: the probability an arrival waits in an M/M/c queue with offered load a = λ/μ < c. */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = (term * c) / (c - a);
  return top / (sum + top);
}

/**
 * Replications of a long term of an M/M/c queue around the clock, one plan: P(W > t) per
 * replication (after a warm-up), so the standard error comes from independent replications.
 */
function simulatedTail(c: number, lambda: number, mu: number, ts: number[], seed: string) {
  const replications = 40;
  const n = 20_000;
  const warmUp = 1000;
  const rng = createRng(seed);
  const arrival = new Float64Array(n);
  const hours = new Float64Array(n);
  const start = new Float64Array(n);
  const priority = new Int32Array(n).fill(5);
  const anyHour = new Uint8Array(n).fill(1);
  const work = createQueueWork();
  const all = allHoursCalendar();
  const team = { people: c, calendar: all, onCallPeople: 0, onCallCalendar: complementCalendar(all) };
  const estimates = ts.map(() => [] as number[]);
  for (let r = 0; r < replications; r++) {
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += -Math.log(1 - rng.nextDouble()) / lambda;
      arrival[i] = t;
      hours[i] = -Math.log(1 - rng.nextDouble()) / mu;
    }
    serveQueue(team, n, arrival, hours, priority, anyHour, 0, start, work);
    ts.forEach((limit, j) => {
      let over = 0;
      for (let i = warmUp; i < n; i++) if (start[i] - arrival[i] > limit) over++;
      estimates[j].push(over / (n - warmUp));
    });
  }
  return estimates.map((values) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    return { mean, se: Math.sqrt(variance / values.length) };
  });
}

describe('the queue around the clock is an M/M/c queue (MODEL.md, "Response-time SLAs")', () => {
  it.each([
    { c: 1, lambda: 0.5, mu: 1 },
    { c: 3, lambda: 2, mu: 1 },
  ])('P(W > t) = C(c, a)·e^(−(cμ − λ)t) within 4 SE, c = $c', ({ c, lambda, mu }) => {
    const ts = [0, 0.5, 1, 2];
    const tail = simulatedTail(c, lambda, mu, ts, `erlang-${c}`);
    const C = erlangC(c, lambda / mu);
    ts.forEach((t, j) => {
      const expected = C * Math.exp(-(c * mu - lambda) * t);
      expect(Math.abs(tail[j].mean - expected)).toBeLessThanOrEqual(4 * tail[j].se);
    });
  });
});
