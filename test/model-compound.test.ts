import { describe, expect, it } from 'vitest';
import { breakevenFee, fairFee } from '../src/analysis/breakeven.js';
import { sampleMoments } from './helpers/stats.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

const TRIALS = 20_000;
const H = 12;

function expectWithin4Se(values: Float64Array, mean: number, variance: number) {
  const m = sampleMoments(values);
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean}`).toBeLessThanOrEqual(4 * m.meanSe);
  expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance}`).toBeLessThanOrEqual(4 * m.varianceSe);
}

describe('compound totals: E[S] = E[N]E[X], Var[S] = E[N]Var[X] + Var[N]E[X]²', () => {
  it('Poisson counts, lognormal effort with overrun', () => {
    // X = e·(F with probability p, else 1): E[X] = E[e](1 + p(E[F] − 1)), E[X²] = E[e²](1 − p + p·E[F²]).
    const lambda = 1.5;
    const sigma = 0.8;
    const median = 0.5;
    const p = 0.2;
    const eMean = median * Math.exp((sigma * sigma) / 2);
    const e2 = median * median * Math.exp(2 * sigma * sigma);
    const fMean = (1.5 + 2.5 + 5) / 3;
    const fVar = (1.5 ** 2 + 2.5 ** 2 + 25 - 1.5 * 2.5 - 1.5 * 5 - 2.5 * 5) / 18;
    const xMean = eMean * (1 - p + p * fMean);
    const x2 = e2 * (1 - p + p * (fVar + fMean * fMean));
    const n = lambda * H;
    const doc = baseDocument({
      request_types: {
        edit: {
          category: 'perfective',
          frequency: { per_month: lambda },
          effort: { dist: 'lognormal', median, sigma },
          overrun: { probability: p, factor: { dist: 'triangular', min: 1.5, mode: 2.5, max: 5 } },
        },
      },
    });
    const { columns } = simulateDocument(doc, TRIALS);
    // Poisson N: Var[N] = E[N], so Var[S] = E[N]·E[X²].
    expectWithin4Se(columns.hours, n * xMean, n * x2);
  });

  it('negative binomial counts (dispersion k): Var[N] = Hλ + Hλ²/k', () => {
    const lambda = 0.3;
    const k = 0.5;
    const doc = baseDocument({
      request_types: { bug: { category: 'corrective', frequency: { per_month: lambda, dispersion: k }, effort: { dist: 'gamma', mean: 2, sd: 1.5 } } },
      plans: { basic: { covers: ['bug'] } },
    });
    const { columns } = simulateDocument(doc, TRIALS);
    const eN = H * lambda;
    const varN = H * lambda + (H * lambda * lambda) / k;
    expectWithin4Se(columns.hours, eN * 2, eN * 1.5 ** 2 + varN * 4);
  });

  it('negative binomial with seasonality, drawn month by month, keeps the same totals', () => {
    const lambda = 0.8;
    const k = 1.5;
    const season = [1.3, 1.1, 1, 1, 1, 0.8, 0.6, 0.8, 1.1, 1.1, 1, 1.2];
    const doc = baseDocument({
      request_types: { bug: { category: 'corrective', frequency: { per_month: lambda, dispersion: k }, effort: 1, seasonality: season } },
      plans: { basic: { covers: ['bug'] } },
    });
    const { columns } = simulateDocument(doc, TRIALS);
    // Months independent NB with mean λ·s_m: Var = Σ (λ s_m + (λ s_m)²/k).
    const variance = season.reduce((acc, s) => acc + lambda * s + (lambda * s) ** 2 / k, 0);
    expectWithin4Se(columns.hours, lambda * H, variance);
  });

  it('heterogeneity keeps the mean and adds (λH)²·cv² to the count variance', () => {
    const lambda = 1;
    const cv = 0.5;
    const doc = baseDocument({ clients: [{ name: 'one', plan: 'basic', heterogeneity: cv }] });
    const { columns } = simulateDocument(doc, TRIALS);
    expectWithin4Se(columns.hours, lambda * H, lambda * H + (lambda * H * cv) ** 2);
  });

  it('usage multiplies the rate; count segments add independent clients', () => {
    const doc = baseDocument({ clients: [{ name: 'many', plan: 'basic', count: 5, usage: 1.6 }] });
    const { columns } = simulateDocument(doc, TRIALS);
    const n = 5 * 1.6 * H;
    expectWithin4Se(columns.hours, n, n);
  });

  it('seasonality with a monthly cap keeps the mean and gives the exact expected overage', () => {
    // Fixed 1 h requests, Poisson(λ s_m) per month, 2 h included: E[overage_m] = E[(N_m − 2)⁺].
    const lambda = 2;
    const season = [1.5, 1.5, 1.5, 1, 1, 0.5, 0.5, 0.5, 1, 1, 1, 1];
    const doc = baseDocument({
      request_types: { edit: { category: 'perfective', frequency: { per_month: lambda }, effort: 1, seasonality: season } },
      plans: { basic: { covers: ['edit'], included_hours: 2, overage_rate: 80 } },
    });
    const { columns } = simulateDocument(doc, TRIALS);
    const expectedOverage = season.reduce((acc, s) => {
      const mu = lambda * s;
      // E[(N − 2)⁺] = E[N] − 2 + 2·P(N=0) + 1·P(N=1)
      return acc + mu - 2 + 2 * Math.exp(-mu) + mu * Math.exp(-mu);
    }, 0);
    expectWithin4Se(columns.hours, lambda * H, lambda * H);
    const overage = sampleMoments(columns.plans[0].overageHours);
    expect(Math.abs(overage.mean - expectedOverage)).toBeLessThanOrEqual(4 * overage.meanSe);
  });
});

describe('an exact case: one client, Poisson requests, fixed effort', () => {
  it('the break-even fee is the Poisson quantile, inside the tool’s interval', () => {
    // Hours over the term: 1.5 h × N, N ~ Poisson(12). Net cost D = 50·1.5·N + 12·10 (hosting).
    // Q_0.95 of Poisson(12) is 18 (R: qpois(0.95, 12)); f* = (75·18 + 120)/12 = 122.5.
    const doc = baseDocument({
      request_types: { edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1.5 } },
      plans: { basic: { covers: ['edit'], fixed_monthly_cost: 10 } },
    });
    const { columns } = simulateDocument(doc, TRIALS);
    const result = breakevenFee(columns.netCost, columns.feeWeight, 0.95);
    expect(result.fee).toBe(122.5);
    expect(result.interval[0]).toBeLessThanOrEqual(122.5);
    expect(result.interval[1]).toBeGreaterThanOrEqual(122.5);
    // Fair fee: E[D]/H = (75·12 + 120)/12 = 85, within 4 standard errors.
    const fair = fairFee(columns.netCost, columns.feeWeight);
    expect(Math.abs(fair.fee - 85)).toBeLessThanOrEqual(4 * fair.standardError);
  });
});
