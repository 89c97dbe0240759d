import { describe, expect, it } from 'vitest';
import { binomial, binomialSetup } from '../src/random/binomial.js';
import { empirical } from '../src/random/empirical.js';
import { fixed } from '../src/random/fixed.js';
import { gamma } from '../src/random/gamma.js';
import { betaVariate, gammaSetup, gammaVariate } from '../src/random/gammaVariate.js';
import { lognormal } from '../src/random/lognormal.js';
import { standardNormal } from '../src/random/normal.js';
import { pert } from '../src/random/pert.js';
import { negativeBinomial, poisson } from '../src/random/poisson.js';
import { triangular } from '../src/random/triangular.js';
import { uniform } from '../src/random/uniform.js';
import { DistributionError } from '../src/random/distributionError.js';
import seedrandom from 'seedrandom';
import { createRng, streamSeed } from '../src/random/rng.js';
import type { TycheStream } from '../src/random/tycheStream.js';
import { draw, ksCritical, ksDistance, sampleMoments } from './helpers/stats.js';

const N = 200_000;

/** Gamma with mean 1 and coefficient of variation cv (shape 1/cv²), as the engine draws U and G_m; 1 for cv 0. */
function unitMeanGamma(stream: TycheStream, cv: number): number {
  if (cv === 0) return 1;
  const shape = 1 / (cv * cv);
  return gammaVariate(stream, gammaSetup(shape)) / shape;
}

/** Checks mean and variance against closed forms within 4 Monte Carlo standard errors. */
function expectMoments(values: Float64Array, mean: number, variance: number) {
  const m = sampleMoments(values);
  expect(Math.abs(m.mean - mean)).toBeLessThanOrEqual(4 * m.meanSe);
  expect(Math.abs(m.variance - variance)).toBeLessThanOrEqual(4 * m.varianceSe);
}

describe('continuous distributions: moments (closed forms) and Kolmogorov–Smirnov fit', () => {
  // Closed forms: lognormal mean e^{μ+σ²/2}, var (e^{σ²}−1)e^{2μ+σ²}; triangular (a+b+c)/3,
  // (a²+b²+c²−ab−ac−bc)/18; PERT (a+4m+b)/6, (μ−a)(b−μ)/7; gamma mean, sd²; uniform (a+b)/2, (b−a)²/12.
  const cases = [
    ['lognormal median 0.5 sigma 0.8', lognormal({ median: 0.5, sigma: 0.8 }), 0.5 * Math.exp(0.32), (Math.exp(0.64) - 1) * 0.25 * Math.exp(0.64)],
    ['lognormal median 0.5 p90 1.5', lognormal({ median: 0.5, p90: 1.5 }), NaN, NaN],
    ['lognormal mean 2 sd 1', lognormal({ mean: 2, sd: 1 }), 2, 1],
    ['triangular 1.5 2.5 5', triangular(1.5, 2.5, 5), 3, (1.5 ** 2 + 2.5 ** 2 + 25 - 1.5 * 2.5 - 1.5 * 5 - 2.5 * 5) / 18],
    ['pert 0.5 1 4', pert(0.5, 1, 4), (0.5 + 4 + 4) / 6, ((8.5 / 6 - 0.5) * (4 - 8.5 / 6)) / 7],
    ['gamma mean 0.6 sd 0.4', gamma(0.6, 0.4), 0.6, 0.16],
    ['gamma mean 2 sd 3 (shape < 1)', gamma(2, 3), 2, 9],
    ['uniform 1.2 2', uniform(1.2, 2), 1.6, 0.64 / 12],
  ] as const;

  it.each(cases)('%s', (_name, dist, mean, variance) => {
    const values = draw(N, (rng) => dist.sample(rng), _name);
    // The p90 form: σ = ln 3 / z₀.₉ (qnorm(0.9) = 1.2815515655446004 in R).
    const sigma = Math.log(3) / 1.2815515655446004;
    const expectedMean = Number.isNaN(mean) ? 0.5 * Math.exp((sigma * sigma) / 2) : mean;
    const expectedVariance = Number.isNaN(variance) ? (Math.exp(sigma * sigma) - 1) * expectedMean * expectedMean : variance;
    expect(dist.mean).toBeCloseTo(expectedMean, 12);
    expect(dist.variance).toBeCloseTo(expectedVariance, 12);
    expectMoments(values, expectedMean, expectedVariance);
    expect(ksDistance(values, dist.cdf)).toBeLessThan(ksCritical(N));
  });

  it('lognormal from median and p90 puts 90% of the mass below p90', () => {
    const dist = lognormal({ median: 0.5, p90: 1.5 });
    // The CDF uses simple-statistics' errorFunction, accurate to about 1.2e-7.
    expect(dist.cdf(1.5)).toBeCloseTo(0.9, 6);
    expect(dist.cdf(0.5)).toBeCloseTo(0.5, 6);
  });

  it('standard normal: mean 0, variance 1, and fits Φ', () => {
    const values = draw(N, standardNormal, 'normal');
    expectMoments(values, 0, 1);
    const phi = lognormal({ median: 1, sigma: 1 }).cdf; // P(e^Z ≤ e^x) = Φ(x)
    expect(ksDistance(values, (x) => phi(Math.exp(x)))).toBeLessThan(ksCritical(N));
  });

  it('normal tail beyond the ziggurat base (|z| > 3.4426) has the right mass', () => {
    // 2·(1 − Φ(3.442619855899)) = 5.7618e-4 (R: 2*pnorm(-3.442619855899)).
    const values = draw(2_000_000, standardNormal, 'tail');
    const tail = values.filter((z) => Math.abs(z) > 3.442619855899).length / values.length;
    const p = 5.7618e-4;
    expect(Math.abs(tail - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / values.length));
  });

  it('Gamma with mean 1 and a given cv (heterogeneity, common factor)', () => {
    expectMoments(
      draw(N, (rng) => unitMeanGamma(rng, 0.5)),
      1,
      0.25,
    );
    expectMoments(
      draw(N, (rng) => unitMeanGamma(rng, 1.5)),
      1,
      2.25,
    );
    expect(unitMeanGamma(createRng('x'), 0)).toBe(1);
  });

  it('Beta(2.3, 4.1) by gamma ratio: mean a/(a+b), variance ab/((a+b)²(a+b+1))', () => {
    const a = 2.3;
    const b = 4.1;
    expectMoments(
      draw(N, (rng) => betaVariate(rng, a, b)),
      a / (a + b),
      (a * b) / ((a + b) ** 2 * (a + b + 1)),
    );
  });

  it('fixed and empirical', () => {
    expect(fixed(0.25).sample(createRng('x'))).toBe(0.25);
    const values = [0.25, 0.5, 2, 3.5];
    const dist = empirical(values);
    const mean = values.reduce((s, v) => s + v, 0) / 4;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / 4;
    expectMoments(
      draw(N, (rng) => dist.sample(rng)),
      mean,
      variance,
    );
  });

  it('Gamma(shape) for shapes below and above 1', () => {
    for (const shape of [0.3, 0.6, 1, 2.25, 12])
      expectMoments(
        draw(N, (rng) => gammaVariate(rng, gammaSetup(shape)), `g${shape}`),
        shape,
        shape,
      );
  });
});

