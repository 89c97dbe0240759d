import { describe, expect, it } from 'vitest';
import { simulateMonths } from '../src/analysis/availability/analysis.js';
import { HOURS_PER_MONTH } from '../src/scenario/uptime/constants.js';
import { expectedMonthAvailability } from '../src/scenario/uptime/monthModel.js';
import { availabilitySchema, standaloneAvailability } from '../src/scenario/uptime/schema.js';
import { creditShare } from '../src/engine/uptime/credits.js';
import { measureDownSet } from '../src/engine/uptime/intervals.js';
import { createAvailabilityModel, uptimeChain } from '../src/engine/uptime/model.js';
import { createMonthOutcome, simulateMonth } from '../src/engine/uptime/simulateMonth.js';
import { moments } from '../src/analysis/moments.js';
import { createRng } from '../src/random/rng.js';
import { INTERFACE_AVAILABILITY } from './helpers/availabilityFixtures.js';

const parseSpec = (block: unknown) => standaloneAvailability(availabilitySchema.parse(block));

const T = HOURS_PER_MONTH;
const MONTHS = 200_000;

const INTERFACE_BLOCK = INTERFACE_AVAILABILITY;

const specOf = (chain: unknown[], extra: Record<string, unknown> = {}) => parseSpec({ promised: 0.99, chain, ...extra });

/** Simulated mean monthly availability against the exact month model, within 4 Monte Carlo standard errors. */
function expectMeanMatchesExact(chain: unknown[], seed: string): void {
  const spec = specOf(chain);
  const model = createAvailabilityModel(spec);
  const exact = expectedMonthAvailability(spec.chain, new Map(model.profiles.map((p) => [p.component, p])));
  const simulated = moments(simulateMonths(model, MONTHS, seed).availability);
  expect(simulated.standardError).toBeGreaterThan(0);
  expect(Math.abs(simulated.mean - exact), `mean ${simulated.mean}, exact ${exact}, se ${simulated.standardError}`).toBeLessThan(4 * simulated.standardError);
}

describe('golden values (seed "golden"; recorded from this implementation: a change means the draws changed)', () => {
  it("docs/interface.md's chain, first three months", () => {
    const model = createAvailabilityModel(parseSpec(INTERFACE_BLOCK));
    const rng = createRng('golden');
    const out = createMonthOutcome();
    const seen = [];
    for (let m = 0; m < 3; m++) {
      simulateMonth(model, rng, out);
      seen.push({ ...out });
    }
    expect(seen[0].availability).toBeCloseTo(0.9966096403933349, 14);
    expect(seen[1]).toMatchObject({ creditShare: 0.1 });
    expect(seen[1].downtimeHours).toBeCloseTo(6.804708441415045, 12);
    expect(seen[1].longestOutageHours).toBeCloseTo(2.5495800435481613, 12);
    expect(seen[2].availability).toBeCloseTo(0.9959265641926432, 14);
  });
});

describe('simulated mean availability matches the exact month model (4 standard errors, 200,000 months)', () => {
  it('series chain: two components by availability, one by outages (docs/interface.md)', () => {
    expectMeanMatchesExact(INTERFACE_BLOCK.chain, 'series');
  });
  it('parallel group: one by availability (8 h outages), one by gamma outages', () => {
    expectMeanMatchesExact(
      [{ parallel: [{ availability: 0.95, mean_outage_hours: 8 }, { outages: { per_month: 2, duration_hours: { dist: 'gamma', mean: 3, sd: 2 } } }] }],
      'parallel',
    );
  });
  it('2 of 3 servers behind a load balancer, in series with hosting', () => {
    expectMeanMatchesExact(
      [{ availability: 0.995 }, { k_of_n: { k: 2, of: [{ availability: 0.97 }, { availability: 0.95 }, { outages: { per_month: 3, duration_hours: 5 } }] } }],
      'k of n',
    );
  });
  it('long outages (90%, 50 h): the solved rate accounts for overlaps, cut-offs and the fresh start', () => {
    expectMeanMatchesExact([{ availability: 0.9, mean_outage_hours: 50 }], 'long outages');
  });
  it('a parallel pair of series chains, nested', () => {
    expectMeanMatchesExact(
      [
        {
          parallel: [
            { series: [{ availability: 0.98 }, { availability: 0.97 }] },
            { series: [{ availability: 0.96 }, { outages: { per_month: 1, duration_hours: { dist: 'uniform', min: 1, max: 9 } } }] },
          ],
        },
      ],
      'nested',
    );
  });
});

