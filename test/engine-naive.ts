import { binomial, binomialSetup } from '../src/random/binomial.js';
import { gammaSetup, gammaVariate } from '../src/random/gammaVariate.js';
import { negativeBinomial, poisson } from '../src/random/poisson.js';
import { createRng } from '../src/random/rng.js';
import type { TycheStream } from '../src/random/tycheStream.js';
import type { Scenario } from '../src/scenario/types.js';

/*
 * The model of MODEL.md ("One trial"), written the slow, obvious way as the reference the
 * engine's shortcuts are tested against: a count for every client, type and month (Poisson, or
 * negative binomial as a Gamma–Poisson mixture), an effort and an overrun coin for every request,
 * a Binomial of hits for every shock month, covered hours kept for every month. It uses the
 * samplers and Distribution.sample on one generator, none of the engine's code or shortcuts.
 * Billing increments (MODEL.md, "Contract forms") round each request on its own: its billed
 * hours count for overage and hourly billing, its worked hours for cost.
 */

/** A request's billed hours: whole increments of `minutes`, at least one for any work; 0 minutes: as worked. */
function billed(hours: number, minutes: number): number {
  if (minutes === 0 || hours === 0) return hours;
  // 1e-9 of an increment: worked hours that floating point puts a hair above a whole increment
  const increments = Math.max(1, Math.ceil((hours * 60) / minutes - 1e-9));
  return (increments * minutes) / 60;
}

/** Gamma with mean 1 and coefficient of variation cv (shape 1/cv²); 1 for cv 0. */
function unitMeanGamma(stream: TycheStream, cv: number): number {
  if (cv === 0) return 1;
  const shape = 1 / (cv * cv);
  return gammaVariate(stream, gammaSetup(shape)) / shape;
}

/**
 * Overage of one client's term under a rollover (MODEL.md, "Contract forms"), month by month
 * with the bank as a list of deposits, each with its last month of use: expired ones are dropped,
 * the month uses its own included hours, then deposits oldest first, then bills overage, then
 * banks what it left of its own hours as far as the bank's total stays within the cap.
 */
export function bruteForceRolloverOverage(billedByMonth: ArrayLike<number>, includedHours: number, months: number, capHours: number): number {
  const bank: { hours: number; lastMonth: number }[] = [];
  let overage = 0;
  for (let m = 0; m < billedByMonth.length; m++) {
    while (bank.length > 0 && bank[0].lastMonth < m) bank.shift();
    let need = billedByMonth[m];
    const own = Math.min(need, includedHours);
    need -= own;
    for (const deposit of bank) {
      const take = Math.min(deposit.hours, need);
      deposit.hours -= take;
      need -= take;
    }
    overage += need;
    const held = bank.filter((d) => d.lastMonth > m).reduce((s, d) => s + d.hours, 0);
    bank.push({ hours: Math.max(0, Math.min(includedHours - own, capHours - held)), lastMonth: m + months });
  }
  return overage;
}

/** Per-trial results of the reference, the same quantities as the engine's columns. */
export interface NaiveTrials {
  hours: Float64Array;
  coveredHours: Float64Array;
  netCost: Float64Array;
  /** Covered billed hours above the included hours, all clients. */
  overageHours: Float64Array;
  /** Covered hours billed at the scenario-level increment (the hourly equivalent's), all clients. */
  fairCoveredHours: Float64Array;
  /** Hours of each request type (scenario order). */
  typeHours: Float64Array[];
}

/** Simulates `trials` trials of the scenario the naive way, from one generator seeded with `seed`. */
export function naiveTrials(scenario: Scenario, trials: number, seed: string): NaiveTrials {
  const rng = createRng(seed);
  const H = scenario.termMonths;
  const typeIndex = new Map(scenario.requestTypes.map((t, i) => [t.name, i]));
  const out: NaiveTrials = {
    hours: new Float64Array(trials),
    coveredHours: new Float64Array(trials),
    netCost: new Float64Array(trials),
    overageHours: new Float64Array(trials),
    fairCoveredHours: new Float64Array(trials),
    typeHours: scenario.requestTypes.map(() => new Float64Array(trials)),
  };
  const common = new Float64Array(H);
  const shockEvents = scenario.shocks.map(() => new Int32Array(H));
  const coveredByMonth = new Float64Array(H);
  for (let t = 0; t < trials; t++) {
    for (let m = 0; m < H; m++) common[m] = unitMeanGamma(rng, scenario.commonFactorCv);
    scenario.shocks.forEach((shock, s) => {
      for (let m = 0; m < H; m++) shockEvents[s][m] = poisson(rng, shock.perMonth);
    });
    for (const segment of scenario.clients) {
      const plan = scenario.plans.find((p) => p.name === segment.plan)!;
      for (let member = 0; member < segment.count; member++) {
        const intensity = unitMeanGamma(rng, segment.heterogeneity);
        coveredByMonth.fill(0);
        let covered = 0;
        let uncovered = 0;
        let uncoveredBilled = 0;
        let fairCovered = 0;
        const request = (name: string, month: number) => {
          const type = segment.requestTypes[typeIndex.get(name)!];
          let hours = type.effort.sample(rng);
          if (type.overrun && rng.nextDouble() < type.overrun.probability) hours *= type.overrun.factor.sample(rng);
          out.typeHours[typeIndex.get(name)!][t] += hours;
          if (plan.covers.includes(name)) {
            covered += hours;
            coveredByMonth[month] += billed(hours, plan.billingIncrementMinutes);
            fairCovered += billed(hours, scenario.billingIncrementMinutes);
          } else {
            uncovered += hours;
            uncoveredBilled += billed(hours, plan.billingIncrementMinutes);
          }
        };
        for (const type of segment.requestTypes) {
          for (let m = 0; m < H; m++) {
            const season = type.seasonality ? type.seasonality[m % 12] : 1;
            const rate = type.frequency.perMonth * segment.usage * intensity * season * common[m];
            const k = type.frequency.dispersion;
            const count = k === undefined ? poisson(rng, rate) : negativeBinomial(rng, rate, k);
            for (let i = 0; i < count; i++) request(type.name, m);
          }
        }
        scenario.shocks.forEach((shock, s) => {
          if (shock.plans && !shock.plans.includes(plan.name)) return;
          for (let m = 0; m < H; m++) {
            const hits = binomial(rng, shockEvents[s][m], binomialSetup(shock.hitProbability));
            for (let i = 0; i < hits; i++) request(shock.requestType, m);
          }
        });
        let overage = 0;
        if (plan.rollover) overage = bruteForceRolloverOverage(coveredByMonth, plan.includedHours, plan.rollover.months, plan.rollover.capHours);
        else for (let m = 0; m < H; m++) overage += Math.max(0, coveredByMonth[m] - plan.includedHours);
        const cost = scenario.costPerHour * (covered + uncovered) + H * plan.fixedMonthlyCost;
        const revenueBesidesFee = plan.overageRate * overage + scenario.hourlyRate * uncoveredBilled + H * plan.fixedMonthlyRevenue;
        out.netCost[t] += cost - revenueBesidesFee;
        out.hours[t] += covered + uncovered;
        out.coveredHours[t] += covered;
        out.overageHours[t] += overage;
        out.fairCoveredHours[t] += fairCovered;
      }
    }
  }
  return out;
}
