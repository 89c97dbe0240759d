import { describe, expect, it } from 'vitest';
import { guessCategory } from '../src/analysis/calibrate/categoryGuess.js';
import { chiSquaredUpperTail } from '../src/analysis/calibrate/chiSquared.js';
import { dispersionTest } from '../src/analysis/calibrate/dispersionTest.js';
import { fitEffort } from '../src/analysis/calibrate/effortFit.js';
import { fitHistory, fitOptionProblems } from '../src/analysis/calibrate/fitHistory.js';
import type { History, Ticket } from '../src/scenario/history/history.js';
import { scenarioYaml, type ScenarioSettings } from '../src/report/scenarioYaml.js';
import { lognormal } from '../src/random/lognormal.js';
import { negativeBinomial, poisson } from '../src/random/poisson.js';
import { createRng } from '../src/random/rng.js';
import { parseScenario } from '../src/scenario/load.js';
import { within4Se } from './helpers/stats.js';

/** A history drawn from the model itself: per client and month a Poisson or negative binomial count of tickets, lognormal hours. */
function syntheticHistory(options: {
  clients: number;
  months: number;
  perMonth: number;
  dispersion?: number;
  median: number;
  sigma: number;
  seed: string;
  type?: string;
}): History {
  const rng = createRng(options.seed);
  const effort = lognormal({ median: options.median, sigma: options.sigma });
  const tickets: Ticket[] = [];
  for (let client = 0; client < options.clients; client++) {
    for (let month = 0; month < options.months; month++) {
      const count = options.dispersion === undefined ? poisson(rng, options.perMonth) : negativeBinomial(rng, options.perMonth, options.dispersion);
      const monthIndex = 2024 * 12 + month;
      const date = `${Math.floor(monthIndex / 12)}-${String((monthIndex % 12) + 1).padStart(2, '0')}-15`;
      for (let i = 0; i < count; i++) {
        tickets.push({ line: tickets.length + 2, date, monthIndex, client: `client ${client}`, type: options.type ?? 'Text edit', hours: effort.sample(rng) });
      }
    }
  }
  return { file: 'synthetic.csv', tickets, hasPlans: false, delimiter: ',' };
}

/** A ticket for hand-made histories. */
const ticket = (date: string, client: string, type: string, hours: number, plan?: string): Ticket => {
  const [year, month] = date.split('-').map(Number);
  return { line: 0, date, monthIndex: year * 12 + month - 1, client, type, hours, ...(plan ? { plan } : {}) };
};
const historyOf = (tickets: Ticket[]): History => ({ file: 'h.csv', tickets, hasPlans: tickets.some((t) => t.plan !== undefined), delimiter: ',' });

const SETTINGS: ScenarioSettings = {
  name: 'test',
  currency: 'EUR',
  costPerHour: 55,
  hourlyRate: 85,
  costPerHourIsDefault: true,
  hourlyRateIsDefault: true,
  seed: 1,
  trials: 20000,
};

