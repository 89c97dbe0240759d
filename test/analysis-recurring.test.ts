import { describe, expect, it } from 'vitest';
import { sampleMoments } from './helpers/stats.js';
import { recurringRevenue } from '../src/analysis/recurring.js';
import { baseDocument, simulateDocument } from './helpers/scenario.js';

/*
 * Recurring revenue (MODEL.md, "Which form for whom"): fees over all revenue, MRR and ARR, on a
 * plan with a closed form. One client, 100 a month, 1 h included; Poisson(2) requests a month of
 * a fixed 0.5 h, overage at 80: a month's overage is 0.5·E[max(0, N − 2)] = 0.5·(2·P(0) + P(1))
 * = 2e⁻² h, so the expected revenue besides the fee is 80·2e⁻² a month and the recurring share
 * 100 / (100 + 160e⁻²).
 */

const TRIALS = 20_000;
const document = (fee: number | undefined) =>
  baseDocument({
    request_types: { edit: { category: 'perfective', frequency: { per_month: 2 }, effort: 0.5 } },
    plans: { basic: { ...(fee === undefined ? {} : { monthly_fee: fee }), covers: ['edit'], included_hours: 1, overage_rate: 80 } },
  });

describe('recurring revenue', () => {
  it('at the stated monthly_fee: MRR and ARR exact, the share within 4 standard errors of its closed form', () => {
    const { scenario, columns } = simulateDocument(document(100), TRIALS, 'recurring');
    const recurring = recurringRevenue(scenario, columns, [0]);
    expect(recurring.fees).toBe('stated prices');
    expect(recurring.mrr).toBe(100);
    expect(recurring.arr).toBe(1200);
    const other = sampleMoments(columns.revenueBesidesFee);
    const expectedOther = 12 * 80 * 2 * Math.exp(-2);
    expect(Math.abs(other.mean - expectedOther)).toBeLessThanOrEqual(4 * other.meanSe);
    const share = 1200 / (1200 + expectedOther);
    // delta method: d share / d other = −1200 / (1200 + other)²
    const shareSe = (1200 / (1200 + expectedOther) ** 2) * other.meanSe;
    expect(Math.abs(recurring.recurring_share - share)).toBeLessThanOrEqual(4 * shareSe);
  });

  it("without a monthly_fee, at the plan's break-even fee, and says so", () => {
    const { scenario, columns } = simulateDocument(document(undefined), 2000, 'recurring');
    const recurring = recurringRevenue(scenario, columns, [123]);
    expect(recurring.fees).toBe('break-even prices');
    expect(recurring.mrr).toBe(123);
    expect(recurring.arr).toBe(12 * 123);
  });
});