describe('Poisson outages of fixed duration', () => {
  const probabilityBelow = (perMonth: number, promised: number, seed: string) => {
    const spec = parseSpec({ promised, chain: [{ outages: { per_month: perMonth, duration_hours: 2 } }] });
    const availability = simulateMonths(createAvailabilityModel(spec), MONTHS, seed).availability;
    let below = 0;
    for (const a of availability) if (a < promised) below++;
    const p = below / MONTHS;
    return { p, standardError: (q: number) => Math.sqrt((q * (1 - q)) / MONTHS) };
  };

  it('promising 100%: P(month below) = P(at least one outage) = 1 − e^(−0.5), exactly', () => {
    const exact = 1 - Math.exp(-0.5); // 0.393469…
    const { p, standardError } = probabilityBelow(0.5, 1, 'any outage');
    expect(Math.abs(p - exact)).toBeLessThan(4 * standardError(exact));
  });

  it('2 outages of 2 h allowed: P(month below) = P(N > 2) = 1 − e^(−2)(1 + 2 + 2) for N ~ Poisson(2)', () => {
    // Below the promise means more than 4 h down (the 1e-6 h keeps rounding off the boundary).
    // N ≤ 2 outages give at most 4 h. N ≥ 3 give more unless overlaps and the month-end cut
    // take away a whole 2 h, which needs three starts within 2 h of each other or of the
    // month's end: probability about 3·(2/730)² ≈ 2e-5 of such months, 1/50 of the standard
    // error, so the Poisson tail is the answer to well within the tolerance.
    const promised = 1 - (2 * 2 + 1e-6) / T;
    const exact = 1 - Math.exp(-2) * (1 + 2 + 2); // 0.323324
    const { p, standardError } = probabilityBelow(2, promised, 'two allowed');
    expect(Math.abs(p - exact)).toBeLessThan(4 * standardError(exact));
  });
  it('chi-square: months with k outages of 2 h (downtime in (2k − 2, 2k] h) follow Poisson(2) for k = 0..6+', () => {
    // Same argument as above: k outages lose a whole 2 h to overlaps and the cut-off with
    // probability ~1e-5, so the downtime bin is the outage count.
    const spec = parseSpec({ promised: 0.99, chain: [{ outages: { per_month: 2, duration_hours: 2 } }] });
    const downtime = simulateMonths(createAvailabilityModel(spec), MONTHS, 'chi-square').downtimeHours;
    const bins = 7; // 0, 1, …, 5, and 6 or more
    const observed = new Array<number>(bins).fill(0);
    for (const hours of downtime) observed[Math.min(bins - 1, Math.ceil(hours / 2 - 1e-9))]++;
    const pmf = Array.from({ length: bins - 1 }, (_, k) => (Math.exp(-2) * 2 ** k) / [1, 1, 2, 6, 24, 120][k]);
    pmf.push(1 - pmf.reduce((sum, p) => sum + p, 0));
    const chiSquare = observed.reduce((sum, o, k) => sum + (o - MONTHS * pmf[k]) ** 2 / (MONTHS * pmf[k]), 0);
    expect(chiSquare).toBeLessThan(22.46); // qchisq(0.999, df = 6) in R
  });
});

