import { describe, expect, it } from 'vitest';
import { aliasPick, buildAliasTable } from '../src/random/aliasTable.js';
import { binomial, binomialSetup } from '../src/random/binomial.js';
import type { Distribution } from '../src/random/distribution.js';
import { empirical } from '../src/random/empirical.js';
import { fixed } from '../src/random/fixed.js';
import { gamma } from '../src/random/gamma.js';
import { betaVariate, gammaSetup, gammaVariate } from '../src/random/gammaVariate.js';
import { logarithmic } from '../src/random/logarithmic.js';
import { lognormal } from '../src/random/lognormal.js';
import { standardNormal } from '../src/random/normal.js';
import { pert } from '../src/random/pert.js';
import { negativeBinomial, poisson, poissonInversion } from '../src/random/poisson.js';
import { createRng, createStream, streamSeed } from '../src/random/rng.js';
import { streamSample } from '../src/random/streamSampler.js';
import { betaStripTable, gammaStripTable, stripSample } from '../src/random/stripSampler.js';
import { triangular } from '../src/random/triangular.js';
import type { TycheStream } from '../src/random/tycheStream.js';
import { uniform } from '../src/random/uniform.js';

/*
 * Value stability (as rust rand's tests/value_stability.rs): the first draws of every sampler and
 * generator in src/random for a fixed seed, copied once from the implementation (as of
 * commit 0c304f1) and compared exactly. They guard the streams (a seed must keep giving the same
 * numbers, so published results can be repeated); they are not statistical truth, which the stat
 * tests check. A change that is meant to move draws updates these numbers in the same commit.
 *
 * Every row draws from a fresh TycheStream at the same address (SEED, PATH). To re-point a row at
 * another implementation, change its `draws`; its `expected` must not change. The rows were first
 * recorded when each sampler had an Rng-closure copy beside its TycheStream one; with one copy
 * left (the engine's), a Distribution's sample() draws through its flattened sampler, so its row
 * expects the streamSample numbers, and the rows of Rng copies that used another algorithm
 * (gammaVariate's boost by Math.exp) are gone. Every other row kept its expected numbers.
 */

const SEED = 'golden';
const PATH = ['value-stability'];
const DRAWS = 8;

/** A fresh TycheStream at the golden address. */
const stream = (): TycheStream => createStream(SEED, PATH);

/** The first DRAWS values of `next`. */
function take(next: () => number): number[] {
  return Array.from({ length: DRAWS }, next);
}

/** A row's draws: the first DRAWS values of `next` on a fresh generator from `make`. */
function from<G>(make: () => G, next: (generator: G) => number): () => number[] {
  return () => {
    const generator = make();
    return take(() => next(generator));
  };
}

/** Draws of a distribution both ways, which agree: its sample(stream), and the engine's streamSample of its sampler. */
function distributionRows(name: string, distribution: Distribution, streamExpected: number[]): GoldenRow[] {
  const sampler = distribution.sampler;
  return [
    {
      name: `${name}.sample`,
      draws: from(stream, (s) => distribution.sample(s)),
      expected: streamExpected,
    },
    {
      name: `${name} streamSample (TycheStream)`,
      draws: from(stream, (s) => streamSample(s, sampler)),
      expected: streamExpected,
    },
  ];
}

/** One sampler's first draws and the values recorded for them. */
interface GoldenRow {
  name: string;
  draws: () => number[];
  expected: readonly number[];
}

/** Twelve monthly weights, one month without any, for the alias table. */
const MONTHS = Float64Array.from([1, 2, 3, 4, 0, 2, 1.5, 1, 0.5, 3, 2, 1]);

