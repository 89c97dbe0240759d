import { describe, expect, it } from 'vitest';
import { allHoursCalendar, complementCalendar } from '../src/engine/queue/calendar.js';
import { createQueueWork, serveQueue } from '../src/engine/queue/serveQueue.js';
import { slaStudy } from '../src/analysis/sla.js';
import { createRng } from '../src/random/rng.js';
import { baseDocument, scenarioOf } from './helpers/scenario.js';

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

describe('end to end: a scenario whose team is an M/M/c queue', () => {
  it.each([
    { c: 1, lambda: 0.5, mu: 1, term: 24 },
    { c: 3, lambda: 2, mu: 1, term: 12 },
  ])('fairfee sla’s P(breach) of plans promising t = 0.5, 1, 2 h is C(c, a)·e^(−(cμ − λ)t) within 4 SE, c = $c', async ({ c, lambda, mu, term }) => {
    const limits = [0.5, 1, 2];
    const plans = Object.fromEntries(limits.map((t) => [`within ${t} h`, { covers: ['ticket'], sla: { response_hours: t, coverage: '24x7' } }]));
    const scenario = scenarioOf(
      baseDocument({
        term_months: term,
        // Three clients of λ/3 an hour each: together a Poisson stream of λ an hour (730 h a month).
        request_types: { ticket: { category: 'support', frequency: { per_month: (lambda * 730) / 3 }, effort: { dist: 'gamma', mean: 1 / mu, sd: 1 / mu } } },
        plans,
        clients: limits.map((t) => ({ name: `client ${t}`, plan: `within ${t} h` })),
        team: { people: c, around_the_clock: true },
      }),
    );
    const result = await slaStudy(scenario, { trials: 40, seed: `mmc-${c}`, people: [], maxBreach: 0.05 });
    const C = erlangC(c, lambda / mu);
    result.plans.forEach((plan, j) => {
      const expected = C * Math.exp(-(c * mu - lambda) * limits[j]);
      expect(Math.abs(plan.breachProbability - expected), `${plan.plan}: ${plan.breachProbability} vs ${expected}`).toBeLessThanOrEqual(
        4 * plan.breachProbabilityStandardError,
      );
    });
  });
});
