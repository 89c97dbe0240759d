import { streamBinomial } from '../random/binomial.js';
import { streamGamma } from '../random/gammaVariate.js';
import { streamNegativeBinomial, streamPoisson, streamPoissonInversion } from '../random/poisson.js';
import type { StreamKey } from '../random/rng.js';
import type { TycheStream } from '../random/tycheStream.js';
import { allocateColumns, type TrialColumns } from './columns.js';
import type { CompiledPortfolio, ServiceMonth } from './compile.js';
import { CountKind, hotPortfolio, type HotClient, type HotType } from './hotPortfolio.js';
import { sampleHours, sampleHoursByMonth } from './sampleHours.js';

/** Makes the generator of the stream at a position: injected, so the engine stays pure. */
export type StreamFactory = (path: readonly StreamKey[]) => TycheStream;

/**
 * Trials per block. Every block has its own streams, so results depend only on scenario and
 * seed, never on how blocks are spread over threads, and more trials extend earlier ones.
 */
export const BLOCK_SIZE = 1000;

/** Per-trial working arrays of one block, shared by the clients simulated one after another. */
interface BlockState {
  readonly portfolio: CompiledPortfolio;
  readonly streams: StreamFactory;
  readonly block: number;
  readonly length: number;
  readonly out: TrialColumns;
  /** Common factor of trial t, month m at t·H + m; null without one. */
  readonly common: Float64Array | null;
  /** Running sums of `common` over each trial's months, at t·H + m (empty without one). */
  readonly commonCumulative: Float64Array;
  /** Events of shock s in trial t, month m at (s·length + t)·H + m. */
  readonly shockEvents: Int32Array;
  /** Fee weight and service cost of one client in trial t (the service chain is shared). */
  readonly feeWeightPerClient: Float64Array;
  readonly serviceCostPerClient: Float64Array;
  /** The current client's intensity U, covered and uncovered hours per trial. */
  readonly intensity: Float64Array;
  readonly covered: Float64Array;
  readonly uncovered: Float64Array;
  /** The current client's covered hours of trial t, month m at t·H + m (capped plans only). */
  readonly coveredByMonth: Float64Array;
  /** Running sums of one trial's monthly rates, for placing requests in months. */
  readonly cumulative: Float64Array;
}

/**
 * Simulates trials `block·BLOCK_SIZE … + length − 1` of the portfolio (MODEL.md, "One trial")
 * and returns their per-trial columns. Pure: all randomness comes from `streams`, addressed
 * by (block, client, request type), so changing one client or type leaves every other draw.
 * The loops run client by client and type by type over all trials of the block: each stream
 * is drawn from in trial order exactly as a trial-by-trial loop would, while its type's
 * settings stay in registers.
 * @param length trials in this block, 1 … BLOCK_SIZE
 */
export function simulateBlock(portfolio: CompiledPortfolio, streams: StreamFactory, block: number, length: number): TrialColumns {
  const p = portfolio;
  const H = p.termMonths;
  const hot = hotPortfolio(p);
  const state: BlockState = {
    portfolio: p,
    streams,
    block,
    length,
    out: allocateColumns({ plans: p.planCount, segments: p.segmentCount, types: p.typeCount }, length),
    common: hot.commonGamma ? new Float64Array(length * H) : null,
    commonCumulative: new Float64Array(hot.commonGamma ? length * H : 0),
    shockEvents: new Int32Array(p.shocks.length * length * H),
    feeWeightPerClient: new Float64Array(length).fill(H),
    serviceCostPerClient: new Float64Array(length),
    intensity: new Float64Array(length),
    covered: new Float64Array(length),
    uncovered: new Float64Array(length),
    coveredByMonth: new Float64Array(p.clients.some((c) => c.capped) ? length * H : 0),
    cumulative: new Float64Array(H),
  };

  if (hot.commonGamma) {
    const stream = streams([block, 'common']);
    const shape = hot.commonGamma.shape;
    for (let i = 0; i < length * H; i++) state.common![i] = streamGamma(stream, hot.commonGamma) / shape;
    for (let t = 0; t < length; t++) {
      let total = 0;
      for (let m = t * H; m < (t + 1) * H; m++) state.commonCumulative[m] = total += state.common![m];
    }
  }
  p.shocks.forEach((shock, s) => {
    const stream = streams([block, 'shock', shock.name]);
    const mean = shock.perMonth;
    for (let i = 0; i < length * H; i++) state.shockEvents[s * length * H + i] = streamPoisson(stream, mean);
  });
  if (p.serviceChain) {
    // The service chain is shared: every client sees the same outages and credits.
    const rng = streams([block, 'service']).rng;
    const month: ServiceMonth = { creditShare: 0, supplierCreditPerClient: 0, supplierCostPerClient: 0 };
    for (let t = 0; t < length; t++) {
      for (let m = 0; m < H; m++) {
        p.serviceChain.simulateMonth(rng, month);
        state.feeWeightPerClient[t] -= month.creditShare;
        state.serviceCostPerClient[t] += month.supplierCostPerClient - month.supplierCreditPerClient;
      }
    }
  }

  for (const client of hot.clients) simulateClient(state, client);

  const { out } = state;
  for (let t = 0; t < length; t++) out.feeWeight[t] = state.feeWeightPerClient[t] * p.clientCount;
  return out;
}

