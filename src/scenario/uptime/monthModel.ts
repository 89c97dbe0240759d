import { HOURS_PER_MONTH } from './constants.js';
import { groupAvailability } from './exact.js';
import type { AvailabilityNode, ComponentSpec } from './spec.js';
import { atomsTruncatedMean, continuousTruncatedMean, exponentialTruncatedMean, type MonthGrid } from './truncatedMean.js';

/*
 * The exact counterpart of the simulation (MODEL.md): a month of T = 730 h starts with every
 * component up; outages start as a Poisson process of rate r per hour (the rate per month / T)
 * and last D hours. A component is down at t exactly when an outage that started at u ≤ t is
 * still running, and the number of such outages is Poisson with mean r·∫₀ᵗ P(D > t − u) du
 * (the M/G/∞ queue started empty). So
 *
 *     P(up at t) = exp(−r·M(t)),  M(t) = E[min(D, t)],
 *
 * and the expected availability of the month is (1/T)·∫₀ᵀ exp(−r·M(t)) dt. Overlapping outages
 * merge and the cut at the month's end changes nothing here: both are built into "some outage is
 * running at t". Components are independent, so at each t a structure's up-probability is the
 * exact composition (exact.ts) of its members'; its expected monthly availability is the time
 * average of that. The integrals use Simpson's rule on 16,384 cells (about 2.7 minutes each).
 * Where the duration has a smooth density the quadrature error is ~1e-12; a kink (the end of a
 * fixed duration, the bounds of a uniform) costs about 4e-10 per expected outage a month.
 * Either is far under the Monte Carlo error of any simulation this model is checked against.
 */

/** The grid of the exact month model. */
export const MONTH_GRID: MonthGrid = { hours: HOURS_PER_MONTH, cells: 16_384 };

/** Everything the exact model and the simulator need to know about one component. */
export interface ComponentProfile {
  readonly component: ComponentSpec;
  /** Expected outage starts per month; Infinity for a component that is never up (availability 0). */
  readonly perMonth: number;
  /** Mean outage duration, hours. */
  readonly meanOutageHours: number;
  /** M(tᵢ) = E[min(D, tᵢ)] at the grid's knots, hours. */
  readonly truncatedMean: Float64Array;
  /** P(up at tᵢ) = exp(−r·M(tᵢ)) at the knots. */
  readonly upProbability: Float64Array;
  /** Expected availability of a month: the stated one, or (1/T)∫ P(up at t) dt for outages. */
  readonly availability: number;
}

/**
 * The time average over the grid of values at its knots: Simpson's rule divided by the length.
 * @example timeAverage(Float64Array.of(0, 0.5, 1)) // 0.5
 */
export function timeAverage(values: Float64Array): number {
  const cells = values.length - 1;
  let sum = values[0] + values[cells];
  for (let i = 1; i < cells; i++) sum += (i % 2 === 1 ? 4 : 2) * values[i];
  return sum / (3 * cells);
}

/** exp(−r·M) at every knot, r per hour. */
function upCurve(truncatedMean: Float64Array, ratePerHour: number): Float64Array {
  const up = new Float64Array(truncatedMean.length);
  if (ratePerHour === Number.POSITIVE_INFINITY) return up; // never up (M > 0 after t = 0 anyway)
  for (let i = 0; i < up.length; i++) up[i] = Math.exp(-ratePerHour * truncatedMean[i]);
  return up;
}

/**
 * The rate of outage starts per month at which the month model's expected availability equals
 * `availability`: the root r of g(r) = (1/T)∫₀ᵀ exp(−r·M(t)) dt − a. g decreases and is convex
 * in r, so Newton's method from r = 0 climbs to the root without overshooting; its first step is
 * the naive rate (1 − a)/(mean of M over the month). The result is a little above
 * (1 − a)·T / E[D] per month, because outages overlap and each month starts up.
 * @param availability target in [0, 1]; 1 gives 0, 0 gives Infinity (never up)
 * @param truncatedMean M at the knots of `MONTH_GRID`, hours
 * @returns outage starts per month
 * @example solveOutageRate(0.99, exponentialTruncatedMean(MONTH_GRID, 4)) // ≈ 1.84 (naive: 7.3 h / 4 h = 1.825)
 */
