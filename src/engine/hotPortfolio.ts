import { buildAliasTable } from '../random/aliasTable.js';
import { binomialSetup, type BinomialSetup } from '../random/binomial.js';
import { gammaSetup, type GammaSetup } from '../random/gammaVariate.js';
import { fastExp } from '../random/fastExp.js';
import { POISSON_INVERSION_LIMIT } from '../random/poisson.js';
import type { StreamSampler } from '../random/streamSampler.js';
import type { CompiledClient, CompiledPortfolio, CompiledRequestType } from './compile.js';
import type { CreditSchedule } from '../scenario/uptime/spec.js';
import type { CompiledTeam } from './queue/team.js';
import { FormKind } from './contract/formKind.js';
import type { UptimeChain } from './uptime/model.js';

/**
 * How a type's request count for the term is drawn (all exact, MODEL.md "One trial"):
 * - TermPoisson: Poisson months add up to one Poisson count for the term; when months are
 *   needed, each request falls in month m with probability ∝ that month's rate (splitting).
 * - TermNegativeBinomial: H alike negative binomial months (same mean, dispersion k) add up to
 *   one negative binomial with dispersion H·k: Poisson(rate·G), G ~ Gamma(H·k)/(H·k).
 * - MonthlyNegativeBinomial: months that differ (season, common factor) or must be kept
 *   (a capped plan): each month's negative binomial is a Poisson number of logarithmic
 *   clusters, and the clusters of all months are drawn together by thinning one Poisson count
 *   for the term (simulateMonthlyNegativeBinomial), so the work follows the requests, not the
 *   months.
 * - UrnNegativeBinomial: alike bursty months that must be kept (a capped plan or a bundle, a flat
 *   season, no common factor): the term's count as TermNegativeBinomial, then the months of its
 *   requests by a Pólya urn, which given the total is exactly the Dirichlet-multinomial split of
 *   H independent negative binomial months (simulateUrnNegativeBinomial): one draw per request.
 */
export const CountKind = { TermPoisson: 0, TermNegativeBinomial: 1, MonthlyNegativeBinomial: 2, UrnNegativeBinomial: 3 } as const;
export type CountKind = (typeof CountKind)[keyof typeof CountKind];

/** One request type of one segment, with everything the hot loop needs as plain numbers. */
export interface HotType {
  /** The request type's name: the last part of its stream's address. */
  readonly name: string;
  readonly typeIndex: number;
  readonly covered: boolean;
  /**
   * The requests are placed in months: covered ones of a plan with monthly terms, or every type
   * when the portfolio keeps months (CompiledPortfolio.keepMonths). Uncovered months are not read.
   */
  readonly byMonth: boolean;
  /**
   * Covered by a bundle whose settlement reads the first month apart (CompiledClient.bundleFirstMonth):
   * the term's requests are split between month 1 and the rest (simulateBlock.ts), not placed.
   */
  readonly firstApart: boolean;
  /** The first month's share of the term's rate, for the split of a Poisson count; null when not firstApart. */
  readonly firstShare: BinomialSetup | null;
  /**
   * Alias table of months 2 … H by the season (null when flat), where the team queue's log puts
   * the rest's requests when firstApart (queue/requestLog.ts).
   */
  readonly restProbability: Float64Array | null;
  readonly restAlias: Int32Array;
  /** A per_request plan's price of one request of this type (0: not on a price list). */
  readonly listPrice: number;
  readonly countKind: CountKind;
  /** λ · usage, requests per month before intensity, season and common factor. */
  readonly ratePerMonth: number;
  readonly season: Float64Array;
  readonly seasonSum: number;
  readonly flatSeason: boolean;
  /** Alias table of the months by `season` (buildAliasTable), or null when flat. */
  readonly seasonProbability: Float64Array | null;
  readonly seasonAlias: Int32Array;
  /** Index of the season in HotPortfolio.seasons, −1 when flat. */
  readonly seasonSlot: number;
  /** Gamma(H·k) for TermNegativeBinomial and UrnNegativeBinomial. */
  readonly countGamma: GammaSetup | null;
  /** 1/k for MonthlyNegativeBinomial (0 otherwise). */
  readonly inverseDispersion: number;
  /** The negative binomial dispersion k (0 for Poisson): an urn month's own weight (UrnNegativeBinomial). */
  readonly dispersion: number;
  /**
   * The term's expected count when it is the same every trial (no heterogeneity, no common
   * factor, Poisson) and small enough for inversion, with e^−mean computed once; else −1.
   */
  readonly fixedTermMean: number;
  readonly expMinusFixedTermMean: number;
  readonly effort: StreamSampler;
  readonly overrunProbability: number;
  /** The overrun probability's constants, for binomial thinning. */
  readonly overrun: BinomialSetup;
  readonly overrunFactor: StreamSampler | null;
  /** Net cost of an hour: the cost, less the hourly billing when the plan does not cover it. */
  readonly netCostPerHour: number;
  /**
   * Some increment is set (the plan's or the scenario's): each request's billed hours are
   * rounded up from its worked hours where it is drawn (sampleHours.ts); false keeps today's loops.
   */
  readonly billed: boolean;
  /** Minutes the plan's billed hours round up to (0: billed = worked). */
  readonly incrementMinutes: number;
  /** Minutes the hourly equivalent's hours round up to: the scenario-level increment. */
  readonly fairIncrementMinutes: number;
  /** 60 / the increments' minutes (0 for none), and whether the two increments are the same. */
  readonly incrementsPerHour: number;
  readonly fairIncrementsPerHour: number;
  readonly sameIncrement: boolean;
}

