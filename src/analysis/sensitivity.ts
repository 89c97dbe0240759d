import pMap from 'p-map';
import { BLOCK_SIZE } from '../engine/simulateBlock.js';
import type { Simulator } from '../runner/simulator.js';
import type { AdjustableInput } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';
import { breakevenFee } from './breakeven.js';
import { tornado, type TornadoRow } from './tornado.js';
import { varianceShares } from './varianceShares.js';

/** One input to move: a request type's, a plan's, or a portfolio-wide one. */
export interface SensitivityInput {
  input: AdjustableInput;
  requestType?: string;
  plan?: string;
}

/**
 * How the plans treat a request type, for the advice: some plan covers it with no cap on the
 * hours ('unlimited'), every plan that covers it caps or bills it ('capped'), or none covers it.
 */
export type TypeCoverage = 'unlimited' | 'capped' | 'uncovered';

export function typeCoverage(scenario: Scenario): Record<string, TypeCoverage> {
  const used = new Set(scenario.clients.map((c) => c.plan));
  const plans = scenario.plans.filter((p) => used.has(p.name));
  return Object.fromEntries(
    scenario.requestTypes.map((type) => {
      const covering = plans.filter((p) => p.covers.includes(type.name));
      const unlimited = covering.some((p) => p.form === 'flat' && !Number.isFinite(p.includedHours));
      return [type.name, covering.length === 0 ? 'uncovered' : unlimited ? 'unlimited' : 'capped'];
    }),
  );
}

/** The inputs that exist in a scenario: a type's overrun only if it has one, heterogeneity only if used. */
export function sensitivityInputs(scenario: Scenario): SensitivityInput[] {
  const inputs: SensitivityInput[] = [];
  const shockTypes = new Set(scenario.shocks.filter((s) => s.perMonth > 0).map((s) => s.requestType));
  for (const type of scenario.requestTypes) {
    const versions = scenario.clients.map((c) => c.requestTypes.find((t) => t.name === type.name)!);
    const requested = versions.some((t) => t.frequency.perMonth > 0);
    if (!requested && !shockTypes.has(type.name)) continue;
    if (requested) inputs.push({ input: 'frequency', requestType: type.name });
    inputs.push({ input: 'effort', requestType: type.name });
    if (versions.some((t) => t.overrun)) {
      inputs.push({ input: 'overrun_probability', requestType: type.name }, { input: 'overrun_factor', requestType: type.name });
    }
  }
  inputs.push({ input: 'cost_per_hour' });
  if (scenario.clients.some((c) => c.heterogeneity > 0)) inputs.push({ input: 'heterogeneity' });
  // What the owner sets in the contracts: the hourly rate, and each plan's terms that exist.
  inputs.push({ input: 'hourly_rate' });
  const used = new Set(scenario.clients.map((c) => c.plan));
  for (const plan of scenario.plans.filter((p) => used.has(p.name))) {
    const capped = plan.form === 'flat' && Number.isFinite(plan.includedHours);
    if (capped || (plan.form === 'bundle' && plan.bundle?.whenUsedUp === 'hourly')) inputs.push({ input: 'overage_rate', plan: plan.name });
    if (capped && plan.includedHours > 0) inputs.push({ input: 'included_hours', plan: plan.name });
    if (plan.bundle) {
      inputs.push({ input: 'bundle_hours', plan: plan.name });
      if (plan.bundle.price !== undefined) inputs.push({ input: 'bundle_price', plan: plan.name });
    }
  }
  return inputs;
}

/** The tornado, the variance shares and the base fee they move around. */
export interface SensitivityResult {
  change: number;
  trials: number;
  base_fee: number;
  rows: TornadoRow[];
  variance_shares: Record<string, number>;
  /** How the plans treat each request type (typeCoverage), which the advice reads. */
  coverage: Record<string, TypeCoverage>;
}

/** What a sensitivity study is asked for. */
export interface SensitivitySettings {
  /** Simulated terms of the base run and of each what-if. */
  trials: number;
  /** The break-even fee's confidence level, in (0, 1). */
  confidence: number;
  /** Relative move of each input, down and up, in (0, 1): 0.2 is ±20%. */
  change: number;
}

/**
 * Moves each input down and up by `change` (common random numbers: same seed, same trials) and
 * records the break-even fee each way, sorted by swing; plus each type's share of the net
 * cost's variance from the base run. The base run shows progress; the what-ifs do not.
 * @param choose which of the scenario's inputs to move (all by default; mainInputs for `run`)
 */
export async function runSensitivity(
  simulator: Simulator,
  { trials, confidence, change }: SensitivitySettings,
  choose: (inputs: SensitivityInput[], shares: Record<string, number>) => SensitivityInput[] = (inputs) => inputs,
): Promise<SensitivityResult> {
  const baseColumns = await simulator.simulate({ trials, typeColumns: true });
  const shares = varianceShares(baseColumns);
  const shareByType = Object.fromEntries(simulator.scenario.requestTypes.map((t, j) => [t.name, shares[j]]));
  const chosen = choose(sensitivityInputs(simulator.scenario), shareByType);
  const whatIfs = chosen.flatMap(({ input, requestType, plan }) => [1 - change, 1 + change].map((factor) => ({ input, requestType, plan, factor })));
  // Runs of one block are too short to share among threads; several at once share them instead
  // (as many as there are threads). Longer runs use every thread each, one after the other, so
  // that no more than one what-if's columns are held at a time.
  const fees = await pMap(
    whatIfs,
    async ({ input, requestType, plan, factor }) => {
      const columns = await simulator.simulate({ trials, adjustments: [{ kind: 'scale', input, factor, requestType, plan }], label: null });
      return breakevenFee(columns.netCost, columns.feeWeight, confidence).fee;
    },
    { concurrency: trials <= BLOCK_SIZE ? simulator.threads : 1 },
  );
  const rows: TornadoRow[] = chosen.map(({ input, requestType, plan }, i) => {
    const [low, high] = [fees[2 * i], fees[2 * i + 1]];
    return {
      request_type: requestType,
      ...(plan === undefined ? {} : { plan }),
      input,
      change,
      fee_low_input: low,
      fee_high_input: high,
      swing: Math.abs(high - low),
    };
  });
  return {
    change,
    trials,
    base_fee: breakevenFee(baseColumns.netCost, baseColumns.feeWeight, confidence).fee,
    rows: tornado(rows),
    variance_shares: shareByType,
    coverage: typeCoverage(simulator.scenario),
  };
}

/**
 * A quick tornado for `run`: frequency and effort of the `count` request types with the largest
 * share of the net cost's variance, and cost per hour. The full one is `fairfee sensitivity`.
 */
export function mainInputs(count: number): (inputs: SensitivityInput[], shares: Record<string, number>) => SensitivityInput[] {
  return (inputs, shares) => {
    const top = new Set(
      Object.entries(shares)
        .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
        .slice(0, count)
        .map(([name]) => name),
    );
    return inputs.filter((i) => i.input === 'cost_per_hour' || ((i.input === 'frequency' || i.input === 'effort') && top.has(i.requestType ?? '')));
  };
}
