import { moments, sum } from './moments.js';
import { intervalRanks, quantileRank, selectRanks } from './quantile.js';

/** A break-even fee at one confidence level, with its 95% Monte Carlo interval. */
export interface BreakevenFee {
  confidence: number;
  /** Smallest uniform monthly fee with at least a share `confidence` of trials making no loss. */
  fee: number;
  interval: [number, number];
}

/**
 * The uniform break-even fee at confidence α (MODEL.md, "Break-even fees"): the α-quantile of
 * the per-trial break-even fees f_t = D_t / w_t, with an order-statistics interval. Without
 * credits w_t = N·H and this is Q_α(D)/(N·H).
 * @param netCost D_t per trial
 * @param feeWeight w_t per trial (client-months paying the fee)
 */
export function breakevenFee(netCost: Float64Array, feeWeight: Float64Array, confidence: number): BreakevenFee {
  return breakevenFees(netCost, feeWeight, [confidence])[0];
}

/** Several levels from one selection among the per-trial fees. */
export function breakevenFees(netCost: Float64Array, feeWeight: Float64Array, levels: readonly number[]): BreakevenFee[] {
  const n = netCost.length;
  const ranks = levels.map((confidence) => [quantileRank(n, confidence), ...intervalRanks(n, confidence)]);
  const values = selectRanks(perTrialFees(netCost, feeWeight), ranks.flat());
  return levels.map((confidence, i) => ({ confidence, fee: values[3 * i], interval: [values[3 * i + 1], values[3 * i + 2]] }));
}

/**
 * Each trial's break-even price D_t / w_t (MODEL.md, "One price per plan"): a trial with w = 0
 * needs an infinite price when D > 0 (above every finite one), and none (0) when D ≤ 0.
 */
export function perTrialFees(netCost: Float64Array, feeWeight: Float64Array): Float64Array {
  const out = new Float64Array(netCost.length);
  for (let t = 0; t < netCost.length; t++) {
    const w = feeWeight[t];
    out[t] = w > 0 ? netCost[t] / w : netCost[t] > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  return out;
}

/**
 * The fair fee: expected profit zero, no risk margin: E[D]/E[w] (E[D]/(N·H) without credits),
 * with a delta-method standard error.
 */
export function fairFee(netCost: Float64Array, feeWeight: Float64Array): { fee: number; standardError: number } {
  const n = netCost.length;
  const meanWeight = sum(feeWeight) / n;
  const fee = sum(netCost) / n / meanWeight;
  // Var of the ratio estimator: residuals D − fee·w, scaled by E[w].
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = netCost[i] - fee * feeWeight[i];
  return { fee, standardError: moments(residual).standardError / meanWeight };
}