/** One client with its types resolved to HotTypes (CompiledClient's numbers, without Distributions). */
export interface HotClient {
  /** Stable address of the client's random streams. */
  readonly streamKey: string;
  /** Position in HotPortfolio.clients (the team queue's request log names clients by it). */
  readonly index: number;
  readonly segmentIndex: number;
  readonly planIndex: number;
  readonly representative: boolean;
  readonly capped: boolean;
  readonly bundleFirstMonth: boolean;
  readonly form: FormKind;
  /** The plan's stated price when it is not flat (CompiledClient.statedPrice). */
  readonly statedPrice: number;
  readonly bundleHours: number;
  readonly bundleValidMonths: number;
  readonly bundleRebuy: boolean;
  readonly includedHours: number;
  readonly overageRate: number;
  readonly fixedCostPerMonth: number;
  readonly fixedRevenuePerMonth: number;
  /** Its types bill rounded hours (HotType.billed): the block keeps billed hours beside worked ones. */
  readonly billed: boolean;
  /** Months unused included hours stay banked, 0 for none, and the bank's cap (contract/flat.ts). */
  readonly rolloverMonths: number;
  readonly rolloverCapHours: number;
  readonly types: HotType[];
  /** Per shock, the type it brings this client, or null when the client is not affected. */
  readonly shockTypes: (HotType | null)[];
  /** Gamma(1/cv²) for the client's intensity U = G/shape; null when the segment has none. */
  readonly intensityGamma: GammaSetup | null;
}

/**
 * Everything the hot loop needs of a CompiledPortfolio, as plain data (numbers, typed arrays,
 * flattened samplers, the service chain's UptimeChain; no functions): built once per portfolio
 * and sent to worker threads as it is (structured clone).
 */
export interface HotPortfolio {
  readonly termMonths: number;
  readonly clientCount: number;
  /** Clients on flat plans: the uniform fee's payers. */
  readonly flatClientCount: number;
  readonly planCount: number;
  readonly segmentCount: number;
  readonly typeCount: number;
  readonly costPerHour: number;
  readonly hourlyRate: number;
  readonly shocks: readonly { readonly name: string; readonly perMonth: number; readonly hitProbability: number; readonly hit: BinomialSetup }[];
  /** The availability service chain, shared by all clients; null without one. */
  readonly serviceChain: UptimeChain | null;
  readonly clients: HotClient[];
  /** Gamma(1/cv²) for the monthly common factor; null when there is none. */
  readonly commonGamma: GammaSetup | null;
  /** Some client's plan has monthly terms: covered hours are kept per month. */
  readonly anyCapped: boolean;
  /** Every type's requests are placed in months (uncovered ones into a month sink that is not read). */
  readonly keepMonths: boolean;
  /** The contract-form columns are kept (TrialColumns.forms): a bundle plan, or keepMonths. */
  readonly formColumns: boolean;
  /**
   * The distinct seasons that are not flat, by value: with a common factor, each block builds
   * the months' table of season × common factor once per trial for all clients that share it.
   */
  readonly seasons: Float64Array[];
  /** The team queue's settings (compile.ts); null without a team. */
  readonly team: CompiledTeam | null;
  /**
   * Fee weight rows (blockState's feeWeightPerClient, BLOCK_SIZE apart): row 0 is shared by the
   * plans credited under the scenario-level schedule, each plan with its own uptime has a row.
   * Per plan its row; per row ≥ 1 its schedule; per row its clients.
   */
  readonly planFeeRow: Int32Array;
  readonly feeRowCredits: readonly CreditSchedule[];
  readonly feeRowClients: Float64Array;
}

