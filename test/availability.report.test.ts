import { describe, expect, it } from 'vitest';
import { analyzeAvailability, DISTRIBUTION_LEVELS, simulateMonths } from '../src/analysis/availability/analysis.js';
import { InputError as AvailabilityInputError } from '../src/scenario/scenarioError.js';
import { createAvailabilityModel } from '../src/engine/uptime/model.js';
import { countBelow, expectedCreditShare } from '../src/analysis/availability/promise.js';
import { AVAILABILITY_CSV_HEADER, availabilityReport, compositionReport } from '../src/report/availabilityText.js';
import { availabilitySchema, standaloneAvailability } from '../src/scenario/uptime/schema.js';

const parseSpec = (block: unknown) => standaloneAvailability(availabilitySchema.parse(block));

const INTERFACE_BLOCK = {
  promised: 0.995,
  chain: [
    { name: 'hosting', availability: 0.99, monthly_cost: 6, credits: [{ below: 0.99, credit: 0.2 }] },
    { name: 'network', availability: 0.996 },
    { name: 'app', outages: { per_month: 0.5, duration_hours: { dist: 'lognormal', median: 1, sigma: 1 } } },
  ],
  credits: [
    { below: 0.995, credit: 0.1 },
    { below: 0.99, credit: 0.25 },
  ],
};

describe('fairfee availability --series / --parallel (no scenario)', () => {
  it('two suppliers in series: 98.604% exact, 98.6% additive, and the downtime of each', () => {
    const { text, json } = compositionReport({ mode: 'series', availabilities: [0.99, 0.996] });
    expect(json.series_availability).toBeCloseTo(0.98604, 12);
    expect(json.additive_bound).toBeCloseTo(0.986, 12);
    // (1 − 0.98604)·730 = 10.1908 h a month, ·8760 = 122.2896 h a year; the bound 0.014·730 = 10.22 h, ·8760 = 122.64 h.
    expect(json.downtime.exact.hours_per_month).toBeCloseTo(10.1908, 9);
    expect(json.downtime.exact.hours_per_year).toBeCloseTo(122.2896, 9);
    expect(json.downtime.pessimistic.hours_per_year).toBeCloseTo(122.64, 9);
    for (const fragment of ['98.604%', '98.6%', '10.19 h/month', '122.29 h/year', '10.22 h/month', '122.64 h/year']) {
      expect(text).toContain(fragment);
    }
  });
  it('parallel: 1 − 0.01·0.004 = 99.996%, 1.75 minutes a month; the pessimistic bound is the best member', () => {
    const { text, json } = compositionReport({ mode: 'parallel', availabilities: [0.99, 0.996] });
    expect(json.exact_availability).toBeCloseTo(0.99996, 12);
    expect(json.pessimistic_bound).toBeCloseTo(0.996, 12);
    expect(json).not.toHaveProperty('additive_bound');
    expect(text).toContain('99.996%');
    expect(text).toContain('1.8 min/month'); // 0.00004·730 h = 1.752 min
  });
  it('2 of 3 at 99%: 1 − 3·0.01² + 2·0.01³ = 99.9702%', () => {
    expect(compositionReport({ mode: 'k_of_n', k: 2, availabilities: [0.99, 0.99, 0.99] }).json.exact_availability).toBeCloseTo(0.999702, 12);
  });
  it.each([
    [{ mode: 'series' as const, availabilities: [] }, 'at least one'],
    [{ mode: 'series' as const, availabilities: [0.99, 99.6] }, '99.6 is not an availability in [0, 1] (write 99.6% as 0.996)'],
    [{ mode: 'parallel' as const, availabilities: [Number.NaN] }, 'NaN'],
    [{ mode: 'parallel' as const, availabilities: [-0.1] }, '-0.1'],
    [{ mode: 'k_of_n' as const, k: 4, availabilities: [0.9, 0.9, 0.9] }, 'k must be a whole number from 1 to 3'],
    [{ mode: 'k_of_n' as const, availabilities: [0.9, 0.9] }, 'k must be'],
  ])('refuses %j', (input, fragment) => {
    expect(() => compositionReport(input)).toThrow(AvailabilityInputError);
    expect(() => compositionReport(input)).toThrow(fragment);
  });
});

