import { describe, expect, it } from 'vitest';
import { portfolioFees } from '../src/analysis/portfolioFees.js';
import { sampleMoments } from './helpers/stats.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

const TRIALS = 20_000;
const H = 12;
const N = 20;
const LAMBDA = 1;

/** N clients, Poisson(λ) requests of 1 h: total hours T. */
const portfolio = (extra: Record<string, unknown>) => baseDocument({ clients: [{ name: 'many', plan: 'basic', count: N }], ...extra });

describe('shared shocks', () => {
  it('a common factor keeps the mean and adds (Nλ)²·H·cv² to the variance', () => {
    // T | G ~ Poisson(Nλ Σ_m G_m), G_m iid Gamma with mean 1, cv c:
    // Var T = E[Var T|G] + Var E[T|G] = NλH + (Nλ)² H c².
    const cv = 0.3;
    const { columns } = simulateDocument(portfolio({ common_factor: { cv } }), TRIALS);
    const m = sampleMoments(columns.hours);
    expect(Math.abs(m.mean - N * LAMBDA * H)).toBeLessThanOrEqual(4 * m.meanSe);
    const variance = N * LAMBDA * H + (N * LAMBDA) ** 2 * H * cv * cv;
    expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(4 * m.varianceSe);
  });

  it('shock events add rate × months × hit probability × clients requests to the mean', () => {
    const rate = 0.25;
    const hit = 0.9;
    const document = portfolio({
      request_types: {
        edit: { category: 'perfective', frequency: { per_month: LAMBDA }, effort: 1 },
        patch: { category: 'preventive', frequency: { per_month: 0 }, effort: 2 },
      },
      plans: { basic: { covers: ['edit', 'patch'] } },
      shocks: [{ name: 'cms release', per_month: rate, request_type: 'patch', hit_probability: hit }],
    });
    const { columns } = simulateDocument(document, TRIALS);
    const m = sampleMoments(columns.typeHours[1]);
    const expected = rate * H * hit * N * 2;
    expect(Math.abs(m.mean - expected)).toBeLessThanOrEqual(4 * m.meanSe);
    // Given E events in a month, hits are Binomial(E, h) per client: Var of patch requests over
    // the term = H·(N·h(1−h)·λ_s + (N·h)²·λ_s) for Poisson(λ_s) events.
    const variance = 4 * H * (N * hit * (1 - hit) * rate + (N * hit) ** 2 * rate);
    expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(4 * m.varianceSe);
  });

  it('a shock limited to some plans hits only their clients', () => {
    const document = baseDocument({
      request_types: {
        edit: { category: 'perfective', frequency: { per_month: 0 }, effort: 1 },
      },
      plans: { basic: { covers: ['edit'] }, other: { covers: ['edit'] } },
      clients: [
        { name: 'a', plan: 'basic', count: 5 },
        { name: 'b', plan: 'other', count: 5 },
      ],
      shocks: [{ per_month: 1, request_type: 'edit', hit_probability: 1, plans: ['other'] }],
    });
    const { columns } = simulateDocument(document, 2000);
    expect(columns.plans[0].coveredHours.every((h) => h === 0)).toBe(true);
    expect(columns.plans[1].coveredHours.some((h) => h > 0)).toBe(true);
  });

  it('shared shocks shrink the pooling benefit', () => {
    const independent = simulateDocument(portfolio({}), TRIALS);
    const shared = simulateDocument(portfolio({ common_factor: { cv: 0.4 } }), TRIALS);
    const counts = [N];
    const without = portfolioFees(independent.columns, 0.95, counts).poolingBenefit;
    const withShocks = portfolioFees(shared.columns, 0.95, counts).poolingBenefit;
    expect(withShocks).toBeLessThan(without);
  });
});
