import { describe, expect, it } from 'vitest';
import { billedHours, typeMatcher, windowActual } from '../src/analysis/backtest/actuals.js';
import { matchClients } from '../src/analysis/backtest/match.js';
import { kolmogorovTail, ksUniform, pitHistogram, randomizedPit } from '../src/analysis/backtest/pit.js';
import { verdictOf } from '../src/analysis/backtest/verdict.js';
import { historyWindows } from '../src/analysis/backtest/windows.js';
import type { Ticket } from '../src/scenario/history/history.js';
import { baseDocument, scenarioOf } from './helpers/scenario.js';

/* The backtest's parts, each against numbers known by hand or from a table. */

const ticket = (date: string, client: string, type: string, hours: number, line: number, plan?: string): Ticket => ({
  line,
  date,
  monthIndex: Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1,
  client,
  type,
  hours,
  ...(plan ? { plan } : {}),
});

describe('randomizedPit', () => {
  const draws = Float64Array.of(0, 0, 0, 0, 1, 2, 3, 4, 5, 6);
  it('is F(x) where F does not jump, and spreads a jump by V', () => {
    // F(2.5−) = F(2.5) = 6/10.
    expect(randomizedPit(draws, 2.5, 0.9)).toBe(0.6);
    // At 0: F(0−) = 0, F(0) = 0.4, so u = 0.4·V.
    expect(randomizedPit(draws, 0, 0)).toBe(0);
    expect(randomizedPit(draws, 0, 0.5)).toBeCloseTo(0.2, 12);
    // At 3: F(3−) = 0.6, F(3) = 0.7.
    expect(randomizedPit(draws, 3, 0.5)).toBeCloseTo(0.65, 12);
    expect(randomizedPit(draws, 10, 0.5)).toBe(1);
    expect(randomizedPit(draws, -1, 0.5)).toBe(0);
  });
});

