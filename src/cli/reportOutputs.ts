import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Options } from 'yargs';
import type { RunIdentity } from '../analysis/runReport.js';
import type { PageMeta } from '../report/html/page.js';
import { LANGS, type Lang, langOfLocale } from '../report/i18n/lang.js';
import { UsageError } from './errors.js';
import { MAX_TRIALS_XLSX } from '../report/xlsx/limits.js';

/**
 * --html, --xlsx and --lang (docs/interface.md, "Commands"): a command that renders a page or
 * a workbook spreads these into its options and hands the result to its renderers.
 */
export const reportOptions = {
  // nargs: 1 takes `-` (stdout) as the value, as --csv does.
  html: { type: 'string', nargs: 1, describe: "Write the command's output as one self-contained HTML page with charts to this file (- for stdout)" },
  xlsx: { type: 'string', nargs: 1, describe: 'Write every table of the command as a sheet of an Excel workbook to this file, numbers as numbers' },
  lang: { choices: LANGS, describe: 'Language of the text, the page and the workbook: en or nl (default: from LANG, else en); JSON and CSV never change' },
} as const satisfies Record<string, Options>;

/** --trials-xlsx, for the commands whose run has per-trial columns (run, breakeven, compare, report). */
export const trialsXlsxOption = {
  'trials-xlsx': {
    type: 'string',
    nargs: 1,
    describe: `Write one row per simulated term as an Excel workbook (at most ${MAX_TRIALS_XLSX.toLocaleString('en-US')} terms; --trials-csv for more)`,
  },
} as const satisfies Record<string, Options>;

/** The parsed report options. */
export interface ReportArgs {
  html?: string;
  xlsx?: string;
  lang?: Lang;
  'trials-xlsx'?: string;
}

/** The report options' own checks: a file name each, and a workbook is bytes, which stdout (text) does not take. */
export function checkReportArgs(args: Partial<ReportArgs>): true {
  if (args.html !== undefined && args.html === '') throw new UsageError('--html needs a file name (or - for stdout)');
  if (args.xlsx !== undefined && args.xlsx === '') throw new UsageError('--xlsx needs a file name');
  if (args.xlsx === '-') throw new UsageError('--xlsx writes a binary workbook; name a file, e.g. --xlsx fees.xlsx');
  const trials = args['trials-xlsx'];
  if (trials === '' || trials === '-') throw new UsageError('--trials-xlsx writes a binary workbook; name a file, e.g. --trials-xlsx trials.xlsx');
  return true;
}

/**
 * The language: --lang, else the locale's (LC_ALL, then LC_MESSAGES, then LANG, as POSIX reads
 * them), else English.
 */
export function langOf(args: Partial<ReportArgs>, env: NodeJS.ProcessEnv = process.env): Lang {
  if (args.lang !== undefined) return args.lang;
  return langOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** fairfee's version, from its package.json (from src/cli or from dist/src/cli). */
export const VERSION: string = (() => {
  const path = ['../../package.json', '../../../package.json'].map((relative) => fileURLToPath(new URL(relative, import.meta.url))).find(existsSync);
  if (!path) return 'unknown';
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : 'unknown';
})();

/**
 * The date a page carries: today, or SOURCE_DATE_EPOCH's when set (reproducible builds' rule),
 * so the same run can give a byte-identical page.
 */
export function reportDate(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}

/** What a page needs besides its result. */
export function pageMeta(args: Partial<ReportArgs>, identity: RunIdentity): PageMeta {
  return { lang: langOf(args), version: VERSION, date: reportDate(), identity };
}

/**
 * Refuses --trials-xlsx for a run larger than a workbook takes, before simulating: the trials
 * the run starts with, or with --precision the cap it may grow to.
 * @throws UsageError (exit 2)
 */
export function checkTrialsXlsx(args: Partial<ReportArgs> & { precision?: string; 'max-trials'?: number }, trials: number, maxTrials: number): void {
  if (args['trials-xlsx'] === undefined) return;
  const most = args.precision === undefined ? trials : maxTrials;
  if (most > MAX_TRIALS_XLSX) {
    throw new UsageError(
      `--trials-xlsx writes at most ${MAX_TRIALS_XLSX.toLocaleString('en-US')} simulated terms, and this run ${args.precision === undefined ? 'has' : 'may grow to'} ${most.toLocaleString('en-US')}; use --trials-csv, or fewer --trials${args.precision === undefined ? '' : ' or --max-trials'}`,
    );
  }
}
