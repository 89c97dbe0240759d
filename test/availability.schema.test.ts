import { describe, expect, it } from 'vitest';
import { availabilitySchema } from '../src/scenario/uptime/schema.js';
import type { ComponentSpec, GroupSpec } from '../src/scenario/uptime/spec.js';
import { INTERFACE_AVAILABILITY } from './helpers/availabilityFixtures.js';

const INTERFACE_EXAMPLE = INTERFACE_AVAILABILITY;

/** A zod issue path as the scenario loader prints it: chain[0].outages.per_month. */
function keyPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

/** Every problem of a refused block as "path: message". */
function problems(input: unknown): string[] {
  const parsed = availabilitySchema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => `${keyPath(issue.path)}: ${issue.message}`);
}

describe('availability block: accepted', () => {
  it("reads docs/interface.md's example with its defaults", () => {
    const spec = availabilitySchema.parse(INTERFACE_EXAMPLE);
    expect(spec.promised).toBe(0.995);
    expect(spec.chain).toMatchObject({ kind: 'series', name: 'chain', k: 3 });
    const [hosting, , app] = spec.chain.members as ComponentSpec[];
    expect(hosting).toMatchObject({
      name: 'hosting',
      source: { given: 'availability', availability: 0.99, meanOutageHours: 4 },
      monthlyCost: 0,
      credits: [],
    });
    expect(app.source.given).toBe('outages');
    if (app.source.given === 'outages') {
      expect(app.source.perMonth).toBe(0.5);
      expect(app.source.duration.distribution.mean).toBeCloseTo(Math.exp(0.5), 12); // lognormal mean e^(σ²/2) for median 1
      expect(app.source.duration.atoms).toBeNull();
    }
    expect(spec.credits).toEqual(INTERFACE_EXAMPLE.credits);
    expect(spec.risk).toBe(0.05);
    expect(spec.maxCreditShare).toBe(0.02);
  });

  it('reads nested groups, supplier costs and credits, options and x_ notes', () => {
    const spec = availabilitySchema.parse({
      promised: 0.999,
      mean_outage_hours: 2,
      risk: 0.1,
      max_credit_share: 0.01,
      x_note: 'free text',
      chain: [
        {
          name: 'hosting',
          availability: 0.999,
          mean_outage_hours: 6,
          monthly_cost: 12,
          credits: [{ below: 0.999, credit: 0.1 }],
          x_contract: 'SLA v3',
        },
        { name: 'dns', parallel: [{ availability: 0.99 }, { outages: { per_month: 1, duration_hours: 0.5 } }] },
        { k_of_n: { k: 2, of: [{ availability: 0.95 }, { series: [{ availability: 0.99 }, { availability: 0.98 }] }, { availability: 0.9 }] } },
      ],
    });
    expect(spec.risk).toBe(0.1);
    expect(spec.maxCreditShare).toBe(0.01);
    const [hosting, dns, servers] = spec.chain.members;
    expect(hosting).toMatchObject({ monthlyCost: 12, credits: [{ below: 0.999, credit: 0.1 }], source: { meanOutageHours: 6 } });
    expect(dns).toMatchObject({ kind: 'parallel', name: 'dns', k: 1 });
    const [first, second] = (dns as GroupSpec).members as ComponentSpec[];
    expect(first).toMatchObject({ name: 'chain[1].parallel[0]', source: { meanOutageHours: 2 } }); // the block's default
    expect(second.source).toMatchObject({ given: 'outages', perMonth: 1, duration: { atoms: [0.5] } });
    expect(servers).toMatchObject({ kind: 'k_of_n', name: 'chain[2]', k: 2 });
    expect((servers as GroupSpec).members[1]).toMatchObject({ kind: 'series', k: 2, name: 'chain[2].k_of_n.of[1]' });
  });

  it('keeps empirical durations sorted as atoms', () => {
    const spec = availabilitySchema.parse({
      promised: 0.99,
      chain: [{ outages: { per_month: 1, duration_hours: { dist: 'empirical', values: [3, 1, 2] } } }],
    });
    const [component] = spec.chain.members as ComponentSpec[];
    expect(component.source).toMatchObject({ duration: { atoms: [1, 2, 3] } });
  });
});

