import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { aliasPick, buildAliasTable } from '../src/random/aliasTable.js';
import { binomial, binomialSetup } from '../src/random/binomial.js';
import { empirical } from '../src/random/empirical.js';
import { fastExp } from '../src/random/fastExp.js';
import { fixed } from '../src/random/fixed.js';
import { gamma } from '../src/random/gamma.js';
import { gammaSetup, gammaVariate } from '../src/random/gammaVariate.js';
import { lognormal } from '../src/random/lognormal.js';
import { standardNormal } from '../src/random/normal.js';
import { pert } from '../src/random/pert.js';
import { logarithmic } from '../src/random/logarithmic.js';
import { poisson } from '../src/random/poisson.js';
import { createStream, streamSeed } from '../src/random/rng.js';
import { streamSample } from '../src/random/streamSampler.js';
import { triangular } from '../src/random/triangular.js';
import { uniform } from '../src/random/uniform.js';
import { ksCritical, ksDistance, sampleMoments } from './helpers/stats.js';

/*
 * The engine's samplers (the stream-based ones in src/random): the generator is seedrandom's
 * Tyche-i word for word, fastExp is Math.exp to 2 ulp, and each sampler has the law it claims:
 * moments within 4 standard errors and a chi-square or Kolmogorov–Smirnov test at level 0.001.
 */

const N = 100_000;

function drawStream(n: number, sample: (stream: ReturnType<typeof createStream>) => number, seed = 'engine-random'): Float64Array {
  const stream = createStream(seed, ['test']);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = sample(stream);
  return out;
}

function expectMoments(values: Float64Array, mean: number, variance: number): void {
  const m = sampleMoments(values);
  expect(Math.abs(m.mean - mean), `mean ${m.mean} vs ${mean}`).toBeLessThanOrEqual(4 * m.meanSe);
  expect(Math.abs(m.variance - variance), `variance ${m.variance} vs ${variance}`).toBeLessThanOrEqual(4 * m.varianceSe);
}

/**
 * Pearson's chi-square of whole-number draws against a pmf, neighbouring cells merged until each
 * expects at least 5 (the last cell takes the whole upper tail); returns the statistic and the
 * 0.001 critical value for its degrees of freedom (Wilson–Hilferty approximation of the
 * chi-square quantile, within about 1% here).
 */
function chiSquare(values: Float64Array, pmf: (k: number) => number): { statistic: number; critical: number } {
  const n = values.length;
  const top = Math.max(...values);
  const observed = new Float64Array(top + 2);
  for (const v of values) observed[v]++;
  const cells: { observed: number; expected: number }[] = [];
  let bucket = { observed: 0, expected: 0 };
  let covered = 0;
  for (let k = 0; k <= top; k++) {
    const p = pmf(k);
    covered += p;
    bucket.observed += observed[k];
    bucket.expected += n * p;
    if (bucket.expected >= 5) {
      cells.push(bucket);
      bucket = { observed: 0, expected: 0 };
    }
  }
  bucket.expected += n * Math.max(0, 1 - covered);
  if (bucket.expected >= 5 || cells.length === 0) cells.push(bucket);
  else {
    cells[cells.length - 1].observed += bucket.observed;
    cells[cells.length - 1].expected += bucket.expected;
  }
  const statistic = cells.reduce((s, c) => s + (c.observed - c.expected) ** 2 / c.expected, 0);
  const df = Math.max(1, cells.length - 1);
  const z = 3.090232306167813; // qnorm(0.999)
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical };
}

function logFactorial(k: number): number {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
}

// Closed forms: Poisson pmf e^−μ μ^k/k!; negative binomial Γ(k+r)/(Γ(r)k!)·(r/(r+μ))^r·(μ/(r+μ))^k.
const poissonPmf = (mean: number) => (k: number) => Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
function negativeBinomialPmf(mean: number, r: number): (k: number) => number {
  return (k) => {
    let logCoefficient = -logFactorial(k);
    for (let i = 0; i < k; i++) logCoefficient += Math.log(r + i);
    return Math.exp(logCoefficient + r * Math.log(r / (r + mean)) + k * Math.log(mean / (r + mean)));
  };
}
function binomialPmf(n: number, p: number): (k: number) => number {
  return (k) => (k > n ? 0 : Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p)));
}