describe('fitting a history drawn from known parameters', () => {
  // 40 clients × 12 months, λ = 0.7 per client-month, hours lognormal(median 0.5 h, sigma 0.8).
  const poissonHistory = syntheticHistory({ clients: 40, months: 12, perMonth: 0.7, median: 0.5, sigma: 0.8, seed: 'calibrate-poisson' });
  const poissonFit = fitHistory(poissonHistory).requestTypes[0];

  it('recovers λ within 4 standard errors, SE = √(λ/(clients·months)) for Poisson counts', () => {
    expect(poissonFit.perMonth).toBeGreaterThan(0);
    expect(within4Se(poissonFit.perMonth, 0.7, Math.sqrt(0.7 / (40 * 12)))).toBe(true);
    // The reported SE is the same formula at the estimate.
    expect(poissonFit.perMonthSe).toBeCloseTo(Math.sqrt(poissonFit.perMonth / 480), 12);
  });

  it('recovers the lognormal median and sigma within 4 standard errors (mean log: σ/√n; sd: σ/√(2n))', () => {
    const effort = poissonFit.effort;
    expect(effort.dist).toBe('lognormal');
    if (effort.dist !== 'lognormal') return;
    const n = effort.n;
    expect(n).toBe(poissonFit.requests);
    expect(within4Se(Math.log(effort.median), Math.log(0.5), 0.8 / Math.sqrt(n))).toBe(true);
    expect(within4Se(effort.sigma, 0.8, 0.8 / Math.sqrt(2 * n))).toBe(true);
    // p90 = median · exp(z₀.₉ σ), z₀.₉ = qnorm(0.9) = 1.2815515655446004.
    expect(effort.p90).toBeCloseTo(effort.median * Math.exp(1.2815515655446004 * effort.sigma), 12);
  });

  it('finds no overdispersion in Poisson counts (index-of-dispersion test at 1%)', () => {
    expect(poissonFit.dispersion.k).toBeUndefined();
    expect(poissonFit.dispersion.pValue).toBeGreaterThanOrEqual(0.01);
    expect(poissonFit.dispersion.degreesOfFreedom).toBe(40 * 12 - 1);
  });

  it('detects negative binomial counts and recovers k and λ', () => {
    // 200 clients × 12 months, λ = 0.7, k = 0.5: variance 0.7 + 0.49/0.5 = 1.68, 2.4 × Poisson.
    const fit = fitHistory(syntheticHistory({ clients: 200, months: 12, perMonth: 0.7, dispersion: 0.5, median: 1, sigma: 0.5, seed: 'calibrate-nb' }))
      .requestTypes[0];
    expect(fit.dispersion.pValue).toBeLessThan(0.01);
    expect(fit.dispersion.k).toBeDefined();
    // SE of the moment estimator k = m²/(v − m) for 2400 such cells: 0.043, the sd of 4000
    // replicates (numpy: x = rng.poisson(0.7 * rng.gamma(0.5, 2, 2400)); m*m/(x.var(ddof=1) - m)).
    expect(within4Se(fit.dispersion.k!, 0.5, 0.043)).toBe(true);
    // λ's SE with the negative binomial variance λ + λ²/k.
    expect(within4Se(fit.perMonth, 0.7, Math.sqrt((0.7 + 0.49 / 0.5) / 2400))).toBe(true);
    expect(fit.perMonthSe).toBeCloseTo(Math.sqrt((fit.perMonth + fit.perMonth ** 2 / fit.dispersion.k!) / 2400), 12);
  });

  it('writes a scenario that parses, with the fitted numbers in it', () => {
    const fit = fitHistory(poissonHistory);
    const scenario = parseScenario(scenarioYaml(fit, SETTINGS), 'out.yaml');
    expect(scenario.requestTypes.map((t) => t.name)).toEqual(['text_edit']);
    const type = scenario.requestTypes[0];
    expect(type.frequency.perMonth).toBeCloseTo(poissonFit.perMonth, 3);
    expect(type.frequency.dispersion).toBeUndefined();
    expect(type.effort.kind).toBe('lognormal');
    expect(scenario.plans.map((p) => [p.name, p.covers, p.includedHours, p.monthlyFee])).toEqual([['standard', ['text_edit'], Infinity, undefined]]);
    expect(scenario.clients.map((c) => [c.plan, c.count, c.usage])).toEqual([['standard', 40, 1]]);
    expect([scenario.trials, scenario.seed, scenario.currency, scenario.costPerHour, scenario.hourlyRate]).toEqual([20000, '1', 'EUR', 55, 85]);
  });
});

describe('dispersionTest', () => {
  it('is the textbook index of dispersion for one group: D = (n − 1)·v/m, k = m²/(v − m)', () => {
    // Counts 0 ×6, 1, 2, 5, 8 over 10 cells: mean 1.6, sample variance 7.6 (by hand: Σx² = 94, (94 − 10·1.6²)/9).
    const fit = dispersionTest([{ cells: 10, nonZeroCounts: [1, 2, 5, 8], expected: 1.6 }]);
    expect(fit.mean).toBeCloseTo(1.6, 12);
    expect(fit.variance).toBeCloseTo(7.6, 12);
    expect(fit.statistic).toBeCloseTo((9 * 7.6) / 1.6, 12);
    expect(fit.degreesOfFreedom).toBe(9);
    // scipy.stats.chi2.sf(42.75, 9) = 2.3e-6
    expect(fit.pValue).toBeCloseTo(2.3e-6, 6);
    expect(fit.k).toBeCloseTo((1.6 * 1.6) / (7.6 - 1.6), 12);
  });

  it('calls no counts, one cell, or underdispersed counts Poisson', () => {
    expect(dispersionTest([{ cells: 10, nonZeroCounts: [], expected: 0 }]).k).toBeUndefined();
    expect(dispersionTest([{ cells: 1, nonZeroCounts: [7], expected: 7 }])).toMatchObject({ degreesOfFreedom: 0, pValue: 1 });
    // Every cell holds exactly 1: variance 0 < mean.
    expect(dispersionTest([{ cells: 50, nonZeroCounts: Array(50).fill(1), expected: 1 }]).k).toBeUndefined();
  });

  it("measures counts against each group's own mean, so plans that differ are not called bursty", () => {
    // Plan a: 20 cells all 1; plan b: 20 cells all 7. Around the one mean 4 the variance is
    // 9·40/39 = 9.23 > 4, overdispersed; around each plan's own mean there is no spread at all.
    const a = { cells: 20, nonZeroCounts: Array(20).fill(1) };
    const b = { cells: 20, nonZeroCounts: Array(20).fill(7) };
    expect(dispersionTest([{ cells: 40, nonZeroCounts: [...a.nonZeroCounts, ...b.nonZeroCounts], expected: 4 }]).k).toBeDefined();
    const grouped = dispersionTest([
      { ...a, expected: 1 },
      { ...b, expected: 7 },
    ]);
    expect(grouped.statistic).toBe(0);
    expect(grouped.degreesOfFreedom).toBe(38);
    expect(grouped.k).toBeUndefined();
  });
});

