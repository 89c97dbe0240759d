import { z } from 'zod';
import { MAX_CHAIN_COMPONENTS, MAX_GROUP_MEMBERS, MAX_HOURS, MAX_MONEY } from '../limits.js';
import { atMost, positiveAtMost, probability, wholeNumber } from '../numbers.js';
import { nameSchema as names } from '../names.js';
import { describe, strictObject } from '../strictObject.js';
import { DEFAULT_MAX_CREDIT_SHARE, DEFAULT_MEAN_OUTAGE_HOURS, DEFAULT_PROMISE_RISK, MAX_OUTAGES_PER_MONTH } from './constants.js';
import { durationSchema } from './durationSchema.js';
import { MONTH_GRID, solveOutageRate } from './monthModel.js';
import { exponentialTruncatedMean } from './truncatedMean.js';
import type { AvailabilityBlock, AvailabilityNode, AvailabilitySpec, CreditSchedule, GroupSpec, OutageDuration } from './spec.js';

/*
 * The scenario's `availability` block (docs/interface.md) → AvailabilitySpec. A chain member is a
 * component or a group; which one is decided by its keys, so a message speaks about the form the
 * user meant instead of listing every failed alternative of a union.
 */

const NODE_FORMS =
  'a component { name, availability | outages, monthly_cost, credits } or a group ' + '{ parallel: [...] }, { series: [...] }, { k_of_n: { k, of: [...] } }';

/** A finite number satisfying `ok`, with the allowed range and the value found in the message. */
function rangedNumber(rule: string, ok: (v: number) => boolean) {
  const error = (issue: { input?: unknown }) => `must be a number ${rule} (got ${describe(issue.input)})`;
  return z.number({ error }).refine(ok, { error });
}
/** An availability level or threshold in (0, 1]: 0.995 means 99.5%. */
export const level = () => rangedNumber('in (0, 1], e.g. 0.995 for 99.5%', (v) => v > 0 && v <= 1);

/** Expected outages per month, ≥ 0 and at most what a run can draw. */
const outagesPerMonth = rangedNumber(`≥ 0 and at most ${MAX_OUTAGES_PER_MONTH.toLocaleString('en-US')}`, (v) => v >= 0 && v <= MAX_OUTAGES_PER_MONTH);

/** A component's or group's name: any non-empty text without control or bidi characters. */
const nameSchema = names('a name');

export const creditsSchema = z.array(strictObject({ below: level(), credit: probability() }), {
  error: (issue) => `must be a list of { below, credit } rows (got ${describe(issue.input)})`,
});

type RawSource =
  | { given: 'availability'; availability: number; meanOutageHours: number | undefined }
  | { given: 'outages'; perMonth: number; duration: OutageDuration };
interface RawComponent {
  kind: 'component';
  name: string | undefined;
  source: RawSource;
  monthlyCost: number;
  credits: CreditSchedule;
}
interface RawGroup {
  kind: GroupSpec['kind'];
  name: string | undefined;
  k: number;
  members: RawNode[];
}
type RawNode = RawComponent | RawGroup;

const componentSchema = strictObject({
  name: nameSchema.optional(),
  availability: probability().optional(),
  mean_outage_hours: positiveAtMost(MAX_HOURS).optional(),
  outages: strictObject({ per_month: outagesPerMonth, duration_hours: durationSchema }).optional(),
  monthly_cost: atMost(MAX_MONEY).optional(),
  credits: creditsSchema.optional(),
})
  .superRefine((c, ctx) => {
    if (c.availability === undefined && c.outages === undefined) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must give availability (e.g. 0.99) or outages: { per_month, duration_hours }, ' +
          'or be a group { parallel: [...] }, { series: [...] } or { k_of_n: { k, of: [...] } }',
      });
    }
    if (c.availability !== undefined && c.outages !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['outages'], message: 'give either availability or outages, not both' });
    }
    if (c.outages !== undefined && c.mean_outage_hours !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mean_outage_hours'],
        message: 'applies only to a component given by availability; with outages, state outages.duration_hours',
      });
    }
  })
  .transform(
    (c): RawComponent => ({
      kind: 'component',
      name: c.name,
      source:
        c.outages !== undefined
          ? { given: 'outages', perMonth: c.outages.per_month, duration: c.outages.duration_hours }
          : { given: 'availability', availability: c.availability as number, meanOutageHours: c.mean_outage_hours },
      monthlyCost: c.monthly_cost ?? 0,
      credits: c.credits ?? [],
    }),
  );

