import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compilePortfolio } from '../src/engine/compile.js';
import { hotPortfolio } from '../src/engine/hotPortfolio.js';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import { expectedRequests } from '../src/runner/workEstimate.js';
import { parseScenario } from '../src/scenario/load.js';
import { r1Moments } from './helpers/r1Moments.js';
import { sampleMoments } from './helpers/stats.js';

/* Benchmark workload R1 (scenarios/bench-r1.yaml) against its closed forms (helpers/r1Moments.ts). */

const file = 'scenarios/bench-r1.yaml';
const scenario = parseScenario(readFileSync(file, 'utf8'), file);
const TRIALS = 5000;

describe('benchmark workload R1', () => {
  it('has the closed forms of the brief: mean 7854.3 h, sd 389.8 h per trial, 7680 requests', () => {
    const { mean, variance } = r1Moments();
    expect(Math.abs(mean - 7854.3)).toBeLessThan(0.1); // 7854.36: the brief rounds 3.27265 h to 3.27264
    expect(Math.abs(Math.sqrt(variance) - 389.8)).toBeLessThan(0.1);
    // (1.5 + 0.8 + 0.3 + 0.6) requests per client-month × 200 clients × 12 months
    expect(expectedRequests(hotPortfolio(compilePortfolio(scenario, '1')))).toBeCloseTo(7680, 6);
  });

  it(`simulated (${TRIALS} trials): mean and variance of the total hours within 4 standard errors`, () => {
    const { columns } = simulateScenario(scenario, { trials: TRIALS, seed: '1' });
    const { mean, variance } = r1Moments();
    const m = sampleMoments(columns.hours);
    expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean} (se ${m.meanSe})`).toBeLessThanOrEqual(4 * m.meanSe);
    expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance} (se ${m.varianceSe})`).toBeLessThanOrEqual(4 * m.varianceSe);
  });
});
