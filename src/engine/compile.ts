import type { Distribution } from '../random/distribution.js';
import { clientCount, type Plan, type RequestType, type Scenario, statedPrice } from '../scenario/types.js';
import type { CreditSchedule } from '../scenario/uptime/spec.js';
import { type FormKind, formKind } from './contract/formKind.js';
import { compileTeam, type CompiledTeam } from './queue/team.js';
import { uptimeChain, type UptimeChain } from './uptime/model.js';

/** One request type as it applies to one client, flattened for the hot loop. */
export interface CompiledRequestType {
  /** Position in scenario.requestTypes, for per-type results. */
  typeIndex: number;
  name: string;
  /** λ · usage: expected requests per month before intensity, season and common factor. */
  ratePerMonth: number;
  /** Seasonal multiplier of each term month. */
  season: Float64Array;
  /** Σ of `season`: the term's expected requests are ratePerMonth · U · seasonSum without a common factor. */
  seasonSum: number;
  flatSeason: boolean;
  /** Negative binomial dispersion k; 0 for Poisson. */
  dispersion: number;
  covered: boolean;
  /** Bursty (negative binomial) months that differ in mean: each month needs its own Gamma weight. */
  monthlyWeights: boolean;
  effort: Distribution;
  overrunProbability: number;
  overrunFactor: Distribution | null;
  /** A per_request plan's price of one request of this type; 0 when the plan has no price list. */
  listPrice: number;
}

/** One client, flattened. */
export interface CompiledClient {
  /** Stable address of the client's random streams: segment name and member number. */
  streamKey: string;
  segmentIndex: number;
  planIndex: number;
  /** The segment's first member records its own columns (standalone fee, fairness). */
  representative: boolean;
  heterogeneity: number;
  types: CompiledRequestType[];
  /** Per shock: the request type it brings to this client, or null when the client is not affected. */
  shockTypes: (CompiledRequestType | null)[];
  includedHours: number;
  /**
   * Covered billed hours must be kept per month: a finite monthly bundle of included hours, a
   * strippenkaart, or a portfolio that keeps every type's months (CompileOptions.keepMonths).
   */
  capped: boolean;
  /**
   * A bundle plan whose settlement needs only the first month's covered billed hours apart from
   * the term's (contract/bundle.ts, bundleFromTotals): its requests are drawn for the term and
   * split between month 1 and the rest, instead of each placed in its month.
   */
  bundleFirstMonth: boolean;
  form: FormKind;
  /**
   * The plan's stated price when the plan is not flat (MODEL.md, "One price per plan"): the
   * uniform flat fee counts its revenue at it; 0 when none is stated (no uniform fee then).
   */
  statedPrice: number;
  /** A bundle's hours, months of validity, and whether a used-up bundle is rebought (else hourly). */
  bundleHours: number;
  bundleValidMonths: number;
  bundleRebuy: boolean;
  overageRate: number;
  fixedCostPerMonth: number;
  fixedRevenuePerMonth: number;
  /** Minutes each of the client's billed requests rounds up to (its plan's increment); 0 for none. */
  billingIncrementMinutes: number;
  /** Months unused included hours stay banked (at most the term), 0 for no rollover; the bank's cap in hours. */
  rolloverMonths: number;
  rolloverCapHours: number;
}

/** A scenario flattened for simulation. */
export interface CompiledPortfolio {
  seed: string;
  termMonths: number;
  clients: CompiledClient[];
  clientCount: number;
  planCount: number;
  segmentCount: number;
  typeCount: number;
  costPerHour: number;
  hourlyRate: number;
  /** The scenario-level billing increment in minutes, at which the hourly equivalent counts hours; 0 for none. */
  billingIncrementMinutes: number;
  commonFactorCv: number;
  /** Every type's requests are placed in months, covered or not (CompileOptions.keepMonths). */
  keepMonths: boolean;
  shocks: { perMonth: number; hitProbability: number; name: string }[];
  /**
   * The availability block's service chain, the agency's shared infrastructure: one month
   * outcome per trial-month applies to every client (MODEL.md, "Availability"); null without one.
   */
  serviceChain: UptimeChain | null;
  /** The team that answers the requests and the plans' response-time promises (queue/); null without a team. */
  team: CompiledTeam | null;
  /** Per plan: its own uptime credit schedule (a plan's `uptime`), or null for the scenario-level one. */
  planUptimeCredits: (CreditSchedule | null)[];
}

/** How a portfolio is compiled beyond its scenario. */
export interface CompileOptions {
  /**
   * Place every request of every type in its month, whatever the plan needs: the draws of a
   * client's requests then do not depend on its plan, so one segment under several contract
   * forms sees the same requests (`fairfee forms`). Off, a plan without monthly terms draws
   * its counts for the term.
   */
  keepMonths?: boolean;
}

function compileType(
  type: RequestType,
  typeIndex: number,
  usage: number,
  plan: Plan,
  termMonths: number,
  commonFactor: boolean,
  keepMonths: boolean,
): CompiledRequestType {
  const covered = plan.covers.includes(type.name);
  const season = new Float64Array(termMonths);
  for (let m = 0; m < termMonths; m++) season[m] = type.seasonality ? type.seasonality[m % 12] : 1;
  const flatSeason = !type.seasonality || type.seasonality.every((v) => v === 1);
  const dispersion = type.frequency.dispersion ?? 0;
  const effort = type.effort;
  return {
    typeIndex,
    name: type.name,
    ratePerMonth: type.frequency.perMonth * usage,
    season,
    seasonSum: season.reduce((s, v) => s + v, 0),
    flatSeason,
    dispersion,
    covered,
    // Poisson months add up to one Poisson draw for the term (whatever the season or common
    // factor); negative binomial months only when every month has the same mean.
    monthlyWeights: dispersion > 0 && (!flatSeason || commonFactor || keepMonths),
    effort,
    overrunProbability: type.overrun?.probability ?? 0,
    overrunFactor: type.overrun?.factor ?? null,
    listPrice: covered && plan.form === 'per_request' ? (plan.prices?.get(type.name) ?? 0) : 0,
  };
}