describe('ksUniform', () => {
  it('gives D by hand and the Kolmogorov tail of a table', () => {
    // Sorted 0.1, 0.4, 0.7: D = max(1/3 − 0.1, 0.4 − 1/3, 2/3 − 0.4, 0.7 − 2/3, 1 − 0.7) = 0.3.
    expect(ksUniform([0.7, 0.1, 0.4]).statistic).toBeCloseTo(0.3, 12);
    // Q(1.3581) = 0.05 and Q(1.6276) = 0.01: the asymptotic 5% and 1% points (Smirnov's table).
    expect(kolmogorovTail(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovTail(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovTail(0.1)).toBe(1);
  });

  it('finds an even grid uniform and a cluster not', () => {
    const grid = Array.from({ length: 100 }, (_, i) => (i + 0.5) / 100);
    expect(ksUniform(grid)).toMatchObject({ statistic: expect.closeTo(0.005, 12) });
    expect(ksUniform(grid).pValue).toBe(1);
    expect(ksUniform(grid.map((u) => u / 2)).pValue).toBeLessThan(1e-10);
  });

  it('counts PITs into ten bins, 1 in the last', () => {
    expect(pitHistogram([0, 0.05, 0.1, 0.55, 0.99, 1])).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  });
});

describe('historyWindows', () => {
  it('cuts terms from the first month and drops an incomplete last one', () => {
    const tickets = [ticket('2023-03-05', 'a', 'edit', 1, 2), ticket('2024-02-20', 'a', 'edit', 1, 3), ticket('2024-07-01', 'a', 'edit', 1, 4)];
    const cut = historyWindows(tickets, 12);
    expect(cut.windows.map((w) => w.label)).toEqual(['2023-03 to 2024-02']);
    expect(cut).toMatchObject({ droppedMonths: 5, droppedTickets: 1, spanMonths: 17 });
    expect(historyWindows(tickets, 6).windows.map((w) => w.label)).toEqual(['2023-03 to 2023-08', '2023-09 to 2024-02']);
  });
});

describe('matchClients', () => {
  const scenario = scenarioOf(
    baseDocument({
      plans: { Basis: { covers: ['edit'] }, Plus: { covers: ['edit'] } },
      clients: [
        { name: 'Bakkerij Jansen', plan: 'Plus' },
        { name: 'small', plan: 'Basis', count: 3 },
        { name: 'large', plan: 'Basis', count: 10 },
        { name: 'plus clients', plan: 'Plus', count: 4 },
      ],
    }),
  );
  it('matches by name (case and spacing aside), else by plan to the largest segment of it', () => {
    const m = matchClients(
      [
        ticket('2024-01-01', 'bakkerij  JANSEN', 'edit', 1, 2, 'Basis'),
        ticket('2024-01-02', 'Kapsalon', 'edit', 1, 3, 'basis'),
        ticket('2024-01-03', 'Drukkerij', 'edit', 1, 4, 'Plus'),
        ticket('2024-01-04', 'Camping', 'edit', 1, 5, 'Gold'),
      ],
      scenario,
    );
    expect(m.clients.map((c) => [c.name, scenario.clients[c.segment].name, c.by])).toEqual([
      ['bakkerij  JANSEN', 'Bakkerij Jansen', 'name'],
      ['Kapsalon', 'large', 'plan'],
      ['Drukkerij', 'plus clients', 'plan'],
    ]);
    expect(m.ambiguousPlans).toEqual(['Basis']);
    expect(m.unmatched).toEqual([
      { name: 'Camping', line: 5, reason: expect.stringMatching(/its plan "Gold" is none of the scenario's plans \(Basis, Plus\)/) },
    ]);
  });

  it('names scenario clients of one that the history lacks', () => {
    const m = matchClients([ticket('2024-01-02', 'Kapsalon', 'edit', 1, 3, 'Basis')], scenario);
    expect(m.absent).toEqual(['Bakkerij Jansen']);
  });
});

describe('windowActual', () => {
  it('bills covered hours at the scenario increment and settles money with the plan', () => {
    const scenario = scenarioOf(
      baseDocument({
        billing_increment_minutes: 15,
        request_types: {
          edit: { category: 'perfective', frequency: { per_month: 1 }, effort: 1 },
          seo: { category: 'perfective', frequency: { per_month: 1 }, effort: 1 },
        },
        plans: { basic: { covers: ['edit'], included_hours: 1, overage_rate: 70, fixed_monthly_cost: 5 } },
      }),
    );
    const tickets = [
      ticket('2024-01-10', 'a', 'Edit', 1.1, 2),
      ticket('2024-01-11', 'a', 'edit', 0.5, 3),
      ticket('2024-02-01', 'a', 'SEO', 2, 4),
      ticket('2024-02-02', 'a', 'hosting', 1, 5),
    ];
    const first = 2024 * 12;
    const actual = windowActual(tickets, 12, first, scenario.plans[0], scenario, typeMatcher(scenario));
    // Covered: 1.1 h → 1.25 h, 0.5 h → 0.5 h at 15 minutes.
    expect(actual.coveredHours).toBeCloseTo(1.75, 12);
    // Cost 50 × 4.6 h + 12 × 5; overage (1.75 − 1) × 70 in January; uncovered 3 h × 80.
    expect(actual.netCost).toBeCloseTo(50 * 4.6 + 60 - 0.75 * 70 - 3 * 80, 9);
    expect(billedHours(0.5, 30)).toBe(0.5);
    expect(billedHours(0.51, 30)).toBe(1);
    expect(billedHours(0.51, 0)).toBe(0.51);
  });
});

describe('verdictOf', () => {
  it.each([
    [
      { actualToExpected: 1 / 0.82, z: 4, coverage90: 0.8 },
      'too optimistic',
      'the scenario expects 18% fewer hours than happened; its rates are too low: run calibrate again',
    ],
    [{ actualToExpected: 0.8, z: -3, coverage90: 0.9 }, 'too pessimistic', 'the scenario expects 25% more hours than happened'],
    [{ actualToExpected: 1.02, z: 0.5, coverage90: 0.7 }, 'too narrow', '30% of the actuals fall outside'],
    [{ actualToExpected: 1.02, z: 0.5, coverage90: 0.88 }, 'calibrated', 'within the scenario'],
  ])('%o → %s', (figures, kind, text) => {
    const verdict = verdictOf({ ...figures, ksPValue: 0.5, clientWindows: 100 });
    expect(verdict.kind).toBe(kind);
    expect(verdict.text).toContain(text);
  });
});
