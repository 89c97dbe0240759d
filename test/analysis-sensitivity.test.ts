import { describe, expect, it } from 'vitest';
import { breakevenFee } from '../src/analysis/breakeven.js';
import { adviceFrom, type TornadoRow } from '../src/analysis/tornado.js';
import { varianceShares } from '../src/analysis/varianceShares.js';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import { adjustScenario, type ScenarioAdjustment } from '../src/scenario/adjust.js';
import { baseDocument, scenarioOf } from './helpers/scenario.js';

const unlimited = scenarioOf(
  baseDocument({
    request_types: {
      edit: {
        category: 'perfective',
        frequency: { per_month: 1.5 },
        effort: { dist: 'lognormal', median: 0.5, sigma: 0.8 },
        overrun: { probability: 0.2, factor: { dist: 'triangular', min: 1.5, mode: 2.5, max: 5 } },
      },
      incident: { category: 'corrective', frequency: { per_month: 0.4, dispersion: 0.5 }, effort: { dist: 'lognormal', median: 4, sigma: 1.2 } },
      call: { category: 'support', frequency: { per_month: 0.6 }, effort: 0.25 },
    },
    plans: { care: { covers: ['edit', 'incident', 'call'] } },
    clients: [{ name: 'shops', plan: 'care', count: 15, heterogeneity: 0.5 }],
  }),
);

function feeWith(adjustments: ScenarioAdjustment[]): number {
  const { columns } = simulateScenario(adjustScenario(unlimited, adjustments), { trials: 3000, seed: '5' });
  return breakevenFee(columns.netCost, columns.feeWeight, 0.95).fee;
}

describe('sensitivity with common random numbers', () => {
  it("with unlimited included hours, raising a type's effort can only raise the break-even fee", () => {
    for (const type of ['edit', 'incident', 'call']) {
      const fees = [0.8, 1, 1.2, 1.5].map((factor) => feeWith([{ kind: 'scale', input: 'effort', factor, requestType: type }]));
      for (let i = 1; i < fees.length; i++) expect(fees[i], type).toBeGreaterThan(fees[i - 1]);
    }
  });

  it('the dominant type tops the tornado and carries most of the variance', () => {
    const swings = ['edit', 'incident', 'call'].map((type) => {
      const low = feeWith([{ kind: 'scale', input: 'effort', factor: 0.8, requestType: type }]);
      const high = feeWith([{ kind: 'scale', input: 'effort', factor: 1.2, requestType: type }]);
      return { type, swing: high - low };
    });
    swings.sort((a, b) => b.swing - a.swing);
    // Expected hours per client-month: incident 0.4·4·e^0.72 = 3.29, edit 1.5·0.5·e^0.32·1.4 = 1.45, call 0.15.
    expect(swings[0].type).toBe('incident');
    const { columns } = simulateScenario(unlimited, { trials: 3000, seed: '5' });
    const shares = varianceShares(columns);
    expect(shares[1]).toBeGreaterThan(0.5);
    // Without overage or hourly billing, the parts make up all of the variance.
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 8);
  });

  it('scaling leaves the original scenario untouched', () => {
    const before = unlimited.requestTypes[0].effort.mean;
    adjustScenario(unlimited, [{ kind: 'scale', input: 'effort', factor: 2 }]);
    expect(unlimited.requestTypes[0].effort.mean).toBe(before);
  });
});

describe('the advice never contradicts its own bars', () => {
  const row = (request_type: string, input: TornadoRow['input'], low: number, high: number): TornadoRow => ({
    request_type,
    input,
    change: 0.2,
    fee_low_input: low,
    fee_high_input: high,
    swing: Math.abs(high - low),
  });

  it('a type whose extra work lowers the fee is not the one to cap; a capped type is not told to get a cap; no "-0%"', () => {
    const rows = [row('text_edit', 'frequency', 90, 80), row('bugfix', 'frequency', 80, 84)];
    const capped = adviceFrom(rows, { text_edit: -0.001, bugfix: 0.3 }, { text_edit: 'capped', bugfix: 'capped' }, 'EUR');
    expect(capped).toMatch(/^bugfix moves the break-even fee most/);
    expect(capped).toMatch(/More text_edit lowers the fee/);
    expect(capped).not.toMatch(/put a cap/);
    const open = adviceFrom(rows, { text_edit: -0.001, bugfix: 0.3 }, { text_edit: 'capped', bugfix: 'unlimited' }, 'EUR');
    expect(open).toMatch(/put a cap \(included hours\) or a separate price on bugfix/);
    expect(adviceFrom([row('a', 'effort', 1, 2)], { a: -0.004 }, { a: 'unlimited' }, '')).not.toMatch(/-0%/);
  });
});
