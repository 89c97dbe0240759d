import { describe, expect, it } from 'vitest';
import { fairfee, tempDir, writeScenario } from './helpers/cli.js';
import { baseDocument } from './helpers/scenario.js';

/* `fairfee forms` (docs/interface.md, "forms"): the bundled mixed scenario end to end, and bad forms refused by key path. */

const QUICK = ['--trials', '1000', '--seed', '3', '--quiet'];

const FORM_FIELDS = [
  'form',
  'kind',
  'breakeven_price',
  'breakeven_price_interval',
  'fair_price',
  'evaluated_at',
  'client_monthly_payment',
  'client_premium_per_month',
  'client_overpay_probability',
  'breakage_hours',
  'deferred_hours',
  'agency_loss_probability',
  'agency_expected_profit_per_client_month',
  'recurring_share',
  'revenue_cv_monthly',
];

describe('fairfee forms', () => {
  it('answers which form for whom on the bundled mixed scenario: text, JSON with every documented field, CSV', async () => {
    const text = await fairfee(['forms', 'scenarios/mixed-forms.yaml', ...QUICK]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Which form for whom');
    expect(text.stdout.match(/^Advice: /gm)).toHaveLength(4);

    const json = await fairfee(['forms', 'scenarios/mixed-forms.yaml', ...QUICK, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout);
    for (const key of ['scenario', 'trials', 'seed', 'term_months', 'clients', 'segments']) expect(document).toHaveProperty(key);
    expect(document.segments).toHaveLength(4);
    for (const segment of document.segments) {
      expect(Object.keys(segment)).toEqual(expect.arrayContaining(['segment', 'clients', 'forms', 'recommendation']));
      expect(segment.forms).toHaveLength(5);
      for (const form of segment.forms) for (const key of FORM_FIELDS) expect(form, key).toHaveProperty(key);
      expect(segment.forms.map((f: { form: string }) => f.form)).toContain(segment.recommendation.form);
      expect(typeof segment.recommendation.why).toBe('string');
      expect(new Set(segment.forms.map((f: { kind: string }) => f.kind))).toEqual(new Set(['flat', 'bundle', 'hourly', 'per_request']));
    }

    const csv = await fairfee(['forms', 'scenarios/mixed-forms.yaml', ...QUICK, '--csv', '-', '--csv-dialect', 'excel-nl']);
    expect(csv.status, csv.stderr).toBe(0);
    const lines = csv.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0].split(';').slice(0, 3)).toEqual(['segment', 'clients', 'form']);
    expect(lines).toHaveLength(1 + 4 * 5);
  });

  it('defaults without forms: the own plan, hourly, flat unlimited and a bundle of the expected yearly hours', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'plain.json', baseDocument({ plans: { basic: { covers: ['edit'], included_hours: 1 } } }));
    const json = await fairfee(['forms', file, ...QUICK, '--json']);
    expect(json.status, json.stderr).toBe(0);
    const forms = JSON.parse(json.stdout).segments[0].forms.map((f: { form: string }) => f.form);
    // 1 request of 1 h a month: 12 h a year, a bundle of 15 hours.
    expect(forms).toEqual(['basic', 'hourly', 'flat, unlimited hours', 'bundle of 15 hours']);
  });

  it.each([
    ['a bundle of 0 hours', { form: 'bundle', covers: ['edit'], bundle: { hours: 0 } }, 'forms.card.bundle.hours'],
    ['validity 0', { form: 'bundle', covers: ['edit'], bundle: { hours: 10, valid_months: 0 } }, 'forms.card.bundle.valid_months'],
    ['an unknown when_used_up', { form: 'bundle', covers: ['edit'], bundle: { hours: 10, when_used_up: 'refund' } }, 'forms.card.bundle.when_used_up'],
    ['a per_request price for an uncovered type', { form: 'per_request', covers: ['edit'], prices: { edit: 40, bug: 20 } }, 'forms.card.prices.bug'],
    ['a bundle without its terms', { form: 'bundle', covers: ['edit'] }, 'forms.card.bundle'],
    ['a flat key on an hourly form', { form: 'hourly', monthly_fee: 90 }, 'forms.card.monthly_fee'],
  ])('refuses %s with exit 2, naming the key path', async (_name, card, path) => {
    const dir = tempDir();
    const document = baseDocument({
      request_types: {
        edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1 },
        bug: { category: 'corrective', frequency: { per_month: 0.2 }, effort: 2 },
      },
      forms: { card },
    });
    const file = writeScenario(dir, 'bad.json', document);
    const result = await fairfee(['forms', file, ...QUICK]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(path);
    expect(result.stdout).toBe('');
  });

  it('an empty forms: is refused (leave it out for the defaults)', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'empty.json', baseDocument({ forms: {} }));
    const result = await fairfee(['forms', file, ...QUICK]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('forms: must define at least one candidate form');
  });

  it('the same bad keys under plans are refused by run too', async () => {
    const dir = tempDir();
    const file = writeScenario(dir, 'bad.json', baseDocument({ plans: { basic: { form: 'bundle', covers: ['edit'], bundle: { hours: -1 } } } }));
    const result = await fairfee(['run', file, ...QUICK]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('plans.basic.bundle.hours');
  });
});
