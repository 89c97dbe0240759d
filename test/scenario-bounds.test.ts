import { describe, expect, it } from 'vitest';
import { parseScenario } from '../src/scenario/load.js';
import { InputError } from '../src/scenario/scenarioError.js';
import { baseDocument } from './helpers/scenario.js';

/** The problems a document is refused with, as `path: message` lines; [] when it validates. */
function problemsOf(document: Record<string, unknown>): string[] {
  try {
    parseScenario(JSON.stringify(document), 'bounds.json');
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const doc = baseDocument;
const edit = (type: Record<string, unknown>) => doc({ request_types: { edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1, ...type } } });
const plan = (settings: Record<string, unknown>) => doc({ plans: { basic: { covers: ['edit'], ...settings } } });
const client = (settings: Record<string, unknown>) => doc({ clients: [{ plan: 'basic', ...settings }] });
const shock = (settings: Record<string, unknown>) => doc({ shocks: [{ per_month: 1, request_type: 'edit', hit_probability: 0.5, ...settings }] });
const effort = (spec: unknown) => edit({ effort: spec });
const chain = (members: unknown[]) => doc({ availability: { promised: 0.99, chain: members } });
const components = (n: number) => Array.from({ length: n }, () => ({ availability: 0.999 }));

const MONEY = 'must be a number from 0 to 1,000,000';
const HOURS = 'must be a number from 0 to 10,000';

describe('each bound: just inside passes, just outside is refused with the range', () => {
  it.each([
    ['cost_per_hour', doc({ cost_per_hour: 1e6 }), doc({ cost_per_hour: 1e308 }), `cost_per_hour: ${MONEY} (got 1e+308)`],
    ['hourly_rate', doc({ hourly_rate: 1e6 }), doc({ hourly_rate: 1000001 }), `hourly_rate: ${MONEY} (got 1000001)`],
    ['monthly_fee', plan({ monthly_fee: 1e6 }), plan({ monthly_fee: 2e6 }), `plans.basic.monthly_fee: ${MONEY} (got 2000000)`],
    ['overage_rate', plan({ overage_rate: 1e6 }), plan({ overage_rate: 2e6 }), `plans.basic.overage_rate: ${MONEY} (got 2000000)`],
    ['fixed_monthly_cost', plan({ fixed_monthly_cost: 1e6 }), plan({ fixed_monthly_cost: 1e7 }), `plans.basic.fixed_monthly_cost: ${MONEY} (got 10000000)`],
    [
      'fixed_monthly_revenue',
      plan({ fixed_monthly_revenue: 1e6 }),
      plan({ fixed_monthly_revenue: 1e7 }),
      `plans.basic.fixed_monthly_revenue: ${MONEY} (got 10000000)`,
    ],
    ['included_hours', plan({ included_hours: 1e4 }), plan({ included_hours: 10001 }), `plans.basic.included_hours: ${HOURS} (got 10001)`],
    ['a bare effort', effort(1e4), effort(10001), `request_types.edit.effort: ${HOURS} (got 10001)`],
    ['a fixed effort', effort({ dist: 'fixed', value: 1e4 }), effort({ dist: 'fixed', value: 1e5 }), `request_types.edit.effort.value: ${HOURS} (got 100000)`],
    [
      'a triangular max',
      effort({ dist: 'triangular', min: 0, mode: 1, max: 1e4 }),
      effort({ dist: 'triangular', min: 0, mode: 1, max: 2e4 }),
      `request_types.edit.effort.max: ${HOURS} (got 20000)`,
    ],
    [
      'a uniform max',
      effort({ dist: 'uniform', min: 0, max: 1e4 }),
      effort({ dist: 'uniform', min: 0, max: 1e9 }),
      `request_types.edit.effort.max: ${HOURS} (got 1000000000)`,
    ],
    [
      'an empirical value',
      effort({ dist: 'empirical', values: [1, 1e4] }),
      effort({ dist: 'empirical', values: [1, 1e5] }),
      `request_types.edit.effort.values[1]: ${HOURS} (got 100000)`,
    ],
    [
      'a lognormal median',
      effort({ dist: 'lognormal', median: 1e4, sigma: 0.1 }),
      effort({ dist: 'lognormal', median: 2e4, sigma: 0.1 }),
      'request_types.edit.effort.median: must be a number > 0 and at most 10,000 (got 20000)',
    ],
    [
      'an overrun factor',
      edit({ overrun: { probability: 0.1, factor: 1e4 } }),
      edit({ overrun: { probability: 0.1, factor: 1e5 } }),
      `request_types.edit.overrun.factor: ${HOURS} (got 100000)`,
    ],
    [
      'per_month of a request type',
      edit({ frequency: { per_month: 1e4 } }),
      edit({ frequency: { per_month: 10001 } }),
      'request_types.edit.frequency.per_month: must be a number from 0 to 10,000 (got 10001)',
    ],
    [
      'per_month of an override',
      client({ overrides: { edit: { frequency: { per_month: 1e4 } } } }),
      client({ overrides: { edit: { frequency: { per_month: 1e5 } } } }),
      'clients[0].overrides.edit.frequency.per_month: must be a number from 0 to 10,000 (got 100000)',
    ],
    ['a shock per_month', shock({ per_month: 1000 }), shock({ per_month: 1e6 }), 'shocks[0].per_month: must be a number from 0 to 1,000 (got 1000000)'],
    [
      'common_factor.cv',
      doc({ common_factor: { cv: 10 } }),
      doc({ common_factor: { cv: 1e6 } }),
      'common_factor.cv: must be a number from 0 to 10 (got 1000000)',
    ],
    ['heterogeneity', client({ heterogeneity: 10 }), client({ heterogeneity: 10.5 }), 'clients[0].heterogeneity: must be a number from 0 to 10 (got 10.5)'],
    [
      'dispersion',
      edit({ frequency: { per_month: 1, dispersion: 1e-3 } }),
      edit({ frequency: { per_month: 1, dispersion: 1e-4 } }),
      'request_types.edit.frequency.dispersion: must be a number ≥ 0.001 (got 0.0001)',
    ],
    [
      "an override's dispersion",
      client({ overrides: { edit: { frequency: { dispersion: 1e-3 } } } }),
      client({ overrides: { edit: { frequency: { dispersion: 0 } } } }),
      'clients[0].overrides.edit.frequency.dispersion: must be a number ≥ 0.001 (got 0)',
    ],
    [
      'lognormal sigma',
      effort({ dist: 'lognormal', median: 1, sigma: 5 }),
      effort({ dist: 'lognormal', median: 1, sigma: 5.01 }),
      'request_types.edit.effort.sigma: must be a number from 0 to 5 (got 5.01)',
    ],
    [
      'lognormal median + p90',
      effort({ dist: 'lognormal', median: 1, p90: 600 }),
      effort({ dist: 'lognormal', median: 1, p90: 700 }),
      "request_types.edit.effort.p90: gives sigma 5.11; a lognormal's sigma must be at most 5 (got p90 700)",
    ],
    [
      'lognormal mean + sd',
      effort({ dist: 'lognormal', mean: 1, sd: 2e5 }),
      effort({ dist: 'lognormal', mean: 1, sd: 3e5 }),
      "request_types.edit.effort.sd: gives sigma 5.02; a lognormal's sigma must be at most 5 (got sd 300000)",
    ],
    [
      'gamma sd too small',
      effort({ dist: 'gamma', mean: 2, sd: 0.002 }),
      effort({ dist: 'gamma', mean: 2, sd: 1e-12 }),
      'request_types.edit.effort.sd: must be from 0.001 to 10 times the mean, 0.002 to 20, where gamma sampling stays exact (got 1e-12)',
    ],
    [
      'gamma sd too large',
      effort({ dist: 'gamma', mean: 2, sd: 20 }),
      effort({ dist: 'gamma', mean: 2, sd: 21 }),
      'request_types.edit.effort.sd: must be from 0.001 to 10 times the mean, 0.002 to 20, where gamma sampling stays exact (got 21)',
    ],
    [
      'k_of_n members',
      chain([{ k_of_n: { k: 2, of: components(64) } }]),
      chain([{ k_of_n: { k: 2, of: components(65) } }]),
      'availability.chain[0].k_of_n.of: may list at most 64 members: the exact model of a k_of_n group sums over their up/down states',
    ],
    [
      'k of k_of_n',
      chain([{ k_of_n: { k: 64, of: components(64) } }]),
      chain([{ k_of_n: { k: 65, of: components(64) } }]),
      'availability.chain[0].k_of_n.k: must be a whole number from 1 to 64 (got 65)',
    ],
    [
      'components in a chain',
      chain([...components(192), { parallel: components(64) }]),
      chain([...components(192), { parallel: components(65) }]),
      "availability.chain: holds 257 components in all, groups' members included; at most 256 can be modelled",
    ],
    [
      'a component monthly_cost',
      chain([{ availability: 0.99, monthly_cost: 1e6 }]),
      chain([{ availability: 0.99, monthly_cost: 1e9 }]),
      `availability.chain[0].monthly_cost: ${MONEY} (got 1000000000)`,
    ],
    [
      'an outage duration',
      chain([{ outages: { per_month: 0.1, duration_hours: 1e4 } }]),
      chain([{ outages: { per_month: 0.1, duration_hours: 1e5 } }]),
      `availability.chain[0].outages.duration_hours: ${HOURS} (got 100000)`,
    ],
    ['term_months', doc({ term_months: 600 }), doc({ term_months: 601 }), 'term_months: must be a whole number from 1 to 600 (got 601)'],
    ['trials', doc({ trials: 1e7 }), doc({ trials: 1e7 + 1 }), 'trials: must be a whole number from 1 to 10,000,000 (got 10000001)'],
  ])('%s', (_name, inside, outside, expected) => {
    expect(problemsOf(inside)).toEqual([]);
    expect(problemsOf(outside)).toEqual([expected]);
  });
});

describe('the requests-per-client-month cap counts shared shocks', () => {
  const shocks = (n: number) => Array.from({ length: n }, () => ({ per_month: 1000, request_type: 'edit', hit_probability: 1 }));
  it('a type at 5,000 a month with five shocks of 1,000 events is at the cap', () => {
    expect(problemsOf(doc({ request_types: { edit: { category: 'support', frequency: { per_month: 5000 }, effort: 1 } }, shocks: shocks(5) }))).toEqual([]);
  });
  it('one more shock is refused at the client', () => {
    expect(problemsOf(doc({ request_types: { edit: { category: 'support', frequency: { per_month: 5000 }, effort: 1 } }, shocks: shocks(6) }))).toEqual([
      'clients[0]: "edit" comes 11,000 times a month at its peak for this client, shared shocks included; at most 10,000 requests per client-month can be simulated',
    ]);
  });
  it('shocks on other plans do not count', () => {
    const document = doc({
      request_types: { edit: { category: 'support', frequency: { per_month: 5000 }, effort: 1 } },
      plans: { basic: { covers: ['edit'] }, other: { covers: ['edit'] } },
      shocks: shocks(6).map((s) => ({ ...s, plans: ['other'] })),
    });
    expect(problemsOf(document)).toEqual([]);
  });
});
