import { describe, expect, it } from 'vitest';
import { buhlmannStraub } from '../src/analysis/calibrate/credibility.js';
import { fitHistory } from '../src/analysis/calibrate/fitHistory.js';
import { scenarioYaml } from '../src/report/scenarioYaml.js';
import type { History, Ticket } from '../src/scenario/history/history.js';
import { parseScenario } from '../src/scenario/load.js';

/*
 * Bühlmann–Straub credibility (MODEL.md, "Credibility"): a data set small enough to do by
 * hand, and Hachemeister's against R actuar's printed figures.
 */

describe('buhlmannStraub', () => {
  it('gives the hand-computed estimators of a two-client data set', () => {
    // a: 0, 2, 1 (3 months), b: 4, 6 (2 months), weights 1.
    // X̄a = 1, X̄b = 5; σ² = ((1 + 1 + 0) + (1 + 1)) / ((3 − 1) + (2 − 1)) = 4/3.
    // w = 5, X̄w = (3·1 + 2·5)/5 = 2.6; Σ w_i (X̄_i − X̄w)² = 3·1.6² + 2·2.4² = 19.2;
    // τ² = (19.2 − (2 − 1)·4/3) / (5 − (9 + 4)/5) = (268/15) / 2.4 = 67/9.
    // σ²/τ² = 12/67, so Za = 3/(3 + 12/67) = 67/71 and Zb = 2/(2 + 12/67) = 67/73.
    // X̄z = (Za·1 + Zb·5)/(Za + Zb) = (73 + 355)/(73 + 71) = 107/36.
    // Estimates: Za·1 + (1 − Za)·107/36 = 10/9; Zb·5 + (1 − Zb)·107/36 = 29/6.
    const fit = buhlmannStraub([
      { name: 'a', ratios: [0, 2, 1], weights: [1, 1, 1] },
      { name: 'b', ratios: [4, 6], weights: [1, 1] },
    ]);
    expect(fit.withinVariance).toBeCloseTo(4 / 3, 12);
    expect(fit.betweenVariance).toBeCloseTo(67 / 9, 12);
    expect(fit.weightedMean).toBeCloseTo(2.6, 12);
    expect(fit.collectiveMean).toBeCloseTo(107 / 36, 12);
    expect(fit.entities.map((e) => e.factor)).toEqual([expect.closeTo(67 / 71, 12), expect.closeTo(67 / 73, 12)]);
    expect(fit.entities.map((e) => e.estimate)).toEqual([expect.closeTo(10 / 9, 12), expect.closeTo(29 / 6, 12)]);
    expect(fit.entities.map((e) => [e.months, e.weight, e.mean])).toEqual([
      [3, 3, 1],
      [2, 2, 5],
    ]);
    // Q = 19.2/(4/3) = 14.4 on 1 df: p = 0.00015, the clients differ.
    expect(fit.statistic).toBeCloseTo(14.4, 12);
    expect(fit.significant).toBe(true);
  });

  it('truncates τ² at 0 and then gives every client the weighted mean (Z = 0)', () => {
    // Means 1.5 and 2 against a within variance of 2: Σ w_i (X̄_i − X̄w)² = 0.25 < σ² = 2.
    const fit = buhlmannStraub([
      { name: 'a', ratios: [0, 3], weights: [1, 1] },
      { name: 'b', ratios: [1, 3], weights: [1, 1] },
    ]);
    expect(fit.betweenVariance).toBe(0);
    expect(fit.entities.map((e) => e.factor)).toEqual([0, 0]);
    expect(fit.collectiveMean).toBeCloseTo(1.75, 12);
    expect(fit.entities.map((e) => e.estimate)).toEqual([1.75, 1.75]);
    expect(fit.significant).toBe(false);
  });

  it('cannot estimate τ² from one client, nor σ² from one month each', () => {
    expect(buhlmannStraub([{ name: 'a', ratios: [1, 2, 3], weights: [1, 1, 1] }])).toMatchObject({ betweenVariance: 0, significant: false, pValue: 1 });
    const single = buhlmannStraub([
      { name: 'a', ratios: [1], weights: [1] },
      { name: 'b', ratios: [3], weights: [1] },
    ]);
    expect(single.withinVariance).toBeNaN();
    expect(single).toMatchObject({ betweenVariance: 0, collectiveMean: 2, significant: false });
  });

  it('agrees with R actuar cm() on the Hachemeister data', () => {
    // actuar's `hachemeister` matrix (data/hachemeister.rda of actuar, read value by value):
    // average claim amounts (ratio.1 … ratio.12) and claim numbers (weight.1 … weight.12) of
    // five U.S. states over 12 quarters.
    const ratios = [
      [1738, 1642, 1794, 2051, 2079, 2234, 2032, 2035, 2115, 2262, 2267, 2517],
      [1364, 1408, 1597, 1444, 1342, 1675, 1470, 1448, 1464, 1831, 1612, 1471],
      [1759, 1685, 1479, 1763, 1674, 2103, 1502, 1622, 1828, 2155, 2233, 2059],
      [1223, 1146, 1010, 1257, 1426, 1532, 1953, 1123, 1343, 1243, 1762, 1306],
      [1456, 1499, 1609, 1741, 1482, 1572, 1606, 1735, 1607, 1573, 1613, 1690],
    ];
    const weights = [
      [7861, 9251, 8706, 8575, 7917, 8263, 9456, 8003, 7365, 7832, 7849, 9077],
      [1622, 1742, 1523, 1515, 1622, 1602, 1964, 1515, 1527, 1748, 1654, 1861],
      [1147, 1357, 1329, 1204, 998, 1077, 1277, 1218, 896, 1003, 1108, 1121],
      [407, 396, 348, 341, 315, 328, 352, 331, 287, 384, 321, 342],
      [2902, 3172, 3046, 3068, 2693, 2910, 3275, 2697, 2663, 3017, 3242, 3425],
    ];
    // R (actuar 3.x), the Bühlmann–Straub example of actuar's credibility vignette:
    //   > fit <- cm(~state, hachemeister, ratios = ratio.1:ratio.12, weights = weight.1:weight.12)
    //   > fit
    //     Structure Parameters Estimators
    //       Collective premium: 1684
    //       Between state variance: 89639
    //       Within state variance: 139120026
    //   > predict(fit)
    //     [1] 2055 1524 1793 1443 1603
    // (printed with options(digits = 4); the within variance 139120026 is also what the
    // vignette prints for its two-level cohort:state fit, whose lowest level is this one).
    const fit = buhlmannStraub(ratios.map((r, i) => ({ name: String(i + 1), ratios: r, weights: weights[i] })));
    expect(Math.round(fit.collectiveMean)).toBe(1684);
    expect(Math.round(fit.betweenVariance)).toBe(89639);
    expect(Math.round(fit.withinVariance)).toBe(139120026);
    expect(fit.entities.map((e) => Math.round(e.estimate))).toEqual([2055, 1524, 1793, 1443, 1603]);
    // Total weights as summary(fit) lists them.
    expect(fit.entities.map((e) => e.weight)).toEqual([100155, 19895, 13735, 4152, 36110]);
  });
});