describe('availability block: refused, with the key path', () => {
  const chainOf = (member: unknown) => ({ promised: 0.99, chain: [member] });
  it.each([
    ['availability 1.5', chainOf({ name: 'hosting', availability: 1.5 }), 'chain[0].availability', 'in [0, 1]'],
    ['availability NaN', chainOf({ availability: Number.NaN }), 'chain[0].availability', 'NaN'],
    ['availability as text', chainOf({ availability: '99%' }), 'chain[0].availability', '"99%"'],
    ['negative rate', chainOf({ outages: { per_month: -1, duration_hours: 2 } }), 'chain[0].outages.per_month', '≥ 0'],
    ['rate beyond what a run can draw', chainOf({ outages: { per_month: 1e6, duration_hours: 2 } }), 'chain[0].outages.per_month', 'at most 10,000'],
    ['availability needing too many outages', chainOf({ availability: 0.001, mean_outage_hours: 0.01 }), 'chain[0].availability', 'raise mean_outage_hours'],
    ['infinite rate', chainOf({ outages: { per_month: Number.POSITIVE_INFINITY, duration_hours: 2 } }), 'chain[0].outages.per_month', 'Infinity'],
    ['negative duration', chainOf({ outages: { per_month: 1, duration_hours: -2 } }), 'chain[0].outages.duration_hours', 'from 0 to 10,000 (got -2)'],
    ['bad duration family', chainOf({ outages: { per_month: 1, duration_hours: { dist: 'weibull' } } }), 'chain[0].outages.duration_hours.dist', 'lognormal'],
    ['unknown key', chainOf({ name: 'hosting', availabilty: 0.99 }), 'chain[0]', 'unknown key "availabilty"'],
    ['unknown key in outages', chainOf({ outages: { per_month: 1, duration: 2 } }), 'chain[0].outages', 'unknown key "duration"'],
    ['k > n', chainOf({ k_of_n: { k: 3, of: [{ availability: 0.9 }, { availability: 0.9 }] } }), 'chain[0].k_of_n.k', 'at most'],
    ['k = 0', chainOf({ k_of_n: { k: 0, of: [{ availability: 0.9 }] } }), 'chain[0].k_of_n.k', 'whole number'],
    ['credit 2', { promised: 0.99, chain: [{ availability: 0.99 }], credits: [{ below: 0.99, credit: 2 }] }, 'credits[0].credit', 'in [0, 1]'],
    ['below 0', { promised: 0.99, chain: [{ availability: 0.99 }], credits: [{ below: 0, credit: 0.1 }] }, 'credits[0].below', 'in (0, 1]'],
    ['supplier credit 2', chainOf({ availability: 0.99, credits: [{ below: 0.99, credit: 2 }] }), 'chain[0].credits[0].credit', 'in [0, 1]'],
    ['negative monthly cost', chainOf({ availability: 0.99, monthly_cost: -5 }), 'chain[0].monthly_cost', 'from 0 to 1,000,000 (got -5)'],
    ['neither availability nor outages', chainOf({ name: 'hosting' }), 'chain[0]', 'must give availability'],
    ['both availability and outages', chainOf({ availability: 0.9, outages: { per_month: 1, duration_hours: 1 } }), 'chain[0].outages', 'not both'],
    [
      'mean_outage_hours with outages',
      chainOf({ outages: { per_month: 1, duration_hours: 1 }, mean_outage_hours: 3 }),
      'chain[0].mean_outage_hours',
      'applies only',
    ],
    ['mean_outage_hours 0', chainOf({ availability: 0.9, mean_outage_hours: 0 }), 'chain[0].mean_outage_hours', '> 0'],
    [
      'deeply nested error',
      chainOf({ parallel: [{ availability: 0.9 }, { series: [{ availability: 2 }] }] }),
      'chain[0].parallel[1].series[0].availability',
      'in [0, 1]',
    ],
    ['empty parallel group', chainOf({ parallel: [] }), 'chain[0].parallel', 'at least one'],
    ['member not a mapping', chainOf(0.99), 'chain[0]', 'must be a component'],
    ['promised 1.2', { promised: 1.2, chain: [{ availability: 0.99 }] }, 'promised', 'in (0, 1]'],
    // Without promised the block is the chain of plans with their own uptime (checked with the plans: test/model-plan-uptime.test.ts).
    ['credits without promised', { chain: [{ availability: 0.99 }], credits: [{ below: 0.99, credit: 0.1 }] }, 'credits', 'needs promised'],
    ['empty chain', { promised: 0.99, chain: [] }, 'chain', 'at least one'],
    ['chain not a list', { promised: 0.99, chain: { availability: 0.99 } }, 'chain', 'must be a list'],
    ['risk 1', { promised: 0.99, chain: [{ availability: 0.99 }], risk: 1 }, 'risk', 'in (0, 1)'],
    ['unknown block key', { promised: 0.99, chain: [{ availability: 0.99 }], promise: 0.99 }, '', 'unknown key "promise"'],
  ])('%s', (_label, input, path, fragment) => {
    const found = problems(input);
    expect(found.length).toBeGreaterThan(0);
    expect(
      found.some((problem) => problem.startsWith(`${path}: `) && problem.includes(fragment)),
      found.join('\n'),
    ).toBe(true);
  });
});
