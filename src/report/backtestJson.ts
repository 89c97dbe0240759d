import type { BacktestResult } from '../analysis/backtest/backtest.js';
import { runIdentity } from '../analysis/runReport.js';
import type { Scenario } from '../scenario/types.js';

/**
 * The `--json` document of `fairfee backtest` (docs/interface.md): the identity fields of every
 * command (the client count as `scenario_clients`, as `clients` is the list), `windows`, `clients` (one entry per client and window), `portfolio`, and the fee
 * line as `fees`. Ratios without a denominator are null with a note (printJson).
 */
export function backtestJson(result: BacktestResult, scenario: Scenario, seed: string): Record<string, unknown> {
  const p = result.portfolio;
  const { clients, ...identity } = runIdentity(scenario, result.trials, seed);
  return {
    // `clients` is the backtest's list (docs/interface.md), so the scenario's count has its own name.
    ...identity,
    scenario_clients: clients,
    history: result.history,
    windows: result.windows.map((w) => ({
      window: w.index,
      first_month: w.label.slice(0, 7),
      last_month: w.label.slice(-7),
      clients: w.clients,
      actual_hours: w.actualHours,
      expected_hours: w.expectedHours,
      actual_net_cost: w.actualNetCost,
      expected_net_cost: w.expectedNetCost,
      needed_fee: w.neededFee,
      expected_fee: w.expectedFee,
    })),
    clients: result.rows.map((r) => ({
      client: r.client,
      window: r.window,
      matched_to: r.matchedTo,
      matched_by: r.matchedBy,
      tickets: r.tickets,
      actual_hours: r.actualHours,
      expected_hours: r.expectedHours,
      actual_to_expected: r.actualToExpected,
      pit: r.pit,
      interval_50: r.interval50,
      interval_90: r.interval90,
      actual_net_cost: r.actualNetCost,
      expected_net_cost: r.expectedNetCost,
      net_cost_pit: r.netCostPit,
    })),
    portfolio: {
      client_windows: p.clientWindows,
      pit_histogram: p.pitHistogram,
      ks_statistic: p.ksStatistic,
      ks_p_value: p.ksPValue,
      coverage_50: p.coverage50,
      coverage_90: p.coverage90,
      actual_hours: p.actualHours,
      expected_hours: p.expectedHours,
      actual_to_expected: p.actualToExpected,
      z: p.z,
      net_cost_ks_p_value: p.netCostKsPValue,
      verdict: p.verdict.kind,
      verdict_text: p.verdict.text,
    },
    fees: {
      confidence: result.scenarioFee.confidence,
      breakeven_fee: result.scenarioFee.breakevenFee,
      breakeven_fee_interval: result.scenarioFee.breakevenFeeInterval,
      fair_fee: result.scenarioFee.fairFee,
    },
    dropped_months: result.droppedMonths,
    warnings: result.warnings,
  };
}
