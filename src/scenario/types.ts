import type { PlanUptime, SlaSpec, TeamSpec } from './sla/spec.js';
import type { AvailabilitySpec } from './uptime/spec.js';
import type { Distribution } from '../random/distribution.js';

/** Maintenance categories (ISO/IEC 14764) plus support; a label for reports. */
export const CATEGORIES = ['corrective', 'adaptive', 'perfective', 'preventive', 'support'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The contract forms a plan can take (MODEL.md, "Contract forms"); flat is the default. */
export const CONTRACT_FORMS = ['flat', 'bundle', 'hourly', 'per_request'] as const;
export type ContractForm = (typeof CONTRACT_FORMS)[number];

/** What a bundle plan does when a month needs more hours than the bundle holds. */
export const WHEN_USED_UP = ['rebuy', 'hourly'] as const;
export type WhenUsedUp = (typeof WHEN_USED_UP)[number];

/** A strippenkaart's terms: `hours` for `price`, valid `validMonths` from its purchase month. */
export interface BundleTerms {
  hours: number;
  /** The price of one bundle; undefined when the tool is to solve for it. */
  price?: number;
  validMonths: number;
  whenUsedUp: WhenUsedUp;
}

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
  form: ContractForm;
  /** The fee to evaluate, per client per month; undefined when the tool is to solve for it. */
  monthlyFee?: number;
  /**
   * Names of the request types the plan covers; the others are billed at the hourly rate. An
   * hourly plan covers every type (it bills them all at its rate); a per_request plan without
   * `covers`, the types it prices.
   */
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
  /** A bundle plan's terms. */
  bundle?: BundleTerms;
  /** An hourly plan's price per billed hour (its `rate`, else the scenario's hourly rate). */
  rate?: number;
  /** A per_request plan's price of one request, by covered type name. */
  prices?: ReadonlyMap<string, number>;
}

/**
 * The price a plan states, in its own unit (MODEL.md, "One price per plan"): a flat plan's
 * monthly fee, a bundle's price, an hourly plan's rate, 1 for a price list (its multiplier);
 * undefined when the tool is to solve for it.
 */
export function statedPrice(plan: Plan): number | undefined {
  if (plan.form === 'flat') return plan.monthlyFee;
  if (plan.form === 'bundle') return plan.bundle?.price;
  if (plan.form === 'hourly') return plan.rate;
  return 1;
}

/** What one unit of a plan's price buys, as tables say it: "per month", "per 20-hour card". */
export function priceUnit(plan: Plan): string {
  if (plan.form === 'flat') return 'per month';
  if (plan.form === 'bundle') return `per ${plan.bundle ? hoursLabel(plan.bundle.hours) : ''}-hour card`;
  if (plan.form === 'hourly') return 'per hour';
  return 'x price list';
}

const hoursLabel = (hours: number) => (Number.isInteger(hours) ? String(hours) : hours.toLocaleString('en-US', { maximumFractionDigits: 2 }));

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
  /** Candidate forms for `fairfee forms`; undefined: the defaults (docs/interface.md). */
  forms?: Plan[];
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