/** Picks the form by its keys, then reports that form's problems at their own key paths. */
const nodeSchema: z.ZodType<RawNode> = z.lazy(() =>
  z.unknown().transform((input, ctx): RawNode => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: `must be ${NODE_FORMS} (got ${describe(input)})`, input });
      return z.NEVER;
    }
    const schema: z.ZodType<RawNode> =
      'parallel' in input ? parallelSchema : 'series' in input ? seriesSchema : 'k_of_n' in input ? kOfNSchema : componentSchema;
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: issue.path as PropertyKey[], message: issue.message, input });
      }
      return z.NEVER;
    }
    return parsed.data;
  }),
);

const membersSchema = () =>
  z.array(nodeSchema, { error: (issue) => `must be a list of components and groups (got ${describe(issue.input)})` }).min(1, 'must list at least one member');

const parallelSchema = strictObject({ name: nameSchema.optional(), parallel: membersSchema() }).transform(
  (g): RawGroup => ({ kind: 'parallel', name: g.name, k: 1, members: g.parallel }),
);

const seriesSchema = strictObject({ name: nameSchema.optional(), series: membersSchema() }).transform(
  (g): RawGroup => ({ kind: 'series', name: g.name, k: g.series.length, members: g.series }),
);

const kOfNSchema = strictObject({
  name: nameSchema.optional(),
  k_of_n: strictObject({
    k: wholeNumber(1, MAX_GROUP_MEMBERS),
    of: membersSchema().max(
      MAX_GROUP_MEMBERS,
      `may list at most ${MAX_GROUP_MEMBERS} members: the exact model of a k_of_n group sums over their up/down states`,
    ),
  }),
})
  .superRefine((g, ctx) => {
    if (g.k_of_n.k > g.k_of_n.of.length && g.k_of_n.k <= MAX_GROUP_MEMBERS) {
      ctx.addIssue({
        code: 'custom',
        path: ['k_of_n', 'k'],
        message: `must be at most the number of members in "of", ${g.k_of_n.of.length} (got ${g.k_of_n.k})`,
      });
    }
  })
  .transform((g): RawGroup => ({ kind: 'k_of_n', name: g.name, k: g.k_of_n.k, members: g.k_of_n.of }));

/** Components in a member, counted through its groups. */
function componentCount(node: RawNode): number {
  return node.kind === 'component' ? 1 : node.members.reduce((n, member) => n + componentCount(member), 0);
}

/** Key path of a group's members, as the user wrote them. */
function membersPath(group: RawGroup): PropertyKey[] {
  return group.kind === 'k_of_n' ? ['k_of_n', 'of'] : [group.kind];
}

/** A key path as messages and default names spell it: chain[1].parallel[0]. */
function spellPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

/**
 * Fills in names (the key path when none is given) and the block's default outage length, and
 * refuses a stated availability that needs more outages than a run can draw.
 */
