import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import type { Scenario } from '../src/scenario/types.js';
import { naiveTrials } from './engine-naive.js';
import { sampleMoments } from './helpers/stats.js';
import { baseDocument, scenarioOf } from './helpers/scenario.js';

/*
 * Each exact shortcut of the engine against the naive per-month, per-request reference
 * (engine-naive.ts), on small portfolios built to exercise it: the per-trial hours, net cost,
 * overage hours and hours per type must have the same law. Checked three ways at fixed seeds:
 * means within 4 standard errors of their difference, variances likewise (the variance's error
 * from the 4th moment), and the two-sample Kolmogorov–Smirnov distance below its 0.001 critical
 * value 1.949·√((n+m)/(nm)) (conservative for distributions with atoms, such as 0 overage).
 */

const TRIALS = 20_000;

function expectSameLaw(engine: Float64Array, naive: Float64Array, what: string): void {
  const a = sampleMoments(engine);
  const b = sampleMoments(naive);
  const meanSe = Math.hypot(a.meanSe, b.meanSe);
  expect(Math.abs(a.mean - b.mean), `${what}: mean ${a.mean} (engine) vs ${b.mean} (naive), se ${meanSe}`).toBeLessThanOrEqual(4 * meanSe);
  const varianceSe = Math.hypot(a.varianceSe, b.varianceSe);
  expect(Math.abs(a.variance - b.variance), `${what}: variance ${a.variance} vs ${b.variance}, se ${varianceSe}`).toBeLessThanOrEqual(4 * varianceSe);
  const x = Float64Array.from(engine).sort();
  const y = Float64Array.from(naive).sort();
  let i = 0;
  let j = 0;
  let distance = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    distance = Math.max(distance, Math.abs(i / x.length - j / y.length));
  }
  const critical = 1.949 * Math.sqrt((x.length + y.length) / (x.length * y.length));
  expect(distance, `${what}: KS distance`).toBeLessThan(critical);
}

/** Engine (in this thread) and reference on the same scenario, different seeds; every column compared. */
function compareWithNaive(scenario: Scenario, seed: string): void {
  const { columns } = simulateScenario(scenario, { trials: TRIALS, seed });
  const naive = naiveTrials(scenario, TRIALS, `naive ${seed}`);
  expectSameLaw(columns.hours, naive.hours, 'hours');
  expectSameLaw(columns.coveredHours, naive.coveredHours, 'covered hours');
  expectSameLaw(columns.netCost, naive.netCost, 'net cost');
  const overage = new Float64Array(TRIALS);
  for (const plan of columns.plans) for (let t = 0; t < TRIALS; t++) overage[t] += plan.overageHours[t];
  if (naive.overageHours.some((v) => v > 0)) expectSameLaw(overage, naive.overageHours, 'overage hours');
  else expect(overage.every((v) => v === 0)).toBe(true);
  // The plans' covered hours are the hourly equivalent's: billed at the scenario-level increment.
  const fairCovered = new Float64Array(TRIALS);
  for (const plan of columns.plans) for (let t = 0; t < TRIALS; t++) fairCovered[t] += plan.coveredHours[t];
  expectSameLaw(fairCovered, naive.fairCoveredHours, 'covered hours of the hourly equivalent');
  scenario.requestTypes.forEach((type, i) => {
    if (naive.typeHours[i].some((v) => v > 0)) expectSameLaw(columns.typeHours[i], naive.typeHours[i], `hours of ${type.name}`);
  });
}

const lognormalEdit = {
  category: 'perfective',
  frequency: { per_month: 1.5 },
  effort: { dist: 'lognormal', median: 0.5, sigma: 0.8 },
  overrun: { probability: 0.2, factor: { dist: 'triangular', min: 1.5, mode: 2.5, max: 5 } },
};
const season = [1.3, 1.1, 1, 1, 1, 0.8, 0.6, 0.8, 1.1, 1.1, 1, 1.2];

