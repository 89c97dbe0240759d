import { describe, expect, it } from 'vitest';
import { regularizedBeta } from '../src/random/regularizedBeta.js';
import { regularizedGamma } from '../src/random/regularizedGamma.js';
import { createStream } from '../src/random/rng.js';
import { betaStripTable, gammaStripTable, stripSample, type StripTable } from '../src/random/stripSampler.js';
import { ksCritical, ksDistance, sampleMoments } from './helpers/stats.js';

/*
 * The tabled sampler (src/random/stripSampler.ts) is exact rejection sampling, so its draws must
 * have the density's law to the last detail: moments within 4 standard errors of the closed
 * forms, a Kolmogorov–Smirnov test, and a chi-square over 200 cells fine enough to see a strip's
 * hat or squeeze misplaced (each strip holds about 1/512 of the mass), at level 0.001. The cases
 * reach every region: the exponential tail (shape 1, whose density is highest at 0), a body that
 * starts above 0 with strips past the support's end (a large shape), and Beta densities with the
 * mode at either end or inside.
 */

const N = 400_000;

function drawStrip(table: StripTable, seed: string, n = N): Float64Array {
  const stream = createStream(seed, ['strip']);
  return Float64Array.from({ length: n }, () => stripSample(stream, table));
}

/** Chi-square of the draws in `cells` cells between the 0.0005 and 0.9995 ranks, plus two outer cells. */
function chiSquare(values: Float64Array, cdf: (x: number) => number, cells: number): { statistic: number; critical: number } {
  const sorted = Float64Array.from(values).sort();
  const low = sorted[Math.floor(0.0005 * sorted.length)];
  const high = sorted[Math.floor(0.9995 * sorted.length)];
  const edges = [-Infinity, ...Array.from({ length: cells + 1 }, (_, i) => low + ((high - low) * i) / cells), Infinity];
  const observed = new Float64Array(edges.length - 1);
  let k = 0;
  for (const v of sorted) {
    while (v >= edges[k + 1]) k++;
    observed[k]++;
  }
  let statistic = 0;
  let used = 0;
  for (let i = 0; i < observed.length; i++) {
    const expected = values.length * (cdf(edges[i + 1]) - cdf(edges[i]));
    if (expected < 5) continue;
    statistic += (observed[i] - expected) ** 2 / expected;
    used++;
  }
  const df = used - 1;
  const z = 3.090232306167813; // qnorm(0.999)
  return { statistic, critical: df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3 };
}

function expectLaw(values: Float64Array, mean: number, variance: number, cdf: (x: number) => number): void {
  const m = sampleMoments(values);
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean}`).toBeLessThanOrEqual(4 * m.meanSe);
  expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance}`).toBeLessThanOrEqual(4 * m.varianceSe);
  expect(ksDistance(values, cdf)).toBeLessThan(ksCritical(values.length));
  const { statistic, critical } = chiSquare(values, cdf, 200);
  expect(statistic, `chi-square ${statistic} vs ${critical}`).toBeLessThan(critical);
}

describe('gammaStripTable: Gamma(shape, scale) exactly', () => {
  it.each([
    [1, 1],
    [1.5, 2],
    [2.25, 0.6 / 2.25],
    [9, 0.1],
    [400, 0.01],
    [1e4, 1e-4],
  ])('shape %f, scale %f: moments, KS and chi-square against the regularized Gamma', (shape, scale) => {
    const table = gammaStripTable(shape, scale);
    const values = drawStrip(table, `gamma ${shape}`);
    expectLaw(values, shape * scale, shape * scale * scale, (x) => (x <= 0 ? 0 : x === Infinity ? 1 : regularizedGamma(shape, x / scale)));
  });

  it('draws the exponential tail as often as the law puts mass there (shape 1)', () => {
    const table = gammaStripTable(1, 1);
    expect(table.tail).toBeGreaterThanOrEqual(0);
    const values = drawStrip(table, 'tail', 2_000_000);
    const beyond = values.filter((v) => v > table.tailStart).length / values.length;
    const exact = Math.exp(-table.tailStart);
    expect(Math.abs(beyond - exact)).toBeLessThanOrEqual(4 * Math.sqrt((exact * (1 - exact)) / values.length));
    // The tail's own shape: beyond the start, an Exp(1) again (memorylessness).
    const excess = values.filter((v) => v > table.tailStart).map((v) => v - table.tailStart);
    expect(ksDistance(Float64Array.from(excess), (x) => 1 - Math.exp(-x))).toBeLessThan(ksCritical(excess.length));
  });

  it('a large shape has strips on both sides of the mode, the lowest reaching past 0', () => {
    const table = gammaStripTable(400, 1);
    expect(table.fast[1]).toBeLessThan(400);
    expect(Math.min(...Array.from({ length: table.strips }, (_, j) => table.fast[3 * j + 1]))).toBeLessThan(0);
  });

  it('refuses a shape below 1 (its density has no bound at 0)', () => {
    expect(() => gammaStripTable(0.5, 1)).toThrow(RangeError);
  });
});

describe('betaStripTable: offset + scale·Beta(α, β) exactly', () => {
  it.each([
    [1 + 6 / 7, 1 + 22 / 7, 1, 7], // pert(1, 2.5, 8)
    [1, 5, 0.5, 2], // mode at min
    [5, 1, 0, 1], // mode at max
    [3, 3, 10, 4],
    [2 + 2 / 3, 3 + 1 / 3, 0.25, 2.75], // pert(0.25, 0.75, 3)
  ])('α %f, β %f (offset %f, scale %f): moments, KS and chi-square against the regularized Beta', (a, b, offset, scale) => {
    const table = betaStripTable(a, b, offset, scale);
    const values = drawStrip(table, `beta ${a} ${b}`);
    const mean = offset + (scale * a) / (a + b);
    const variance = (scale * scale * a * b) / ((a + b) ** 2 * (a + b + 1));
    expect(values.every((v) => v >= offset && v <= offset + scale)).toBe(true);
    expectLaw(values, mean, variance, (x) => (x <= offset ? 0 : x >= offset + scale ? 1 : regularizedBeta((x - offset) / scale, a, b)));
  });

  it('refuses α or β below 1', () => {
    expect(() => betaStripTable(0.5, 2, 0, 1)).toThrow(RangeError);
  });
});

describe('tables', () => {
  it('are built once per density and scale, and shared', () => {
    expect(gammaStripTable(2.25, 0.3)).toBe(gammaStripTable(2.25, 0.3));
    expect(betaStripTable(2, 4, 0, 1)).not.toBe(betaStripTable(2, 4, 0, 2));
  });

  it('hold at most 512 strips, and most draws need one 32-bit word (under the squeeze)', () => {
    for (const table of [gammaStripTable(1, 1), gammaStripTable(2.25, 1), betaStripTable(1 + 6 / 7, 1 + 22 / 7, 0, 1)]) {
      expect(table.strips).toBeLessThanOrEqual(512);
      let squeezed = 0;
      for (let j = 0; j < table.strips; j++) squeezed += table.fast[3 * j];
      expect(squeezed / table.strips).toBeGreaterThan(0.97);
    }
  });

  it('the same stream gives the same draws', () => {
    const table = gammaStripTable(3, 1);
    expect(drawStrip(table, 'same', 1000)).toEqual(drawStrip(table, 'same', 1000));
  });
});
