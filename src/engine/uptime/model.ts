import { HOURS_PER_MONTH } from '../../scenario/uptime/constants.js';
import { componentProfile, type ComponentProfile } from '../../scenario/uptime/monthModel.js';
import type { AvailabilityNode, AvailabilitySpec, ComponentSpec, CreditSchedule, GroupSpec } from '../../scenario/uptime/spec.js';
import type { StreamSampler } from '../../random/streamSampler.js';

/**
 * A service chain compiled for `simulateMonth`, as plain data (numbers, typed arrays, flattened
 * samplers, credit rows), so a portfolio that holds one is cloned to worker threads as it is.
 * The tree is flattened: components are sets 0..C−1, groups follow in post-order so members
 * come before their group, the chain last; outage rates are solved once.
 */
export interface UptimeChain {
  /** Month length, hours (730). */
  readonly hoursPerMonth: number;
  readonly componentCount: number;
  /** Mean hours between outage starts (T / rate per month); Infinity when there are none. */
  readonly meanGapHours: Float64Array;
  /** 1 for a component that is never up (availability 0). */
  readonly alwaysDown: Uint8Array;
  /** Mean of exponential durations (components given by availability), else 0. */
  readonly exponentialMeanHours: Float64Array;
  /** Duration sampler of components given by outages (null for the others). */
  readonly durations: readonly (StreamSampler | null)[];
  /** Each supplier's monthly cost per client, money. */
  readonly monthlyCost: Float64Array;
  /** Each supplier's own credit schedule (empty when it has none). */
  readonly supplierCredits: readonly CreditSchedule[];
  /** The chain's credit schedule towards the client. */
  readonly credits: CreditSchedule;
  /** Σ monthly costs, money per client and month. */
  readonly supplierCostPerClient: number;
  /** Per group (index g = set id − C): k-of-n threshold n − k + 1 of members down. */
  readonly groupThreshold: Int32Array;
  /** Group g's member set ids are members[memberStart[g] .. memberStart[g + 1]). */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** Set id of the chain. */
  readonly root: number;
  /** Members of the largest group (at least 1): the sweep's cursors. */
  readonly largestGroup: number;
}

/**
 * The chain with what the `availability` command's study reads besides: the validated spec,
 * its components in set order and each one's exact month model (rates, P(up at t), expected
 * availability). Not for worker threads (the spec holds distributions): the engine keeps the
 * UptimeChain alone.
 */
export interface AvailabilityModel extends UptimeChain {
  readonly spec: AvailabilitySpec;
  readonly components: readonly ComponentSpec[];
  readonly profiles: readonly ComponentProfile[];
}

/**
 * Compiles a validated spec for the simulator and the analysis: flattens the tree and solves
 * each component's outage rate (`componentProfile`).
 * @example const model = createAvailabilityModel(scenario.availability)
 */
export function createAvailabilityModel(spec: AvailabilitySpec): AvailabilityModel {
  const components: ComponentSpec[] = [];
  const groups: GroupSpec[] = [];
  const collect = (node: AvailabilityNode): void => {
    if (node.kind === 'component') components.push(node);
    else node.members.forEach(collect);
  };
  collect(spec.chain);
  const componentId = new Map(components.map((c, i) => [c, i]));
  const groupMembers: number[][] = [];
  // Post-order: a group's id is assigned after all of its members'.
  const number = (node: AvailabilityNode): number => {
    if (node.kind === 'component') return componentId.get(node) as number;
    const ids = node.members.map(number);
    groups.push(node);
    groupMembers.push(ids);
    return components.length + groups.length - 1;
  };
  const root = number(spec.chain);

  const profiles = components.map((c) => componentProfile(c));
  const memberStart = new Int32Array(groups.length + 1);
  groupMembers.forEach((ids, g) => {
    memberStart[g + 1] = memberStart[g] + ids.length;
  });
  const monthlyCost = Float64Array.from(components, (c) => c.monthlyCost);
  return {
    spec,
    components,
    profiles,
    hoursPerMonth: HOURS_PER_MONTH,
    componentCount: components.length,
    meanGapHours: Float64Array.from(profiles, (p) => (p.perMonth > 0 ? HOURS_PER_MONTH / p.perMonth : Number.POSITIVE_INFINITY)),
    alwaysDown: Uint8Array.from(profiles, (p) => (p.perMonth === Number.POSITIVE_INFINITY ? 1 : 0)),
    exponentialMeanHours: Float64Array.from(components, (c) => (c.source.given === 'availability' ? c.source.meanOutageHours : 0)),
    durations: components.map((c) => (c.source.given === 'outages' ? c.source.duration.distribution.sampler : null)),
    monthlyCost,
    supplierCredits: components.map((c) => c.credits.map((row) => ({ below: row.below, credit: row.credit }))),
    credits: spec.credits.map((row) => ({ below: row.below, credit: row.credit })),
    supplierCostPerClient: monthlyCost.reduce((sum, cost) => sum + cost, 0),
    groupThreshold: Int32Array.from(groups, (g) => g.members.length - g.k + 1),
    memberStart,
    members: Int32Array.from(groupMembers.flat()),
    root,
    largestGroup: Math.max(1, ...groups.map((g) => g.members.length)),
  };
}

/**
 * The service chain of a spec as the portfolio engine keeps it: the UptimeChain's fields only,
 * plain data a worker thread receives by structured clone.
 * @example uptimeChain(scenario.availability).supplierCostPerClient
 */
export function uptimeChain(spec: AvailabilitySpec): UptimeChain {
  const m = createAvailabilityModel(spec);
  return {
    hoursPerMonth: m.hoursPerMonth,
    componentCount: m.componentCount,
    meanGapHours: m.meanGapHours,
    alwaysDown: m.alwaysDown,
    exponentialMeanHours: m.exponentialMeanHours,
    durations: m.durations,
    monthlyCost: m.monthlyCost,
    supplierCredits: m.supplierCredits,
    credits: m.credits,
    supplierCostPerClient: m.supplierCostPerClient,
    groupThreshold: m.groupThreshold,
    memberStart: m.memberStart,
    members: m.members,
    root: m.root,
    largestGroup: m.largestGroup,
  };
}
