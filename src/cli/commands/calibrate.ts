import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { fitHistory, fitOptionProblems } from '../../analysis/calibrate/fitHistory.js';
import { historySeed } from '../../analysis/calibrate/historySeed.js';
import { toIdentifier } from '../../analysis/calibrate/identifier.js';
import { fitJson } from '../../report/calibrateJson.js';
import { calibrateText } from '../../report/calibrateText.js';
import { scenarioYaml, type ScenarioSettings } from '../../report/scenarioYaml.js';
import { parseHistory } from '../../scenario/history/readHistory.js';
import { visibleText } from '../../scenario/history/visibleText.js';
import { MAX_CLIENTS, MAX_TERM_MONTHS } from '../../scenario/limits.js';
import { parseScenario } from '../../scenario/load.js';
import { InputError } from '../../scenario/scenarioError.js';
import { CATEGORIES, type Category } from '../../scenario/types.js';
import { UsageError } from '../errors.js';
import { checkGivenOnce, numberOption } from '../options.js';
import { checkOutputs, printJson, writeCommandOutputs, type Io } from '../output.js';
import { readInputFile } from '../scenarioFile.js';

interface Args {
  history: string;
  out: string;
  force: boolean;
  months?: number;
  'window-months'?: number;
  clients?: number;
  category?: string[];
  'cost-per-hour'?: number;
  'hourly-rate'?: number;
  currency: string;
  name?: string;
  seed?: number;
  json: boolean;
}

/** What an hour of work costs when --cost-per-hour is not given: a placeholder (the bundled example's), marked DEFAULT in the file. */
export const DEFAULT_COST_PER_HOUR = 55;
/** What a client pays per hour without a contract when --hourly-rate is not given: a placeholder, marked DEFAULT in the file. */
export const DEFAULT_HOURLY_RATE = 85;
/** Trials in the written scenario (docs/interface.md's example). */
const TRIALS = 20_000;

const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

/**
 * `--category bugfix=corrective "Plugin update=adaptive"` → { bugfix: 'corrective', plugin_update: 'adaptive' };
 * type names are matched as scenario keys (toIdentifier), so the file's spelling works too.
 * @throws UsageError for an item that is not TYPE=CATEGORY with a known category
 */
export function parseCategoryOptions(items: readonly string[] | undefined): Record<string, Category> {
  const categories: Record<string, Category> = {};
  for (const item of items ?? []) {
    const match = /^(.+)=\s*([A-Za-z]+)\s*$/.exec(item);
    const category = match?.[2].toLowerCase();
    if (!match || !(CATEGORIES as readonly string[]).includes(category!)) {
      throw new UsageError(`--category takes TYPE=CATEGORY with a category of ${CATEGORIES.join(', ')}, e.g. bugfix=corrective (got ${JSON.stringify(item)})`);
    }
    categories[toIdentifier(match[1])] = category as Category;
  }
  return categories;
}

/** The command's options, as data. */
const calibrateOptions = {
  out: { type: 'string', nargs: 1, demandOption: true, describe: 'Scenario file to write (YAML; - for stdout)' },
  force: { type: 'boolean', default: false, describe: 'Overwrite --out if it exists' },
  months: numberOption('months', {
    allowed: `a whole number from 1 to ${MAX_TERM_MONTHS}`,
    describe: 'Months the history covers; default: calendar months from the first date to the last',
  }),
  'window-months': numberOption('window-months', {
    allowed: `a whole number from 1 to ${MAX_TERM_MONTHS}`,
    describe: 'Fit on the last N calendar months only (the renegotiation view: what the latest year says)',
  }),
  clients: numberOption('clients', {
    allowed: `a whole number from 1 to ${MAX_CLIENTS.toLocaleString('en-US')}`,
    describe: 'Clients the history covers, including any who asked nothing; default: those in it',
  }),
  category: {
    type: 'array',
    string: true,
    describe: "A request type's category instead of the guess from its name, e.g. --category bugfix=corrective",
  },
  'cost-per-hour': numberOption('cost-per-hour', {
    allowed: 'a number ≥ 0',
    describe: `What an hour of work costs you; default ${DEFAULT_COST_PER_HOUR}, marked DEFAULT in the file`,
  }),
  'hourly-rate': numberOption('hourly-rate', {
    allowed: 'a number ≥ 0',
    describe: `What a client pays per hour without a contract; default ${DEFAULT_HOURLY_RATE}, marked DEFAULT in the file`,
  }),
  currency: { type: 'string', default: 'EUR', describe: 'Currency label of the scenario' },
  name: { type: 'string', describe: 'Scenario name; default: "Calibrated from HISTORY"' },
  seed: numberOption('seed', {
    allowed: 'a whole number ≥ 0',
    describe: 'Seed written to the scenario; default: one derived from the history, so the same history gives the same file',
  }),
  json: { type: 'boolean', default: false, describe: 'Print the fit as one JSON document on stdout and nothing else' },
} as const;