/** One client over all trials of the block: intensity, each type, shocks, then its totals. */
function simulateClient(state: BlockState, client: HotClient): void {
  const { portfolio: p, streams, block, length, intensity, covered, uncovered, coveredByMonth } = state;
  const H = p.termMonths;
  const c = client.source;
  if (client.intensityGamma) {
    const stream = streams([block, 'intensity', c.streamKey]);
    const g = client.intensityGamma;
    for (let t = 0; t < length; t++) intensity[t] = streamGamma(stream, g) / g.shape;
  } else {
    intensity.fill(1);
  }
  covered.fill(0);
  uncovered.fill(0);
  if (c.capped) coveredByMonth.fill(0);

  for (const type of client.types) {
    simulateType(state, type, streams([block, 'requests', c.streamKey, type.name]));
  }
  client.shockTypes.forEach((type, s) => {
    if (type) simulateShock(state, type, s, streams([block, 'shock-hits', p.shocks[s].name, c.streamKey]));
  });

  const { out } = state;
  const plan = out.plans[c.planIndex];
  const segment = c.representative ? out.segments[c.segmentIndex] : null;
  const { costPerHour, hourlyRate } = p;
  for (let t = 0; t < length; t++) {
    let overage = 0;
    if (c.capped) {
      for (let m = t * H; m < (t + 1) * H; m++) {
        const excess = coveredByMonth[m] - c.includedHours;
        if (excess > 0) overage += excess;
      }
    }
    const coveredHours = covered[t];
    const hours = coveredHours + uncovered[t];
    const cost = costPerHour * hours + H * c.fixedCostPerMonth + state.serviceCostPerClient[t];
    const revenueBesidesFee = c.overageRate * overage + hourlyRate * uncovered[t] + H * c.fixedRevenuePerMonth;
    const clientNetCost = cost - revenueBesidesFee;
    out.netCost[t] += clientNetCost;
    out.hours[t] += hours;
    out.coveredHours[t] += coveredHours;
    plan.netCost[t] += clientNetCost;
    plan.feeWeight[t] += state.feeWeightPerClient[t];
    plan.coveredHours[t] += coveredHours;
    plan.overageHours[t] += overage;
    if (segment) {
      segment.netCost[t] = clientNetCost;
      segment.feeWeight[t] = state.feeWeightPerClient[t];
      segment.hourlyValue[t] = hourlyRate * coveredHours - c.overageRate * overage;
      segment.hours[t] = hours;
    }
  }
}

/** Adds one trial's hours of a type to the client's and the portfolio's columns. */
function record(state: BlockState, type: HotType, t: number, hours: number): void {
  if (type.covered) state.covered[t] += hours;
  else state.uncovered[t] += hours;
  state.out.typeHours[type.typeIndex][t] += hours;
  state.out.typeNetCost[type.typeIndex][t] += type.netCostPerHour * hours;
}

