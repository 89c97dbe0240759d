import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateMonths } from '../src/analysis/availability/simulateMonths.js';
import { createAvailabilityModel } from '../src/engine/uptime/model.js';
import { BLOCK_SIZE } from '../src/engine/simulateBlock.js';
import { simulateScenario } from '../src/runner/simulateScenario.js';
import { parseScenario } from '../src/scenario/load.js';
import { clientCount } from '../src/scenario/types.js';

/*
 * `fairfee availability` simulates the months a `fairfee run` of the same scenario, seed and
 * trials sees: the engine's service chain draws trial t's months from stream
 * [⌊t / BLOCK_SIZE⌋, 'service'], and so does simulateMonths. The run's fee weight of a trial
 * is the clients × (term − the credits of its months), taken off in the same order, so the
 * two agree to the last bit.
 */
describe('availability months are the run months', () => {
  it('fee weights of a run follow from the simulated months, across blocks', () => {
    const scenario = parseScenario(readFileSync('scenarios/hosting-sla.yaml', 'utf8'), 'hosting-sla.yaml');
    const trials = 2 * BLOCK_SIZE + 7;
    const H = scenario.termMonths;
    const { columns } = simulateScenario(scenario, { trials, seed: '11' });
    const months = simulateMonths(createAvailabilityModel(scenario.availability!), trials * H, '11', H);
    expect(months.creditShare.some((share) => share > 0)).toBe(true);
    for (let t = 0; t < trials; t++) {
      let perClient = H;
      for (let m = 0; m < H; m++) perClient -= months.creditShare[t * H + m];
      expect(columns.feeWeight[t]).toBe(perClient * clientCount(scenario));
    }
  });
});
