import { describe, expect, it } from 'vitest';
import { MIN_TERMS_BEYOND, tailSupportProblem } from '../src/analysis/tailSupport.js';
import { fairfee } from './helpers/cli.js';

describe('break-even fees too far out in the tail for the trials', () => {
  it.each([
    [2_000, 0.95],
    [2_000, 0.995],
    [2_000, 0.005],
    [20_000, 0.9995],
  ])('%i trials at %f: at least ten terms beyond, no warning', (trials, confidence) => {
    // At least ten terms beyond, up to the binary rounding of the level.
    expect(trials * Math.min(confidence, 1 - confidence) + 1e-9).toBeGreaterThanOrEqual(MIN_TERMS_BEYOND);
    expect(tailSupportProblem(trials, confidence)).toBeNull();
  });

  it.each([
    [2_000, 0.9999999, '0.00020 of 2,000', 'at least 100,000,000 trials'],
    [2_000, 1e-9, '0.0000020 of 2,000', 'at least 10,000,000,000 trials'],
    [2_000, 0.996, '8.0 of 2,000', 'at least 2,500 trials'],
  ])('%i trials at %f: says how few terms lie beyond and how many trials it needs', (trials, confidence, few, needed) => {
    const problem = tailSupportProblem(trials, confidence);
    expect(problem).toContain(few);
    expect(problem).toContain(needed);
    expect(problem).toContain('too few to estimate it');
  });

  it('breakeven warns on stderr for each level too far out, and not with --quiet', async () => {
    const args = ['breakeven', 'scenarios/freelancer.yaml', '--trials', '2000', '--seed', '1', '--workers', '1', '--confidence', '0.9', '0.9999999'];
    const loud = await fairfee(args);
    expect(loud.status).toBe(0);
    expect(loud.stderr.match(/^warning: at confidence/gm)).toHaveLength(1);
    expect(loud.stderr).toContain('warning: at confidence 99.99999%, 0.00020 of 2,000 simulated terms lie beyond the break-even fee');
    expect((await fairfee([...args, '--quiet'])).stderr).toBe('');
  });
});
