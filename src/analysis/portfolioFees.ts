import type { TrialColumns } from '../engine/columns.js';
import { type BreakevenFee, breakevenFee, fairFee } from './breakeven.js';
import { type PlanPrices, planPrices } from './planPrices.js';

/** Everything MODEL.md derives from one confidence level. */
export interface PortfolioFees {
  breakeven: BreakevenFee;
  fair: { fee: number; standardError: number };
  /** f* ÷ fair − 1; null when the fair fee is not positive (fixed revenue covers all costs). */
  riskLoading: number | null;
  /** Every plan's price in its own unit, the risk margin split by covariance. */
  plans: PlanPrices;
  /** Each segment's single client as a portfolio of its own, in its plan's price unit. */
  segments: { standaloneFee: number; standaloneInterval: [number, number] }[];
  /** Client-weighted mean of the flat segments' single-client standalone fees minus the portfolio's break-even fee. */
  poolingBenefit: number;
}

/**
 * Break-even, fair, per-plan, standalone fees and the pooling benefit at one confidence level.
 * The uniform figures are of the flat plans (the columns count the others at their stated
 * prices); whether they mean anything is uniformFeeProblem's to say.
 * @param flatCounts clients in each segment on a flat plan, 0 for the others (the weights of
 *   the single-client fees the pooling benefit compares with the uniform fee)
 */
export function portfolioFees(columns: TrialColumns, confidence: number, flatCounts: readonly number[]): PortfolioFees {
  const breakeven = breakevenFee(columns.netCost, columns.feeWeight, confidence);
  const fair = fairFee(columns.netCost, columns.feeWeight);
  const loadingFactor = fair.fee > 0 ? breakeven.fee / fair.fee : null;
  const plans = planPrices(columns.plans, confidence);
  const segments = columns.segments.map((segment) => {
    const standalone = breakevenFee(segment.netCost, segment.feeWeight, confidence);
    return { standaloneFee: standalone.fee, standaloneInterval: standalone.interval };
  });
  const clients = flatCounts.reduce((a, b) => a + b, 0);
  const meanStandalone = clients > 0 ? segments.reduce((acc, s, i) => acc + (flatCounts[i] > 0 ? s.standaloneFee * flatCounts[i] : 0), 0) / clients : 0;
  return {
    breakeven,
    fair,
    riskLoading: loadingFactor !== null ? loadingFactor - 1 : null,
    plans,
    segments,
    poolingBenefit: meanStandalone - breakeven.fee,
  };
}
