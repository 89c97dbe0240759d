import { availableParallelism } from 'node:os';
import type { Options } from 'yargs';
import { CSV_DIALECTS, type CsvDialect } from '../report/csv.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { UsageError } from './errors.js';
import { DEFAULT_MAX_TRIALS, parsePrecision } from './precisionFormat.js';

/** Most worker threads accepted; more than the cores only adds overhead. */
export const MAX_WORKERS = 256;

/**
 * A number option as given: no value (`--trials` last, or before another option), a decimal
 * comma (95,5) and text that is not a number are refused by name, with what the option takes.
 * @param allowed what the option takes, e.g. "a whole number from 1 to 10,000,000"
 */
function parseNumber(option: string, text: string, allowed: string): number {
  const trimmed = text.trim();
  if (trimmed === '') throw new UsageError(`--${option} needs a value: ${allowed}`);
  if (/^[-+]?\d+,\d+$/.test(trimmed)) {
    throw new UsageError(`--${option}: use a decimal point: ${trimmed.replace(',', '.')}, not ${trimmed}`);
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new UsageError(`--${option} must be ${allowed} (got ${JSON.stringify(text)})`);
  return value;
}

/**
 * A number option (or a list of numbers) parsed here instead of by yargs, which turns `95,5` into
 * NaN and forgets what was typed, and gives nothing for `--trials` without a value: the value is
 * read as text, then converted by parseNumber. Ranges stay in the command's check.
 * @param spec yargs' option, plus `array` for a list and `allowed` for the messages (default "a number")
 */
export function numberOption<const O extends Options>(option: string, spec: O & { array?: boolean; allowed?: string }) {
  const { array, allowed = array ? 'numbers' : 'a number', ...rest } = spec;
  const parse = (value: unknown): unknown => (typeof value === 'string' ? parseNumber(option, value, allowed) : value);
  return {
    ...rest,
    type: array ? 'array' : 'string',
    string: true,
    coerce: (value: unknown) => (Array.isArray(value) ? value.map(parse) : parse(value)),
  } as const;
}

/** How a number that was given without a value reads in a message. */
export const shown = (value: unknown): string => (typeof value === 'number' && Number.isNaN(value) ? 'no value' : String(value));

/**
 * Refuses a single-valued option given more than once (`--csv a --csv b`: yargs makes a list,
 * and which one wins would be a guess).
 * @param options the command's options, as data
 * @throws UsageError (exit 2)
 */
export function checkGivenOnce(args: object, options: Record<string, Options>): void {
  for (const [name, option] of Object.entries(options)) {
    if (option.type === 'array') continue;
    const value = (args as Record<string, unknown>)[name];
    if (Array.isArray(value)) throw new UsageError(`--${name} given ${value.length === 2 ? 'twice' : `${value.length} times`}; give it once`);
  }
}

/** The options every simulating command takes (docs/interface.md, "Commands"), as data. */
export const simulationOptions = {
  trials: numberOption('trials', {
    allowed: `a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}`,
    describe: `Simulated contract terms (1 to ${MAX_TRIALS.toLocaleString('en-US')}); default: the scenario's trials, else 20,000`,
  }),
  seed: { type: 'string', describe: "Random seed: same scenario + seed = same numbers; default: the scenario's seed, else a new one (printed)" },
  confidence: numberOption('confidence', {
    allowed: 'a number in (0, 1), e.g. 0.95',
    describe: "Confidence level α in (0, 1): the break-even fee makes no loss in this share of terms; default: the scenario's, else 0.95",
  }),
  workers: numberOption('workers', {
    allowed: `a whole number from 1 to ${MAX_WORKERS}`,
    default: availableParallelism(),
    defaultDescription: 'the cores',
    describe: 'Threads to simulate on (this one included; more than the cores run on the cores); results do not depend on it',
  }),
  json: { type: 'boolean', default: false, describe: 'Print one JSON document on stdout and nothing else' },
  // nargs: 1 takes `-` (stdout) as the value, which yargs would otherwise read as an argument of its own.
  csv: { type: 'string', nargs: 1, describe: "Write the command's table as CSV to this file (- for stdout, instead of the report)" },
  'trials-csv': { type: 'string', nargs: 1, describe: 'Write one CSV row per simulated term to this file (- for stdout, instead of the report)' },
  'csv-dialect': {
    choices: CSV_DIALECTS,
    default: 'rfc4180' as CsvDialect,
    describe: 'rfc4180 (comma, decimal point) or excel-nl (semicolon, decimal comma, BOM)',
  },
  quiet: { type: 'boolean', default: false, describe: 'No progress or notes on stderr' },
  progress: { type: 'boolean', default: true, describe: 'Progress bar on stderr when it is a terminal (--no-progress to turn off)' },
} as const satisfies Record<string, Options>;

/** --precision and its cap, for the commands that report a break-even fee. */
export const precisionOptions = {
  // nargs: 1 takes the next word as the value even when it starts with a dash (`-1%`), so the
  // message is about --precision, not about unknown options `-1` and `-%`.
  precision: { type: 'string', nargs: 1, describe: "Add trials until the break-even fee's 95% interval is within this share of it, e.g. 1% or 0.01" },
  'max-trials': numberOption('max-trials', {
    allowed: `a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')}`,
    defaultDescription: DEFAULT_MAX_TRIALS.toLocaleString('en-US'),
    describe: 'Cap on trials for --precision (reported when reached); at least --trials',
  }),
} as const satisfies Record<string, Options>;

/** The "with and without shared shocks" comparison of run and breakeven. */
export const sharedShocksOption = {
  'shared-shocks': { type: 'boolean', default: true, describe: "Also show the fee without the scenario's shared shocks (--no-shared-shocks to skip)" },
} as const satisfies Record<string, Options>;

/** The scenario file argument of the commands that need one. */
export const scenarioPositional = { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON)' } as const;

/** The parsed --precision options. */
export interface PrecisionArgs {
  precision?: string;
  /** Absent unless given: DEFAULT_MAX_TRIALS then (maxTrialsOf). */
  'max-trials'?: number;
}

/** The --precision cap: --max-trials, else DEFAULT_MAX_TRIALS. */
export const maxTrialsOf = (args: PrecisionArgs): number => args['max-trials'] ?? DEFAULT_MAX_TRIALS;

/** The parsed simulation options. */
export interface SimulationArgs {
  trials?: number;
  seed?: string;
  confidence?: number | number[];
  workers: number;
  json: boolean;
  csv?: string;
  'trials-csv'?: string;
  'csv-dialect': CsvDialect;
  quiet: boolean;
  progress: boolean;
}

/**
 * checkSimulationArgs plus --precision's format and its cap: --max-trials only with --precision,
 * and never below --trials (the run starts there), rather than a cap silently ignored or obeyed.
 */
export function checkPrecisionArgs(args: Partial<SimulationArgs & PrecisionArgs>): true {
  checkSimulationArgs(args);
  const maxTrials = args['max-trials'];
  if (maxTrials !== undefined && !wholeIn(maxTrials, 1, MAX_TRIALS)) {
    throw new UsageError(`--max-trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${shown(maxTrials)})`);
  }
  if (args.precision === undefined) {
    if (maxTrials !== undefined) throw new UsageError('--max-trials caps --precision; give --precision too, or leave --max-trials out');
    return true;
  }
  parsePrecision(String(args.precision));
  const cap = maxTrials ?? DEFAULT_MAX_TRIALS;
  if (args.trials !== undefined && args.trials > cap) {
    throw new UsageError(
      `--max-trials ${cap.toLocaleString('en-US')}${maxTrials === undefined ? ' (the default)' : ''} is below --trials ${args.trials.toLocaleString('en-US')}: --precision starts at --trials and adds trials up to --max-trials; raise --max-trials or lower --trials`,
    );
  }
  return true;
}

const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** Cross-option checks in one place (jest-cli's `check()`): ranges the option types cannot say. */
export function checkSimulationArgs(args: Partial<SimulationArgs>): true {
  if (args.trials !== undefined && !wholeIn(args.trials, 1, MAX_TRIALS)) {
    throw new UsageError(`--trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${shown(args.trials)})`);
  }
  const levels = args.confidence === undefined ? [] : Array.isArray(args.confidence) ? args.confidence : [args.confidence];
  if (Array.isArray(args.confidence) && levels.length === 0) throw new UsageError('--confidence needs at least one level in (0, 1), e.g. 0.95');
  for (const level of levels) {
    if (!(typeof level === 'number' && level > 0 && level < 1)) {
      throw new UsageError(`--confidence must be a number in (0, 1), e.g. 0.95 (got ${shown(level)})`);
    }
  }
  if (args.workers !== undefined && !wholeIn(args.workers, 1, MAX_WORKERS)) {
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS} (got ${shown(args.workers)})`);
  }
  if (args.seed !== undefined && String(args.seed).trim() === '') throw new UsageError('--seed must not be empty');
  if (args.csv !== undefined && args.csv === '') throw new UsageError('--csv needs a file name (or - for stdout)');
  if (args['trials-csv'] !== undefined && args['trials-csv'] === '') throw new UsageError('--trials-csv needs a file name (or - for stdout)');
  return true;
}
