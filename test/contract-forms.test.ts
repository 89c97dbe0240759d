import { describe, expect, it } from 'vitest';
import { formOutcome } from '../src/analysis/forms.js';
import { planPrices } from '../src/analysis/planPrices.js';
import { breakevenReport } from '../src/analysis/runReport.js';
import { bundleTrial } from '../src/engine/contract/bundle.js';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import { adjustScenario } from '../src/scenario/adjust.js';
import { baseDocument, scenarioOf, simulateDocument } from './helpers/scenario.js';

/*
 * The contract forms (MODEL.md, "Contract forms", "One price per plan"): exact small cases
 * where hours are a function of one Poisson count N (a fixed effort of 1 h, one client, no
 * heterogeneity), so every price and probability is a sum over the Poisson distribution,
 * written here independently of the engine.
 */

/** Poisson(mean) probabilities 0 … max, summed exactly enough (the tail beyond max < 1e-15). */
function poissonPmf(mean: number, max: number): number[] {
  const p = [Math.exp(-mean)];
  for (let k = 1; k <= max; k++) p.push((p[k - 1] * mean) / k);
  return p;
}

/** The type-1 α-quantile of a discrete distribution given as (value, probability) pairs. */
function discreteQuantile(pairs: [number, number][], alpha: number): number {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  let cumulative = 0;
  for (const [value, p] of sorted) {
    cumulative += p;
    if (cumulative >= alpha) return value;
  }
  return sorted[sorted.length - 1][0];
}

const TRIALS = 20_000;
const se = (p: number) => Math.sqrt((p * (1 - p)) / TRIALS);

/** One client, Poisson requests of exactly 1 h at `perMonth`, on `plan`. */
function oneClient(plan: Record<string, unknown>, perMonth: number, extra: Record<string, unknown> = {}) {
  return baseDocument({
    request_types: { edit: { category: 'perfective', frequency: { per_month: perMonth }, effort: 1 } },
    plans: { p: plan },
    clients: [{ name: 'one', plan: 'p' }],
    ...extra,
  });
}

describe('bundle (strippenkaart) valid the whole term, hourly when used up', () => {
  // cost 50, overage 80 (hourly_rate), B = 10 hours, λH = 12·0.9 = 10.8 requests of 1 h a term.
  const B = 10;
  const mean = 12 * 0.9;
  const plan = { form: 'bundle', covers: ['edit'], bundle: { hours: B, when_used_up: 'hourly' }, fixed_monthly_cost: 2 };
  const { scenario, columns } = simulateDocument(oneClient(plan, 0.9), TRIALS, '11');
  const pmf = poissonPmf(mean, 80);
  // Per N: w = 1 (bought at month 1, expires at the term's end), D = 50·N + 24 − 80·max(0, N − B).
  const netCost = (n: number) => 50 * n + 24 - 80 * Math.max(0, n - B);

  it('the break-even bundle price is the 95% quantile of D, exactly', () => {
    const exact = discreteQuantile(
      pmf.map((p, n): [number, number] => [netCost(n), p]),
      0.95,
    );
    const report = breakevenReport(scenario, columns, TRIALS, '11', [0.95]);
    expect(report.plans.p.standalone_fee).toBe(exact);
    for (let t = 0; t < 50; t++) expect(columns.plans[0].feeWeight[t]).toBe(1);
  });

  it('expected breakage is E[max(0, B − N)] and P(pays more than hourly) its Poisson sum, within 4 SE', () => {
    const breakage = pmf.reduce((s, p, n) => s + p * Math.max(0, B - n), 0);
    const breakageSd = Math.sqrt(pmf.reduce((s, p, n) => s + p * (Math.max(0, B - n) - breakage) ** 2, 0));
    const simulated = columns.plans[0].breakageHours.reduce((a, b) => a + b, 0) / TRIALS;
    expect(Math.abs(simulated - breakage)).toBeLessThan((4 * breakageSd) / Math.sqrt(TRIALS));
    // At price P = 700 the client pays P + 80·max(0, N − B) against 80·N by the hour.
    const price = 700;
    const over = pmf.reduce((s, p, n) => s + (price + 80 * Math.max(0, n - B) > 80 * n ? p : 0), 0);
    const report = breakevenReport(
      { ...scenario, plans: [{ ...scenario.plans[0], bundle: { ...scenario.plans[0].bundle!, price } }] },
      columns,
      TRIALS,
      '11',
      [0.95],
    );
    expect(Math.abs((report.plans.p.overpay_probability_at_price_now ?? -1) - over)).toBeLessThan(4 * se(over));
  });
});

