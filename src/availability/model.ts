import type { Distribution } from '../random/distribution.js';
import { HOURS_PER_MONTH } from './constants.js';
import { createDownSets, type DownSets } from './intervals.js';
import { componentProfile, type ComponentProfile } from './monthModel.js';
import type { AvailabilityNode, AvailabilitySpec, ComponentSpec, CreditSchedule, GroupSpec } from './spec.js';

/**
 * The spec compiled for `simulateMonth`: the tree flattened into arrays (components are sets
 * 0..C−1, groups follow in post-order so members come before their group, the chain last),
 * outage rates solved once, and the scratch buffers every month reuses. Built once per run;
 * one model per thread (simulateMonth writes into its buffers).
 */
export interface AvailabilityModel {
  readonly spec: AvailabilitySpec;
  /** Month length, hours (730). */
  readonly hoursPerMonth: number;
  readonly components: readonly ComponentSpec[];
  /** The exact month model of each component (rates, P(up at t), expected availability). */
  readonly profiles: readonly ComponentProfile[];
  /** Mean hours between outage starts (T / rate per month); Infinity when there are none. */
  readonly meanGapHours: Float64Array;
  /** 1 for a component that is never up (availability 0). */
  readonly alwaysDown: Uint8Array;
  /** Mean of exponential durations (components given by availability), else 0. */
  readonly exponentialMeanHours: Float64Array;
  /** Duration distribution of components given by outages (null for the others). */
  readonly durations: readonly (Distribution | null)[];
  /** Each supplier's monthly cost per client, money. */
  readonly monthlyCost: Float64Array;
  /** Each supplier's own credit schedule (empty when it has none). */
  readonly supplierCredits: readonly CreditSchedule[];
  /** Σ monthly costs, money per client and month. */
  readonly supplierCostPerClient: number;
  /** Per group (index g = set id − C): k-of-n threshold n − k + 1 of members down. */
  readonly groupThreshold: Int32Array;
  /** Group g's member set ids are members[memberStart[g] .. memberStart[g + 1]). */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** Set id of the chain. */
  readonly root: number;
  /** Scratch: the month's down sets. */
  readonly downSets: DownSets;
  /** Scratch: one sweep cursor per member of the largest group. */
  readonly cursor: Int32Array;
  /** Scratch for measureDownSet. */
  readonly measure: { total: number; longest: number };
}

/**
 * Compiles a validated spec for the simulator: flattens the tree, solves each component's
 * outage rate (`componentProfile`) and allocates the buffers.
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
  const C = components.length;
  const memberStart = new Int32Array(groups.length + 1);
  groupMembers.forEach((ids, g) => {
    memberStart[g + 1] = memberStart[g] + ids.length;
  });
  const monthlyCost = Float64Array.from(components, (c) => c.monthlyCost);
  return {
    spec,
    hoursPerMonth: HOURS_PER_MONTH,
    components,
    profiles,
    meanGapHours: Float64Array.from(profiles, (p) => (p.perMonth > 0 ? HOURS_PER_MONTH / p.perMonth : Number.POSITIVE_INFINITY)),
    alwaysDown: Uint8Array.from(profiles, (p) => (p.perMonth === Number.POSITIVE_INFINITY ? 1 : 0)),
    exponentialMeanHours: Float64Array.from(components, (c) => (c.source.given === 'availability' ? c.source.meanOutageHours : 0)),
    durations: components.map((c) => (c.source.given === 'outages' ? c.source.duration.distribution : null)),
    monthlyCost,
    supplierCredits: components.map((c) => c.credits),
    supplierCostPerClient: monthlyCost.reduce((sum, cost) => sum + cost, 0),
    groupThreshold: Int32Array.from(groups, (g) => g.members.length - g.k + 1),
    memberStart,
    members: Int32Array.from(groupMembers.flat()),
    root,
    downSets: createDownSets(C + groups.length),
    cursor: new Int32Array(Math.max(1, ...groups.map((g) => g.members.length))),
    measure: { total: 0, longest: 0 },
  };
}
