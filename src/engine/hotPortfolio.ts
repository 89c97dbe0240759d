import { gammaSetup, type GammaSetup } from '../random/gammaVariate.js';
import { fastExp } from '../random/fastExp.js';
import { STREAM_INVERSION_LIMIT } from '../random/poisson.js';
import { streamSampler, type StreamSampler } from '../random/streamSampler.js';
import type { CompiledClient, CompiledPortfolio, CompiledRequestType } from './compile.js';

/**
 * How a type's request count for the term is drawn (all exact, MODEL.md "One trial"):
 * - TermPoisson: Poisson months add up to one Poisson count for the term; when months are
 *   needed, each request falls in month m with probability ∝ that month's rate (splitting).
 * - TermNegativeBinomial: H alike negative binomial months (same mean, dispersion k) add up to
 *   one negative binomial with dispersion H·k: Poisson(rate·G), G ~ Gamma(H·k)/(H·k).
 * - MonthlyNegativeBinomial: months that differ (season, common factor) or must be kept
 *   (a capped plan): one Gamma(k)/k weight per month, then one Poisson count given the weights,
 *   split over the months in proportion to them.
 */
export const CountKind = { TermPoisson: 0, TermNegativeBinomial: 1, MonthlyNegativeBinomial: 2 } as const;
export type CountKind = (typeof CountKind)[keyof typeof CountKind];

/** One request type of one segment, with everything the hot loop needs as plain numbers. */
export interface HotType {
  /** The request type's name: the last part of its stream's address. */
  readonly name: string;
  readonly typeIndex: number;
  readonly covered: boolean;
  /** Covered hours must be kept per month (a capped plan). */
  readonly byMonth: boolean;
  readonly countKind: CountKind;
  /** λ · usage, requests per month before intensity, season and common factor. */
  readonly ratePerMonth: number;
  readonly season: Float64Array;
  readonly seasonSum: number;
  readonly flatSeason: boolean;
  /** Running sums of `season`, or null when flat (months then are equally likely). */
  readonly cumulativeSeason: Float64Array | null;
  readonly dispersion: number;
  /** Gamma(H·k) for TermNegativeBinomial, Gamma(k) for MonthlyNegativeBinomial. */
  readonly countGamma: GammaSetup | null;
  /**
   * The term's expected count when it is the same every trial (no heterogeneity, no common
   * factor, Poisson) and small enough for inversion, with e^−mean computed once; else −1.
   */
  readonly fixedTermMean: number;
  readonly expMinusFixedTermMean: number;
  readonly effort: StreamSampler;
  readonly overrunProbability: number;
  /** ln(1 − p) for binomial thinning of overruns. */
  readonly logNoOverrun: number;
  readonly overrunFactor: StreamSampler | null;
  /** Net cost of an hour: the cost, less the hourly billing when the plan does not cover it. */
  readonly netCostPerHour: number;
}

/** One client with its types resolved to HotTypes. */
export interface HotClient {
  readonly source: CompiledClient;
  readonly types: HotType[];
  /** Per shock, the type it brings this client, or null when the client is not affected. */
  readonly shockTypes: (HotType | null)[];
  /** Gamma(1/cv²) for the client's intensity U = G/shape; null when the segment has none. */
  readonly intensityGamma: GammaSetup | null;
}

/** A CompiledPortfolio with per-type tables for the hot loop, built once per portfolio. */
export interface HotPortfolio {
  readonly clients: HotClient[];
  /** Gamma(1/cv²) for the monthly common factor; null when there is none. */
  readonly commonGamma: GammaSetup | null;
}

const cache = new WeakMap<CompiledPortfolio, HotPortfolio>();

function hotType(type: CompiledRequestType, client: CompiledClient, p: CompiledPortfolio): HotType {
  const H = p.termMonths;
  const byMonth = type.covered && client.capped;
  const common = p.commonFactorCv > 0;
  let countKind: CountKind = CountKind.TermPoisson;
  let countGamma: GammaSetup | null = null;
  if (type.dispersion > 0 && !byMonth && !type.monthlyWeights) {
    countKind = CountKind.TermNegativeBinomial;
    countGamma = gammaSetup(H * type.dispersion);
  } else if (type.dispersion > 0) {
    countKind = CountKind.MonthlyNegativeBinomial;
    countGamma = gammaSetup(type.dispersion);
  }
  const termMean = type.ratePerMonth * type.seasonSum;
  const fixedMean = countKind === CountKind.TermPoisson && client.heterogeneity === 0 && !common && termMean < STREAM_INVERSION_LIMIT;
  const p0 = type.overrunProbability;
  return {
    name: type.name,
    typeIndex: type.typeIndex,
    covered: type.covered,
    byMonth,
    countKind,
    ratePerMonth: type.ratePerMonth,
    season: type.season,
    seasonSum: type.seasonSum,
    flatSeason: type.flatSeason,
    cumulativeSeason: type.flatSeason ? null : type.cumulativeSeason,
    dispersion: type.dispersion,
    countGamma,
    fixedTermMean: fixedMean ? termMean : -1,
    expMinusFixedTermMean: fixedMean ? fastExp(-termMean) : 0,
    effort: streamSampler(type.effort),
    overrunProbability: p0,
    logNoOverrun: p0 < 1 ? Math.log1p(-p0) : -Infinity,
    overrunFactor: type.overrunFactor ? streamSampler(type.overrunFactor) : null,
    netCostPerHour: type.covered ? p.costPerHour : p.costPerHour - p.hourlyRate,
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
  const prepare = (type: CompiledRequestType, client: CompiledClient): HotType => {
    let hot = prepared.get(type);
    if (!hot) {
      hot = hotType(type, client, portfolio);
      prepared.set(type, hot);
    }
    return hot;
  };
  const clients = portfolio.clients.map((client) => ({
    source: client,
    types: client.types.map((t) => prepare(t, client)),
    shockTypes: client.shockTypes.map((t) => (t ? prepare(t, client) : null)),
    intensityGamma: client.heterogeneity > 0 ? gammaSetup(1 / (client.heterogeneity * client.heterogeneity)) : null,
  }));
  const cv = portfolio.commonFactorCv;
  const hot: HotPortfolio = { clients, commonGamma: cv > 0 ? gammaSetup(1 / (cv * cv)) : null };
  cache.set(portfolio, hot);
  return hot;
}
