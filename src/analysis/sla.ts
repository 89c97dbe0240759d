import { blockQueueOf } from '../engine/blockState.js';
import { compilePortfolio } from '../engine/compile.js';
import { hotPortfolio } from '../engine/hotPortfolio.js';
import { settleBlockQueue } from '../engine/queue/blockQueue.js';
import { createSlaStats, RESPONSE_BIN_HOURS, RESPONSE_BINS, type SlaStats } from '../engine/queue/slaStats.js';
import { withPeople } from '../engine/queue/team.js';
import { BLOCK_SIZE, simulatePreparedBlock } from '../engine/simulateBlock.js';
import { createStream } from '../random/rng.js';
import type { Scenario } from '../scenario/types.js';

/** One plan's response-time figures (MODEL.md, "Response-time SLAs"). */
export interface SlaPlanResult {
  plan: string;
  clients: number;
  responseHours: number;
  coverage: 'business' | '24x7';
  priority: number;
  /** Expected requests of the plan per trial (term). */
  requestsPerTerm: number;
  /** P(a request breaches): breaches / requests over all trials, and its standard error over trials (ratio estimator). */
  breachProbability: number;
  breachProbabilityStandardError: number;
  /** P(a client-month has at least one breach). */
  clientMonthBreachProbability: number;
  /** Response-time quantiles on the plan's clock, hours (type 1, to the minute above); NaN without requests. */
  responseHoursP50: number;
  responseHoursP90: number;
  responseHoursP95: number;
  /** Penalties owed per client-month (after the monthly cap), money, and its standard error. */
  expectedPenaltyPerClientMonth: number;
  expectedPenaltyStandardError: number;
}

/** The same requests served by another team size. */
export interface StaffingRow {
  people: number;
  utilisation: number;
  plans: { plan: string; breachProbability: number; breachProbabilityStandardError: number; expectedPenaltyPerClientMonth: number }[];
}

/** What `fairfee sla` reports. */
export interface SlaResult {
  plans: SlaPlanResult[];
  team: { people: number; utilisation: number; onCallPeople: number; onCallUtilisation: number; onCallCostPerMonth: number; aroundTheClock: boolean };
  staffing: StaffingRow[];
  maxBreach: number;
  /** Per plan with an sla: the smallest team size of the staffing table whose P(breach) is below maxBreach; null when none is. */
  smallestTeam: { plan: string; people: number | null }[];
}