describe('TycheStream is seedrandom’s Tyche-i', () => {
  it.each([
    ['2027', [0, 'requests', 'small shops#0', 'text_edit']],
    ['1', [17, 'intensity', 'client#199']],
    ['x', []],
  ] as const)('seed %s at %j: the same 32-bit words and doubles as seedrandom.tychei', (seed, path) => {
    const reference = seedrandom.tychei(streamSeed(seed, path));
    const stream = createStream(seed, path);
    for (let i = 0; i < 1000; i++) expect(stream.nextUint32()).toBe(reference.int32() >>> 0);
    const doubles = seedrandom.tychei(streamSeed(seed, path));
    const again = createStream(seed, path);
    for (let i = 0; i < 1000; i++) expect(again.nextDouble()).toBe(doubles());
  });

  it('stream seeds are still those of the foundation (golden value of its streamSeed)', () => {
    // Computed with the foundation's streamSeed (four separate mix32 passes); the one-pass
    // version must give every address the same seed, so every stream keeps its numbers.
    expect(streamSeed('2027', [0, 'client', 3, 'text_edit'])).toBe('d1c9387638ea411b1338955fc17bf642');
  });
});

describe('fastExp', () => {
  it('is Math.exp to within 2 units in the last place over [−700, 700]', () => {
    const stream = createStream('fastExp', []);
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (stream.nextDouble() - 0.5) * 1400;
      worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    }
    for (let x = -20; x <= 20; x += 1 / 64) worst = Math.max(worst, Math.abs(fastExp(x) / Math.exp(x) - 1));
    expect(worst).toBeLessThanOrEqual(4.5e-16); // 2 ulp = 2·2^−52
  });

  it.each([
    [0, 1],
    [1, Math.E],
    [-Infinity, 0],
    [Infinity, Infinity],
    [800, Infinity],
    [-800, 0],
  ])('fastExp(%d) = %d', (x, expected) => expect(fastExp(x)).toBe(expected));

  it('keeps NaN', () => expect(fastExp(NaN)).toBeNaN());
});

describe('Distribution.sample is its flattened sampler', () => {
  it.each([
    ['lognormal', lognormal({ median: 0.5, sigma: 0.8 })],
    ['triangular', triangular(1.5, 2.5, 5)],
    ['uniform', uniform(1.2, 2)],
    ['gamma', gamma(0.6, 0.4)],
    ['gamma with shape < 1', gamma(2, 3)],
    ['pert', pert(1, 2.5, 8)],
    ['empirical', empirical([0.25, 0.5, 2])],
    ['fixed', fixed(3)],
  ])('%s: sample(stream) draws streamSample(stream, sampler), bit for bit', (name, distribution) => {
    const a = createStream('sample', [name]);
    const b = createStream('sample', [name]);
    for (let i = 0; i < 20_000; i++) expect(distribution.sample(a)).toBe(streamSample(b, distribution.sampler));
  });

  it('a sampler is plain data: a structured clone draws the same numbers', () => {
    const sampler = pert(1, 2.5, 8).sampler;
    const copy = structuredClone(sampler);
    const a = createStream('clone', []);
    const b = createStream('clone', []);
    for (let i = 0; i < 10_000; i++) expect(streamSample(a, copy)).toBe(streamSample(b, sampler));
  });
});

