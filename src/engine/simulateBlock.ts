import { aliasPick, buildAliasTable } from '../random/aliasTable.js';
import { binomial } from '../random/binomial.js';
import { gammaVariate } from '../random/gammaVariate.js';
import { logarithmic } from '../random/logarithmic.js';
import { poisson, poissonInversion } from '../random/poisson.js';
import type { StreamKey } from '../random/rng.js';
import type { TycheStream } from '../random/tycheStream.js';
import { blockState, type BlockState } from './blockState.js';
import { allocateColumns, listColumns, type TrialColumns } from './columns.js';
import type { CompiledPortfolio } from './compile.js';
import { FormKind } from './contract/formKind.js';
import { settleClient } from './contract/settle.js';
import { CountKind, hotPortfolio, type HotClient, type HotPortfolio, type HotType } from './hotPortfolio.js';
import { settleBlockQueue } from './queue/blockQueue.js';
import type { SlaStats } from './queue/slaStats.js';
import { logRequests, logUrnRequests, markRequests } from './queue/requestLog.js';
import { sampleHours, sampleHoursByMonth, sampleHoursByUrn } from './sampleHours.js';
import { creditShare } from './uptime/credits.js';
import { simulateMonth } from './uptime/simulateMonth.js';

/** Makes the generator of the stream at a position: injected, so the engine stays pure. */
export type StreamFactory = (path: readonly StreamKey[]) => TycheStream;

/**
 * Trials per block. Every block has its own streams, so results depend only on scenario and
 * seed, never on how blocks are spread over threads, and more trials extend earlier ones.
 */
export const BLOCK_SIZE = 1000;

/**
 * Simulates trials `block·BLOCK_SIZE … + length − 1` of the portfolio (MODEL.md, "One trial")
 * and returns their per-trial columns. Pure: all randomness comes from `streams`, addressed
 * by (block, client, request type), so changing one client or type leaves every other draw.
 * The loops run client by client and type by type over all trials of the block: each stream
 * is drawn from in trial order exactly as a trial-by-trial loop would, while its type's
 * settings stay in registers. Working arrays are reused from block to block (blockState.ts).
 * @param length trials in this block, 1 … BLOCK_SIZE
 * @param into where to write the block's columns (views of at least `length` trials, e.g. of
 *   the run's columns at the block's offset); they are zeroed first. Default: new columns.
 */
export function simulateBlock(portfolio: CompiledPortfolio, streams: StreamFactory, block: number, length: number, into?: TrialColumns): TrialColumns {
  return simulatePreparedBlock(hotPortfolio(portfolio), streams, block, length, into);
}

/**
 * simulateBlock on the portfolio's hot-loop tables (what worker threads receive).
 * @param slaStats with a team, also sums what the `sla` study reports of the team as it is
 *   (settleQueue), from the same serving of the queue the penalties come from
 */
