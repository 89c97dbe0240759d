import { gammaVariate, unitMeanGamma } from '../random/gammaVariate.js';
import { binomial } from '../random/binomial.js';
import { poisson } from '../random/poisson.js';
import type { Rng, StreamKey } from '../random/rng.js';
import { allocateColumns, type TrialColumns } from './columns.js';
import type { CompiledPortfolio, ServiceMonth } from './compile.js';
import { sampleHours, sampleHoursByMonth } from './sampleHours.js';

/** Makes the generator of the stream at a position: injected, so the engine stays pure. */
export type StreamFactory = (path: readonly StreamKey[]) => Rng;

/**
 * Trials per block. Every block has its own streams, so results depend only on scenario and
 * seed, never on how blocks are spread over threads, and more trials extend earlier ones.
 */
export const BLOCK_SIZE = 1000;

interface ClientStreams {
  intensity: Rng | null;
  types: Rng[];
  shockHits: (Rng | null)[];
}

/**
 * Simulates trials `block·BLOCK_SIZE … + length − 1` of the portfolio (MODEL.md, "One trial")
 * and returns their per-trial columns. Pure: all randomness comes from `streams`, addressed
 * by (block, client, request type), so changing one client or type leaves every other draw.
 * @param length trials in this block, 1 … BLOCK_SIZE
 */