/** Settings of the study. */
export interface SlaSettings {
  trials: number;
  seed: string;
  /** Team sizes of the staffing table (the team's own is added). */
  people: readonly number[];
  /** The breach probability a plan may have, e.g. 0.05. */
  maxBreach: number;
  /** Called after each block with the trials done. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Type-1 quantile (the ⌈nα⌉-th smallest) of a plan's response-time histogram: 0 for bin 0, else
 * the bin's upper edge, so a quantile is exact to the minute above.
 */
function histogramQuantile(histogram: Float64Array, offset: number, count: number, alpha: number): number {
  if (count === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(count * alpha));
  let seen = 0;
  for (let b = 0; b < RESPONSE_BINS; b++) {
    seen += histogram[offset + b];
    if (seen >= rank) return b === RESPONSE_BINS - 1 ? Number.POSITIVE_INFINITY : b * RESPONSE_BIN_HOURS;
  }
  return Number.POSITIVE_INFINITY;
}

/** Ratio Σb/Σn over trials and its delta-method standard error. */
function ratio(b: number, n: number, bb: number, nn: number, bn: number, trials: number): { value: number; se: number } {
  if (n === 0) return { value: Number.NaN, se: Number.NaN };
  const r = b / n;
  const meanN = n / trials;
  const squares = Math.max(0, bb - 2 * r * bn + r * r * nn);
  return { value: r, se: trials > 1 ? Math.sqrt(squares / (trials * (trials - 1))) / meanN : Number.NaN };
}

/** Mean per unit of a per-trial sum and its standard error, `units` units each trial. */
function perUnit(sum: number, squares: number, trials: number, units: number): { value: number; se: number } {
  const mean = sum / trials;
  const variance = trials > 1 ? Math.max(0, (squares - trials * mean * mean) / (trials - 1)) : Number.NaN;
  return { value: mean / units, se: Math.sqrt(variance / trials) / units };
}

/**
 * The `sla` study: simulates the scenario's trials (the same requests `run` sees, same seed),
 * and serves each block's logged requests by the team as it is and by each team size of the
 * staffing table: the same requests, only the queue run again. Runs in this thread, block by
 * block: its figures are per request (quantiles of response times), not per-trial columns.
 * @throws Error when the scenario has no team (the command checks first)
 */
export function slaStudy(scenario: Scenario, settings: SlaSettings): SlaResult {
  const hot = hotPortfolio(compilePortfolio(scenario, settings.seed));
  const team = hot.team;
  if (!team || !scenario.team) throw new Error('the scenario has no team');
  const own = scenario.team.people;
  const sizes = [...new Set([own, ...settings.people])].sort((a, b) => a - b);
  const stats = new Map<number, SlaStats>(sizes.map((n) => [n, createSlaStats(hot.planCount)]));
  const streams = (path: readonly (string | number)[]) => createStream(settings.seed, path);
  const H = scenario.termMonths;
  for (let block = 0; block * BLOCK_SIZE < settings.trials; block++) {
    const length = Math.min(BLOCK_SIZE, settings.trials - block * BLOCK_SIZE);
    // The team as it is is served once, for the block's penalties and its figures at once.
    simulatePreparedBlock(hot, streams, block, length, undefined, stats.get(team.queue.people)!);
    const queue = blockQueueOf(hot)!;
    for (const n of sizes) if (n !== team.queue.people) settleBlockQueue(queue, hot, withPeople(team, n), length, null, stats.get(n)!);
    settings.onProgress?.(block * BLOCK_SIZE + length, settings.trials);
  }
  const clientsOf = scenario.plans.map((p) => scenario.clients.filter((c) => c.plan === p.name).reduce((s, c) => s + c.count, 0));
  const slaPlans = scenario.plans.map((p, i) => ({ plan: p, i })).filter(({ plan }) => plan.sla !== undefined);
  const figures = (s: SlaStats, i: number) => {
    const breach = ratio(s.breaches[i], s.requests[i], s.breachesSquared[i], s.requestsSquared[i], s.requestsTimesBreaches[i], s.trials);
    const penalty = perUnit(s.penalty[i], s.penaltySquared[i], s.trials, clientsOf[i] * H);
    const months = perUnit(s.breachClientMonths[i], s.breachClientMonthsSquared[i], s.trials, clientsOf[i] * H);
    return { breach, penalty, months };
  };
  const utilisation = (s: SlaStats) => (s.availableHours > 0 ? s.busyHours / s.availableHours : Number.NaN);
  const main = stats.get(own)!;
  const plans: SlaPlanResult[] = slaPlans.map(({ plan, i }) => {
    const { breach, penalty, months } = figures(main, i);
    const sla = plan.sla!;
    return {
      plan: plan.name,
      clients: clientsOf[i],
      responseHours: sla.responseHours,
      coverage: sla.coverage,
      priority: sla.priority,
      requestsPerTerm: main.requests[i] / main.trials,
      breachProbability: breach.value,
      breachProbabilityStandardError: breach.se,
      clientMonthBreachProbability: months.value,
      responseHoursP50: histogramQuantile(main.histogram, i * RESPONSE_BINS, main.requests[i], 0.5),
      responseHoursP90: histogramQuantile(main.histogram, i * RESPONSE_BINS, main.requests[i], 0.9),
      responseHoursP95: histogramQuantile(main.histogram, i * RESPONSE_BINS, main.requests[i], 0.95),
      expectedPenaltyPerClientMonth: penalty.value,
      expectedPenaltyStandardError: penalty.se,
    };
  });
  const staffing: StaffingRow[] = sizes.map((n) => {
    const s = stats.get(n)!;
    return {
      people: n,
      utilisation: utilisation(s),
      plans: slaPlans.map(({ plan, i }) => {
        const { breach, penalty } = figures(s, i);
        return { plan: plan.name, breachProbability: breach.value, breachProbabilityStandardError: breach.se, expectedPenaltyPerClientMonth: penalty.value };
      }),
    };
  });
  const smallestTeam = slaPlans.map(({ plan }, j) => ({
    plan: plan.name,
    people: staffing.find((row) => row.plans[j].breachProbability < settings.maxBreach)?.people ?? null,
  }));
  return {
    plans,
    team: {
      people: own,
      utilisation: utilisation(main),
      onCallPeople: scenario.team.onCallPeople,
      onCallUtilisation: main.onCallAvailableHours > 0 ? main.onCallBusyHours / main.onCallAvailableHours : Number.NaN,
      onCallCostPerMonth: scenario.team.onCallCostPerMonth,
      aroundTheClock: scenario.team.aroundTheClock,
    },
    staffing,
    maxBreach: settings.maxBreach,
    smallestTeam,
  };
}