function resolve(node: RawNode, path: PropertyKey[], meanOutageHours: number, ctx: z.RefinementCtx): AvailabilityNode {
  const name = node.name ?? spellPath(path);
  if (node.kind === 'component') {
    if (node.source.given === 'outages') return { ...node, name, source: node.source };
    const source = { ...node.source, meanOutageHours: node.source.meanOutageHours ?? meanOutageHours };
    if (source.availability > 0 && source.availability < 1) {
      const perMonth = solveOutageRate(source.availability, exponentialTruncatedMean(MONTH_GRID, source.meanOutageHours));
      if (perMonth > MAX_OUTAGES_PER_MONTH) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'availability'],
          message:
            `needs ${Math.round(perMonth).toLocaleString('en-US')} outages a month of ${source.meanOutageHours} h on average, ` +
            `more than the ${MAX_OUTAGES_PER_MONTH.toLocaleString('en-US')} a simulation can draw; raise mean_outage_hours`,
        });
      }
    }
    return { ...node, name, source };
  }
  const base = [...path, ...membersPath(node)];
  const members = node.members.map((m, i) => resolve(m, [...base, i], meanOutageHours, ctx));
  return { ...node, name, members };
}

/**
 * The scenario's `availability` block: `promised`, the `chain` of components in series (with
 * nested `{ parallel: [...] }`, `{ series: [...] }` and `{ k_of_n: { k, of: [...] } }` groups to
 * any depth), the clients' `credits` schedule, and for "what can I promise?" `risk` (default 0.05)
 * and `max_credit_share` (default 0.02). A component gives either `availability` (a share in
 * [0, 1]; outages then last `mean_outage_hours`, default the block's, else 4 h, exponentially
 * distributed) or `outages: { per_month, duration_hours }`; optionally `monthly_cost` (paid to
 * that supplier per client and month) and `credits` (the supplier's schedule, a share of that
 * cost refunded). Unknown keys are refused; `x_` keys are notes. Messages carry the key path.
 * Use in the scenario schema as `availability: availabilitySchema.optional()`.
 * @example availabilitySchema.parse({ promised: 0.99, chain: [{ availability: 0.99 }, { availability: 0.996 }] })
 */
export const availabilitySchema = strictObject({
  promised: level().optional(),
  chain: z
    .array(nodeSchema, { error: (issue) => `must be a list of components and groups (got ${describe(issue.input)})` })
    .min(1, 'must list at least one component'),
  credits: creditsSchema.optional(),
  mean_outage_hours: positiveAtMost(MAX_HOURS).optional(),
  risk: rangedNumber('in (0, 1), e.g. 0.05', (v) => v > 0 && v < 1).optional(),
  max_credit_share: probability().optional(),
}).transform((block, ctx): AvailabilityBlock => {
  if (block.promised === undefined && block.credits !== undefined && block.credits.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['credits'],
      message:
        'credits every plan for months below the scenario-level promise, so the block needs promised (e.g. 0.995); or give a plan its own uptime: { promised, credits }',
    });
    return z.NEVER;
  }
  const components = block.chain.reduce((n, member) => n + componentCount(member), 0);
  if (components > MAX_CHAIN_COMPONENTS) {
    ctx.addIssue({
      code: 'custom',
      path: ['chain'],
      message: `holds ${components.toLocaleString('en-US')} components in all, groups' members included; at most ${MAX_CHAIN_COMPONENTS} can be modelled`,
    });
    return z.NEVER;
  }
  const meanOutageHours = block.mean_outage_hours ?? DEFAULT_MEAN_OUTAGE_HOURS;
  const members = block.chain.map((member, i) => resolve(member, ['chain', i], meanOutageHours, ctx));
  const chain: GroupSpec = { kind: 'series', name: 'chain', k: members.length, members };
  return {
    promised: block.promised,
    chain,
    credits: block.credits ?? [],
    risk: block.risk ?? DEFAULT_PROMISE_RISK,
    maxCreditShare: block.max_credit_share ?? DEFAULT_MAX_CREDIT_SHARE,
  };
});

/**
 * A block read on its own, without a scenario's plans to take a promise from: it must state
 * `promised` (resolve.ts fills it in from the plans within a scenario).
 * @throws Error when it does not
 */
export function standaloneAvailability(block: AvailabilityBlock): AvailabilitySpec {
  if (block.promised === undefined) throw new Error('an availability block on its own needs promised');
  return { ...block, promised: block.promised, promisedBy: null };
}