describe('chiSquaredUpperTail', () => {
  it.each([
    // [statistic, df, scipy.stats.chi2.sf(statistic, df)]
    [23.209, 10, 0.01000086581474075],
    [135.807, 100, 0.009999573729248801],
    [253, 239, 0.25507469662546456],
    [300, 239, 0.004491745320682878],
    [1100, 1000, 0.014614408126295192],
    [2600, 2400, 0.00240262757689639],
    [2500, 2400, 0.07587291154280836],
  ])('χ² = %s on %s df: p = %s', (statistic, df, expected) => {
    // Exact up to 2000 df; Wilson–Hilferty beyond, good to 1e-4 in p there.
    expect(Math.abs(chiSquaredUpperTail(statistic, df) - expected)).toBeLessThan(df <= 2000 ? 1e-9 : 1e-4);
  });
});

describe('fitEffort', () => {
  it('resamples the observed hours below 10 observations, and says `fixed` when all are alike or none', () => {
    expect(fitEffort([0.5, 1, 2])).toMatchObject({ dist: 'empirical', n: 3, values: [0.5, 1, 2], median: 1 });
    expect(fitEffort(Array(12).fill(0.25))).toEqual({ dist: 'fixed', n: 12, value: 0.25 });
    expect(fitEffort([])).toEqual({ dist: 'fixed', n: 0, value: 0 });
  });

  it('fits a lognormal from 10 observations on: median = geometric mean, sigma = sd of logs (n − 1)', () => {
    const hours = [0.25, 0.5, 0.5, 0.75, 1, 1, 1.5, 2, 3, 4];
    const logs = hours.map(Math.log);
    const mean = logs.reduce((s, v) => s + v, 0) / 10;
    const sd = Math.sqrt(logs.reduce((s, v) => s + (v - mean) ** 2, 0) / 9);
    expect(fitEffort(hours).dist).toBe('lognormal');
    const fit = fitEffort(hours) as { median: number; sigma: number; medianSe: number; sigmaSe: number; observedP90: number };
    // R: quantile(c(0.25, 0.5, 0.5, 0.75, 1, 1, 1.5, 2, 3, 4), 0.9) = 3.1
    expect(fit.observedP90).toBeCloseTo(3.1, 12);
    expect(fit.median).toBeCloseTo(Math.exp(mean), 12);
    expect(fit.sigma).toBeCloseTo(sd, 12);
    expect(fit.medianSe).toBeCloseTo((Math.exp(mean) * sd) / Math.sqrt(10), 12);
    expect(fit.sigmaSe).toBeCloseTo(sd / Math.sqrt(18), 12);
  });
});

