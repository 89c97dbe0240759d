import type { TrialColumns } from '../engine/columns.js';
import { type Scenario, statedPrice } from '../scenario/types.js';
import { breakevenFee } from './breakeven.js';
import { compareFees, feeGrid, type FeeRow } from './compare.js';
import { evaluatePriceList, type PriceListResult } from './priceList.js';

/** Rows of a `--from a --to b --step s` grid: a, a + s, … up to b (within rounding). */
export function gridRowCount(from: number, to: number, step: number): number {
  return Math.floor((to - from) / step + 1e-9) + 1;
}

/**
 * The fees of a grid from `from` to `to` in steps of `step`, each rounded to 10 decimals so that
 * 0.1 steps print as 0.3, not 0.30000000000000004.
 * @param from ≥ 0; to ≥ from; step > 0 (the cli checks them)
 * @example gridFees(50, 150, 25) // [50, 75, 100, 125, 150]
 */
export function gridFees(from: number, to: number, step: number): number[] {
  return Array.from({ length: gridRowCount(from, to, step) }, (_, i) => Number((from + i * step).toFixed(10)));
}

/**
 * A price list completed from the scenario: the fees given (by plan name) win, the rest are the
 * plans' stated prices (a flat plan's monthly_fee, a bundle's price, an hourly rate, 1 for a
 * price list); `missing` names the plans with neither.
 * @example scenarioPriceList(scenario, { basic: 95 }) // { fees: { basic: 95, plus: 140 }, missing: [] }
 */
export function scenarioPriceList(scenario: Scenario, given: Readonly<Record<string, number>> = {}): { fees: Record<string, number>; missing: string[] } {
  // Own keys only, and built by fromEntries: plan names such as __proto__ or toString are keys here.
  const entries: [string, number][] = [];
  const missing: string[] = [];
  for (const plan of scenario.plans) {
    const fee = Object.hasOwn(given, plan.name) ? given[plan.name] : statedPrice(plan);
    if (fee === undefined) missing.push(plan.name);
    else entries.push([plan.name, fee]);
  }
  return { fees: Object.fromEntries(entries), missing };
}

/** The scenario's own prices (every plan's monthly_fee), or null when a plan has none. */
export function currentPrices(scenario: Scenario): Record<string, number> | null {
  const { fees, missing } = scenarioPriceList(scenario);
  return missing.length === 0 ? fees : null;
}

/** What `fairfee compare` finds: the break-even fee, the fee table, and a price list's outcome. */
export interface FeeComparison {
  confidence: number;
  breakeven_fee: number;
  breakeven_fee_interval: [number, number];
  /** One row per fee, every row on the same simulated terms. */
  rows: FeeRow[];
  /** Present when a price list was evaluated. */
  price_list?: PriceListResult;
}

/**
 * Compares uniform fees on the run's trials (common random numbers): the given ones, else a
 * grid of round fees around the break-even fee (feeGrid); and evaluates a price list per plan.
 * @param settings.fees the fees to compare, or null for the grid
 * @param settings.prices a fee per plan name, or null for none
 */
export function compareAtFees(
  columns: TrialColumns,
  scenario: Scenario,
  settings: { fees: readonly number[] | null; confidence: number; prices: Record<string, number> | null },
): FeeComparison {
  const { confidence, prices } = settings;
  const breakeven = breakevenFee(columns.netCost, columns.feeWeight, confidence);
  const rows = compareFees(columns, scenario, settings.fees ?? feeGrid(breakeven.fee), confidence);
  return {
    confidence,
    breakeven_fee: breakeven.fee,
    breakeven_fee_interval: breakeven.interval,
    rows,
    ...(prices ? { price_list: evaluatePriceList(columns, scenario, prices) } : {}),
  };
}
