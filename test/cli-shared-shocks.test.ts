import { describe, expect, it } from 'vitest';
import { portfolioFees } from '../src/analysis/portfolioFees.js';
import { breakevenReport } from '../src/analysis/runReport.js';
import { firstTrials } from '../src/engine/packedColumns.js';
import type { SimulationArgs } from '../src/cli/options.js';
import type { Io } from '../src/cli/output.js';
import { withoutSharedShocks } from '../src/analysis/sharedShocks.js';
import { prepareRun, simulate, simulatorOf } from '../src/cli/simulation.js';
import { formatSharedShocks } from '../src/report/sharedShocksText.js';

/*
 * The comparison without shared shocks is capped (SHARED_SHOCKS_MAX_TRIALS) so that a long run
 * does not simulate twice; when it is, both sides are the run's first trials, so the difference
 * is a like-for-like one on common random numbers, not a mix of two precisions.
 */

const io = { stdout: process.stdout, stderr: process.stderr } as Io;
const args = { workers: 1, json: false, 'csv-dialect': 'rfc4180', quiet: true, progress: false } as SimulationArgs;

describe('what shared shocks cost', () => {
  it('capped: compares the first trials with and without, and says so', async () => {
    const run = await prepareRun('scenarios/webagency.yaml', { ...args, trials: 3000, seed: '4' }, io);
    const columns = await simulate(run, args, io);
    const report = breakevenReport(run.scenario, columns, run.trials, run.seed, run.levels);
    const counts = run.scenario.clients.map((c) => c.count);

    const capped = (await withoutSharedShocks(simulatorOf(run, args, io), { trials: run.trials, confidence: run.levels[0] }, { columns, report }, 1000))!;
    expect(capped.trials).toBe(1000);
    const firstThousand = portfolioFees(firstTrials(columns, 1000), run.levels[0], counts);
    expect(capped.with_shocks_fee).toBe(firstThousand.breakeven.fee);
    expect(capped.with_shocks_fee).not.toBe(report.breakeven_fee);
    expect(capped.shared_shocks_cost).toBe(capped.with_shocks_fee - capped.breakeven_fee);
    expect(capped.pooling_benefit_change).toBe(firstThousand.poolingBenefit - capped.pooling_benefit);
    // The side without shocks is the same as a run of 1000 trials of its own.
    const alone = await simulate({ ...run, trials: 1000 }, args, io, { adjustments: [{ kind: 'without-shared-shocks' }] });
    expect(capped.breakeven_fee).toBe(portfolioFees(alone, run.levels[0], counts).breakeven.fee);
    expect(formatSharedShocks(capped, run.trials, 'EUR')).toContain('compared on the first 1,000 simulated terms');

    const whole = (await withoutSharedShocks(simulatorOf(run, args, io), { trials: run.trials, confidence: run.levels[0] }, { columns, report }))!;
    expect(whole.trials).toBe(3000);
    expect(whole.with_shocks_fee).toBe(report.breakeven_fee);
    expect(formatSharedShocks(whole, run.trials, 'EUR')).not.toContain('compared on the first');
    // Shared shocks make terms move together: they cost margin.
    expect(whole.shared_shocks_cost).toBeGreaterThan(0);
  });
});