export function simulatePreparedBlock(
  p: HotPortfolio,
  streams: StreamFactory,
  block: number,
  length: number,
  into?: TrialColumns,
  slaStats: SlaStats | null = null,
): TrialColumns {
  const H = p.termMonths;
  const out = into ?? allocateColumns({ plans: p.planCount, segments: p.segmentCount, types: p.typeCount, forms: p.formColumns }, length);
  if (into) for (const column of listColumns(into)) column.fill(0, 0, length);
  const state = blockState(p, streams, block, length, out);
  state.queue?.log.clear();

  if (p.commonGamma) {
    const stream = streams([block, 'common']);
    const shape = p.commonGamma.shape;
    const common = state.common!;
    for (let i = 0; i < length * H; i++) common[i] = gammaVariate(stream, p.commonGamma) / shape;
    for (let t = 0; t < length; t++) {
      buildAliasTable(common, t * H, H, state.commonProbability, state.commonAlias, t * H);
      let total = 0;
      for (let m = t * H; m < (t + 1) * H; m++) total += common[m];
      state.commonTotal[t] = total;
    }
    const weights = new Float64Array(H);
    p.seasons.forEach((season, k) => {
      const tables = state.seasonTables[k];
      for (let t = 0; t < length; t++) {
        let total = 0;
        for (let m = 0; m < H; m++) {
          weights[m] = season[m] * common[t * H + m];
          total += weights[m];
        }
        tables.total[t] = total;
        buildAliasTable(weights, 0, H, tables.probability, tables.alias, t * H);
      }
    });
  }
  p.shocks.forEach((shock, s) => {
    const stream = streams([block, 'shock', shock.name]);
    const mean = shock.perMonth;
    const { shockFirst, shockMonth, shockEvents } = state;
    let k = s * length * H;
    for (let t = 0; t < length; t++) {
      shockFirst[s * (length + 1) + t] = k;
      for (let m = 0; m < H; m++) {
        const events = poisson(stream, mean);
        if (events === 0) continue;
        shockMonth[k] = m;
        shockEvents[k++] = events;
      }
    }
    shockFirst[s * (length + 1) + length] = k;
  });
  state.feeWeightPerClient.fill(H);
  state.serviceCostPerClient.fill(0, 0, length);
  if (p.serviceChain) {
    // The service chain is shared: every client sees the same outages and credits.
    const stream = streams([block, 'service']);
    const month = state.month;
    for (let t = 0; t < length; t++) {
      for (let m = 0; m < H; m++) {
        simulateMonth(p.serviceChain, stream, month);
        state.feeWeightPerClient[t] -= month.creditShare;
        // Plans with their own uptime promise: their clients' credits under their own schedule.
        for (let r = 1; r < p.feeRowCredits.length; r++) state.feeWeightPerClient[r * BLOCK_SIZE + t] -= creditShare(p.feeRowCredits[r], month.availability);
        state.serviceCostPerClient[t] += month.supplierCostPerClient - month.supplierCreditPerClient;
      }
    }
  }

  for (const client of p.clients) simulateClient(state, client);
  if (state.queue) settleBlockQueue(state.queue, p, p.team!, length, out, slaStats);

  if (p.feeRowCredits.length === 1) for (let t = 0; t < length; t++) out.feeWeight[t] = state.feeWeightPerClient[t] * p.flatClientCount;
  else {
    for (let t = 0; t < length; t++) {
      let weight = 0;
      for (let r = 0; r < p.feeRowCredits.length; r++) weight += state.feeWeightPerClient[r * BLOCK_SIZE + t] * p.feeRowClients[r];
      out.feeWeight[t] = weight;
    }
  }
  return out;
}

