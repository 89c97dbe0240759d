import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fairfee } from './helpers/cli.js';

/*
 * The headline numbers end to end: one breakeven run of the bundled scenario through main(),
 * compared as a whole with the document recorded once from this implementation
 * (test/fixtures/breakeven-webagency.json). Not statistical truth: any change that moves a draw,
 * a block's stream, or a summary's arithmetic shows here. A change meant to move the numbers
 * regenerates the fixture in the same commit:
 *   node bin/fairfee.js breakeven scenarios/webagency.yaml --trials 2000 --seed 7 --workers 1 \
 *     --confidence 0.9 0.95 0.99 --json > test/fixtures/breakeven-webagency.json
 */

const ARGS = ['breakeven', 'scenarios/webagency.yaml', '--trials', '2000', '--seed', '7', '--workers', '1', '--confidence', '0.9', '0.95', '0.99', '--json'];

describe('golden headline: breakeven of the bundled scenario, seed 7', () => {
  it('prints the recorded JSON document, every number exactly', async () => {
    const result = await fairfee(ARGS);
    expect(result.status, result.stderr).toBe(0);
    const expected: unknown = JSON.parse(readFileSync('test/fixtures/breakeven-webagency.json', 'utf8'));
    // toStrictEqual: the same keys and values; numbers compared with Object.is, so exactly.
    expect(JSON.parse(result.stdout)).toStrictEqual(expected);
  });
});
