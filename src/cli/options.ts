import { availableParallelism } from 'node:os';
import type { Options } from 'yargs';
import { CSV_DIALECTS, type CsvDialect } from '../report/csv.js';
import { MAX_TRIALS } from '../scenario/limits.js';
import { UsageError } from './errors.js';
import { DEFAULT_MAX_TRIALS, parsePrecision } from './precisionFormat.js';

/** Most worker threads accepted; more than the cores only adds overhead. */
export const MAX_WORKERS = 256;

/** The options every simulating command takes (docs/interface.md, "Commands"), as data. */
export const simulationOptions = {
  trials: { type: 'number', describe: `Simulated contract terms (1 to ${MAX_TRIALS.toLocaleString('en-US')}); default: the scenario's trials, else 20,000` },
  seed: { type: 'string', describe: "Random seed: same scenario + seed = same numbers; default: the scenario's seed, else a new one (printed)" },
  confidence: {
    type: 'number',
    describe: "Confidence level α in (0, 1): the break-even fee makes no loss in this share of terms; default: the scenario's, else 0.95",
  },
  workers: {
    type: 'number',
    default: availableParallelism(),
    defaultDescription: 'the cores',
    describe: 'Threads to simulate on (this one included); results do not depend on it',
  },
  json: { type: 'boolean', default: false, describe: 'Print one JSON document on stdout and nothing else' },
  csv: { type: 'string', describe: "Write the command's table as CSV to this file" },
  'trials-csv': { type: 'string', describe: 'Write one CSV row per simulated term to this file' },
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
  precision: { type: 'string', describe: "Add trials until the break-even fee's 95% interval is within this share of it, e.g. 1% or 0.01" },
  'max-trials': { type: 'number', default: DEFAULT_MAX_TRIALS, describe: 'Cap on trials for --precision (reported when reached)' },
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
  'max-trials': number;
}

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

/** checkSimulationArgs plus --precision's format, for commands that take both. */
export function checkPrecisionArgs(args: Partial<SimulationArgs & PrecisionArgs>): true {
  checkSimulationArgs(args);
  if (args.precision !== undefined) parsePrecision(String(args.precision));
  return true;
}

const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/** Cross-option checks in one place (jest-cli's `check()`): ranges the option types cannot say. */
export function checkSimulationArgs(args: Partial<SimulationArgs>): true {
  if (args.trials !== undefined && !wholeIn(args.trials, 1, MAX_TRIALS)) {
    throw new UsageError(`--trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${args.trials})`);
  }
  const levels = args.confidence === undefined ? [] : Array.isArray(args.confidence) ? args.confidence : [args.confidence];
  for (const level of levels) {
    if (!(typeof level === 'number' && level > 0 && level < 1)) {
      throw new UsageError(`--confidence must be a number in (0, 1), e.g. 0.95 (got ${level})`);
    }
  }
  if (args.workers !== undefined && !wholeIn(args.workers, 1, MAX_WORKERS)) {
    throw new UsageError(`--workers must be a whole number from 1 to ${MAX_WORKERS} (got ${args.workers})`);
  }
  if (args.seed !== undefined && String(args.seed).trim() === '') throw new UsageError('--seed must not be empty');
  const maxTrials = (args as Partial<PrecisionArgs>)['max-trials'];
  if (maxTrials !== undefined && !wholeIn(maxTrials, 1, MAX_TRIALS)) {
    throw new UsageError(`--max-trials must be a whole number from 1 to ${MAX_TRIALS.toLocaleString('en-US')} (got ${maxTrials})`);
  }
  if (args.csv !== undefined && args.csv === '') throw new UsageError('--csv needs a file name');
  if (args['trials-csv'] !== undefined && args['trials-csv'] === '') throw new UsageError('--trials-csv needs a file name');
  return true;
}