export function solveOutageRate(availability: number, truncatedMean: Float64Array, grid: MonthGrid = MONTH_GRID): number {
  if (availability >= 1) return 0;
  if (availability <= 0) return Number.POSITIVE_INFINITY;
  const weighted = new Float64Array(truncatedMean.length);
  let rate = 0; // per hour
  // Rounding in the 16,384-term sums leaves steps of ~1e-12·r; 1e-10 stops above that floor.
  for (let iteration = 0; iteration < 100; iteration++) {
    const up = upCurve(truncatedMean, rate);
    for (let i = 0; i < up.length; i++) weighted[i] = truncatedMean[i] * up[i];
    const excess = timeAverage(up) - availability;
    const slope = timeAverage(weighted); // −g'(r)
    const stepSize = excess / slope;
    rate += stepSize;
    if (!(Math.abs(stepSize) > rate * 1e-10)) break;
  }
  return rate * grid.hours;
}

/**
 * A component's outage process under the month model. Given by `availability`: exponential
 * durations of the stated mean and the rate from `solveOutageRate`. Given by `outages`: its
 * rate and duration distribution, and the expected availability they imply.
 * @example componentProfile(component).perMonth
 */
export function componentProfile(component: ComponentSpec, grid: MonthGrid = MONTH_GRID): ComponentProfile {
  const source = component.source;
  if (source.given === 'availability') {
    const truncatedMean = exponentialTruncatedMean(grid, source.meanOutageHours);
    const perMonth = solveOutageRate(source.availability, truncatedMean, grid);
    const upProbability = upCurve(truncatedMean, perMonth / grid.hours);
    return { component, perMonth, meanOutageHours: source.meanOutageHours, truncatedMean, upProbability, availability: source.availability };
  }
  const { distribution, atoms } = source.duration;
  const truncatedMean = atoms ? atomsTruncatedMean(grid, atoms) : continuousTruncatedMean(grid, distribution);
  const upProbability = upCurve(truncatedMean, source.perMonth / grid.hours);
  const availability = source.perMonth === 0 ? 1 : timeAverage(upProbability);
  return { component, perMonth: source.perMonth, meanOutageHours: distribution.mean, truncatedMean, upProbability, availability };
}

/** P(up at tᵢ) of a node at every knot: members' curves composed pointwise. */
function nodeUpCurve(node: AvailabilityNode, profiles: ReadonlyMap<ComponentSpec, ComponentProfile>): Float64Array {
  if (node.kind === 'component') return (profiles.get(node) ?? componentProfile(node)).upProbability;
  const memberCurves = node.members.map((member) => nodeUpCurve(member, profiles));
  const curve = new Float64Array(memberCurves[0].length);
  const atKnot = new Array<number>(memberCurves.length);
  for (let i = 0; i < curve.length; i++) {
    for (let j = 0; j < memberCurves.length; j++) atKnot[j] = memberCurves[j][i];
    curve[i] = groupAvailability(node, atKnot);
  }
  return curve;
}

/**
 * The expected monthly availability of a structure under the month model: (1/T)∫₀ᵀ A(t) dt,
 * with A(t) the exact composition of the members' P(up at t). This is what the simulated mean
 * converges to. It differs from composing the components' monthly availabilities (the product
 * of a chain) only through the hours after each month's start, when every component is fresh:
 * for hour-long outages by about 1e-7.
 * @param profiles component profiles already built (others are built on the way)
 * @example expectedMonthAvailability(spec.chain)
 */
export function expectedMonthAvailability(node: AvailabilityNode, profiles: ReadonlyMap<ComponentSpec, ComponentProfile> = new Map()): number {
  return timeAverage(nodeUpCurve(node, profiles));
}
