import type { TrialColumns } from '../engine/columns.js';
import type { Scenario } from '../scenario/types.js';
import { overpayProbability } from './fairness.js';
import { moments, sum } from './moments.js';
import { quantileRank, sortUpper } from './quantile.js';

/** The portfolio's outcome at one uniform monthly fee. */
export interface FeeRow {
  fee: number;
  /** Share of trials with w_t·f < D_t. */
  loss_probability: number;
  /** E[w·f − D] over the term, with its Monte Carlo standard error. */
  expected_profit: number;
  expected_profit_standard_error: number;
  /** 5% quantile of the term's profit: one term in twenty ends lower. */
  profit_p05: number;
  /** α-quantile of the loss D − w·f (negative: even that term makes a profit). */
  value_at_risk: number;
  /** Mean loss over the worst (1 − α) share of terms (Acerbi–Tasche); ≥ value_at_risk. */
  expected_shortfall: number;
  /** P(a client pays more than hourly), client-weighted over the portfolio. */
  overpay_probability: number;
  /** Expected profit per hour worked. */
  margin_per_hour: number;
}

/**
 * One row per fee, all from the same trials (common random numbers): rows differ only by the
 * fee, so loss probability falls and expected profit rises monotonically with it.
 * @param confidence α for value at risk and expected shortfall
 */
export function compareFees(columns: TrialColumns, scenario: Scenario, fees: readonly number[], confidence: number): FeeRow[] {
  const { netCost, feeWeight } = columns;
  const n = netCost.length;
  const meanHours = sum(columns.hours) / n;
  // The uniform fee is what the flat plans' clients pay; the other forms keep their own prices.
  const flat = new Set(scenario.plans.filter((p) => p.form === 'flat').map((p) => p.name));
  const allSegments = scenario.clients.flatMap((c, i) => (flat.has(c.plan) ? [i] : []));
  const loss = new Float64Array(n);
  return fees.map((fee) => {
    let losses = 0;
    for (let t = 0; t < n; t++) {
      loss[t] = netCost[t] - feeWeight[t] * fee;
      if (loss[t] > 0) losses++;
    }
    const profit = moments(loss);
    const varRank = quantileRank(n, confidence);
    // Profit sorted ascending is loss sorted descending: its ⌈0.05n⌉-th smallest value.
    const p05Rank = n + 1 - quantileRank(n, 0.05);
    // Every figure below reads the loss's upper tail alone (from the lower of the two ranks);
    // loss is rewritten for the next fee, so it is rearranged in place.
    const sortedLoss = sortUpper(loss, Math.min(varRank, p05Rank));
    return {
      fee,
      loss_probability: losses / n,
      expected_profit: -profit.mean,
      expected_profit_standard_error: profit.standardError,
      profit_p05: -sortedLoss[p05Rank - 1],
      value_at_risk: sortedLoss[varRank - 1],
      expected_shortfall: expectedShortfall(sortedLoss, confidence),
      overpay_probability: overpayProbability(columns, scenario, allSegments, fee),
      margin_per_hour: meanHours > 0 ? -profit.mean / meanHours : 0,
    };
  });
}

/**
 * Expected shortfall at level α of an ascending loss sample (ascending from rank ⌈nα⌉ on is
 * enough, as sortUpper gives): the mean of the worst n(1 − α)
 * losses, the VaR sample weighted by its fractional share (Acerbi & Tasche 2002,
 * "On the coherence of expected shortfall", eq. 2.13 for the empirical distribution).
 */
export function expectedShortfall(sortedLoss: Float64Array, alpha: number): number {
  const n = sortedLoss.length;
  const rank = quantileRank(n, alpha);
  let tail = 0;
  for (let i = rank; i < n; i++) tail += sortedLoss[i];
  const weightAtVar = rank - n * alpha;
  const total = n * (1 - alpha);
  return total > 0 ? (tail + Math.max(0, weightAtVar) * sortedLoss[rank - 1]) / total : sortedLoss[n - 1];
}

/** A grid of `count` round fees around a centre fee (±30%), for tables when none are given. */
export function feeGrid(centre: number, count = 9): number[] {
  if (!(centre > 0)) return [0];
  const span = centre * 0.6;
  const rawStep = span / (count - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep) ?? rawStep;
  const start = Math.max(0, Math.round(centre / step) * step - step * Math.floor(count / 2));
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toFixed(10)));
}
