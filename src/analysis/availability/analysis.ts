import { moments } from '../moments.js';
import { quantileInterval, quantileSorted, sortedCopy } from '../quantile.js';
import { exactFigures, type ExactFigures } from './exactFigures.js';
import { createAvailabilityModel } from '../../engine/uptime/model.js';
import { creditShare } from '../../engine/uptime/credits.js';
import { promiseAtRisk, promiseWithinCreditBudget } from './promise.js';
import { simulateMonths } from './simulateMonths.js';
import type { AvailabilityNode, AvailabilitySpec } from '../../scenario/uptime/spec.js';

/** Mean outage lengths, hours, at which P(below promised) is shown beside the assumed one (issue 12). */
export const ALTERNATIVE_OUTAGE_HOURS = [1, 8] as const;

/** The mean outage hours of the components given by availability, in the tree's order. */
function statedOutageHours(node: AvailabilityNode): number[] {
  if (node.kind === 'component') return node.source.given === 'availability' ? [node.source.meanOutageHours] : [];
  return node.members.flatMap(statedOutageHours);
}

/** The tree with every component given by availability at `hours` mean outage length. */
function withOutageHours<N extends AvailabilityNode>(node: N, hours: number): N {
  if (node.kind === 'component') return node.source.given === 'availability' ? { ...node, source: { ...node.source, meanOutageHours: hours } } : node;
  return { ...node, members: node.members.map((m) => withOutageHours(m, hours)) };
}

/** P(month below `promised`) over `months` simulated months of `spec`'s chain. */
function belowShare(spec: AvailabilitySpec, options: AnalysisOptions): number {
  const columns = simulateMonths(createAvailabilityModel(spec), options.months, options.seed, options.monthsPerTrial);
  let below = 0;
  for (let m = 0; m < options.months; m++) if (columns.availability[m] < spec.promised) below++;
  return below / options.months;
}

export { simulateMonths, type MonthColumns } from './simulateMonths.js';

/** Levels of the monthly-availability quantiles kept for the CSV table. */
export const DISTRIBUTION_LEVELS: readonly number[] = [0.001, 0.005, ...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.995, 0.999];

/** A mean with its Monte Carlo standard error. */
export interface Estimate {
  mean: number;
  standardError: number;
}

/** Everything `fairfee availability` reports about a scenario's chain. */
export interface AvailabilityAnalysis {
  months: number;
  seed: string;
  promised: number;
  /** The plan whose own promise `promised` is, when the scenario states none (AvailabilitySpec.promisedBy). */
  promisedBy: string | null;
  hoursPerMonth: number;
  exact: ExactFigures;
  /** Monthly availability: moments and type-1 quantiles (the ⌈nα⌉-th smallest month). */
  availability: Estimate & { sd: number; min: number; p01: number; p05: number; p10: number; p50: number };
  /**
   * The month at each of `DISTRIBUTION_LEVELS`: its availability (type-1 quantile: at least that
   * share of months are at or below it), the downtime that means, (1 − availability)·730 h,
   * and the credit share such a month earns.
   */
  distribution: { level: number; availability: number; downtimeHours: number; creditShare: number }[];
  /** P(month's availability < promised), with its binomial standard error √(p(1 − p)/n). */
  belowPromised: { probability: number; standardError: number };
  /**
   * What P(below promised) assumes: components given only an availability have exponential
   * outages of `meanOutageHours` (their stated ones, distinct); `alternatives` the same figure
   * with every such component's outages at 1 h and 8 h on average (same months, same seed).
   * Null when no component is given by its availability.
   */
  outageAssumption: { meanOutageHours: number[]; alternatives: { meanOutageHours: number; belowPromised: number }[] } | null;
  /** Chain downtime per month, hours (type-1 quantiles). */
  downtimeHours: Estimate & { p50: number; p90: number; p95: number; p99: number; max: number };
  /** The month's longest single outage of the chain, hours. */
  longestOutageHours: Estimate & { p95: number };
  /** Clients' credits as a share of the monthly fee per client-month. */
  creditShare: Estimate & { p95: number; probabilityAny: number };
  /** Back-to-back: credits received from suppliers and what they cost, money per client-month. */
  supplier: { credit: Estimate; cost: number; netCost: number };
  /** Present when a monthly fee is given: the credits in money and net of supplier credits. */
  fee: { monthlyFee: number; expectedCredit: number; netCredit: Estimate } | null;
  /** "What can I promise?" */
  promise: {
    risk: number;
    /** Highest p with P̂(month < p) ≤ risk (promise.ts). */
    atRisk: number;
    /** 95% Monte Carlo interval for it, from order statistics. */
    atRiskInterval: [number, number];
    maxCreditShare: number;
    /** Highest p at which the shifted schedule's expected credit ≤ maxCreditShare; null without a schedule. */
    withinCreditBudget: number | null;
  };
}