/** One client over all trials of the block: intensity, each type, shocks, then its totals. */
function simulateClient(state: BlockState, client: HotClient): void {
  const { portfolio: p, streams, block, length, intensity, covered, uncovered, coveredByMonth } = state;
  const H = p.termMonths;
  const c = client;
  if (c.intensityGamma) {
    const stream = streams([block, 'intensity', c.streamKey]);
    const g = c.intensityGamma;
    for (let t = 0; t < length; t++) intensity[t] = gammaVariate(stream, g) / g.shape;
  } else {
    intensity.fill(1);
  }
  covered.fill(0);
  uncovered.fill(0);
  if (c.billed) {
    state.uncoveredBilled.fill(0);
    state.fairCovered.fill(0);
    state.coveredBilled.fill(0);
  }
  if (c.form === FormKind.PerRequest) state.listValue.fill(0);
  if (c.capped) coveredByMonth.fill(0);
  if (c.bundleFirstMonth) state.coveredFirstMonth.fill(0);

  // With a team, each request also gets an arrival time, from streams of their own.
  const log = state.queue?.log ?? null;
  if (log) log.currentClient = c.index;
  for (const type of c.types) {
    if (log) log.arrivals = streams([block, 'arrivals', c.streamKey, type.name]);
    simulateType(state, type, streams([block, 'requests', c.streamKey, type.name]));
  }
  c.shockTypes.forEach((type, s) => {
    if (!type) return;
    if (log) log.arrivals = streams([block, 'shock-arrivals', p.shocks[s].name, c.streamKey]);
    simulateShock(state, type, s, streams([block, 'shock-hits', p.shocks[s].name, c.streamKey]));
  });

  settleClient(state, c);
  const { out, overage, revenueBesidesFee, priceWeight, breakage, deferred } = state;
  // The hourly equivalent's covered hours: billed at the scenario-level increment, if any.
  const fairCovered = c.billed ? state.fairCovered : covered;
  const plan = out.plans[c.planIndex];
  const segment = c.representative ? out.segments[c.segmentIndex] : null;
  const { costPerHour, hourlyRate } = p;
  // The uniform flat fee counts a plan that is not flat at its stated price (0 for a flat one).
  const statedPrice = c.statedPrice;
  const fixedRevenue = H * c.fixedRevenuePerMonth;
  for (let t = 0; t < length; t++) {
    const coveredHours = covered[t];
    const hours = coveredHours + uncovered[t];
    const cost = costPerHour * hours + H * c.fixedCostPerMonth + state.serviceCostPerClient[t];
    const clientNetCost = cost - revenueBesidesFee[t];
    out.netCost[t] += clientNetCost - statedPrice * priceWeight[t];
    out.hours[t] += hours;
    out.coveredHours[t] += coveredHours;
    out.revenueBesidesFee[t] += revenueBesidesFee[t];
    plan.netCost[t] += clientNetCost;
    plan.feeWeight[t] += priceWeight[t];
    plan.coveredHours[t] += fairCovered[t];
    plan.overageHours[t] += overage[t];
    if (segment) {
      segment.netCost[t] = clientNetCost;
      segment.feeWeight[t] = priceWeight[t];
      segment.hourlyValue[t] = hourlyRate * fairCovered[t] - c.overageRate * overage[t];
      segment.hours[t] = hours;
    }
  }
  if (out.forms) {
    for (let t = 0; t < length; t++) {
      plan.breakageHours[t] += breakage[t];
      plan.deferredHours[t] += deferred[t];
      if (segment) {
        segment.paymentBesidesPrice[t] = revenueBesidesFee[t] - fixedRevenue;
        segment.breakageHours[t] = breakage[t];
        segment.deferredHours[t] = deferred[t];
      }
    }
  }
}

/** Adds one trial's hours (and, for a price list, its requests) of a type to the client's and the portfolio's columns. */
function record(state: BlockState, type: HotType, t: number, hours: number, requests: number): void {
  if (type.listPrice > 0) state.listValue[t] += type.listPrice * requests;
  if (type.covered) state.covered[t] += hours;
  else state.uncovered[t] += hours;
  state.out.typeHours[type.typeIndex][t] += hours;
  state.out.typeNetCost[type.typeIndex][t] += type.netCostPerHour * hours;
}

/**
 * Adds the billed hours of the requests just drawn (scratch, HotType.billed) to the client's
 * columns: uncovered ones are billed hourly, so their type's net cost moves by the rounding.
 */
function addBilled(state: BlockState, type: HotType, t: number): void {
  const { scratch } = state;
  if (type.covered) {
    state.fairCovered[t] += scratch.fairBilled[0];
    state.coveredBilled[t] += scratch.billed[0];
  } else {
    state.uncoveredBilled[t] += scratch.billed[0];
    state.out.typeNetCost[type.typeIndex][t] -= state.portfolio.hourlyRate * (scratch.billed[0] - scratch.hours[0]);
  }
}

/** One request type of the current client over all trials of the block (see CountKind). */
function simulateType(state: BlockState, type: HotType, stream: TycheStream): void {
  if (type.countKind === CountKind.TermNegativeBinomial) simulateTermNegativeBinomial(state, type, stream);
  else if (type.countKind === CountKind.UrnNegativeBinomial) simulateUrnNegativeBinomial(state, type, stream);
  else if (type.countKind === CountKind.MonthlyNegativeBinomial) simulateMonthlyNegativeBinomial(state, type, stream);
  else if (type.fixedTermMean >= 0 && !type.byMonth && !type.firstApart) simulateFixedPoisson(state, type, stream);
  else simulateTermPoisson(state, type, stream);
}