/** Whether a client's requests bill rounded hours: its plan or the scenario sets an increment. */
function billedClient(client: CompiledClient, p: CompiledPortfolio): boolean {
  return client.billingIncrementMinutes > 0 || p.billingIncrementMinutes > 0;
}

/** The fee weight rows of a portfolio (HotPortfolio.planFeeRow): one shared, one per plan with its own uptime. */
function feeRows(p: CompiledPortfolio): Pick<HotPortfolio, 'planFeeRow' | 'feeRowCredits' | 'feeRowClients'> {
  const credits: CreditSchedule[] = [[]];
  const planFeeRow = Int32Array.from(p.planUptimeCredits, (own) => (own === null ? 0 : credits.push(own) - 1));
  const feeRowClients = new Float64Array(credits.length);
  // Only flat clients pay a fee that credits reduce (the uniform fee's weight, flatClientCount).
  for (const client of p.clients) if (client.form === FormKind.Flat) feeRowClients[planFeeRow[client.planIndex]]++;
  return { planFeeRow, feeRowCredits: credits, feeRowClients };
}

const cache = new WeakMap<CompiledPortfolio, HotPortfolio>();

function hotType(type: CompiledRequestType, client: CompiledClient, p: CompiledPortfolio, seasonSlot: number): HotType {
  const H = p.termMonths;
  const byMonth = (type.covered && client.capped) || p.keepMonths;
  const firstApart = type.covered && client.bundleFirstMonth && !byMonth;
  const common = p.commonFactorCv > 0;
  let countKind: CountKind = CountKind.TermPoisson;
  let countGamma: GammaSetup | null = null;
  if (type.dispersion > 0 && !byMonth && !type.monthlyWeights) {
    countKind = CountKind.TermNegativeBinomial;
    countGamma = gammaSetup(H * type.dispersion);
  } else if (type.dispersion > 0 && byMonth && type.flatSeason && !common) {
    countKind = CountKind.UrnNegativeBinomial;
    countGamma = gammaSetup(H * type.dispersion);
  } else if (type.dispersion > 0) {
    countKind = CountKind.MonthlyNegativeBinomial;
  }
  const termMean = type.ratePerMonth * type.seasonSum;
  const fixedMean = countKind === CountKind.TermPoisson && client.heterogeneity === 0 && !common && termMean < POISSON_INVERSION_LIMIT;
  const p0 = type.overrunProbability;
  const seasonProbability = new Float64Array(H);
  const seasonAlias = new Int32Array(H);
  buildAliasTable(type.season, 0, H, seasonProbability, seasonAlias, 0);
  const restProbability = new Float64Array(Math.max(0, H - 1));
  const restAlias = new Int32Array(Math.max(0, H - 1));
  if (firstApart) buildAliasTable(type.season, 1, H - 1, restProbability, restAlias, 0);
  return {
    name: type.name,
    typeIndex: type.typeIndex,
    covered: type.covered,
    byMonth,
    firstApart,
    firstShare: firstApart ? binomialSetup(type.season[0] / type.seasonSum) : null,
    restProbability: type.flatSeason ? null : restProbability,
    restAlias,
    listPrice: type.listPrice,
    countKind,
    ratePerMonth: type.ratePerMonth,
    season: type.season,
    seasonSum: type.seasonSum,
    flatSeason: type.flatSeason,
    seasonProbability: type.flatSeason ? null : seasonProbability,
    seasonAlias,
    seasonSlot,
    countGamma,
    inverseDispersion: countKind === CountKind.MonthlyNegativeBinomial ? 1 / type.dispersion : 0,
    dispersion: type.dispersion,
    fixedTermMean: fixedMean ? termMean : -1,
    expMinusFixedTermMean: fixedMean ? fastExp(-termMean) : 0,
    effort: type.effort.sampler,
    overrunProbability: p0,
    overrun: binomialSetup(p0),
    overrunFactor: type.overrunFactor ? type.overrunFactor.sampler : null,
    netCostPerHour: type.covered ? p.costPerHour : p.costPerHour - p.hourlyRate,
    billed: billedClient(client, p),
    incrementMinutes: client.billingIncrementMinutes,
    fairIncrementMinutes: p.billingIncrementMinutes,
    incrementsPerHour: client.billingIncrementMinutes > 0 ? 60 / client.billingIncrementMinutes : 0,
    fairIncrementsPerHour: p.billingIncrementMinutes > 0 ? 60 / p.billingIncrementMinutes : 0,
    sameIncrement: client.billingIncrementMinutes === p.billingIncrementMinutes,
  };
}