describe('counts', () => {
  it.each([0.05, 0.3, 1.5, 9.9, 10, 18, 250])('Poisson(%s): mean = variance = λ', (lambda) => {
    expectMoments(
      draw(N, (rng) => poisson(rng, lambda), `p${lambda}`),
      lambda,
      lambda,
    );
  });

  it('Poisson(4) matches the exact probabilities (chi-square, 12 cells)', () => {
    const lambda = 4;
    const values = draw(N, (rng) => poisson(rng, lambda));
    const observed = new Array(12).fill(0);
    for (const v of values) observed[Math.min(v, 11)]++;
    let p = Math.exp(-lambda);
    let cumulative = 0;
    let chi = 0;
    for (let k = 0; k < 12; k++) {
      const prob = k === 11 ? 1 - cumulative : p;
      cumulative += p;
      p *= lambda / (k + 1);
      chi += (observed[k] - N * prob) ** 2 / (N * prob);
    }
    // qchisq(0.999, 11) = 31.26 in R.
    expect(chi).toBeLessThan(31.26);
  });

  it.each([
    [0.3, 0.5],
    [1.5, 2],
    [20, 0.8],
  ])('negative binomial mean %s dispersion %s: variance λ + λ²/k', (lambda, k) => {
    expectMoments(
      draw(N, (rng) => negativeBinomial(rng, lambda, k), `nb${lambda}`),
      lambda,
      lambda + (lambda * lambda) / k,
    );
  });

  it.each([
    [20, 0.2],
    [7, 0.9],
    [500, 0.3],
    [5000, 0.02],
  ])('binomial(%s, %s): mean np, variance np(1−p)', (n, p) => {
    expectMoments(
      draw(N, (rng) => binomial(rng, n, binomialSetup(p)), `b${n}`),
      n * p,
      n * p * (1 - p),
    );
  });
});

describe('streams', () => {
  it('same seed and path give the same numbers; neighbouring paths differ', () => {
    const a = draw(5, (rng) => rng.nextDouble(), streamSeed('2027', [0, 'x']));
    const b = draw(5, (rng) => rng.nextDouble(), streamSeed('2027', [0, 'x']));
    const c = draw(5, (rng) => rng.nextDouble(), streamSeed('2027', [0, 'y']));
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it("a stream is seedrandom's Tyche-i seeded with the hashed address, draw for draw", () => {
    const ours = createRng('2027');
    const reference = seedrandom.tychei(streamSeed('2027', []));
    for (let i = 0; i < 1000; i++) expect(ours.nextDouble()).toBe(reference());
  });
});

describe('bad parameters throw DistributionError naming the rule', () => {
  it.each([
    ['lognormal sigma negative', () => lognormal({ median: 1, sigma: -1 }), 'lognormal: sigma must be ≥ 0 (got -1)'],
    ['lognormal median zero', () => lognormal({ median: 0, sigma: 1 }), 'lognormal: median must be > 0 (got 0)'],
    ['lognormal p90 below median', () => lognormal({ median: 2, p90: 1 }), 'lognormal: p90 must be ≥ median (got 1)'],
    ['lognormal NaN', () => lognormal({ mean: NaN, sd: 1 }), 'lognormal: mean must be > 0 (got NaN)'],
    ['triangular min > max', () => triangular(5, 3, 1), 'triangular: max must be > min (5) (got 1)'],
    ['triangular mode outside', () => triangular(1, 7, 5), 'triangular: mode must be between min (1) and max (5) (got 7)'],
    ['pert Infinity', () => pert(0, 1, Infinity), 'pert: max must be > min (0) (got Infinity)'],
    ['gamma sd zero', () => gamma(1, 0), 'gamma: sd must be > 0 (got 0)'],
    ['uniform equal bounds', () => uniform(2, 2), 'uniform: max must be > min (2) (got 2)'],
    ['empirical empty', () => empirical([]), 'empirical: values must hold at least one value (got [])'],
    ['fixed NaN', () => fixed(NaN), 'fixed: value must be a finite number (got NaN)'],
  ])('%s', (_name, build, message) => {
    expect(build).toThrow(DistributionError);
    expect(build).toThrow(message);
  });
});