/**
 * Which months a bundle's settlement reads (docs/model.md, "Contract forms"). A bundle valid
 * for the term or longer never expires before the term's end, so only totals matter: the hours
 * drawn are the term's, and the balance left is breakage or deferred by whether the last bundle
 * bought expires with the term. With `rebuy` and V = H that depends on one thing more: whether
 * the last purchase was in month 1 (a bundle bought then expires with the term; one bought
 * later outlives it), so the first month's hours are kept apart from the rest. A shorter bundle,
 * a one-month term, or a common factor (months' weights that differ trial by trial) keep every
 * month. A team's queue does not change this (its log puts the rest's requests in months 2 … H),
 * so the draws, and the hours, are the same with a team and without.
 */
function bundleMonthsNeeded(validMonths: number, rebuy: boolean, H: number, commonFactor: boolean): 'none' | 'first' | 'all' {
  if (validMonths < H || H < 2) return 'all';
  if (validMonths > H || !rebuy) return 'none';
  return commonFactor ? 'all' : 'first';
}

/**
 * Flattens a validated scenario into per-client tables for the hot loop: segments expanded
 * into clients, overrides applied, coverage resolved, and which counts need monthly draws.
 */
export function compilePortfolio(scenario: Scenario, seed: string, options: CompileOptions = {}): CompiledPortfolio {
  const keepMonths = options.keepMonths ?? false;
  const planIndex = new Map(scenario.plans.map((p, i) => [p.name, i]));
  const typeIndex = new Map(scenario.requestTypes.map((t, i) => [t.name, i]));
  const commonFactor = scenario.commonFactorCv > 0;
  const H = scenario.termMonths;
  const usedKeys = new Map<string, number>();
  const clients: CompiledClient[] = [];
  scenario.clients.forEach((segment, segmentIndex) => {
    // Streams are addressed by name, so adding a client elsewhere leaves these draws in place;
    // a repeated name gets a suffix so two segments never share a stream.
    const seen = usedKeys.get(segment.name) ?? 0;
    usedKeys.set(segment.name, seen + 1);
    const segmentKey = seen === 0 ? segment.name : `${segment.name}~${seen + 1}`;
    const plan = scenario.plans[planIndex.get(segment.plan)!];
    const flatCapped = plan.form === 'flat' && Number.isFinite(plan.includedHours);
    const bundleNeeds = plan.bundle ? bundleMonthsNeeded(plan.bundle.validMonths, plan.bundle.whenUsedUp !== 'hourly', H, commonFactor) : 'all';
    const capped = flatCapped || (plan.form === 'bundle' && bundleNeeds === 'all') || keepMonths;
    const bundleFirstMonth = plan.form === 'bundle' && bundleNeeds === 'first' && !keepMonths;
    const types = segment.requestTypes.map((t) => compileType(t, typeIndex.get(t.name)!, segment.usage, plan, H, commonFactor, keepMonths));
    const shockTypes = scenario.shocks.map((shock) => (shock.plans && !shock.plans.includes(plan.name) ? null : types[typeIndex.get(shock.requestType)!]));
    for (let member = 0; member < segment.count; member++) {
      clients.push({
        streamKey: `${segmentKey}#${member}`,
        segmentIndex,
        planIndex: planIndex.get(segment.plan)!,
        representative: member === 0,
        heterogeneity: segment.heterogeneity,
        types: types.filter((t) => t.ratePerMonth > 0),
        shockTypes,
        includedHours: flatCapped ? plan.includedHours : Number.POSITIVE_INFINITY,
        capped,
        bundleFirstMonth,
        form: formKind(plan.form),
        statedPrice: plan.form === 'flat' ? 0 : (statedPrice(plan) ?? 0),
        bundleHours: plan.bundle?.hours ?? 0,
        bundleValidMonths: plan.bundle ? Math.min(plan.bundle.validMonths, H + 1) : 0,
        bundleRebuy: plan.bundle?.whenUsedUp !== 'hourly',
        overageRate: plan.overageRate,
        fixedCostPerMonth: plan.fixedMonthlyCost,
        fixedRevenuePerMonth: plan.fixedMonthlyRevenue,
        billingIncrementMinutes: plan.billingIncrementMinutes,
        rolloverMonths: plan.rollover && flatCapped ? Math.min(plan.rollover.months, H) : 0,
        rolloverCapHours: plan.rollover ? plan.rollover.capHours : 0,
      });
    }
  });
  return {
    seed,
    termMonths: H,
    clients,
    clientCount: clientCount(scenario),
    planCount: scenario.plans.length,
    segmentCount: scenario.clients.length,
    typeCount: scenario.requestTypes.length,
    costPerHour: scenario.costPerHour,
    hourlyRate: scenario.hourlyRate,
    billingIncrementMinutes: scenario.billingIncrementMinutes,
    commonFactorCv: scenario.commonFactorCv,
    keepMonths,
    shocks: scenario.shocks.map((s) => ({ perMonth: s.perMonth, hitProbability: s.hitProbability, name: s.name })),
    serviceChain: scenario.availability ? uptimeChain(scenario.availability) : null,
    team: compileTeam(scenario),
    planUptimeCredits: scenario.plans.map((plan) => (plan.uptime && scenario.availability ? plan.uptime.credits : null)),
  };
}