describe('fitHistory edge cases', () => {
  it('counts zero-hour tickets but leaves them out of λ and the effort', () => {
    const fit = fitHistory(historyOf([ticket('2024-01-10', 'a', 'bug', 2), ticket('2024-01-11', 'a', 'bug', 0), ticket('2024-02-01', 'b', 'bug', 1)]));
    const bug = fit.requestTypes[0];
    expect([bug.tickets, bug.zeroHourTickets, bug.requests]).toEqual([3, 1, 2]);
    // 2 requests / (2 clients × 2 months)
    expect(bug.perMonth).toBe(0.5);
    expect(bug.effort).toMatchObject({ dist: 'empirical', values: [2, 1] });
    expect(fit.zeroHourTickets).toBe(1);
  });

  it('keeps a type whose tickets all took 0 hours at rate 0, and the scenario still parses', () => {
    const fit = fitHistory(historyOf([ticket('2024-01-10', 'a', 'Edit', 1), ticket('2024-03-10', 'b', 'Spam', 0)]));
    const spam = fit.requestTypes.find((t) => t.name === 'spam')!;
    expect([spam.perMonth, spam.effort]).toEqual([0, { dist: 'fixed', n: 0, value: 0 }]);
    expect(() => parseScenario(scenarioYaml(fit, SETTINGS), 'out.yaml')).not.toThrow();
  });

  it('takes whole calendar months from the first date to the last, or --months', () => {
    const tickets = [ticket('2024-01-03', 'a', 'edit', 1), ticket('2024-12-28', 'b', 'edit', 1)];
    expect(fitHistory(historyOf(tickets)).window).toMatchObject({ spanMonths: 12, months: 12, firstDate: '2024-01-03', lastDate: '2024-12-28' });
    const longer = fitHistory(historyOf(tickets), { months: 24 });
    expect(longer.window.months).toBe(24);
    // 2 requests / (2 clients × 24 months)
    expect(longer.requestTypes[0].perMonth).toBeCloseTo(2 / 48, 12);
  });

  it('counts clients who asked nothing with --clients', () => {
    const fit = fitHistory(historyOf([ticket('2024-01-03', 'a', 'edit', 1), ticket('2024-01-05', 'A ', 'edit', 1)]), { clients: 4 });
    // "a" and "A " are one client (case and spacing do not matter): 2 requests / (4 clients × 1 month).
    expect([fit.clientsInHistory, fit.clients, fit.requestTypes[0].perMonth]).toEqual([1, 4, 0.5]);
  });

  it('merges spellings of one type, guesses categories and takes --category', () => {
    const fit = fitHistory(
      historyOf([ticket('2024-01-03', 'a', 'Bug fix', 1), ticket('2024-01-04', 'a', 'bug-fix', 1), ticket('2024-01-05', 'a', 'Security update', 1)]),
      { categories: { security_update: 'adaptive' } },
    );
    expect(fit.requestTypes.map((t) => [t.name, t.labels, t.category, t.categoryGuessed])).toEqual([
      ['bug_fix', ['Bug fix', 'bug-fix'], 'corrective', true],
      ['security_update', ['Security update'], 'adaptive', false],
    ]);
  });

  it('puts clients on their latest plan, with usage relative to all clients (client-weighted mean 1)', () => {
    const fit = fitHistory(
      historyOf([
        ticket('2024-01-03', 'a', 'edit', 1, 'Basic'),
        ticket('2024-02-03', 'a', 'edit', 1, 'Plus'),
        ticket('2024-01-04', 'b', 'edit', 1, 'Basic'),
        ticket('2024-01-05', 'c', 'edit', 1, 'Plus'),
        ticket('2024-02-05', 'c', 'edit', 1, 'Plus'),
        ticket('2024-02-06', 'c', 'edit', 1, 'Plus'),
      ]),
      { clients: 4 },
    );
    // a moved to Plus: plus = {a, c, and the --clients extra} with 5 requests, basic = {b} with 1; overall 6/4.
    expect(fit.plans.map((p) => [p.name, p.clients, p.clientsWithoutTickets, p.requests])).toEqual([
      ['plus', 3, 1, 5],
      ['basic', 1, 0, 1],
    ]);
    expect(fit.plans[0].usage).toBeCloseTo(5 / 3 / (6 / 4), 12);
    expect(fit.plans[1].usage).toBeCloseTo(1 / (6 / 4), 12);
    expect(fit.plans.reduce((s, p) => s + p.clients * p.usage, 0)).toBeCloseTo(4, 12);
    expect(fit.planChanges).toBe(1);
    const scenario = parseScenario(scenarioYaml(fit, SETTINGS), 'out.yaml');
    expect(scenario.clients.map((c) => [c.plan, c.count])).toEqual([
      ['plus', 3],
      ['basic', 1],
    ]);
  });

  it('reports options that contradict the history', () => {
    const history = historyOf([ticket('2024-01-03', 'a', 'edit', 1), ticket('2024-06-03', 'b', 'edit', 1)]);
    expect(fitOptionProblems(history, { clients: 1, months: 3, categories: { bugs: 'corrective' } })).toEqual([
      expect.stringMatching(/--clients 1 is fewer than the 2 clients/),
      expect.stringMatching(/--months 3 is shorter than the history: its dates run from 2024-01-03 to 2024-06-03 \(6 calendar months\)/),
      expect.stringMatching(/--category: no request type "bugs".*edit/),
    ]);
    expect(fitOptionProblems(history, { clients: 2, months: 5 })).toEqual([]);
  });
});

describe('guessCategory', () => {
  it.each([
    ['Bug fix', 'corrective'],
    ['hotfix', 'corrective'],
    ['Incident', 'corrective'],
    ['Security update', 'preventive'],
    ['Security patch', 'preventive'],
    ['Plugin update', 'adaptive'],
    ['PHP upgrade', 'adaptive'],
    ['Support call', 'support'],
    ['Question', 'support'],
    ['Text edit', 'perfective'],
    ['New page', 'perfective'],
  ])('%s → %s', (name, category) => {
    expect(guessCategory(name)).toBe(category);
  });
});