describe('gammaVariate', () => {
  it.each([0.3, 0.6, 1, 2.25, 4, 100])('Gamma(%d, 1): mean and variance the shape (KS against its CDF)', (shape) => {
    const setup = gammaSetup(shape);
    const values = drawStream(N, (s) => gammaVariate(s, setup), `gamma ${shape}`);
    expectMoments(values, shape, shape);
    expect(ksDistance(values, (x) => gamma(shape, Math.sqrt(shape)).cdf(x))).toBeLessThan(ksCritical(N));
  });

  it('standardNormal: mean 0, variance 1, KS against Φ', () => {
    const values = drawStream(N, standardNormal, 'normal');
    expectMoments(values, 0, 1);
    expect(ksDistance(values, (x) => lognormal({ median: 1, sigma: 1 }).cdf(Math.exp(x)))).toBeLessThan(ksCritical(N));
  });
});

describe('poisson: inversion below 10, PTRS from 10', () => {
  it.each([0.3, 1.5, 4, 9.9, 10, 18, 57])('Poisson(%d): mean, variance and chi-square', (mean) => {
    const values = drawStream(N, (s) => poisson(s, mean), `poisson ${mean}`);
    expectMoments(values, mean, mean);
    const { statistic, critical } = chiSquare(values, poissonPmf(mean));
    expect(statistic).toBeLessThan(critical);
  });

  it('draws nothing for mean 0', () => {
    const stream = createStream('zero', []);
    const before = createStream('zero', []);
    expect(poisson(stream, 0)).toBe(0);
    expect(stream.nextUint32()).toBe(before.nextUint32());
  });
});

describe('logarithmic (Kemp) and the negative binomial as Poisson clusters of it', () => {
  it.each([0.05, 0.33, 0.8, 0.99])('Logarithmic(θ = %d): chi-square against θⁿ/(n·ln(1/(1 − θ)))', (theta) => {
    const values = drawStream(N, (s) => logarithmic(s, theta, theta > 0.5 ? -Math.log1p(-theta) : -1), `log ${theta}`);
    const pmf = (n: number) => (n < 1 ? 0 : Math.exp(n * Math.log(theta) - Math.log(n) - Math.log(-Math.log1p(-theta))));
    const { statistic, critical } = chiSquare(values, pmf);
    expect(statistic).toBeLessThan(critical);
  });

  // The engine's bursty months (simulateMonthlyNegativeBinomial): Poisson(k·ln(1 + μ/k)) clusters,
  // each of Logarithmic(μ/(k + μ)) requests, thinned from Poisson(μ) candidates kept with
  // probability ln(1 + x)/x. Written out here as the engine does it, against the NB pmf.
  it.each([
    [0.3, 0.6],
    [0.05, 0.3],
    [2, 0.5],
    [6, 5],
    [9, 0.1],
    [25, 2],
  ])('mean %d, dispersion %d: thinned clusters give variance mean + mean²/k and the NB pmf', (mean, k) => {
    const x = mean / k;
    const logOnePlusX = Math.log1p(x);
    const values = drawStream(
      N,
      (s) => {
        let count = 0;
        const candidates = poisson(s, mean);
        for (let i = 0; i < candidates; i++) if (s.nextDouble() * x < logOnePlusX) count += logarithmic(s, x / (1 + x), logOnePlusX);
        return count;
      },
      `nb ${mean} ${k}`,
    );
    expectMoments(values, mean, mean + (mean * mean) / k);
    const { statistic, critical } = chiSquare(values, negativeBinomialPmf(mean, k));
    expect(statistic).toBeLessThan(critical);
  });

  it('the acceptance bounds of the thinning hold: 1 − x/2 ≤ ln(1 + x)/x ≤ 1 − x/2 + x²/3', () => {
    // Within rounding (4 ulp): for x near 0 the three agree to the last digit or two.
    const slack = 1 + 1e-15;
    for (let x = 1e-6; x < 1e4; x *= 1.1) {
      const p = Math.log1p(x) / x;
      expect(1 - x / 2).toBeLessThanOrEqual(p * slack);
      expect(p).toBeLessThanOrEqual((1 - x / 2 + (x * x) / 3) * slack);
    }
  });
});