describe('one month', () => {
  it("credits follow the schedule for the month's availability", () => {
    const spec = parseSpec(INTERFACE_BLOCK);
    const model = createAvailabilityModel(spec);
    const rng = createRng('credits');
    const out = createMonthOutcome();
    let credited = 0;
    for (let m = 0; m < 2000; m++) {
      simulateMonth(model, rng, out);
      expect(out.creditShare).toBe(creditShare(spec.credits, out.availability));
      expect(out.availability).toBeCloseTo(1 - out.downtimeHours / T, 14);
      expect(out.longestOutageHours).toBeLessThanOrEqual(out.downtimeHours);
      if (out.creditShare > 0) credited++;
    }
    expect(credited).toBeGreaterThan(0);
  });

  it('back-to-back: each supplier refunds its own share of its monthly cost, from its own availability', () => {
    const spec = specOf([
      {
        name: 'hosting',
        availability: 0.99,
        monthly_cost: 10,
        credits: [
          { below: 0.999, credit: 0.5 },
          { below: 0.99, credit: 1 },
        ],
      },
      { name: 'network', availability: 0.996, monthly_cost: 2, credits: [{ below: 0.996, credit: 0.25 }] },
      { name: 'app', availability: 0.999 },
    ]);
    const model = createAvailabilityModel(spec);
    const rng = createRng('back to back');
    const out = createMonthOutcome();
    const own = { total: 0, longest: 0 };
    for (let m = 0; m < 2000; m++) {
      simulateMonth(model, rng, out);
      measureDownSet(out.work.downSets!, 0, own);
      const hosting = creditShare(spec.chain.members[0].kind === 'component' ? spec.chain.members[0].credits : [], 1 - own.total / T) * 10;
      measureDownSet(out.work.downSets!, 1, own);
      const network = creditShare([{ below: 0.996, credit: 0.25 }], 1 - own.total / T) * 2;
      expect(out.supplierCreditPerClient).toBeCloseTo(hosting + network, 12);
      expect(out.supplierCostPerClient).toBe(12);
    }
  });

  it('a component that is never up takes the chain down all month', () => {
    const spec = specOf([{ availability: 0 }, { availability: 0.99 }], { credits: [{ below: 0.5, credit: 1 }] });
    const model = createAvailabilityModel(spec);
    const out = createMonthOutcome();
    simulateMonth(model, createRng('down'), out);
    expect(out).toMatchObject({ availability: 0, downtimeHours: T, longestOutageHours: T, creditShare: 1 });
  });

  it('allocates no new buffers once warmed up', () => {
    const model = createAvailabilityModel(parseSpec(INTERFACE_BLOCK));
    const rng = createRng('buffers');
    const out = createMonthOutcome();
    for (let m = 0; m < 1000; m++) simulateMonth(model, rng, out);
    const buffer = out.work.downSets!.starts;
    for (let m = 0; m < 20_000; m++) simulateMonth(model, rng, out);
    expect(out.work.downSets!.starts).toBe(buffer);
  });

  it("as the engine's service chain (plain data, cloned as to a worker): the same months, credits and supplier money", () => {
    const spec = specOf(
      [
        { availability: 0.99, monthly_cost: 4, credits: [{ below: 0.995, credit: 0.5 }] },
        { availability: 0.996 },
        { name: 'db', outages: { per_month: 0.5, duration_hours: { dist: 'lognormal', median: 1, sigma: 1 } } },
      ],
      { credits: [{ below: 0.995, credit: 0.1 }] },
    );
    const chain = structuredClone(uptimeChain(spec));
    const model = createAvailabilityModel(spec);
    const [chainRng, modelRng] = [createRng('service'), createRng('service')];
    const [month, out] = [createMonthOutcome(), createMonthOutcome()];
    for (let m = 0; m < 500; m++) {
      simulateMonth(chain, chainRng, month);
      simulateMonth(model, modelRng, out);
      expect({ ...month, work: null }).toEqual({ ...out, work: null });
      expect(month.supplierCostPerClient).toBe(4);
    }
  });

  it('the same seed gives the same months; months come in streams of 10,000', () => {
    const model = createAvailabilityModel(parseSpec(INTERFACE_BLOCK));
    const long = simulateMonths(model, 25_000, 's').availability;
    const short = simulateMonths(model, 12_000, 's').availability;
    expect(short).toEqual(long.subarray(0, 12_000));
  });
});