/**
 * The requests of trial t split between month 1 (`first` of them) and the rest of the term
 * (`rest`), for a bundle that reads the first month apart (HotType.firstApart): each part's
 * hours drawn as sampleHours draws a term's, and the first part's billed hours also kept apart.
 * A team's log gets the first part in month 1 and the rest in months 2 … H by the season.
 * Draws: sampleHours's, for the first part, then for the rest.
 */
function sampleFirstAndRest(state: BlockState, type: HotType, stream: TycheStream, t: number, first: number, rest: number): void {
  const scratch = state.scratch;
  const log = state.queue?.log ?? null;
  let hours = 0;
  let billed = 0;
  let fairBilled = 0;
  if (first > 0) {
    if (log) markRequests(log, stream);
    sampleHours(stream, type, first, scratch);
    if (log) logRequests(log, type, first, t, 0, false, null, type.restAlias, 0);
    hours = scratch.hours[0];
    billed = scratch.billed[0];
    fairBilled = scratch.fairBilled[0];
    state.coveredFirstMonth[t] += type.billed ? billed : hours;
  }
  if (log) markRequests(log, stream);
  sampleHours(stream, type, rest, scratch);
  if (log) logRequests(log, type, rest, t, -1, false, type.restProbability, type.restAlias, 0, 1);
  // Both parts leave the scratch as one call for the term would (addBilled and record read it;
  // the billed figures exist only for a type that bills rounded hours).
  scratch.hours[0] += hours;
  if (type.billed) {
    scratch.billed[0] += billed;
    scratch.fairBilled[0] += fairBilled;
  }
  if (type.billed) addBilled(state, type, t);
  record(state, type, t, scratch.hours[0], first + rest);
}

/**
 * Alike bursty months: one Poisson–Gamma(H·k) count for the term. Split between month 1 and the
 * rest (HotType.firstApart), given the total, month 1's count is beta-binomial (k, (H−1)·k), the
 * two-colour Pólya urn of sampleHoursByUrn: request i joins month 1 with probability
 * (k + those already there) / (H·k + i), one draw each (bursty types have few requests).
 * Draws, per trial: the Gamma and the count, the urn's, then sampleFirstAndRest's.
 */
function simulateTermNegativeBinomial(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity } = state;
  const g = type.countGamma!;
  if (type.firstApart) {
    const termRate = type.ratePerMonth * state.portfolio.termMonths;
    const k = type.dispersion;
    const all = g.shape;
    for (let t = 0; t < length; t++) {
      const count = poisson(stream, (termRate * intensity[t] * gammaVariate(stream, g)) / all);
      let first = 0;
      for (let i = 0; i < count; i++) if (stream.nextDouble() * (all + i) < k + first) first++;
      sampleFirstAndRest(state, type, stream, t, first, count - first);
    }
    return;
  }
  const log = state.queue?.log ?? null;
  const termRate = type.ratePerMonth * state.portfolio.termMonths;
  for (let t = 0; t < length; t++) {
    const count = poisson(stream, (termRate * intensity[t] * gammaVariate(stream, g)) / g.shape);
    if (log) markRequests(log, stream);
    sampleHours(stream, type, count, state.scratch);
    if (log) logRequests(log, type, count, t, -1, false, null, type.seasonAlias, 0);
    if (type.billed) addBilled(state, type, t);
    record(state, type, t, state.scratch.hours[0], count);
  }
}

/**
 * Alike bursty months that must be kept: H independent negative binomial months (mean μ,
 * dispersion k) are Poisson months with independent Gamma(k) rates, so their total is one
 * Poisson–Gamma(H·k) count, and given the total the months follow the Dirichlet-multinomial
 * split with parameters (k, …, k): a Pólya urn, each request in a month of its own with weight
 * H·k, or with the month of one of the i earlier requests (sampleHoursByUrn).
 * Draws, per trial: the Gamma and the count (as TermNegativeBinomial); then sampleHoursByUrn's.
 */