describe('binomial: inversion on the rarer outcome', () => {
  it.each([
    [18, 0.2],
    [5, 0.9],
    [40, 0.5],
    [3, 0.02],
    [500, 0.3], // n·p ≥ 30: the beta recursion of binomial()
  ])('Binomial(%d, %d): mean np, variance np(1 − p), chi-square', (n, p) => {
    const setup = binomialSetup(p);
    const values = drawStream(N, (s) => binomial(s, n, setup), `binomial ${n} ${p}`);
    expectMoments(values, n * p, n * p * (1 - p));
    const { statistic, critical } = chiSquare(values, binomialPmf(n, p));
    expect(statistic).toBeLessThan(critical);
  });

  it.each([
    [0, 0.3, 0],
    [7, 0, 0],
    [7, 1, 7],
  ])('Binomial(%d, %d) = %d', (n, p, expected) => {
    expect(binomial(createStream('b', []), n, binomialSetup(p))).toBe(expected);
  });
});

describe('alias tables', () => {
  it('pick outcome i with probability weight[i]/Σweight (chi-square)', () => {
    const weights = Float64Array.from([1.3, 1.1, 1, 1, 1, 0.8, 0.6, 0.8, 1.1, 1.1, 1, 1.2]);
    const probability = new Float64Array(20);
    const alias = new Int32Array(20);
    buildAliasTable(weights, 0, 12, probability, alias, 5);
    const values = drawStream(N, (s) => aliasPick(s, probability, alias, 5, 12), 'alias');
    const total = weights.reduce((a, b) => a + b, 0);
    const { statistic, critical } = chiSquare(values, (k) => (k < 12 ? weights[k] / total : 0));
    expect(statistic).toBeLessThan(critical);
  });

  it('never pick a month of weight 0', () => {
    const weights = Float64Array.from([0, 2, 0, 1]);
    const probability = new Float64Array(4);
    const alias = new Int32Array(4);
    buildAliasTable(weights, 0, 4, probability, alias, 0);
    const values = drawStream(20_000, (s) => aliasPick(s, probability, alias, 0, 4), 'alias zero');
    expect(values.filter((v) => v === 0 || v === 2).length).toBe(0);
  });

  it('without a table (alike months) pick each of n outcomes with probability 1/n (chi-square)', () => {
    const values = drawStream(N, (s) => aliasPick(s, null, new Int32Array(0), 0, 12), 'alias none');
    const { statistic, critical } = chiSquare(values, (k) => (k < 12 ? 1 / 12 : 0));
    expect(statistic).toBeLessThan(critical);
  });
});

describe('streamSample draws each family from its Distribution', () => {
  it.each([
    ['lognormal', lognormal({ median: 0.5, sigma: 0.8 })],
    ['triangular', triangular(1.5, 2.5, 5)],
    ['triangular with mode at min', triangular(1, 1, 3)],
    ['uniform', uniform(1.2, 2)],
    ['gamma', gamma(0.6, 0.4)],
    ['gamma with shape < 1', gamma(2, 3)],
    ['pert', pert(1, 2.5, 8)],
  ])('%s: mean, variance (exact, from the Distribution) and KS against its CDF', (_name, distribution) => {
    const sampler = distribution.sampler;
    const values = drawStream(N, (s) => streamSample(s, sampler), `sample ${_name}`);
    expectMoments(values, distribution.mean, distribution.variance);
    expect(ksDistance(values, (x) => distribution.cdf(x))).toBeLessThan(ksCritical(N));
  });

  it('empirical: each value with probability 1/n (chi-square)', () => {
    const values = [0.25, 0.5, 0.5, 2, 7.5];
    const sampler = empirical(values).sampler;
    const drawn = drawStream(N, (s) => values.indexOf(streamSample(s, sampler)), 'empirical');
    const { statistic, critical } = chiSquare(drawn, (k) => [1, 2, 0, 1, 1][k] / 5 || 0);
    expect(statistic).toBeLessThan(critical);
  });

  it('fixed: the value, drawing nothing', () => {
    const stream = createStream('fixed', []);
    expect(streamSample(stream, fixed(0.25).sampler)).toBe(0.25);
    expect(stream.nextUint32()).toBe(createStream('fixed', []).nextUint32());
  });
});