/**
 * The hot-loop tables of a portfolio, computed on first use and kept with it. Segments share
 * their CompiledRequestType objects, so each segment's types are prepared once.
 */
export function hotPortfolio(portfolio: CompiledPortfolio): HotPortfolio {
  const known = cache.get(portfolio);
  if (known) return known;
  const prepared = new Map<CompiledRequestType, HotType>();
  const seasons: Float64Array[] = [];
  const seasonSlot = (type: CompiledRequestType): number => {
    if (type.flatSeason) return -1;
    const known = seasons.findIndex((season) => season.every((v, m) => v === type.season[m]));
    return known >= 0 ? known : seasons.push(Float64Array.from(type.season)) - 1;
  };
  const prepare = (type: CompiledRequestType, client: CompiledClient): HotType => {
    let hot = prepared.get(type);
    if (!hot) {
      hot = hotType(type, client, portfolio, seasonSlot(type));
      prepared.set(type, hot);
    }
    return hot;
  };
  const clients = portfolio.clients.map((client, index) => ({
    streamKey: client.streamKey,
    index,
    segmentIndex: client.segmentIndex,
    planIndex: client.planIndex,
    representative: client.representative,
    capped: client.capped,
    bundleFirstMonth: client.bundleFirstMonth,
    form: client.form,
    statedPrice: client.statedPrice,
    bundleHours: client.bundleHours,
    bundleValidMonths: client.bundleValidMonths,
    bundleRebuy: client.bundleRebuy,
    includedHours: client.includedHours,
    overageRate: client.overageRate,
    fixedCostPerMonth: client.fixedCostPerMonth,
    fixedRevenuePerMonth: client.fixedRevenuePerMonth,
    billed: billedClient(client, portfolio),
    rolloverMonths: client.rolloverMonths,
    rolloverCapHours: client.rolloverCapHours,
    types: client.types.map((t) => prepare(t, client)),
    shockTypes: client.shockTypes.map((t) => (t ? prepare(t, client) : null)),
    intensityGamma: client.heterogeneity > 0 ? gammaSetup(1 / (client.heterogeneity * client.heterogeneity)) : null,
  }));
  const cv = portfolio.commonFactorCv;
  const p = portfolio;
  const hot: HotPortfolio = {
    termMonths: p.termMonths,
    clientCount: p.clientCount,
    flatClientCount: clients.filter((c) => c.form === FormKind.Flat).length,
    planCount: p.planCount,
    segmentCount: p.segmentCount,
    typeCount: p.typeCount,
    costPerHour: p.costPerHour,
    hourlyRate: p.hourlyRate,
    shocks: p.shocks.map((s) => ({ name: s.name, perMonth: s.perMonth, hitProbability: s.hitProbability, hit: binomialSetup(s.hitProbability) })),
    serviceChain: p.serviceChain,
    clients,
    commonGamma: cv > 0 ? gammaSetup(1 / (cv * cv)) : null,
    anyCapped: clients.some((c) => c.capped),
    keepMonths: p.keepMonths,
    formColumns: p.keepMonths || clients.some((c) => c.form === FormKind.Bundle),
    seasons,
    team: p.team,
    ...feeRows(p),
  };
  cache.set(portfolio, hot);
  return hot;
}