function simulateUrnNegativeBinomial(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity } = state;
  const months = type.covered ? state.coveredByMonth : state.monthSink;
  const H = state.portfolio.termMonths;
  const g = type.countGamma!;
  const termRate = type.ratePerMonth * H;
  const log = state.queue?.log ?? null;
  for (let t = 0; t < length; t++) {
    const count = poisson(stream, (termRate * intensity[t] * gammaVariate(stream, g)) / g.shape);
    if (log) markRequests(log, stream);
    sampleHoursByUrn(stream, type, count, H, months, t * H, state.scratch);
    if (log) logUrnRequests(log, type, count, t, state.scratch.urnMonths);
    if (type.billed) addBilled(state, type, t);
    record(state, type, t, state.scratch.hours[0], count);
  }
}

/**
 * Bursty months that differ or must be kept. A month's negative binomial count (mean μ,
 * dispersion k) is a Poisson(k·ln(1 + μ/k)) number of clusters of Logarithmic(μ/(k + μ)) requests
 * (Quenouille 1949). Since k·ln(1 + μ/k) ≤ μ, the clusters of all months come from thinning one
 * Poisson(Σμ) count of candidates for the term: each candidate falls in month m with
 * probability ∝ μ_m (splitting) and is kept with probability ln(1 + x)/x, x = μ_m/k. That costs
 * a draw per candidate, about one per request, instead of one per month: bursty types are rare
 * (a bugfix a quarter), so most months had a draw and no request. The acceptance test is settled
 * by the bounds 1 − x/2 ≤ ln(1 + x)/x ≤ 1 − x/2 + x²/3 but for about x²/3 of candidates, and
 * only those compute the logarithm.
 * Draws, per trial: the candidates' count; per candidate, its month and its acceptance; per
 * kept one, its cluster size (logarithmic) and the cluster's hours (sampleHours).
 */
function simulateMonthlyNegativeBinomial(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity, common, scratch } = state;
  const months = type.covered ? state.coveredByMonth : state.monthSink;
  const H = state.portfolio.termMonths;
  const inverseDispersion = type.inverseDispersion;
  const log = state.queue?.log ?? null;
  const season = type.season;
  const place = monthPlacement(state, type);
  const { probability, alias, stride, totals } = place;
  for (let t = 0; t < length; t++) {
    const rate = type.ratePerMonth * intensity[t];
    const candidates = poisson(stream, rate * (totals === null ? place.total : totals[t]));
    let hours = 0;
    let requests = 0;
    for (let i = 0; i < candidates; i++) {
      const m = aliasPick(stream, probability, alias, t * stride, H);
      const x = rate * (common === null ? season[m] : season[m] * common[t * H + m]) * inverseDispersion;
      const u = stream.nextDouble();
      const lower = 1 - 0.5 * x;
      let logOnePlusX = -1;
      if (u >= lower) {
        if (u >= lower + (x * x) / 3) continue;
        logOnePlusX = Math.log1p(x);
        if (u * x >= logOnePlusX) continue;
      }
      const cluster = logarithmic(stream, x / (1 + x), logOnePlusX);
      if (log) markRequests(log, stream);
      sampleHours(stream, type, cluster, scratch);
      if (log) logRequests(log, type, cluster, t, m, false, null, alias, 0);
      const clusterHours = scratch.hours[0];
      if (type.billed) addBilled(state, type, t);
      if (type.byMonth) months[t * H + m] += type.billed ? scratch.billed[0] : clusterHours;
      else if (type.firstApart && m === 0) state.coveredFirstMonth[t] += type.billed ? scratch.billed[0] : clusterHours;
      hours += clusterHours;
      requests += cluster;
    }
    record(state, type, t, hours, requests);
  }
}

/** Poisson months with the same term mean every trial: inversion with e^−mean computed once. */
function simulateFixedPoisson(state: BlockState, type: HotType, stream: TycheStream): void {
  const mean = type.fixedTermMean;
  const expMinusMean = type.expMinusFixedTermMean;
  const log = state.queue?.log ?? null;
  for (let t = 0; t < state.length; t++) {
    const count = poissonInversion(stream, mean, expMinusMean);
    if (log) markRequests(log, stream);
    sampleHours(stream, type, count, state.scratch);
    if (log) logRequests(log, type, count, t, -1, false, type.seasonProbability, type.seasonAlias, 0);
    if (type.billed) addBilled(state, type, t);
    record(state, type, t, state.scratch.hours[0], count);
  }
}