export function simulateBlock(portfolio: CompiledPortfolio, streams: StreamFactory, block: number, length: number): TrialColumns {
  const p = portfolio;
  const H = p.termMonths;
  const out = allocateColumns({ plans: p.planCount, segments: p.segmentCount, types: p.typeCount }, length);
  const commonRng = p.commonFactorCv > 0 ? streams([block, 'common']) : null;
  const shockRngs = p.shocks.map((s) => streams([block, 'shock', s.name]));
  const serviceRng = p.serviceChain ? streams([block, 'service']) : null;
  const clientStreams: ClientStreams[] = p.clients.map((c) => ({
    intensity: c.heterogeneity > 0 ? streams([block, 'intensity', c.streamKey]) : null,
    types: c.types.map((t) => streams([block, 'requests', c.streamKey, t.name])),
    shockHits: c.shockTypes.map((t, s) => (t ? streams([block, 'shock-hits', p.shocks[s].name, c.streamKey]) : null)),
  }));

  const common = new Float64Array(H).fill(1);
  const shockEvents = new Int32Array(p.shocks.length * H);
  const coveredByMonth = new Float64Array(H);
  const cumulative = new Float64Array(H);
  const month: ServiceMonth = { creditShare: 0, supplierCreditPerClient: 0, supplierCostPerClient: 0 };
  const { costPerHour, hourlyRate } = p;

  for (let t = 0; t < length; t++) {
    if (commonRng) for (let m = 0; m < H; m++) common[m] = unitMeanGamma(commonRng, p.commonFactorCv);
    for (let s = 0; s < shockRngs.length; s++) {
      for (let m = 0; m < H; m++) shockEvents[s * H + m] = poisson(shockRngs[s], p.shocks[s].perMonth);
    }
    // The service chain is shared: every client sees the same outages and credits.
    let feeWeightPerClient = H;
    let serviceCostPerClient = 0;
    if (serviceRng) {
      for (let m = 0; m < H; m++) {
        p.serviceChain!.simulateMonth(serviceRng, month);
        feeWeightPerClient -= month.creditShare;
        serviceCostPerClient += month.supplierCostPerClient - month.supplierCreditPerClient;
      }
    }

    let netCost = 0;
    let hoursAll = 0;
    let coveredAll = 0;
    for (let c = 0; c < p.clients.length; c++) {
      const client = p.clients[c];
      const rngs = clientStreams[c];
      const intensity = rngs.intensity ? unitMeanGamma(rngs.intensity, client.heterogeneity) : 1;
      if (client.capped) coveredByMonth.fill(0);
      let covered = 0;
      let uncovered = 0;
      for (let j = 0; j < client.types.length; j++) {
        const type = client.types[j];
        const rng = rngs.types[j];
        const byMonth = type.covered && client.capped;
        let hours: number;
        if (type.dispersion > 0 && (byMonth || type.monthlyWeights)) {
          // Bursty months: one Gamma weight per month, then Poisson given the weights.
          let total = 0;
          for (let m = 0; m < H; m++) {
            total += (type.season[m] * common[m] * gammaVariate(rng, type.dispersion)) / type.dispersion;
            cumulative[m] = total;
          }
          const count = poisson(rng, type.ratePerMonth * intensity * total);
          hours = byMonth ? sampleHoursByMonth(rng, type, count, cumulative, coveredByMonth) : sampleHours(rng, type, count);
        } else if (type.dispersion > 0) {
          // Alike bursty months add up to Poisson–Gamma(H·k): the same p every month.
          const shape = H * type.dispersion;
          const count = poisson(rng, (type.ratePerMonth * intensity * H * gammaVariate(rng, shape)) / shape);
          hours = sampleHours(rng, type, count);
        } else {
          // Poisson months add up to one Poisson count for the term.
          let total = type.seasonSum;
          let weights: Float64Array | null = type.flatSeason ? null : type.cumulativeSeason;
          if (commonRng) {
            total = 0;
            for (let m = 0; m < H; m++) {
              total += type.season[m] * common[m];
              cumulative[m] = total;
            }
            weights = cumulative;
          }
          const count = poisson(rng, type.ratePerMonth * intensity * total);
          hours = byMonth ? sampleHoursByMonth(rng, type, count, weights, coveredByMonth) : sampleHours(rng, type, count);
        }
        if (type.covered) covered += hours;
        else uncovered += hours;
        out.typeHours[type.typeIndex][t] += hours;
        out.typeNetCost[type.typeIndex][t] += type.covered ? costPerHour * hours : (costPerHour - hourlyRate) * hours;
      }
      for (let s = 0; s < client.shockTypes.length; s++) {
        const type = client.shockTypes[s];
        if (!type) continue;
        const rng = rngs.shockHits[s]!;
        let hours = 0;
        for (let m = 0; m < H; m++) {
          const events = shockEvents[s * H + m];
          if (events === 0) continue;
          const monthHours = sampleHours(rng, type, binomial(rng, events, p.shocks[s].hitProbability));
          if (type.covered && client.capped) coveredByMonth[m] += monthHours;
          hours += monthHours;
        }
        if (type.covered) covered += hours;
        else uncovered += hours;
        out.typeHours[type.typeIndex][t] += hours;
        out.typeNetCost[type.typeIndex][t] += type.covered ? costPerHour * hours : (costPerHour - hourlyRate) * hours;
      }

      let overage = 0;
      if (client.capped) {
        for (let m = 0; m < H; m++) {
          const excess = coveredByMonth[m] - client.includedHours;
          if (excess > 0) overage += excess;
        }
      }
      const hours = covered + uncovered;
      const cost = costPerHour * hours + H * client.fixedCostPerMonth + serviceCostPerClient;
      const revenueBesidesFee = client.overageRate * overage + hourlyRate * uncovered + H * client.fixedRevenuePerMonth;
      const clientNetCost = cost - revenueBesidesFee;
      netCost += clientNetCost;
      hoursAll += hours;
      coveredAll += covered;

      const plan = out.plans[client.planIndex];
      plan.netCost[t] += clientNetCost;
      plan.feeWeight[t] += feeWeightPerClient;
      plan.coveredHours[t] += covered;
      plan.overageHours[t] += overage;
      if (client.representative) {
        const segment = out.segments[client.segmentIndex];
        segment.netCost[t] = clientNetCost;
        segment.feeWeight[t] = feeWeightPerClient;
        segment.hourlyValue[t] = hourlyRate * covered - client.overageRate * overage;
        segment.hours[t] = hours;
      }
    }
    out.netCost[t] = netCost;
    out.feeWeight[t] = feeWeightPerClient * p.clientCount;
    out.hours[t] = hoursAll;
    out.coveredHours[t] = coveredAll;
  }
  return out;
}
