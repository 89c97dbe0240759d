import type { TrialColumns } from '../engine/columns.js';
import type { Simulator } from '../runner/simulator.js';
import { compareFees, feeGrid, type FeeRow } from './compare.js';
import { currentPrices } from './feeTable.js';
import { histogram, type Histogram } from './histogram.js';
import { perTrialFees } from './breakeven.js';
import { evaluatePriceList, type PriceListResult } from './priceList.js';
import { recurringRevenue, type RecurringRevenue } from './recurring.js';
import { breakevenReport, type BreakevenReport } from './runReport.js';
import { mainInputs, runSensitivity, type SensitivityResult } from './sensitivity.js';
import { withoutSharedShocks, type WithoutSharedShocks } from './sharedShocks.js';
import { uptimeCosts, type PlanUptimeCost } from './uptimeCredits.js';

/** Everything `fairfee run` reports about one portfolio. */
export interface RunResult {
  report: BreakevenReport;
  /** Uniform fees around the break-even fee, on the run's trials. */
  feeTable: FeeRow[];
  /** The scenario's own prices (every plan's monthly_fee) on the run's trials; null without them. */
  currentPrices: PriceListResult | null;
  /** Of the per-trial break-even fee, net cost / fee weight; null without a uniform fee. */
  histogram: Histogram | null;
  /** Null when not asked for, or when the scenario has no shared shocks. */
  sharedShocks: WithoutSharedShocks | null;
  /** The quick tornado; null when not asked for. */
  sensitivity: SensitivityResult | null;
  /** MRR, ARR and the recurring share of revenue. */
  recurring: RecurringRevenue;
  /** What each plan's uptime promise costs in credits; null when no plan is promised one. */
  uptimeCredits: PlanUptimeCost[] | null;
}

/** What `fairfee run` is asked for besides the simulated trials. */
export interface RunSettings {
  /** Confidence levels, the headline first. */
  levels: readonly number[];
  /** Compare with the scenario's shared shocks off (withoutSharedShocks). */
  sharedShocks: boolean;
  /** Trials per what-if of the quick tornado; 0 skips it. */
  sensitivityTrials: number;
  /** Change of each input in the tornado, e.g. 0.2 for ±20%. */
  sensitivityChange: number;
  /** Request types whose inputs the quick tornado moves (those with the largest variance shares). */
  sensitivityTypes: number;
}

/**
 * The main study: the break-even report, a fee table around the break-even fee, the current
 * prices, the histogram of per-trial fees, and two what-ifs on the same seed (shared shocks
 * off; the quick tornado), run at once on the simulator's threads.
 * @param columns the run's trials: `simulator`'s first `trials`
 */
export async function studyRun(simulator: Simulator, columns: TrialColumns, trials: number, settings: RunSettings): Promise<RunResult> {
  const { scenario, seed } = simulator;
  const report = breakevenReport(scenario, columns, trials, seed, settings.levels);
  // Without a uniform flat fee, what is about it (the fee table, its histogram, what moves it) has no subject.
  const uniform = report.breakeven_fee;
  const feeTable = uniform === null ? [] : compareFees(columns, scenario, feeGrid(uniform), report.confidence);
  const distribution = uniform === null ? null : histogram(perTrialFees(columns.netCost, columns.feeWeight));
  const prices = currentPrices(scenario);
  const priced = prices ? evaluatePriceList(columns, scenario, prices) : null;
  const confidence = settings.levels[0];
  // The two what-ifs go at once on the command's threads: the sensitivity section's
  // one-block runs share them with the comparison's blocks instead of leaving a core idle.
  const [sharedShocks, sensitivity] = await bothSettled(
    settings.sharedShocks && uniform !== null ? withoutSharedShocks(simulator, { trials, confidence }, { columns, report }) : Promise.resolve(null),
    settings.sensitivityTrials > 0 && uniform !== null
      ? runSensitivity(
          simulator,
          { trials: Math.min(trials, settings.sensitivityTrials), confidence, change: settings.sensitivityChange },
          mainInputs(settings.sensitivityTypes),
        )
      : Promise.resolve(null),
  );
  const recurring = recurringRevenue(
    scenario,
    columns,
    scenario.plans.map((plan) => report.plans[plan.name].fee),
  );
  const uptimeCredits = uptimeCosts(
    scenario,
    columns,
    trials,
    scenario.plans.map((plan) => report.plans[plan.name].fee),
  );
  return { report, feeTable, currentPrices: priced, histogram: distribution, sharedShocks, sensitivity, recurring, uptimeCredits };
}

/** Both results once both are in; the first failure, if any, after both have stopped. */
async function bothSettled<A, B>(a: Promise<A>, b: Promise<B>): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  if (first.status === 'rejected') throw first.reason;
  if (second.status === 'rejected') throw second.reason;
  return [first.value, second.value];
}
