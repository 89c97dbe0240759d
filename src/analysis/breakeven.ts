import type { TrialColumns } from '../engine/columns.js';
import { moments, ratio, sum } from './moments.js';
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
  const values = selectRanks(ratio(netCost, feeWeight), ranks.flat());
  return levels.map((confidence, i) => ({ confidence, fee: values[3 * i], interval: [values[3 * i + 1], values[3 * i + 2]] }));
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

/** Everything MODEL.md derives from one confidence level. */
export interface PortfolioFees {
  breakeven: BreakevenFee;
  fair: { fee: number; standardError: number };
  /** f* ÷ fair − 1; null when the fair fee is not positive (fixed revenue covers all costs). */
  riskLoading: number | null;
  plans: PlanFees[];
  segments: { standaloneFee: number; standaloneInterval: [number, number] }[];
  /** Client-weighted mean of single-client standalone fees minus the portfolio's break-even fee. */
  poolingBenefit: number;
}

/** The fees of one plan. */
export interface PlanFees {
  /** The plan's fair fee E[D_p]/E[w_p]. */
  fairFee: number;
  /** Fair fee carrying the portfolio's loading: heavy plans pay more, the portfolio still breaks even with probability α. */
  fee: number;
  /** The plan's clients as a portfolio of their own: α-quantile of D_p,t / w_p,t. */
  standaloneFee: number;
  standaloneInterval: [number, number];
}

/**
 * Break-even, fair, per-plan, standalone fees and the pooling benefit at one confidence level.
 * @param segmentCounts clients in each segment (the weights of the single-client fees)
 */
export function portfolioFees(columns: TrialColumns, confidence: number, segmentCounts: readonly number[]): PortfolioFees {
  const breakeven = breakevenFee(columns.netCost, columns.feeWeight, confidence);
  const fair = fairFee(columns.netCost, columns.feeWeight);
  const loadingFactor = fair.fee > 0 ? breakeven.fee / fair.fee : null;
  const plans = columns.plans.map((plan): PlanFees => {
    const planFair = sum(plan.feeWeight) > 0 ? sum(plan.netCost) / sum(plan.feeWeight) : 0;
    const standalone = breakevenFee(plan.netCost, plan.feeWeight, confidence);
    return {
      fairFee: planFair,
      // With a non-positive fair fee a proportional loading has no meaning; the margin is added instead.
      fee: loadingFactor !== null ? planFair * loadingFactor : planFair + (breakeven.fee - fair.fee),
      standaloneFee: standalone.fee,
      standaloneInterval: standalone.interval,
    };
  });
  const segments = columns.segments.map((segment) => {
    const standalone = breakevenFee(segment.netCost, segment.feeWeight, confidence);
    return { standaloneFee: standalone.fee, standaloneInterval: standalone.interval };
  });
  const clients = segmentCounts.reduce((a, b) => a + b, 0);
  const meanStandalone = segments.reduce((acc, s, i) => acc + s.standaloneFee * segmentCounts[i], 0) / clients;
  return {
    breakeven,
    fair,
    riskLoading: loadingFactor !== null ? loadingFactor - 1 : null,
    plans,
    segments,
    poolingBenefit: meanStandalone - breakeven.fee,
  };
}