/** Where a type's requests fall among the months, trial by trial. */
interface MonthPlacement {
  /** The months' alias table (buildAliasTable), trial t's at t·stride; null when all months are alike. */
  readonly probability: Float64Array | null;
  readonly alias: Int32Array;
  /** H when each trial has its own table (a common factor), 0 when one serves all. */
  readonly stride: number;
  /** Σ of the months' weights (season × common factor) of trial t at totals[t]; null: `total` in every trial. */
  readonly totals: Float64Array | null;
  readonly total: number;
}

/** The months' weights of a type: its season, times the common factor when there is one (tables of the block). */
function monthPlacement(state: BlockState, type: HotType): MonthPlacement {
  const H = state.portfolio.termMonths;
  if (state.common === null) return { probability: type.seasonProbability, alias: type.seasonAlias, stride: 0, totals: null, total: type.seasonSum };
  if (type.flatSeason) return { probability: state.commonProbability, alias: state.commonAlias, stride: H, totals: state.commonTotal, total: 0 };
  const tables = state.seasonTables[type.seasonSlot];
  return { probability: tables.probability, alias: tables.alias, stride: H, totals: tables.total, total: 0 };
}

/**
 * Poisson months add up to one Poisson count for the term; when the months are kept, each
 * request is placed in a month with probability ∝ the month's rate (season × common factor);
 * split between month 1 and the rest (HotType.firstApart), month 1's share is binomial with
 * probability its rate's share of the term's.
 */
function simulateTermPoisson(state: BlockState, type: HotType, stream: TycheStream): void {
  const { length, intensity } = state;
  const months = type.covered ? state.coveredByMonth : state.monthSink;
  const H = state.portfolio.termMonths;
  const place = monthPlacement(state, type);
  const { probability, alias, stride, totals } = place;
  const log = state.queue?.log ?? null;
  for (let t = 0; t < length; t++) {
    const count = poisson(stream, type.ratePerMonth * intensity[t] * (totals === null ? place.total : totals[t]));
    if (type.firstApart) {
      const first = binomial(stream, count, type.firstShare!);
      sampleFirstAndRest(state, type, stream, t, first, count - first);
      continue;
    }
    if (log) markRequests(log, stream);
    if (type.byMonth) sampleHoursByMonth(stream, type, count, probability, alias, t * stride, H, months, t * H, state.scratch);
    else sampleHours(stream, type, count, state.scratch);
    if (log) logRequests(log, type, count, t, -1, type.byMonth, probability, alias, t * stride);
    if (type.billed) addBilled(state, type, t);
    record(state, type, t, state.scratch.hours[0], count);
  }
}

/**
 * The requests shock `s` brings the current client: in each month with events, each event hits
 * the client with the hit probability, one request per hit.
 */
function simulateShock(state: BlockState, type: HotType, s: number, stream: TycheStream): void {
  const { length, shockFirst, shockMonth, shockEvents } = state;
  const months = type.covered ? state.coveredByMonth : state.monthSink;
  const H = state.portfolio.termMonths;
  const hit = state.portfolio.shocks[s].hit;
  const log = state.queue?.log ?? null;
  const first = s * (length + 1);
  for (let t = 0; t < length; t++) {
    let hours = 0;
    let requests = 0;
    for (let k = shockFirst[first + t]; k < shockFirst[first + t + 1]; k++) {
      const m = shockMonth[k];
      const events = shockEvents[k];
      const hits = binomial(stream, events, hit);
      if (log) markRequests(log, stream);
      sampleHours(stream, type, hits, state.scratch);
      if (log) logRequests(log, type, hits, t, m, false, null, type.seasonAlias, 0);
      const monthHours = state.scratch.hours[0];
      if (type.billed) addBilled(state, type, t);
      if (type.byMonth) months[t * H + m] += type.billed ? state.scratch.billed[0] : monthHours;
      else if (type.firstApart && m === 0) state.coveredFirstMonth[t] += type.billed ? state.scratch.billed[0] : monthHours;
      hours += monthHours;
      requests += hits;
    }
    record(state, type, t, hours, requests);
  }
}