const ticket = (date: string, client: string, type: string, hours: number, line: number): Ticket => ({
  line,
  date,
  monthIndex: Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1,
  client,
  type,
  hours,
});

describe('credibility in calibrate', () => {
  // A heavy client (4 edits a month) and three light ones (one edit every other month), 12 months.
  const tickets: Ticket[] = [];
  for (let month = 1; month <= 12; month++) {
    const day = `2024-${String(month).padStart(2, '0')}-10`;
    for (let k = 0; k < 4; k++) tickets.push(ticket(day, 'Heavy', 'Edit', 1, tickets.length + 2));
    for (const light of ['Light A', 'Light B', 'Light C']) if (month % 2 === 0) tickets.push(ticket(day, light, 'Edit', 1, tickets.length + 2));
  }
  const history: History = { file: 'h.csv', tickets, hasPlans: false, delimiter: ',' };
  const settings = {
    name: 'c',
    currency: 'EUR',
    costPerHour: 55,
    hourlyRate: 85,
    costPerHourIsDefault: false,
    hourlyRateIsDefault: false,
    seed: 1,
    trials: 1000,
  };

  it('writes each client with enough history as a named client with its credibility rate as an override', () => {
    const fit = fitHistory(history, { clients: 6 });
    const edit = fit.requestTypes[0].credibility;
    expect(edit.significant).toBe(true);
    const yaml = scenarioYaml(fit, settings);
    const scenario = parseScenario(yaml, 'c.yaml');
    const heavy = scenario.clients.find((c) => c.name === 'Heavy')!;
    const heavyEntity = edit.entities.find((e) => e.name === 'heavy')!;
    expect(heavy.requestTypes[0].frequency.perMonth).toBeCloseTo(heavyEntity.estimate, 3);
    expect(heavyEntity.estimate).toBeLessThan(4);
    expect(heavyEntity.estimate).toBeGreaterThan(3);
    // The 2 clients without tickets (--clients 6) stay a segment at the collective rate, with the fitted heterogeneity.
    const rest = scenario.clients.find((c) => c.count === 2)!;
    expect(rest.heterogeneity).toBeCloseTo(Math.sqrt(fit.allRequests.betweenVariance) / fit.allRequests.collectiveMean, 2);
    expect(scenario.clients.reduce((s, c) => s + c.count, 0)).toBe(6);
  });

  it('gives everyone the collective rate when the clients do not differ by more than chance', () => {
    const even = tickets.map((t) => ({ ...t, client: `Client ${t.line % 4}` }));
    const fit = fitHistory({ ...history, tickets: even });
    expect(fit.requestTypes[0].credibility.significant).toBe(false);
    expect(fit.credibleClients).toEqual([]);
    const yaml = scenarioYaml(fit, settings);
    expect(yaml).toMatch(/not significant for any request type/);
    expect(parseScenario(yaml, 'c.yaml').clients).toHaveLength(1);
  });

  it('--window-months fits the last months only', () => {
    const fit = fitHistory(history, { windowMonths: 6 });
    expect(fit.window).toMatchObject({ months: 6, spanMonths: 6, lastMonthsOf: { months: 6, firstDate: '2024-01-10' } });
    expect(fit.tickets).toBe(6 * 4 + 3 * 3);
    expect(fit.requestTypes[0].perMonth).toBeCloseTo(33 / (4 * 6), 12);
  });
});