/** Options of `analyzeAvailability`. */
export interface AnalysisOptions {
  /** Simulated months, ≥ 1. */
  months: number;
  seed: string;
  /** The scenario's term: a run's trial sees this many months, one after the other (simulateMonths). */
  monthsPerTrial?: number;
  /** Overrides the block's `risk`. */
  risk?: number;
  /** Overrides the block's `max_credit_share`. */
  maxCreditShare?: number;
  /** A plan's monthly fee, to state credits in money. */
  monthlyFee?: number;
}

const estimate = (values: Float64Array): Estimate => {
  const m = moments(values);
  return { mean: m.mean, standardError: m.standardError };
};

/** The outage-length assumption behind P(below promised), and the figure at 1 h and 8 h. */
function outageAssumption(spec: AvailabilitySpec, options: AnalysisOptions): AvailabilityAnalysis['outageAssumption'] {
  const stated = [...new Set(statedOutageHours(spec.chain))];
  if (stated.length === 0) return null;
  return {
    meanOutageHours: stated,
    alternatives: ALTERNATIVE_OUTAGE_HOURS.map((hours) => ({
      meanOutageHours: hours,
      belowPromised: belowShare({ ...spec, chain: withOutageHours(spec.chain, hours) }, options),
    })),
  };
}

/**
 * Simulates the chain for `months` months and summarises them: the exact figures, the
 * distribution of monthly availability, P(below promised), downtime and longest-outage
 * quantiles, expected credits (share of the fee) with their 95th percentile, supplier credits
 * netted, and the two answers to "what can I promise?".
 * @throws RangeError unless months is a whole number ≥ 1
 * @example analyzeAvailability(scenario.availability, { months: 100_000, seed: '2027' }).belowPromised.probability
 */
export function analyzeAvailability(spec: AvailabilitySpec, options: AnalysisOptions): AvailabilityAnalysis {
  if (!Number.isInteger(options.months) || options.months < 1) {
    throw new RangeError(`availability: months must be a whole number ≥ 1 (got ${options.months})`);
  }
  const model = createAvailabilityModel(spec);
  const columns = simulateMonths(model, options.months, options.seed, options.monthsPerTrial);
  const n = options.months;
  const availability = sortedCopy(columns.availability);
  const downtime = sortedCopy(columns.downtimeHours);
  const longest = sortedCopy(columns.longestOutageHours);
  const credits = sortedCopy(columns.creditShare);
  const q = quantileSorted;

  let below = 0;
  let anyCredit = 0;
  for (let m = 0; m < n; m++) {
    if (columns.availability[m] < spec.promised) below++;
    if (columns.creditShare[m] > 0) anyCredit++;
  }
  const belowProbability = below / n;
  const supplierCredit = estimate(columns.supplierCreditPerClient);
  const risk = options.risk ?? spec.risk;
  const maxCreditShare = options.maxCreditShare ?? spec.maxCreditShare;
  const availabilityMoments = moments(columns.availability);
  const creditMoments = estimate(columns.creditShare);

  let fee: AvailabilityAnalysis['fee'] = null;
  if (options.monthlyFee !== undefined) {
    const monthlyFee = options.monthlyFee;
    const net = Float64Array.from(columns.creditShare, (share, m) => share * monthlyFee - columns.supplierCreditPerClient[m]);
    fee = { monthlyFee, expectedCredit: creditMoments.mean * monthlyFee, netCredit: estimate(net) };
  }

  return {
    months: n,
    seed: options.seed,
    promised: spec.promised,
    promisedBy: spec.promisedBy,
    hoursPerMonth: model.hoursPerMonth,
    exact: exactFigures(model),
    availability: {
      mean: availabilityMoments.mean,
      standardError: availabilityMoments.standardError,
      sd: availabilityMoments.sd,
      min: availability[0],
      p01: q(availability, 0.01),
      p05: q(availability, 0.05),
      p10: q(availability, 0.1),
      p50: q(availability, 0.5),
    },
    distribution: DISTRIBUTION_LEVELS.map((level) => {
      const value = q(availability, level);
      return { level, availability: value, downtimeHours: (1 - value) * model.hoursPerMonth, creditShare: creditShare(spec.credits, value) };
    }),
    belowPromised: { probability: belowProbability, standardError: Math.sqrt((belowProbability * (1 - belowProbability)) / n) },
    outageAssumption: outageAssumption(spec, options),
    downtimeHours: {
      ...estimate(columns.downtimeHours),
      p50: q(downtime, 0.5),
      p90: q(downtime, 0.9),
      p95: q(downtime, 0.95),
      p99: q(downtime, 0.99),
      max: downtime[n - 1],
    },
    longestOutageHours: { ...estimate(columns.longestOutageHours), p95: q(longest, 0.95) },
    creditShare: { ...creditMoments, p95: q(credits, 0.95), probabilityAny: anyCredit / n },
    supplier: { credit: supplierCredit, cost: model.supplierCostPerClient, netCost: model.supplierCostPerClient - supplierCredit.mean },
    fee,
    promise: {
      risk,
      atRisk: promiseAtRisk(availability, risk),
      atRiskInterval: quantileInterval(availability, risk),
      maxCreditShare,
      withinCreditBudget: promiseWithinCreditBudget(availability, spec.credits, maxCreditShare),
    },
  };
}