describe('bundle drawdown month by month', () => {
  const figures = new Float64Array(4);
  it('rebuy: a month needing more buys as many bundles as it takes, valid from that month', () => {
    // B = 5, valid 3 months: month 1 uses 4; month 2 needs 7: 1 left + a new card (valid months 2–4) gives 4 left;
    // months 3 and 4 use nothing: 4 h lapse at the end of month 4; month 5 buys a card that is still valid at the end.
    bundleTrial(Float64Array.from([4, 7, 0, 0, 2]), 0, 5, 5, 3, true, figures);
    expect([...figures]).toEqual([13, 4, 0, 3]);
  });
  it('hourly: the rest of a used-up card is billed until the card expires, then a new card', () => {
    bundleTrial(Float64Array.from([4, 7, 1, 2]), 0, 4, 5, 2, false, figures);
    // month 1 uses 4, month 2 uses 1 and bills 6 hourly; the card expires after month 2; month 3's card
    // (valid months 3 and 4) gives 3 h and lapses with 2 h left at the end of month 4, the term's end.
    expect([...figures]).toEqual([5 + 3, 2, 6, 0]);
  });
});

describe('hourly and per_request forms: break-even prices exact for Poisson counts and a fixed effort', () => {
  const mean = 12 * 0.5;
  const pmf = poissonPmf(mean, 60);

  it('hourly: the break-even rate is the 95% quantile of cost + fixed·H/S', () => {
    const { scenario, columns } = simulateDocument(oneClient({ form: 'hourly', fixed_monthly_cost: 3 }, 0.5), TRIALS, '12');
    // S = 0 needs an infinite rate (fixed cost, no hours to bill).
    const exact = discreteQuantile(
      pmf.map((p, s): [number, number] => [s === 0 ? Number.POSITIVE_INFINITY : 50 + (3 * 12) / s, p]),
      0.95,
    );
    const report = breakevenReport(scenario, columns, TRIALS, '12', [0.95]);
    expect(report.plans.p.standalone_fee).toBeCloseTo(exact, 12);
  });

  it('per_request: the break-even list multiplier is the 95% quantile of (cost·e·N + fixed·H) / (price·N)', () => {
    const document = oneClient({ form: 'per_request', prices: { edit: 60 }, fixed_monthly_cost: 3 }, 0.5);
    const { scenario, columns } = simulateDocument(document, TRIALS, '13');
    const exact = discreteQuantile(
      pmf.map((p, n): [number, number] => [n === 0 ? Number.POSITIVE_INFINITY : (50 * n + 36) / (60 * n), p]),
      0.95,
    );
    expect(breakevenReport(scenario, columns, TRIALS, '13', [0.95]).plans.p.standalone_fee).toBeCloseTo(exact, 12);
  });

  it('billing increments: 0.3 h at 15 minutes bills 0.5 h per request, costs stay on 0.3 h', () => {
    const document = oneClient({ form: 'hourly' }, 0.5, {
      billing_increment_minutes: 15,
      request_types: { edit: { category: 'perfective', frequency: { per_month: 0.5 }, effort: 0.3 } },
    });
    const { columns } = simulateDocument(document, 2000, '14');
    for (let t = 0; t < 2000; t++) {
      expect(columns.plans[0].feeWeight[t]).toBeCloseTo((columns.hours[t] / 0.3) * 0.5, 9);
      expect(columns.plans[0].netCost[t]).toBeCloseTo(50 * columns.hours[t], 9);
    }
  });
});

