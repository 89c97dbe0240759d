import { z } from 'zod';
import type { Distribution } from '../random/distribution.js';
import { DistributionError } from '../random/distributionError.js';
import { empirical } from '../random/empirical.js';
import { fixed } from '../random/fixed.js';
import { gamma } from '../random/gamma.js';
import { lognormal } from '../random/lognormal.js';
import { pert } from '../random/pert.js';
import { triangular } from '../random/triangular.js';
import { uniform } from '../random/uniform.js';
import { GAMMA_CV_RANGE, MAX_EMPIRICAL_VALUES, MAX_HOURS, MAX_LOGNORMAL_SIGMA } from './limits.js';
import { atMost, nonNegative, positive, positiveAtMost } from './numbers.js';
import { describe, strictObject } from './strictObject.js';

const FORMS =
  'a number, or { dist: lognormal, median, sigma | median, p90 | mean, sd }, { dist: triangular|pert, min, mode, max }, ' +
  '{ dist: gamma, mean, sd }, { dist: uniform, min, max }, { dist: fixed, value }, { dist: empirical, values: [...] }';

/*
 * Values (hours of a request, an overrun factor, an outage's hours) are at most MAX_HOURS, and
 * the spread stays where the samplers are exact (limits.ts): a lognormal sigma of at most
 * MAX_LOGNORMAL_SIGMA, however it is spelled, and a gamma's sd / mean within GAMMA_CV_RANGE.
 */
const value = () => atMost(MAX_HOURS);
const positiveValue = () => positiveAtMost(MAX_HOURS);
const spell = (v: number) => v.toLocaleString('en-US', { maximumSignificantDigits: 15 });

/** z₀.₉₀ of the standard normal: a lognormal's p90 is median · e^(1.2816 σ). */
const Z90 = 1.2815515655446004;

const lognormalSpec = strictObject({
  dist: z.literal('lognormal'),
  median: positiveValue().optional(),
  sigma: atMost(MAX_LOGNORMAL_SIGMA).optional(),
  p90: positiveValue().optional(),
  mean: positiveValue().optional(),
  sd: nonNegative().optional(),
}).superRefine((spec, ctx) => {
  // The sigma the other spellings imply: ln(p90 / median) / z₀.₉₀, or √ln(1 + (sd / mean)²).
  const implied = (key: 'p90' | 'sd', sigma: number, shown: string) => {
    if (sigma > MAX_LOGNORMAL_SIGMA) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `gives sigma ${shown}; a lognormal's sigma must be at most ${MAX_LOGNORMAL_SIGMA} (got ${key} ${spec[key]})`,
      });
    }
  };
  if (spec.median !== undefined && spec.p90 !== undefined && spec.p90 >= spec.median) {
    const sigma = Math.log(spec.p90 / spec.median) / Z90;
    implied('p90', sigma, sigma.toPrecision(3));
  }
  if (spec.mean !== undefined && spec.sd !== undefined) {
    const sigma = Math.sqrt(Math.log1p((spec.sd / spec.mean) ** 2));
    implied('sd', sigma, sigma.toPrecision(3));
  }
});
const threePointSpec = (name: 'triangular' | 'pert') => strictObject({ dist: z.literal(name), min: value(), mode: value(), max: value() });
const gammaSpec = strictObject({ dist: z.literal('gamma'), mean: positiveValue(), sd: positive() }).superRefine((spec, ctx) => {
  const [low, high] = GAMMA_CV_RANGE;
  const cv = spec.sd / spec.mean;
  if (!(cv >= low && cv <= high)) {
    ctx.addIssue({
      code: 'custom',
      path: ['sd'],
      message: `must be from ${spell(low)} to ${spell(high)} times the mean, ${spell(low * spec.mean)} to ${spell(high * spec.mean)}, where gamma sampling stays exact (got ${describe(spec.sd)})`,
    });
  }
});
const uniformSpec = strictObject({ dist: z.literal('uniform'), min: value(), max: value() });
const fixedSpec = strictObject({ dist: z.literal('fixed'), value: value() });
const empiricalSpec = strictObject({
  dist: z.literal('empirical'),
  values: z
    .array(value(), { error: (issue) => `must be a list of numbers ≥ 0 (got ${describe(issue.input)})` })
    .min(1, 'must hold at least one value')
    .max(MAX_EMPIRICAL_VALUES, `may hold at most ${MAX_EMPIRICAL_VALUES.toLocaleString('en-US')} values`),
});

const specByDist = {
  lognormal: lognormalSpec,
  triangular: threePointSpec('triangular'),
  pert: threePointSpec('pert'),
  gamma: gammaSpec,
  uniform: uniformSpec,
  fixed: fixedSpec,
  empirical: empiricalSpec,
} as const;
type DistName = keyof typeof specByDist;

/** The spelling of a distribution in a scenario file, after validation. */
export type DistributionSpec = number | ({ dist: DistName } & Record<string, unknown>);

function build(spec: Record<string, unknown>): Distribution {
  const n = (key: string) => spec[key] as number;
  switch (spec.dist as DistName) {
    case 'lognormal': {
      const given = ['median', 'sigma', 'p90', 'mean', 'sd']
        .filter((k) => spec[k] !== undefined)
        .sort()
        .join('+');
      if (given === 'median+sigma') return lognormal({ median: n('median'), sigma: n('sigma') });
      if (given === 'median+p90') return lognormal({ median: n('median'), p90: n('p90') });
      if (given === 'mean+sd') return lognormal({ mean: n('mean'), sd: n('sd') });
      throw new DistributionError('lognormal', 'parameters', 'must be exactly one of median+sigma, median+p90, mean+sd', given || 'none');
    }
    case 'triangular':
      return triangular(n('min'), n('mode'), n('max'));
    case 'pert':
      return pert(n('min'), n('mode'), n('max'));
    case 'gamma':
      return gamma(n('mean'), n('sd'));
    case 'uniform':
      return uniform(n('min'), n('max'));
    case 'fixed':
      return fixed(n('value'));
    case 'empirical':
      return empirical(spec.values as number[]);
  }
}

/**
 * A distribution of a non-negative quantity (hours, factor, duration) as a scenario spells it,
 * checked and turned into a Distribution. Parameter rules (min < max, p90 ≥ median, ...) are
 * reported at the key path of the distribution.
 */
export const distributionSchema = z.unknown().transform((input, ctx): Distribution => {
  if (typeof input === 'number') {
    const parsed = value().safeParse(input);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'invalid', input });
      return z.NEVER;
    }
    return fixed(input);
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    ctx.addIssue({ code: 'custom', message: `must be ${FORMS} (got ${describe(input)})`, input });
    return z.NEVER;
  }
  const dist = (input as Record<string, unknown>).dist;
  if (typeof dist !== 'string' || !(dist in specByDist)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dist'],
      message: `must be one of ${Object.keys(specByDist).join(', ')} (got ${describe(dist)})`,
      input,
    });
    return z.NEVER;
  }
  const parsed = specByDist[dist as DistName].safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message, input });
    }
    return z.NEVER;
  }
  try {
    return build(parsed.data as Record<string, unknown>);
  } catch (error) {
    if (!(error instanceof DistributionError)) throw error;
    const key = error.parameter.replace(/\[\d+\]$/, '');
    ctx.addIssue({
      code: 'custom',
      path: key in (input as object) ? [key] : [],
      message: error.message,
      input,
    });
    return z.NEVER;
  }
});