describe('fairfee availability SCENARIO', () => {
  const spec = parseSpec(INTERFACE_BLOCK);
  const analysis = analyzeAvailability(spec, { months: 50_000, seed: '2027', monthlyFee: 95 });
  const { text, json, csvRows } = availabilityReport(analysis);

  it("JSON carries docs/interface.md's fields, numbers as numbers", () => {
    expect(json.series_availability).toBeCloseTo(0.98604 * analysis.exact.components[2].availability, 12);
    expect(json.additive_bound).toBeLessThan(json.series_availability);
    for (const key of ['mean', 'p05', 'p50', 'below_promised_probability'] as const) expect(typeof json.simulated[key]).toBe('number');
    expect(typeof json.expected_credit_per_month).toBe('number');
    expect(JSON.parse(JSON.stringify(json))).toEqual(json); // nothing that JSON would lose
  });
  it('the simulated mean agrees with the exact month model (4 standard errors)', () => {
    expect(Math.abs(analysis.availability.mean - analysis.exact.expectedAvailability)).toBeLessThan(4 * analysis.availability.standardError);
  });
  it('quantiles are ordered and P(below) is consistent with them', () => {
    const a = analysis.availability;
    expect(a.min).toBeLessThanOrEqual(a.p01);
    expect(a.p01).toBeLessThanOrEqual(a.p05);
    expect(a.p05).toBeLessThanOrEqual(a.p50);
    expect(analysis.downtimeHours.p50).toBeLessThanOrEqual(analysis.downtimeHours.p95);
    expect(analysis.belowPromised.probability).toBeGreaterThan(0.5); // p50 is below 99.5% here
    expect(a.p50).toBeLessThan(0.995);
  });
  it("credits: the mean of the schedule over the months, netted against the supplier's", () => {
    expect(analysis.creditShare.p95).toBe(0.25);
    expect(analysis.supplier.cost).toBe(6);
    expect(analysis.supplier.netCost).toBeCloseTo(6 - analysis.supplier.credit.mean, 12);
    expect(analysis.fee?.expectedCredit).toBeCloseTo(95 * analysis.creditShare.mean, 9);
    expect(analysis.fee?.netCredit.mean).toBeCloseTo(95 * analysis.creditShare.mean - analysis.supplier.credit.mean, 9);
  });
  it('what can I promise at 5% risk: at most 5% of the months fall below it, more than 5% at or below it', () => {
    const months = Float64Array.from(simulateMonths(createAvailabilityModel(spec), 50_000, '2027').availability).sort();
    const { atRisk, atRiskInterval } = analysis.promise;
    expect(countBelow(months, atRisk)).toBeLessThanOrEqual(0.05 * 50_000);
    expect(months.filter((a) => a <= atRisk).length).toBeGreaterThan(0.05 * 50_000);
    expect(atRiskInterval[0]).toBeLessThanOrEqual(atRisk);
    expect(atRiskInterval[1]).toBeGreaterThanOrEqual(atRisk);
  });
  it('what can I promise within 2% of the fee: the moved schedule costs at most 2% there, more just above', () => {
    const months = Float64Array.from(simulateMonths(createAvailabilityModel(spec), 50_000, '2027').availability).sort();
    const credit = (level: number) => expectedCreditShare(months, spec.credits, level - 0.995);
    const p = analysis.promise.withinCreditBudget as number;
    expect(credit(p)).toBeLessThanOrEqual(0.02);
    expect(credit(p + 1e-9)).toBeGreaterThan(0.02);
    // The schedule as written costs what the months' credits average to.
    expect(credit(0.995)).toBeCloseTo(analysis.creditShare.mean, 12);
  });
  it('CSV: a header and one row per quantile level', () => {
    expect(csvRows[0]).toEqual([...AVAILABILITY_CSV_HEADER]);
    expect(csvRows).toHaveLength(DISTRIBUTION_LEVELS.length + 1);
    const median = csvRows.find((row) => row[0] === 0.5) as number[];
    expect(median[1]).toBe(analysis.availability.p50);
    expect(median[2]).toBeCloseTo((1 - analysis.availability.p50) * 730, 9);
  });
  it('text shows the chain, the exact figures, the promise and the credits', () => {
    for (const fragment of ['hosting', 'network', 'app', 'additive bound', 'promised 99.5%', 'P(month below)', 'credits', 'promise at 5% risk']) {
      expect(text).toContain(fragment);
    }
  });
  it('is reproducible: the same seed gives the same document', () => {
    const again = availabilityReport(analyzeAvailability(spec, { months: 50_000, seed: '2027', monthlyFee: 95 }));
    expect(again.json).toEqual(json);
  });
});