/** Cross-option checks (jest-cli's `check()`): each option given once, ranges the option types cannot say. */
export function checkCalibrateArgs(args: Partial<Args>): true {
  checkGivenOnce(args, calibrateOptions);
  if (args.out !== undefined && String(args.out).trim() === '') throw new UsageError('--out needs a file name (or - for stdout)');
  if (args.months !== undefined && !wholeIn(args.months, 1, MAX_TERM_MONTHS))
    throw new UsageError(`--months must be a whole number from 1 to ${MAX_TERM_MONTHS} (got ${args.months})`);
  const windowMonths = args['window-months'];
  if (windowMonths !== undefined && !wholeIn(windowMonths, 1, MAX_TERM_MONTHS))
    throw new UsageError(`--window-months must be a whole number from 1 to ${MAX_TERM_MONTHS} (got ${windowMonths})`);
  if (windowMonths !== undefined && args.months !== undefined)
    throw new UsageError('--window-months N fits the last N months, so the window is N months: leave out --months');
  if (args.clients !== undefined && !wholeIn(args.clients, 1, MAX_CLIENTS)) {
    throw new UsageError(`--clients must be a whole number from 1 to ${MAX_CLIENTS.toLocaleString('en-US')} (got ${args.clients})`);
  }
  for (const option of ['cost-per-hour', 'hourly-rate'] as const) {
    const value = args[option];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new UsageError(`--${option} must be a number ≥ 0 (got ${value})`);
  }
  if (args.seed !== undefined && !wholeIn(args.seed, 0, Number.MAX_SAFE_INTEGER)) throw new UsageError(`--seed must be a whole number ≥ 0 (got ${args.seed})`);
  if (args.name !== undefined && String(args.name).trim() === '') throw new UsageError('--name must not be empty');
  parseCategoryOptions(args.category);
  return true;
}

/**
 * Refuses an --out that would destroy something: checkOutputs refuses the history itself (also
 * through a link or a linked folder), a folder, a read-only file or a missing folder; without
 * --force, an existing regular file is refused too (a device or FIFO is written through, not
 * replaced).
 */
async function checkOut(args: Args) {
  const outputs = await checkOutputs({ '--out': args.out }, [args.history], args.json);
  const destination = outputs.destinations.get('--out');
  if (destination?.kind === 'file' && !args.force) {
    const exists = await stat(destination.path).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    if (exists) throw new UsageError(`--out ${args.out} exists; add --force to overwrite it, or choose another name`);
  }
  return outputs;
}

/** `fairfee calibrate HISTORY.csv --out SCENARIO`: fit request types to a ticket history and write a scenario. */
export function calibrateCommand(io: Io): CommandModule<object, Args> {
  return {
    command: 'calibrate <history>',
    describe: 'Fit request types from a ticket/timesheet history (CSV) and write a scenario',
    builder: (yargs: Argv) =>
      yargs
        .positional('history', {
          type: 'string',
          demandOption: true,
          describe: 'CSV, one row per ticket: date, client, type, hours (optional plan); , or ; separated',
        })
        .options(calibrateOptions)
        .check((argv) => checkCalibrateArgs(argv as Partial<Args>))
        .example('$0 calibrate tickets.csv --out portfolio.yaml', 'fit and write a scenario')
        .example('$0 calibrate tickets.csv --out last-year.yaml --window-months 12', 'fit on the last 12 months only (renegotiation)')
        .example(
          '$0 calibrate export.csv --out p.yaml --cost-per-hour 60 --hourly-rate 95 --clients 45 --category hosting=preventive',
          'with your own money figures, clients who asked nothing, and a category',
        ) as unknown as Argv<Args>,
    handler: async (args) => {
      const outputs = await checkOut(args);
      const text = await readInputFile(args.history);
      const history = parseHistory(text, args.history);
      const options = {
        months: args.months,
        windowMonths: args['window-months'],
        clients: args.clients,
        categories: parseCategoryOptions(args.category),
      };
      const problems = fitOptionProblems(history, options);
      if (problems.length > 0) throw new UsageError(problems.join('\n'));
      const fit = fitHistory(history, options);
      for (const warning of fit.warnings) io.stderr.write(`warning: ${visibleText(args.history)}: ${warning}\n`);
      const settings: ScenarioSettings = {
        name: args.name ?? `Calibrated from ${basename(args.history)}`,
        currency: args.currency,
        costPerHour: args['cost-per-hour'] ?? DEFAULT_COST_PER_HOUR,
        hourlyRate: args['hourly-rate'] ?? DEFAULT_HOURLY_RATE,
        costPerHourIsDefault: args['cost-per-hour'] === undefined,
        hourlyRateIsDefault: args['hourly-rate'] === undefined,
        seed: args.seed ?? historySeed(text),
        trials: TRIALS,
      };
      const yaml = scenarioYaml(fit, settings);
      try {
        parseScenario(yaml, args.out);
      } catch (error) {
        // The fit made a scenario fairfee refuses: a bug here, not the user's input (exit 1).
        if (error instanceof InputError) throw new Error(`the calibrated scenario does not validate (please report this): ${error.message}`);
        throw error;
      }
      try {
        await writeCommandOutputs(outputs, { '--out': () => yaml }, io);
      } catch (error) {
        // Checked before the fit, so a failure now is the disk's (full, gone): the run failed (exit 1).
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'ENOENT' ? 'no such folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
        throw new Error(`cannot write ${args.out}: ${reason}; nothing was written`);
      }
      if (args.json) return printJson(io, fitJson(fit, settings, args.out));
      if (outputs.onStdout) return;
      io.stdout.write(`${calibrateText(fit, settings, args.out)}\n`);
    },
  };
}