/** One request type of the current client over all trials of the block (see CountKind). */
function simulateType(state: BlockState, type: HotType, stream: TycheStream): void {
  if (type.countKind === CountKind.TermNegativeBinomial) simulateTermNegativeBinomial(state, type, stream);
  else if (type.countKind === CountKind.MonthlyNegativeBinomial) simulateMonthlyNegativeBinomial(state, type, stream);
  else if (type.fixedTermMean >= 0 && !type.byMonth) simulateFixedPoisson(state, type, stream);
  else simulateTermPoisson(state, type, stream);
}

/** Alike bursty months: one Poisson–Gamma(H·k) count for the term. */
function simulateTermNegativeBinomial(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity } = state;
  const g = type.countGamma!;
  const termRate = type.ratePerMonth * state.portfolio.termMonths;
  for (let t = 0; t < length; t++) {
    const count = streamPoisson(stream, (termRate * intensity[t] * streamGamma(stream, g)) / g.shape);
    record(state, type, t, sampleHours(stream, type, count));
  }
}

/** Bursty months that differ or must be kept: a negative binomial count for each month. */
function simulateMonthlyNegativeBinomial(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity, common, coveredByMonth } = state;
  const H = state.portfolio.termMonths;
  const g = type.countGamma!;
  const k = type.dispersion;
  const inverseK = 1 / k;
  const season = type.season;
  for (let t = 0; t < length; t++) {
    const rate = type.ratePerMonth * intensity[t];
    let hours = 0;
    for (let m = 0; m < H; m++) {
      const mean = common ? rate * season[m] * common[t * H + m] : rate * season[m];
      const monthHours = sampleHours(stream, type, streamNegativeBinomial(stream, mean, k, inverseK, g));
      if (type.byMonth) coveredByMonth[t * H + m] += monthHours;
      hours += monthHours;
    }
    record(state, type, t, hours);
  }
}

/** Poisson months with the same term mean every trial: inversion with e^−mean computed once. */
function simulateFixedPoisson(state: BlockState, type: HotType, stream: TycheStream): void {
  const mean = type.fixedTermMean;
  const expMinusMean = type.expMinusFixedTermMean;
  for (let t = 0; t < state.length; t++) record(state, type, t, sampleHours(stream, type, streamPoissonInversion(stream, mean, expMinusMean)));
}

/**
 * Poisson months add up to one Poisson count for the term; when the months are kept, each
 * request is placed in a month with probability ∝ the month's rate (season × common factor).
 */
function simulateTermPoisson(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity, common, commonCumulative, coveredByMonth } = state;
  const H = state.portfolio.termMonths;
  const season = type.season;
  for (let t = 0; t < length; t++) {
    let weights: Float64Array | null = type.cumulativeSeason;
    let offset = 0;
    let total = type.seasonSum;
    if (common && type.flatSeason) {
      weights = commonCumulative;
      offset = t * H;
      total = commonCumulative[offset + H - 1];
    } else if (common) {
      const cumulative = state.cumulative;
      total = 0;
      for (let m = 0; m < H; m++) {
        total += season[m] * common[t * H + m];
        cumulative[m] = total;
      }
      weights = cumulative;
    }
    const count = streamPoisson(stream, type.ratePerMonth * intensity[t] * total);
    const hours = type.byMonth
      ? sampleHoursByMonth(stream, type, count, weights, offset, H, coveredByMonth, t * H)
      : sampleHours(stream, type, count);
    record(state, type, t, hours);
  }
}

/**
 * The requests shock `s` brings the current client: in each month with events, each event hits
 * the client with the hit probability, one request per hit.
 */
function simulateShock(state: BlockState, type: HotType, s: number, stream: TycheStream): void {
  const { length, shockEvents, coveredByMonth } = state;
  const H = state.portfolio.termMonths;
  const hitProbability = state.portfolio.shocks[s].hitProbability;
  const logMiss = hitProbability < 1 ? Math.log1p(-hitProbability) : -Infinity;
  const first = s * length * H;
  for (let t = 0; t < length; t++) {
    let hours = 0;
    for (let m = 0; m < H; m++) {
      const events = shockEvents[first + t * H + m];
      if (events === 0) continue;
      const monthHours = sampleHours(stream, type, streamBinomial(stream, events, hitProbability, logMiss));
      if (type.byMonth) coveredByMonth[t * H + m] += monthHours;
      hours += monthHours;
    }
    record(state, type, t, hours);
  }
}
