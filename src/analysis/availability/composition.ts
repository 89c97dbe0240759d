import { InputError } from '../../scenario/scenarioError.js';
import { pessimisticBound } from '../../scenario/uptime/bounds.js';
import { HOURS_PER_MONTH, HOURS_PER_YEAR } from '../../scenario/uptime/constants.js';
import { groupAvailability } from '../../scenario/uptime/exact.js';

/** How the components of `fairfee availability --series|--parallel|--k-of-n` are combined. */
export type CompositionMode = 'series' | 'parallel' | 'k_of_n';

/** The command-line form: availabilities as shares, e.g. `--series 0.99 0.996`. */
export interface CompositionInput {
  mode: CompositionMode;
  availabilities: readonly number[];
  /** For k_of_n: members that must be up. */
  k?: number;
}

/** Downtime of an availability level, hours. */
export interface Downtime {
  hours_per_month: number;
  hours_per_year: number;
}

/** `--json` document of the no-scenario form (snake_case like every fairfee document). */
export interface CompositionJson {
  mode: CompositionMode;
  /** Members that must be up: n for series, 1 for parallel. */
  k: number;
  components: number[];
  /** Exact, for independent components. */
  exact_availability: number;
  /** Series only: the exact product (docs/interface.md's field). */
  series_availability?: number;
  /** Series only: 1 − Σ(1 − aₖ). */
  additive_bound?: number;
  /** Lower bound whatever the dependence between components (the additive bound for series). */
  pessimistic_bound: number;
  downtime: { exact: Downtime; pessimistic: Downtime };
}

const OPTION: Record<CompositionMode, string> = { series: '--series', parallel: '--parallel', k_of_n: '--k-of-n' };

function downtime(availability: number): Downtime {
  return { hours_per_month: (1 - availability) * HOURS_PER_MONTH, hours_per_year: (1 - availability) * HOURS_PER_YEAR };
}

/** The problem with a command-line availability, as the one input error type: `--series: 1.5 is not …`. */
const optionError = (option: string, message: string) => new InputError(option, [{ path: '', message }]);

/**
 * The members that must be up, once the input is checked: an empty list, a value outside
 * [0, 1] or a bad k is refused with a message naming the option, the rule and the value.
 * @throws InputError (the cli reports it as a usage error, exit 2)
 */
export function checkComposition(input: CompositionInput): number {
  const option = OPTION[input.mode];
  const n = input.availabilities.length;
  if (n === 0) throw optionError(option, `give at least one availability, e.g. ${option} 0.99 0.996`);
  for (const a of input.availabilities) {
    if (typeof a !== 'number' || !Number.isFinite(a) || a < 0 || a > 1) {
      const hint = typeof a === 'number' && a > 1 && a <= 100 ? ` (write ${a}% as ${Number((a / 100).toPrecision(12))})` : '';
      throw optionError(option, `${String(a)} is not an availability in [0, 1]${hint}`);
    }
  }
  const k = input.mode === 'series' ? n : input.mode === 'parallel' ? 1 : input.k;
  if (k === undefined || !Number.isInteger(k) || k < 1 || k > n) {
    throw optionError(option, `k must be a whole number from 1 to ${n}, the number of components (got ${String(k)})`);
  }
  return k;
}

/**
 * The answer without a scenario (issue 5, point 1): the exact availability of independent
 * components (series Π aₖ, parallel 1 − Π(1 − aₖ), k-of-n the Poisson-binomial tail), the
 * pessimistic bound that holds whatever the dependence (series: the additive bound
 * 1 − Σ(1 − aₖ); parallel: max aₖ), and the downtime each means per month (730 h) and year
 * (8,760 h). The result is the `--json` document itself.
 * @throws InputError for an empty list, a value outside [0, 1], or a bad k (checkComposition)
 * @example composeAvailabilities({ mode: 'series', availabilities: [0.99, 0.996] }).exact_availability // 0.98604
 */
export function composeAvailabilities(input: CompositionInput): CompositionJson {
  const k = checkComposition(input);
  const availabilities = [...input.availabilities];
  const exact = groupAvailability({ kind: input.mode, k }, availabilities);
  const bound = pessimisticBound(k, availabilities);
  return {
    mode: input.mode,
    k,
    components: availabilities,
    exact_availability: exact,
    ...(input.mode === 'series' ? { series_availability: exact, additive_bound: bound } : {}),
    pessimistic_bound: bound,
    downtime: { exact: downtime(exact), pessimistic: downtime(bound) },
  };
}
