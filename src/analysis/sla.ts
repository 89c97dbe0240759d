import { compilePortfolio } from '../engine/compile.js';
import { hotPortfolio } from '../engine/hotPortfolio.js';
import { RESPONSE_BIN_HOURS, RESPONSE_BINS, type SlaStats } from '../engine/queue/slaStats.js';
import { runSlaBlocks } from '../runner/slaRun.js';
import type { SimulationPool } from '../runner/workerPool.js';
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
  /** Threads to serve the blocks on, this one included (default 1), and the command's worker threads. */
  workers?: number;
  pool?: SimulationPool | null;
  /** Called as blocks come in, with the trials done. */
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
 * staffing table: the same requests, only the queue run again. Its figures are sums per request
 * (counts, a histogram of response times), not per-trial columns: each block's are added up in
 * block order, on this thread and the workers (runner/slaRun.ts), the same on any threads.
 * @throws Error when the scenario has no team (the command checks first)
 */
export async function slaStudy(scenario: Scenario, settings: SlaSettings): Promise<SlaResult> {
  const hot = hotPortfolio(compilePortfolio(scenario, settings.seed));
  const team = hot.team;
  if (!team || !scenario.team) throw new Error('the scenario has no team');
  const own = scenario.team.people;
  const sizes = [...new Set([own, ...settings.people])].sort((a, b) => a - b);
  const totals = await runSlaBlocks(hot, settings.trials, sizes, {
    seed: settings.seed,
    workers: settings.workers ?? 1,
    pool: settings.pool,
    onProgress: settings.onProgress,
  });
  const stats = new Map<number, SlaStats>(sizes.map((n, i) => [n, totals[i]]));
  const H = scenario.termMonths;
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
