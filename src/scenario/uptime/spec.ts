import type { Distribution } from '../../random/distribution.js';

/*
 * The validated `availability` block of a scenario (docs/interface.md), as the schema hands it to the
 * model. Names are camelCase; every default is filled in, so the model never re-checks.
 */

/** One row of a credit schedule: when the month's availability is below `below`, `credit` is owed. */
export interface CreditRow {
  /** Availability threshold in (0, 1]; a month strictly below it earns the credit. */
  readonly below: number;
  /** Share of the monthly fee (or of a supplier's monthly cost) credited back, in [0, 1]. */
  readonly credit: number;
}

/** A credit schedule; rows in any order. The credit owed is the largest that applies. */
export type CreditSchedule = readonly CreditRow[];

/**
 * How long one outage lasts, in hours. `atoms` holds the equally likely values when the
 * distribution is discrete (a fixed value, or empirical values), so the exact model can use
 * them instead of a numerical integral over a step-shaped CDF; null for continuous families.
 */
export interface OutageDuration {
  readonly distribution: Distribution;
  readonly atoms: readonly number[] | null;
}

/** Where a component's outages come from: a stated availability, or an outage process. */
export type OutageSource =
  | {
      readonly given: 'availability';
      /** Expected monthly availability in [0, 1], the month model's (see monthModel.ts). */
      readonly availability: number;
      /** Mean of the exponential outage durations, hours > 0. */
      readonly meanOutageHours: number;
    }
  | {
      readonly given: 'outages';
      /** Expected outage starts per month (Poisson), ≥ 0. */
      readonly perMonth: number;
      readonly duration: OutageDuration;
    };

/** One supplier or part of the stack: hosting, network, the application. */
export interface ComponentSpec {
  readonly kind: 'component';
  /** As written, or the key path (`chain[2]`) when the file gives none. */
  readonly name: string;
  readonly source: OutageSource;
  /** What the agency pays this supplier per client and month (money, ≥ 0); 0 when not given. */
  readonly monthlyCost: number;
  /** The supplier's own schedule: a share of `monthlyCost` refunded to the agency. */
  readonly credits: CreditSchedule;
}

/**
 * A group of members of which at least `k` must be up: a series chain has k = n (all needed),
 * a parallel (redundant) group k = 1, a `k_of_n` group the k it states.
 */
export interface GroupSpec {
  readonly kind: 'series' | 'parallel' | 'k_of_n';
  readonly name: string;
  /** Members that must be up, 1 ≤ k ≤ members.length. */
  readonly k: number;
  readonly members: readonly AvailabilityNode[];
}

/**
 * The `availability` block as its schema leaves it: `promised` may be left out when the plans
 * that promise an uptime state their own (the scenario fills it in, resolve.ts).
 */
export type AvailabilityBlock = Omit<AvailabilitySpec, 'promised' | 'promisedBy'> & { readonly promised: number | undefined };

/** A component or a group, nested to any depth. */
export type AvailabilityNode = ComponentSpec | GroupSpec;

/** The whole `availability` block, validated. */
export interface AvailabilitySpec {
  /**
   * The availability promised to clients per month, in (0, 1]: the block's `promised`, or
   * without one (when the plans that promise state their own `uptime`) the strictest of theirs,
   * which `fairfee availability` then measures the chain against.
   */
  readonly promised: number;
  /** The plan whose own uptime `promised` is, when the block states none; null: the block's own. */
  readonly promisedBy: string | null;
  /** The chain in series (kind 'series', name 'chain'). */
  readonly chain: GroupSpec;
  /** The clients' schedule: a share of the monthly fee credited back. Empty when none. */
  readonly credits: CreditSchedule;
  /** For "what can I promise?": the accepted probability of a month below the promise. */
  readonly risk: number;
  /** For "what can I promise?": the budget for expected credits, as a share of the fee. */
  readonly maxCreditShare: number;
}
