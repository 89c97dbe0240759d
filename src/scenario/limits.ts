/*
 * Sizes beyond which a run cannot finish on an ordinary machine. They are refused up front with
 * the limit named, rather than hanging or running out of memory.
 */

/** Most trials one run may ask for. */
export const MAX_TRIALS = 10_000_000;
/** Most clients in a portfolio (segments' counts added up). */
export const MAX_CLIENTS = 100_000;
/** Contract term, in months, of a scenario that names none. */
export const DEFAULT_TERM_MONTHS = 12;
/** Longest contract term, in months (50 years). */
export const MAX_TERM_MONTHS = 600;
/** Most simulated client-months in one run (trials × clients × months). */
export const MAX_CLIENT_MONTHS = 2e11;
/** Largest scenario or history file read, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most values an empirical distribution may hold. */
export const MAX_EMPIRICAL_VALUES = 100_000;
/** Most YAML aliases a file may use (the defence against "billion laughs" alias bombs). */
export const MAX_YAML_ALIASES = 100;
/**
 * Most values (scalars, list items, keys) a YAML file may hold: the parser's memory grows with
 * them (about 2 KB each while parsing), not with the bytes. Above MAX_EMPIRICAL_VALUES, so the
 * largest empirical distribution still fits.
 */
export const MAX_YAML_NODES = 150_000;
/** Deepest nesting of a YAML file; the parser recurses, and a scenario needs about ten. */
export const MAX_YAML_DEPTH = 64;
/** Largest expected request count per client and month; beyond, effort sampling cannot finish. */
export const MAX_REQUESTS_PER_MONTH = 10_000;
/** Most memory the per-trial result columns may take, in bytes. */
export const MAX_COLUMN_BYTES = 4e9;

/*
 * Bounds on single numbers of a scenario. Each is far beyond what a real agency reaches, and
 * below where arithmetic stops meaning anything: a cost of 1e308 overflows to Infinity in the
 * first sum and prints NaN; a cv of 10⁶ leaves a gamma shape of 10⁻¹², whose draws are all but
 * zero and lose the mean. Refusing them names the key and the range instead.
 */

/**
 * Most money per hour or per client-month (cost_per_hour, hourly_rate, monthly_fee, overage_rate,
 * fixed monthly cost and revenue, a component's monthly_cost): a million per hour or month, a
 * thousand times any agency's rate. Sums over trials × clients × months (≤ 2e11 terms) of
 * money × hours (≤ 1e4 × 1e4) then stay below 1e25, far inside a double's range.
 */
export const MAX_MONEY = 1_000_000;
/** Longest billing increment, in minutes (billing_increment_minutes): a whole working day is 480. */
export const MAX_BILLING_INCREMENT_MINUTES = 600;
/** Most hours in one value: included hours per client-month, one request's effort, one outage (10,000 h: more than a year). */
export const MAX_HOURS = 10_000;
/**
 * Most shock events per month. Each event visits every client on its plans, so 10⁶ a month made
 * one trial take 2.3 s; a thousand portfolio-wide events a month is already every 45 minutes.
 */
export const MAX_SHOCKS_PER_MONTH = 1_000;
/**
 * Largest coefficient of variation of a gamma multiplier (common_factor.cv, heterogeneity):
 * cv 10 is a shape of 0.01, one client in a hundred carrying nearly all the work. Beyond, the
 * shape is so small that the draws underflow and the simulated mean drifts from 1.
 */
export const MAX_MULTIPLIER_CV = 10;
/** Smallest negative-binomial dispersion k: variance λ + λ²/k; k = 0.001 is already a thousand-fold overdispersion. */
export const MIN_DISPERSION = 0.001;
/** Largest lognormal sigma: e^5 ≈ 148 between median and one sd up; beyond, the mean sits in draws rarer than 1 in 10⁷. */
export const MAX_LOGNORMAL_SIGMA = 5;
/**
 * Range of a gamma distribution's sd / mean (its cv): 0.001 is shape 10⁶, 10 is shape 0.01,
 * the range the gamma samplers are exact in; sd 1e-12 asked for a shape of 10²⁴.
 */
export const GAMMA_CV_RANGE = [0.001, 10] as const;
/** Most members of one k_of_n group: its exact model sums over member subsets; no stack has 64 redundant parts. */
export const MAX_GROUP_MEMBERS = 64;
/** Most components in an availability chain, groups' members included. */
export const MAX_CHAIN_COMPONENTS = 256;