const ROWS: readonly GoldenRow[] = [
  // Generators.
  {
    name: 'createRng',
    draws: from(
      () => createRng(SEED),
      (r) => r.nextDouble(),
    ),
    expected: [
      0.9222907461225986, 0.490159816108644, 0.2491529486142099, 0.2811008212156594, 0.13330224668607116, 0.05251779966056347, 0.330286173382774,
      0.4570660684257746,
    ],
  },
  {
    name: 'createStream nextDouble',
    draws: from(stream, (s) => s.nextDouble()),
    expected: [
      0.9268367427866906, 0.7203679550439119, 0.19265415193513036, 0.9812265122309327, 0.7942349635995924, 0.8746095448732376, 0.25949111534282565,
      0.35493000922724605,
    ],
  },
  {
    name: 'createStream nextUint32',
    draws: from(stream, (s) => s.nextUint32()),
    expected: [3980733499, 3093956808, 827443282, 4214335780, 3411213194, 3756419392, 1114505854, 1524412782],
  },

  // Distribution factories (effort, overrun factors, durations).
  ...distributionRows(
    'lognormal(median 0.5, sigma 0.8)',
    lognormal({ median: 0.5, sigma: 0.8 }),
    [
      0.4211764310822447, 0.23965723360164948, 0.868166934578351, 0.48300917226409096, 0.399610172622274, 0.3676137237271361, 1.906047518908023,
      1.8857652125263724,
    ],
  ),
  ...distributionRows(
    'triangular(1.5, 2.5, 5)',
    triangular(1.5, 2.5, 5),
    [4.199888444892553, 3.435781219469038, 2.32115134522995, 4.594700088848593, 3.6581937291458333, 3.952542849392315, 2.453005196050835, 2.62421330518466],
  ),
  ...distributionRows(
    'pert(1, 2.5, 8)',
    pert(1, 2.5, 8),
    [5.20333621712817, 3.8613361590637254, 1.854637096206925, 6.14865700239234, 4.225271572274323, 4.733493989631936, 1.5915598986635302, 2.540092934846488],
  ),
  ...distributionRows(
    'gamma(mean 1, sd 2) (shape 0.25)',
    gamma(1, 2),
    [
      0.00003302870945045367, 3.3476669667041187e-7, 4.329877641414865, 0.21454677654891074, 0.21414499164249737, 1.5797702176689223, 0.19599644342942055,
      0.000012630844453995888,
    ],
  ),
  ...distributionRows(
    'gamma(mean 0.6, sd 0.4) (shape 2.25)',
    gamma(0.6, 0.4),
    [
      1.257738118951572, 0.7610889118995292, 0.16814156941319267, 1.733691397240515, 0.8803495926458496, 1.0645381125722633, 0.08616035452683213,
      0.38979187990328773,
    ],
  ),
  ...distributionRows(
    'uniform(0.5, 3)',
    uniform(0.5, 3),
    [2.8170918569667265, 2.30091988760978, 0.9816353798378259, 2.953066280577332, 2.485587408998981, 2.686523862183094, 1.1487277883570641, 1.3873250230681151],
  ),
  ...distributionRows('fixed(1.25)', fixed(1.25), [1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25, 1.25]),
  ...distributionRows('empirical(0.25, 0.5, 0.75, 2, 4)', empirical([0.25, 0.5, 0.75, 2, 4]), [4, 2, 0.25, 4, 2, 4, 0.5, 0.5]),

  // Counts.
  { name: 'poisson(1.5) (inversion)', draws: from(stream, (s) => poisson(s, 1.5)), expected: [3, 2, 0, 4, 2, 3, 1, 1] },
  { name: 'poisson(18) (PTRS)', draws: from(stream, (s) => poisson(s, 18)), expected: [15, 18, 29, 17, 23, 16, 16, 22] },
  { name: 'poissonInversion(4)', draws: from(stream, (s) => poissonInversion(s, 4, Math.exp(-4))), expected: [7, 5, 2, 9, 6, 6, 3, 3] },
  { name: 'negativeBinomial(3, k 0.5)', draws: from(stream, (s) => negativeBinomial(s, 3, 0.5)), expected: [0, 0, 3, 0, 3, 0, 0, 7] },
  { name: 'negativeBinomial(3, k 4)', draws: from(stream, (s) => negativeBinomial(s, 3, 4)), expected: [1, 5, 6, 3, 1, 3, 3, 0] },
  { name: 'binomial(18, 0.2)', draws: from(stream, (s) => binomial(s, 18, binomialSetup(0.2))), expected: [6, 5, 2, 7, 5, 6, 2, 3] },
  {
    name: 'binomial(18, 0.8) (flipped)',
    draws: from(stream, (s) => binomial(s, 18, binomialSetup(0.8))),
    expected: [12, 13, 16, 11, 13, 12, 16, 15],
  },
  {
    name: 'binomial(100, 0.05) (past the powers table)',
    draws: from(stream, (s) => binomial(s, 100, binomialSetup(0.05))),
    expected: [8, 6, 3, 10, 7, 8, 4, 4],
  },
  {
    name: 'binomial(200, 0.4) (beta recursion)',
    draws: from(stream, (s) => binomial(s, 200, binomialSetup(0.4))),
    expected: [80, 89, 86, 75, 76, 81, 76, 91],
  },
  { name: 'logarithmic(0.7)', draws: from(stream, (s) => logarithmic(s, 0.7, -Math.log(0.3))), expected: [1, 1, 5, 1, 1, 2, 1, 1] },
  { name: 'logarithmic(0.7) (−ln(1 − θ) computed)', draws: from(stream, (s) => logarithmic(s, 0.7, -1)), expected: [1, 1, 5, 1, 1, 2, 1, 1] },

  // Normal and gamma variates.
  {
    name: 'standardNormal',
    draws: from(stream, (s) => standardNormal(s)),
    expected: [
      -0.21444534540357607, -0.9192479865585461, 0.6897198983620718, -0.04321556844390658, -0.2801482436988999, -0.3844692191513202, 1.672723645878245,
      1.659351084218822,
    ],
  },
  {
    name: 'gammaVariate(2.25) (a second row, recorded from the Rng copy)',
    draws: from(stream, (s) => gammaVariate(s, gammaSetup(2.25))),
    expected: [
      1.634845641721698, 3.0388895167187906, 1.5543917962266993, 5.290324818922626, 6.959717670388177, 1.7115683309903627, 6.152024666041409,
      1.0973793832292595,
    ],
  },
  {
    name: 'unitMeanGamma(cv 0.5)',
    draws: from(stream, (s) => gammaVariate(s, gammaSetup(4)) / 4),
    expected: [
      0.8177933211570789, 1.2880742936263487, 0.7889898411426668, 1.9732206692425305, 2.45263870105299, 0.8450084857623322, 2.222935748773654,
      0.6190679024766396,
    ],
  },
  {
    name: 'betaVariate(2.3, 4.1)',
    draws: from(stream, (s) => betaVariate(s, 2.3, 4.1)),
    expected: [
      0.24183236101640496, 0.16600598675697045, 0.6696396210432026, 0.709072925556165, 0.3305201945615833, 0.33003872777389864, 0.2624563855913606,
      0.39650546375361084,
    ],
  },
  {
    name: 'gammaVariate(0.3) (boost)',
    draws: from(stream, (s) => gammaVariate(s, gammaSetup(0.3))),
    expected: [
      0.00005164243906163959, 0.0000012600923575354952, 1.3548722768606116, 0.08870897417546433, 0.08330584090286607, 0.5153370467581536, 0.07353639322636059,
      0.000023754317163673017,
    ],
  },
  {
    name: 'gammaVariate(2.25)',
    draws: from(stream, (s) => gammaVariate(s, gammaSetup(2.25))),
    expected: [
      1.634845641721698, 3.0388895167187906, 1.5543917962266993, 5.290324818922626, 6.959717670388177, 1.7115683309903627, 6.152024666041409,
      1.0973793832292595,
    ],
  },

  // Strip tables and the alias table.
  {
    name: 'stripSample gammaStripTable(1, 1) (exponential tail)',
    draws: from(stream, (s) => stripSample(s, gammaStripTable(1, 1))),
    expected: [
      2.6583075778778524, 1.2856201573262234, 0.21520480014542961, 4.0954349612381495, 1.5971932519403942, 2.1030772648658695, 0.30216636422065646,
      0.44109868627119714,
    ],
  },
  {
    name: 'stripSample gammaStripTable(2.25, 0.6/2.25)',
    draws: from(stream, (s) => stripSample(s, gammaStripTable(2.25, 0.6 / 2.25))),
    expected: [
      1.257738118951572, 0.7610889118995291, 0.16814156941319275, 1.7336913972405144, 0.8803495926458494, 1.064538112572263, 0.08616035452683225,
      0.38979187990328773,
    ],
  },
  {
    name: 'stripSample betaStripTable(pert(1, 2.5, 8))',
    draws: from(stream, (s) => stripSample(s, betaStripTable(1 + 6 / 7, 1 + 22 / 7, 1, 7))),
    expected: [
      5.20333621712817, 3.8613361590637254, 1.854637096206925, 6.14865700239234, 4.225271572274323, 4.733493989631936, 1.5915598986635302, 2.540092934846488,
    ],
  },
  {
    name: 'aliasPick (twelve months, one empty)',
    draws: () => {
      const probability = new Float64Array(12);
      const alias = new Int32Array(12);
      buildAliasTable(MONTHS, 0, 12, probability, alias, 0);
      const s = stream();
      return take(() => aliasPick(s, probability, alias, 0, 12));
    },
    expected: [11, 9, 2, 10, 9, 10, 3, 3],
  },
  {
    name: 'aliasPick (all months alike: no table)',
    draws: from(stream, (s) => aliasPick(s, null, new Int32Array(12), 0, 12)),
    expected: [11, 8, 2, 11, 9, 10, 3, 4],
  },
];

/** Stream addresses and the seed strings streamSeed makes of them. */
const SEEDS: readonly { seed: string; path: readonly (string | number)[]; expected: string }[] = [
  { seed: SEED, path: [], expected: '621307617ddd691f955d31373b9197c3' },
  { seed: SEED, path: PATH, expected: '41e36e2cdc37eb38b85ee623914a99c7' },
  { seed: '2027', path: [0, 'client', 3, 'text_edit'], expected: 'd1c9387638ea411b1338955fc17bf642' },
  { seed: '7', path: [12, 'requests', 'shop#0', 'text_edit'], expected: '65cb7fce7061e1bf706a15a54b1207db' },
];

describe('golden values: the first draws for a fixed seed, exactly (they guard the streams)', () => {
  it.each(ROWS)('$name', ({ draws, expected }) => {
    const values = draws();
    expect(values).toHaveLength(expected.length);
    // toBe per draw: exact, and −0 is not 0.
    for (const [i, value] of values.entries()) expect(value, `draw ${i}`).toBe(expected[i]);
  });

  it.each(SEEDS)('streamSeed($seed, $path)', ({ seed, path, expected }) => {
    expect(streamSeed(seed, path)).toBe(expected);
  });
});