describe('one price per plan', () => {
  it('two independent flat plans: price = fair + Var(D_k)/Var(D) × margin, and the portfolio breaks even in a share α exactly', () => {
    const document = baseDocument({
      request_types: { edit: { category: 'perfective', frequency: { per_month: 1 }, effort: { dist: 'lognormal', median: 1, sigma: 0.8 } } },
      plans: { small: { covers: ['edit'] }, big: { covers: ['edit'] } },
      clients: [
        { name: 'a', plan: 'small', count: 5 },
        { name: 'b', plan: 'big', count: 3, usage: 3 },
      ],
    });
    const n = 20_000;
    const { columns } = simulateDocument(document, n, '15');
    const prices = planPrices(columns.plans, 0.9);
    const variance = (x: Float64Array) => {
      const m = x.reduce((a, b) => a + b, 0) / x.length;
      return x.reduce((a, v) => a + (v - m) ** 2, 0) / x.length;
    };
    const total = Float64Array.from(columns.plans[0].netCost, (d, t) => d + columns.plans[1].netCost[t]);
    const v = variance(total);
    columns.plans.forEach((plan, k) => {
      // Independent plans: Cov(D_k, D) = Var(D_k) up to the sample covariance of the two, ~ sd_1·sd_2/√n.
      const share = variance(plan.netCost) / v;
      const slack = (4 * Math.sqrt(variance(columns.plans[0].netCost) * variance(columns.plans[1].netCost))) / Math.sqrt(n) / v;
      expect(Math.abs(prices.plans[k].riskShare - share)).toBeLessThan(slack);
      const w = plan.feeWeight[0];
      expect(prices.plans[k].price).toBeCloseTo((prices.plans[k].fairPrice ?? 0) + (prices.plans[k].riskShare * prices.margin) / w, 9);
    });
    expect(prices.plans[0].riskShare + prices.plans[1].riskShare).toBeCloseTo(1, 12);
    expect(prices.breakevenShare).toBe(Math.ceil(n * 0.9) / n);
  });

  it('a plan whose fair price is negative is not made more negative by the margin', () => {
    const document = baseDocument({
      plans: { basic: { covers: ['edit'] }, hosting: { covers: [], fixed_monthly_revenue: 30, fixed_monthly_cost: 10 } },
      clients: [
        { name: 'a', plan: 'basic', count: 10, heterogeneity: 0.5 },
        { name: 'h', plan: 'hosting', count: 5, usage: 0 },
      ],
    });
    const { scenario, columns } = simulateDocument(document, 5000, '16');
    const report = breakevenReport(scenario, columns, 5000, '16', [0.95]);
    expect(report.plans.hosting.fair_fee).toBeCloseTo(-20, 9);
    expect(report.plans.hosting.fee).toBeCloseTo(-20, 9);
    expect(report.plans.basic.fee).toBeGreaterThan(report.plans.basic.fair_fee);
  });
});

describe('the same requests under every form (common random numbers)', () => {
  it('hours are identical across flat, capped, bundle, hourly and per_request when months are kept', () => {
    const document = baseDocument({
      billing_increment_minutes: 15,
      common_factor: { cv: 0.2 },
      request_types: {
        edit: {
          category: 'perfective',
          frequency: { per_month: 1.2 },
          effort: { dist: 'lognormal', median: 0.5, p90: 1.5 },
          overrun: { probability: 0.2, factor: 2 },
        },
        bug: { category: 'corrective', frequency: { per_month: 0.3, dispersion: 0.6 }, effort: { dist: 'gamma', mean: 1, sd: 0.8 } },
      },
      shocks: [{ name: 'release', per_month: 0.3, request_type: 'bug', hit_probability: 0.8 }],
      clients: [{ name: 'seg', plan: 'basic', count: 3, heterogeneity: 0.5 }],
    });
    const scenario = scenarioOf(document);
    const forms = scenarioOf({
      ...document,
      plans: {
        basic: { covers: ['edit', 'bug'] },
        capped: { covers: ['edit'], included_hours: 1, rollover: { months: 2 } },
        card: { form: 'bundle', covers: ['edit', 'bug'], bundle: { hours: 10, price: 700 } },
        uur: { form: 'hourly' },
        stuk: { form: 'per_request', prices: { edit: 40 } },
      },
    }).plans;
    const hours = forms.map((plan) => {
      const alone = adjustScenario(scenario, [{ kind: 'segment-alone', segment: 0, plan }]);
      return simulateScenario(alone, { trials: 3000, seed: '17', keepMonths: true }).columns;
    });
    for (const columns of hours.slice(1)) {
      // Each type's hours are the same draws, bit for bit; the total adds covered and uncovered
      // hours in another grouping, so it may differ in the last bit.
      expect(columns.typeHours).toEqual(hours[0].typeHours);
      for (const [t, h] of columns.hours.entries()) expect(h).toBeCloseTo(hours[0].hours[t], 9);
    }
    // And the outcomes differ only by billing: the per_request form earns the list value of the covered requests.
    const outcome = formOutcome(scenario, forms[4], hours[4], 3, 0.95);
    expect(outcome.kind).toBe('per_request');
    expect(outcome.evaluated_at).toBe(1);
  });
});