describe('exact shortcuts: the engine against the naive per-month, per-request model', () => {
  it('Poisson months add up to one Poisson count for the term (uncapped plans; with and without heterogeneity)', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: { edit: lognormalEdit, call: { category: 'support', frequency: { per_month: 0.6 }, effort: 0.25 } },
        plans: { all: { covers: ['edit'] } },
        clients: [
          { name: 'mixed', plan: 'all', count: 2, heterogeneity: 0.5 },
          // no heterogeneity and no common factor: the term mean is fixed, e^−mean computed once
          { name: 'steady', plan: 'all', count: 2 },
        ],
      }),
    );
    compareWithNaive(scenario, 'term poisson');
  });

  it('alike negative binomial months add up to one negative binomial with dispersion H·k', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: { bug: { category: 'corrective', frequency: { per_month: 0.3, dispersion: 0.5 }, effort: { dist: 'lognormal', median: 2, sigma: 1 } } },
        plans: { all: { covers: ['bug'] } },
        clients: [{ name: 'shops', plan: 'all', count: 3, heterogeneity: 0.5 }],
      }),
    );
    compareWithNaive(scenario, 'term negative binomial');
  });

  it('capped plan: one count for the term, each request placed in a month by the season (alias table)', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: { edit: { ...lognormalEdit, frequency: { per_month: 2 }, seasonality: season } },
        plans: { capped: { covers: ['edit'], included_hours: 1.5, overage_rate: 90 } },
        clients: [{ name: 'shops', plan: 'capped', count: 2, heterogeneity: 0.4 }],
      }),
    );
    compareWithNaive(scenario, 'capped season');
  });

  it('capped plan with a common factor: months by the common factor (flat types) or season × common factor', () => {
    const scenario = scenarioOf(
      baseDocument({
        common_factor: { cv: 0.3 },
        request_types: {
          edit: lognormalEdit,
          swap: { category: 'perfective', frequency: { per_month: 0.8 }, effort: { dist: 'gamma', mean: 0.6, sd: 0.4 }, seasonality: season },
        },
        plans: { capped: { covers: ['edit', 'swap'], included_hours: 2, overage_rate: 85 } },
        clients: [{ name: 'shops', plan: 'capped', count: 3, heterogeneity: 0.5 }],
      }),
    );
    compareWithNaive(scenario, 'capped common');
  });

  it('negative binomial months that differ or are kept (season, common factor, cap): logarithmic clusters thinned from one Poisson count for the term', () => {
    const scenario = scenarioOf(
      baseDocument({
        common_factor: { cv: 0.2 },
        request_types: {
          bug: {
            category: 'corrective',
            frequency: { per_month: 0.6, dispersion: 0.6 },
            effort: { dist: 'lognormal', median: 1.5, sigma: 0.9 },
            seasonality: season,
          },
          // a large monthly mean takes the Gamma–Poisson branch
          burst: { category: 'corrective', frequency: { per_month: 14, dispersion: 2 }, effort: 0.1 },
        },
        plans: { capped: { covers: ['bug', 'burst'], included_hours: 3, overage_rate: 85 }, open: { covers: ['bug'] } },
        clients: [
          { name: 'capped', plan: 'capped', count: 2, heterogeneity: 0.6 },
          { name: 'open', plan: 'open', count: 1, heterogeneity: 0.3 },
        ],
      }),
    );
    compareWithNaive(scenario, 'monthly negative binomial');
  });

  it('alike negative binomial months that are kept (a cap, flat season, no common factor): the term count split by a Pólya urn', () => {
    const scenario = scenarioOf(
      baseDocument({
        billing_increment_minutes: 15,
        request_types: {
          bug: {
            category: 'corrective',
            frequency: { per_month: 0.6, dispersion: 0.6 },
            effort: { dist: 'lognormal', median: 1.5, sigma: 0.9 },
            overrun: { probability: 0.3, factor: { dist: 'uniform', min: 1.2, max: 2 } },
          },
          burst: { category: 'corrective', frequency: { per_month: 14, dispersion: 2 }, effort: 0.1 },
        },
        plans: {
          capped: { covers: ['bug', 'burst'], included_hours: 3, overage_rate: 85 },
          small: { covers: ['bug'], included_hours: 1, overage_rate: 85 },
        },
        clients: [
          { name: 'capped', plan: 'capped', count: 2, heterogeneity: 0.6 },
          { name: 'small', plan: 'small', count: 1, heterogeneity: 0.3 },
        ],
      }),
    );
    compareWithNaive(scenario, 'urn negative binomial');
  });

  it('fixed efforts need only counts (capped and uncapped, with an overrun factor on some)', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: {
          call: { category: 'support', frequency: { per_month: 0.8 }, effort: 0.25 },
          check: {
            category: 'preventive',
            frequency: { per_month: 0.5 },
            effort: 1,
            overrun: { probability: 0.3, factor: { dist: 'uniform', min: 1.2, max: 2 } },
          },
        },
        plans: { capped: { covers: ['call', 'check'], included_hours: 0.5, overage_rate: 85 }, open: { covers: ['call'] } },
        clients: [
          { name: 'capped', plan: 'capped', count: 2, heterogeneity: 0.5 },
          { name: 'open', plan: 'open', count: 2 },
        ],
      }),
    );
    compareWithNaive(scenario, 'fixed');
  });

  it('overruns by binomial thinning: factors drawn for the overrunning requests only (every effort family)', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: {
          edit: lognormalEdit,
          page: {
            category: 'perfective',
            frequency: { per_month: 0.4 },
            effort: { dist: 'pert', min: 1, mode: 2.5, max: 8 },
            overrun: { probability: 0.25, factor: { dist: 'uniform', min: 1.2, max: 2 } },
          },
          plugin: {
            category: 'adaptive',
            frequency: { per_month: 0.5 },
            effort: { dist: 'gamma', mean: 0.6, sd: 0.4 },
            overrun: { probability: 0.6, factor: { dist: 'pert', min: 1, mode: 1.5, max: 3 } },
          },
          logged: {
            category: 'support',
            frequency: { per_month: 0.7 },
            effort: { dist: 'empirical', values: [0.25, 0.5, 0.5, 2] },
            overrun: { probability: 0.1, factor: 3 },
          },
        },
        plans: { capped: { covers: ['edit', 'page', 'plugin'], included_hours: 4, overage_rate: 80 }, open: { covers: ['edit', 'logged'] } },
        clients: [
          { name: 'capped', plan: 'capped', count: 2, heterogeneity: 0.4 },
          { name: 'open', plan: 'open', count: 2, heterogeneity: 0.4 },
        ],
      }),
    );
    compareWithNaive(scenario, 'overruns');
  });

  it('billing increments: each request rounds up on its own where it is drawn (every loop: term, by month, clusters, shocks, fixed; a plan overriding the scenario)', () => {
    const scenario = scenarioOf(
      baseDocument({
        billing_increment_minutes: 15,
        request_types: {
          edit: { ...lognormalEdit, seasonality: season },
          bug: { category: 'corrective', frequency: { per_month: 0.6, dispersion: 0.6 }, effort: { dist: 'gamma', mean: 0.6, sd: 0.4 } },
          // 22.5 minutes: exact in binary, so sums of it do not depend on their order (the KS test sees atoms)
          call: { category: 'support', frequency: { per_month: 0.8 }, effort: 0.375 },
          page: { category: 'perfective', frequency: { per_month: 0.4 }, effort: { dist: 'pert', min: 0.1, mode: 0.4, max: 2 } },
        },
        shocks: [{ name: 'cms patch', per_month: 0.3, request_type: 'call', hit_probability: 0.6 }],
        plans: {
          capped: { covers: ['edit', 'bug', 'call'], included_hours: 1.5, overage_rate: 90 },
          hourly_ish: { covers: ['edit'], included_hours: 0.5, overage_rate: 85, billing_increment_minutes: 60 },
          open: { covers: ['bug', 'page'], billing_increment_minutes: 0 },
        },
        clients: [
          { name: 'capped', plan: 'capped', count: 2, heterogeneity: 0.4 },
          { name: 'hourly', plan: 'hourly_ish', count: 1, heterogeneity: 0.3 },
          { name: 'open', plan: 'open', count: 2 },
        ],
      }),
    );
    compareWithNaive(scenario, 'increments');
  });

  it('rollover: unused included hours banked for k months, oldest first, within a cap (and with billing increments)', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: {
          edit: { ...lognormalEdit, seasonality: season },
          bug: { category: 'corrective', frequency: { per_month: 0.4, dispersion: 0.6 }, effort: { dist: 'lognormal', median: 1.5, sigma: 0.9 } },
        },
        plans: {
          banked: { covers: ['edit', 'bug'], included_hours: 2.5, overage_rate: 90, rollover: { months: 3 } },
          capped_bank: { covers: ['edit', 'bug'], included_hours: 2, overage_rate: 85, rollover: { months: 2, cap_hours: 1.5 }, billing_increment_minutes: 15 },
        },
        clients: [
          { name: 'banked', plan: 'banked', count: 2, heterogeneity: 0.5 },
          { name: 'capped bank', plan: 'capped_bank', count: 2, heterogeneity: 0.3 },
        ],
      }),
    );
    compareWithNaive(scenario, 'rollover');
  });

  it('shock events: one Binomial of hits per client and event month, hits placed in their month', () => {
    const scenario = scenarioOf(
      baseDocument({
        request_types: {
          edit: { ...lognormalEdit, frequency: { per_month: 0.5 } },
          patch: { category: 'preventive', frequency: { per_month: 0 }, effort: { dist: 'pert', min: 0.25, mode: 0.75, max: 3 } },
        },
        shocks: [{ name: 'release', per_month: 0.4, request_type: 'patch', hit_probability: 0.9, plans: ['capped'] }],
        plans: { capped: { covers: ['edit', 'patch'], included_hours: 1, overage_rate: 85 }, open: { covers: ['edit'] } },
        clients: [
          { name: 'capped', plan: 'capped', count: 3 },
          { name: 'open', plan: 'open', count: 1 },
        ],
      }),
    );
    compareWithNaive(scenario, 'shocks');
  });
});
