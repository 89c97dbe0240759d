import { describe, expect, it } from 'vitest';
import { breakevenFee } from '../src/analysis/breakeven.js';
import { compareFees, expectedShortfall } from '../src/analysis/compare.js';
import { evaluatePriceList } from '../src/analysis/priceList.js';
import { quantileSorted } from '../src/analysis/quantile.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

const doc = baseDocument({
  request_types: {
    edit: { category: 'perfective', frequency: { per_month: 1.5 }, effort: { dist: 'lognormal', median: 0.5, sigma: 0.8 } },
    bug: { category: 'corrective', frequency: { per_month: 0.3, dispersion: 0.5 }, effort: { dist: 'lognormal', median: 2, sigma: 1 } },
  },
  plans: {
    basic: { covers: ['edit', 'bug'], included_hours: 2, overage_rate: 80, fixed_monthly_cost: 8 },
    plus: { covers: ['edit', 'bug'], fixed_monthly_cost: 12 },
  },
  clients: [
    { name: 'shops', plan: 'basic', count: 10, heterogeneity: 0.5 },
    { name: 'big', plan: 'plus', count: 3, usage: 2 },
  ],
});

describe('compare: fee rows from the same trials', () => {
  const { scenario, columns } = simulateDocument(doc, 5000);
  const fees = [20, 40, 60, 80, 100, 120];
  const rows = compareFees(columns, scenario, fees, 0.95);

  it('loss probability is the share of trials with w·f < D, computed directly', () => {
    for (const row of rows) {
      let losses = 0;
      for (let t = 0; t < columns.netCost.length; t++) if (columns.feeWeight[t] * row.fee < columns.netCost[t]) losses++;
      expect(row.loss_probability).toBe(losses / columns.netCost.length);
    }
  });

  it('expected shortfall ≥ value at risk; VaR is the α-quantile of the loss', () => {
    for (const row of rows) {
      expect(row.expected_shortfall).toBeGreaterThanOrEqual(row.value_at_risk);
      const loss = Float64Array.from(columns.netCost, (d, t) => d - columns.feeWeight[t] * row.fee).sort();
      expect(row.value_at_risk).toBe(quantileSorted(loss, 0.95));
    }
  });

  it('expected shortfall is the mean of the worst (1 − α) share, the VaR sample weighted fractionally', () => {
    // Losses 1..10 at α = 0.75: worst 2.5 values = 10, 9 and half of 8: (10 + 9 + 4)/2.5 = 9.2.
    expect(
      expectedShortfall(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        0.75,
      ),
    ).toBeCloseTo(9.2, 12);
    // α = 0.8: exactly the worst two, (9 + 10)/2.
    expect(
      expectedShortfall(
        Float64Array.from({ length: 10 }, (_, i) => i + 1),
        0.8,
      ),
    ).toBeCloseTo(9.5, 12);
  });

  it('profit p05 is the ⌈0.05n⌉-th smallest profit', () => {
    for (const row of rows) {
      const profit = Float64Array.from(columns.netCost, (d, t) => columns.feeWeight[t] * row.fee - d).sort();
      expect(row.profit_p05).toBe(quantileSorted(profit, 0.05));
    }
  });

  it('rows are monotone in the fee: loss probability falls, expected profit rises', () => {
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].loss_probability).toBeLessThanOrEqual(rows[i - 1].loss_probability);
      expect(rows[i].expected_profit).toBeGreaterThan(rows[i - 1].expected_profit);
      expect(rows[i].overpay_probability).toBeGreaterThanOrEqual(rows[i - 1].overpay_probability);
    }
  });

  it('at the break-even fee the loss probability is at most 1 − α', () => {
    const fee = breakevenFee(columns.netCost, columns.feeWeight, 0.95).fee;
    const [row] = compareFees(columns, scenario, [fee], 0.95);
    expect(row.loss_probability).toBeLessThanOrEqual(0.05);
    const [below] = compareFees(columns, scenario, [fee - 1e-6], 0.95);
    expect(below.loss_probability).toBeGreaterThan(0.05 - 1 / 5000);
  });

  it('a price list: plan contributions add up to the portfolio profit', () => {
    const result = evaluatePriceList(columns, scenario, { basic: 70, plus: 150 });
    const total = result.plans.reduce((s, p) => s + p.expected_profit, 0);
    expect(result.expected_profit).toBeCloseTo(total, 6);
    for (const plan of result.plans) expect(plan.premium_per_month).toBeCloseTo(plan.fee - plan.indifferent_fee, 10);
  });
});
