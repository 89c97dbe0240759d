import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundleFromTotals, bundleTrial } from '../src/engine/contract/bundle.js';

/*
 * A bundle valid for the term or longer is settled from totals (bundleFromTotals): the term's
 * covered billed hours and, with rebuy and V = H, the first month's (docs/model.md, "Contract
 * forms"; compile.ts, bundleMonthsNeeded). It must give what the month-by-month drawdown
 * (bundleTrial) gives for every month vector. Hours in quarter hours keep the sums exact, so the
 * two agree to the bit: what is compared is the logic, not the rounding.
 */

const quarters = (n: number) => n / 4;

describe('bundleFromTotals against the month-by-month drawdown', () => {
  it('the same drawn, breakage, hourly and deferred hours for any months, bundle size, validity V ≥ H and use-up rule', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 24 }).chain((H) =>
          fc.record({
            H: fc.constant(H),
            months: fc.array(fc.integer({ min: 0, max: 200 }).map(quarters), { minLength: H, maxLength: H }),
            bundle: fc.integer({ min: 1, max: 160 }).map(quarters),
            // compile.ts keeps a validity beyond the term as H + 1: no bundle expires with the term then.
            longer: fc.boolean(),
            rebuy: fc.boolean(),
          }),
        ),
        ({ H, months, bundle, longer, rebuy }) => {
          const V = longer ? H + 1 : H;
          const byMonth = new Float64Array(4);
          bundleTrial(Float64Array.from(months), 0, H, bundle, V, rebuy, byMonth);
          const fromTotals = new Float64Array(4);
          const firstNeeded = rebuy && V === H;
          bundleFromTotals(
            firstNeeded ? months[0] : 0,
            months.reduce((a, b) => a + b, 0),
            bundle,
            V,
            H,
            rebuy,
            fromTotals,
          );
          expect([...fromTotals]).toEqual([...byMonth]);
        },
      ),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('rebuy, V = H: bundles bought in month 1 expire with the term (breakage), later ones outlive it (deferred)', () => {
    const figures = new Float64Array(4);
    // B = 5: month 1 needs 12 (the first bundle and two more, 3 left), the rest 2: 3 − 2 = 1 h lapses.
    bundleFromTotals(12, 14, 5, 12, 12, true, figures);
    expect([...figures]).toEqual([14, 1, 0, 0]);
    // The rest needs 6: 3 h, then a bundle bought later, 2 h of it left after the term.
    bundleFromTotals(12, 18, 5, 12, 12, true, figures);
    expect([...figures]).toEqual([18, 0, 0, 2]);
  });
});
