import { describe, expect, it } from 'vitest';
import { breakevenFee, fairFee } from '../src/analysis/breakeven.js';
import { sampleMoments } from './helpers/stats.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

const N = 10;
const H = 12;
const availability = {
  promised: 0.995,
  chain: [
    { name: 'hosting', availability: 0.99, monthly_cost: 12, credits: [{ below: 0.99, credit: 0.1 }] },
    { name: 'app', outages: { per_month: 0.5, duration_hours: { dist: 'lognormal', median: 1, sigma: 1 } } },
  ],
  credits: [
    { below: 0.995, credit: 0.1 },
    { below: 0.99, credit: 0.25 },
  ],
};
const portfolio = (extra: Record<string, unknown>) => baseDocument({ clients: [{ name: 'sites', plan: 'basic', count: N, heterogeneity: 0.3 }], ...extra });

describe('service credits in the break-even fee (MODEL.md, "Availability")', () => {
  const withCredits = simulateDocument(portfolio({ availability }), 5000);
  const without = simulateDocument(portfolio({}), 5000);

  it('fee credits lower the fee weight w_t below N·H, never above', () => {
    const w = withCredits.columns.feeWeight;
    expect(w.every((v) => v <= N * H + 1e-9)).toBe(true);
    expect(w.some((v) => v < N * H - 1e-9)).toBe(true);
    expect(without.columns.feeWeight.every((v) => v === N * H)).toBe(true);
  });

  it('the break-even fee is the α-quantile of the per-trial fees D_t / w_t, computed directly', () => {
    const { netCost, feeWeight } = withCredits.columns;
    const perTrial = Array.from(netCost, (d, t) => d / feeWeight[t]).sort((a, b) => a - b);
    const alpha = 0.95;
    const direct = perTrial[Math.ceil(alpha * perTrial.length) - 1];
    expect(breakevenFee(netCost, feeWeight, alpha).fee).toBe(direct);
    // At that fee, at least 95% of trials make no loss, and fewer below it.
    const noLoss = (f: number) => Array.from(netCost).filter((d, t) => feeWeight[t] * f - d >= 0).length / netCost.length;
    expect(noLoss(direct)).toBeGreaterThanOrEqual(alpha);
    expect(noLoss(direct - 1e-9)).toBeLessThan(alpha);
  });

  it('the fair fee is E[D]/E[w] and rises with credits and supplier costs', () => {
    const fair = fairFee(withCredits.columns.netCost, withCredits.columns.feeWeight);
    const m = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(fair.fee).toBeCloseTo(m(withCredits.columns.netCost) / m(withCredits.columns.feeWeight), 10);
    const plain = fairFee(without.columns.netCost, without.columns.feeWeight);
    // The same request streams, so hours and their costs are identical; what differs is the
    // hosting cost of 12 per client-month, less at most 10% of it credited back (1.2), and fee
    // credits that only raise the fee: at least 12 − 1.2 = 10.8 by construction.
    expect(fair.fee - plain.fee).toBeGreaterThanOrEqual(12 - 1.2);
    const credit = 1 - sampleMoments(withCredits.columns.feeWeight).mean / (N * H);
    expect(credit).toBeGreaterThan(0.01);
  });
});