describe('a bundle valid for the term, settled from the term and its first month', () => {
  // Month 1 apart from the rest (bundleFromTotals) against every request placed in its month
  // (keepMonths, as `fairfee forms` draws): the same distribution of what the bundle settles.
  // The split decides breakage against deferred hours only when month 1 alone rebuys and the
  // rest fits in what is left, so month 1 is made heavy: a Poisson type whose season puts 6.5/12
  // of the year in it (the binomial split), and a very bursty type (k = 0.3) whose months are
  // alike, over a two-month term (the Pólya urn's split: month 1's share is Beta(0.3, 0.3),
  // mostly near 0 or 1). Overruns, 15-minute increments and heterogeneity as the engine meets
  // them; rebuy, V = H.
  const seasonal = {
    category: 'perfective',
    frequency: { per_month: 1.2 },
    seasonality: [6.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5],
    effort: { dist: 'lognormal', median: 0.5, sigma: 0.8 },
    overrun: { probability: 0.2, factor: { dist: 'triangular', min: 1.5, mode: 2.5, max: 5 } },
  };
  const bursty = { category: 'corrective', frequency: { per_month: 3, dispersion: 0.3 }, effort: { dist: 'lognormal', median: 1, sigma: 0.5 } };
  const cases = [
    { name: 'a seasonal Poisson type', types: { edit: seasonal }, hours: 8, term: 12 },
    { name: 'a bursty type with alike months', types: { bug: bursty }, hours: 3, term: 2 },
  ];
  const moments = (column: Float64Array) => {
    const mean = column.reduce((a, b) => a + b, 0) / column.length;
    const variance = column.reduce((a, b) => a + (b - mean) ** 2, 0) / (column.length - 1);
    return { mean, variance };
  };

  for (const { name, types, hours, term } of cases) {
    const scenario = scenarioOf(
      baseDocument({
        term_months: term,
        billing_increment_minutes: 15,
        request_types: types,
        plans: { card: { form: 'bundle', covers: Object.keys(types), bundle: { hours, price: 700 } } },
        clients: [{ name: 'one', plan: 'card', heterogeneity: 0.5 }],
      }),
    );
    const trials = 2 * TRIALS;
    const split = simulateScenario(scenario, { trials, seed: '21' }).columns.plans[0];
    const months = simulateScenario(scenario, { trials, seed: '22', keepMonths: true }).columns.plans[0];
    for (const key of ['breakageHours', 'deferredHours', 'feeWeight', 'coveredHours'] as const) {
      it(`${name}, ${key}: the two means within 4 standard errors of their difference`, () => {
        const a = moments(split[key]);
        const b = moments(months[key]);
        const seDifference = Math.sqrt(a.variance / trials + b.variance / trials);
        expect(a.mean).toBeGreaterThan(0);
        expect(Math.abs(a.mean - b.mean), `${a.mean} vs ${b.mean} (se ${seDifference})`).toBeLessThanOrEqual(4 * seDifference);
      });
    }
  }
});
