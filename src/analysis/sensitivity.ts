import pMap from 'p-map';
import { BLOCK_SIZE } from '../engine/simulateBlock.js';
import type { Simulator } from '../runner/simulator.js';
import type { AdjustableInput } from '../scenario/adjust.js';
import type { Scenario } from '../scenario/types.js';
import { breakevenFee } from './breakeven.js';
import { tornado, type TornadoRow } from './tornado.js';
import { varianceShares } from './varianceShares.js';

/** One input to move: a request type's, or a portfolio-wide one. */
export interface SensitivityInput {
  input: AdjustableInput;
  requestType?: string;
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
  return inputs;
}

/** The tornado, the variance shares and the base fee they move around. */
export interface SensitivityResult {
  change: number;
  trials: number;
  base_fee: number;
  rows: TornadoRow[];
  variance_shares: Record<string, number>;
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
  const whatIfs = chosen.flatMap(({ input, requestType }) => [1 - change, 1 + change].map((factor) => ({ input, requestType, factor })));
  // Runs of one block are too short to share among threads; several at once share them instead
  // (as many as there are threads). Longer runs use every thread each, one after the other, so
  // that no more than one what-if's columns are held at a time.
  const fees = await pMap(
    whatIfs,
    async ({ input, requestType, factor }) => {
      const columns = await simulator.simulate({ trials, adjustments: [{ kind: 'scale', input, factor, requestType }], label: null });
      return breakevenFee(columns.netCost, columns.feeWeight, confidence).fee;
    },
    { concurrency: trials <= BLOCK_SIZE ? simulator.threads : 1 },
  );
  const rows: TornadoRow[] = chosen.map(({ input, requestType }, i) => {
    const [low, high] = [fees[2 * i], fees[2 * i + 1]];
    return { request_type: requestType, input, change, fee_low_input: low, fee_high_input: high, swing: Math.abs(high - low) };
  });
  return {
    change,
    trials,
    base_fee: breakevenFee(baseColumns.netCost, baseColumns.feeWeight, confidence).fee,
    rows: tornado(rows),
    variance_shares: shareByType,
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
