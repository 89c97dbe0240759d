import type { PlanColumns } from '../engine/columns.js';
import { breakevenFee } from './breakeven.js';
import { sum } from './moments.js';
import { quantileRank, selectRanks } from './quantile.js';

/** One plan's price in its own unit (MODEL.md, "One price per plan"). */
export interface PlanPrice {
  /** E[D_k] / E[w_k]: expected profit zero; null when the plan has no price quantity (no clients, or w always 0). */
  fairPrice: number | null;
  /** c_k = Cov(Y_k, Y) / Var(Y): the plan's share of the portfolio's risk margin (shares add up to 1). */
  riskShare: number;
  /** f_k + c_k·λ / E[w_k]: at these prices the portfolio breaks even in a share α of the trials. */
  price: number | null;
  /** The plan's clients as their own portfolio: the α-quantile of D_k,t / w_k,t. */
  standalonePrice: number;
  standaloneInterval: [number, number];
}

/** Every plan's price and the portfolio figures behind them. */
export interface PlanPrices {
  plans: PlanPrice[];
  /** λ: the α-quantile of Y_t / a_t, the margin the plans share. */
  margin: number;
  /** Share of trials in which the whole portfolio makes no loss with every plan at `price`. */
  breakevenShare: number;
}

/**
 * Each plan's fair price, its covariance share of the risk margin and its break-even price,
 * so that no plan is made more negative by a loading and a plan's price moves only with what
 * it adds to the portfolio's swings (MODEL.md, "One price per plan"):
 * Y_k,t = D_k,t − f_k·w_k,t, Y_t = Σ_k Y_k,t, c_k = Cov(Y_k, Y)/Var(Y),
 * a_t = Σ_k c_k·w_k,t / E[w_k], λ = Q_α(Y_t / a_t) (a_t ≤ 0: +∞ when Y_t > 0, else −∞),
 * price_k = f_k + c_k·λ / E[w_k].
 */
export function planPrices(plans: readonly PlanColumns[], confidence: number): PlanPrices {
  const n = plans.length > 0 ? plans[0].netCost.length : 0;
  const meanWeight = plans.map((p) => sum(p.feeWeight) / n);
  const fair = plans.map((p, k) => (meanWeight[k] > 0 ? sum(p.netCost) / n / meanWeight[k] : null));
  // Y_t in one column; each plan's Y_k,t is recomputed where it is needed rather than kept
  // (a million-trial run holds one column here, not one per plan).
  const shortfall = new Float64Array(n);
  plans.forEach((p, k) => {
    const f = fair[k] ?? 0;
    for (let t = 0; t < n; t++) shortfall[t] += p.netCost[t] - f * p.feeWeight[t];
  });
  const meanShortfall = n > 0 ? sum(shortfall) / n : 0;
  let total = 0;
  for (let t = 0; t < n; t++) total += (shortfall[t] - meanShortfall) ** 2;
  // Without swings there is no margin to share: every plan at its fair price breaks even.
  const shares = plans.map((p, k) => {
    const f = fair[k];
    if (total <= 0 || f === null) return 0;
    let meanY = 0;
    for (let t = 0; t < n; t++) meanY += p.netCost[t] - f * p.feeWeight[t];
    meanY /= n;
    let covariance = 0;
    for (let t = 0; t < n; t++) covariance += (p.netCost[t] - f * p.feeWeight[t] - meanY) * (shortfall[t] - meanShortfall);
    return covariance / total;
  });
  // Y_t / a_t, in place of Y_t.
  const perTrial = shortfall;
  for (let t = 0; t < n; t++) {
    let a = 0;
    plans.forEach((p, k) => {
      if (shares[k] !== 0) a += (shares[k] * p.feeWeight[t]) / meanWeight[k];
    });
    const y = shortfall[t];
    perTrial[t] = total === 0 ? 0 : a > 0 ? y / a : y > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  const margin = n > 0 ? selectRanks(perTrial, [quantileRank(n, confidence)])[0] : 0;
  const prices = plans.map((_, k) => {
    const f = fair[k];
    return f === null ? null : f + (shares[k] * margin) / meanWeight[k];
  });
  return {
    plans: plans.map((p, k): PlanPrice => {
      const standalone = breakevenFee(p.netCost, p.feeWeight, confidence);
      return { fairPrice: fair[k], riskShare: shares[k], price: prices[k], standalonePrice: standalone.fee, standaloneInterval: standalone.interval };
    }),
    margin,
    breakevenShare: breakevenShare(plans, prices),
  };
}

/**
 * Share of trials with Σ_k p_k·w_k,t − D_t ≥ 0. A trial on the margin's own quantile breaks
 * even to rounding, so profit within a billionth of the trial's scale counts as no loss.
 */
function breakevenShare(plans: readonly PlanColumns[], prices: readonly (number | null)[]): number {
  const n = plans.length > 0 ? plans[0].netCost.length : 0;
  if (n === 0) return 0;
  let even = 0;
  for (let t = 0; t < n; t++) {
    let profit = 0;
    let scale = 0;
    plans.forEach((p, k) => {
      const revenue = (prices[k] ?? 0) * p.feeWeight[t];
      profit += revenue - p.netCost[t];
      scale += Math.abs(revenue) + Math.abs(p.netCost[t]);
    });
    if (profit >= -1e-9 * scale) even++;
  }
  return even / n;
}
