import type { PlanUptime, SlaSpec, TeamSpec } from './sla/spec.js';
import type { AvailabilitySpec } from './uptime/spec.js';
import type { Distribution } from '../random/distribution.js';

/** Maintenance categories (ISO/IEC 14764) plus support; a label for reports. */
export const CATEGORIES = ['corrective', 'adaptive', 'perfective', 'preventive', 'support'] as const;
export type Category = (typeof CATEGORIES)[number];

/** How often a request type comes: Poisson, or negative binomial when `dispersion` is set. */
export interface Frequency {
  /** Expected requests per client per month, λ ≥ 0. */
  perMonth: number;
  /** Negative binomial dispersion k > 0 (variance λ + λ²/k); undefined for Poisson. */
  dispersion?: number;
}

/** Escalation of a request: with `probability` its effort is multiplied by a draw of `factor`. */
export interface Overrun {
  probability: number;
  factor: Distribution;
}

/** One kind of request, as it applies to one client (overrides already merged in). */
export interface RequestType {
  name: string;
  category: Category;
  frequency: Frequency;
  /** Hours of work for one request. */
  effort: Distribution;
  overrun?: Overrun;
  /** Twelve monthly multipliers with mean 1, month 1 of the term first; undefined for flat. */
  seasonality?: number[];
}

/** A contract plan: what the client pays and what it covers. */
export interface Plan {
  name: string;
  /** The fee to evaluate, per client per month; undefined when the tool is to solve for it. */
  monthlyFee?: number;
  /** Names of the request types the fee covers; the others are billed at the hourly rate. */
  covers: string[];
  /** Covered hours included per client per month; Infinity for unlimited. */
  includedHours: number;
  /** Price per covered hour above the included hours. */
  overageRate: number;
  fixedMonthlyCost: number;
  fixedMonthlyRevenue: number;
  /** Minutes each billed request of the plan rounds up to: the plan's own, else the scenario's; 0 for none. */
  billingIncrementMinutes: number;
  /**
   * Included hours a month leaves unused are banked for `months` months, oldest used first, at
   * most `capHours` (Infinity: no cap) in the bank; undefined: they lapse at the month's end.
   */
  rollover?: { months: number; capHours: number };
  /** The plan's response-time promise (MODEL.md, "Response-time SLAs"); undefined: none. */
  sla?: SlaSpec;
  /** The plan's own uptime promise; undefined: the scenario-level availability promise, if any. */
  uptime?: PlanUptime;
}

/** A group of `count` alike clients (count 1 for a named client). */
export interface ClientSegment {
  name: string;
  plan: string;
  count: number;
  /** Coefficient of variation of each client's own intensity U (Gamma, mean 1); 0 for none. */
  heterogeneity: number;
  /** Multiplier on all request rates of these clients. */
  usage: number;
  /** The scenario's request types with this segment's overrides merged in, in scenario order. */
  requestTypes: RequestType[];
}

/** Portfolio-level events that bring one request of a type to many clients in the same month. */
export interface Shock {
  name: string;
  /** Expected events per month (Poisson). */
  perMonth: number;
  requestType: string;
  /** Chance that a given affected client needs the work when an event occurs. */
  hitProbability: number;
  /** Plans whose clients are affected; undefined for every plan. */
  plans?: string[];
}

/** A validated scenario: every rule of docs/interface.md holds; the engine trusts it. */
export interface Scenario {
  name: string;
  currency: string;
  termMonths: number;
  confidence: number;
  trials: number;
  /** The seed from the file; undefined when none was given. */
  seed?: string;
  costPerHour: number;
  hourlyRate: number;
  /**
   * The scenario-level billing increment in minutes (0: none): the hourly equivalent of fairness
   * counts hours billed at it, whatever a plan's own.
   */
  billingIncrementMinutes: number;
  requestTypes: RequestType[];
  plans: Plan[];
  clients: ClientSegment[];
  /** cv of the month-level multiplier shared by all clients; 0 for none. */
  commonFactorCv: number;
  shocks: Shock[];
  /** The uptime promise and the supplier chain behind it (src/availability). */
  availability?: AvailabilitySpec;
  /** The team that answers every request; needed by a plan with an sla. */
  team?: TeamSpec;
}

/** Total number of clients in the portfolio. */
export function clientCount(scenario: Pick<Scenario, 'clients'>): number {
  return scenario.clients.reduce((sum, segment) => sum + segment.count, 0);
}
