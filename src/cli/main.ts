import yargs from 'yargs';
import { InputError } from '../scenario/scenarioError.js';
import { availabilityCommand } from './commands/availability.js';
import { backtestCommand } from './commands/backtest.js';
import { breakevenCommand } from './commands/breakeven.js';
import { calibrateCommand } from './commands/calibrate.js';
import { compareCommand } from './commands/compare.js';
import { formsCommand } from './commands/forms.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { slaCommand } from './commands/sla.js';
import { reportCommand } from './commands/report.js';
import { runCommand } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, UsageError } from './errors.js';
import type { Io } from './output.js';
import { closePools } from './simulation.js';
import { escapeForTerminal } from './terminalText.js';

/** Builds the command line parser: one module per command, assembled here (Squiggle's makeProgram). */
export function buildCli(args: readonly string[], io: Io) {
  return yargs([...args])
    .scriptName('fairfee')
    .usage('fairfee: what to charge for flat-fee service contracts, by Monte Carlo simulation\n\nUsage: $0 <command> [options]')
    .command(runCommand(io))
    .command(breakevenCommand(io))
    .command(compareCommand(io))
    .command(sensitivityCommand(io))
    .command(slaCommand(io))
    .command(formsCommand(io))
    .command(availabilityCommand(io))
    .command(reportCommand(io))
    .command(validateCommand(io))
    .command(calibrateCommand(io))
    .command(backtestCommand(io))
    .demandCommand(1, 'Name a command; `fairfee run` simulates the bundled example.')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .epilogue('Exit status: 0 done, 1 the run failed, 2 the input is wrong. Docs: README.md in the package.')
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own errors (YError: a parse error, or a UsageError thrown by an option's coerce,
      // re-thrown with its message only) are usage errors; any other is the command's own.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(usageMessage(error ? error.message : message));
    });
}

/** What some options take, for yargs' "Not enough arguments following: precision". */
const TAKES: Record<string, string> = {
  precision: 'a share such as 1% or 0.01',
  csv: 'a file name, or - for stdout',
  'trials-csv': 'a file name, or - for stdout',
  'plan-csv': 'a file name, or - for stdout',
  html: 'a file name, or - for stdout',
  xlsx: 'a file name',
  out: 'a file name, or - for stdout',
};

/** yargs' own messages, said as the command's are: `--precision needs a value: …`. */
function usageMessage(message: string): string {
  const missing = /^Not enough arguments following: (\S+)$/.exec(message);
  if (missing) return `--${missing[1]} needs a value${TAKES[missing[1]] ? `: ${TAKES[missing[1]]}` : ''}`;
  return message;
}

/**
 * Runs the CLI on `args` and returns the exit status; the only place errors become statuses.
 * @example process.exitCode = await main(process.argv.slice(2))
 */
export async function main(args: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    await buildCli(args, io).parseAsync();
    return EXIT_OK;
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError) {
      io.stderr.write(`fairfee: ${escapeForTerminal(error.message)}\n`);
      if (error instanceof UsageError) io.stderr.write('Run `fairfee --help` or `fairfee COMMAND --help` for the options.\n');
      return EXIT_BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`fairfee: the run failed: ${escapeForTerminal(message)}\n`);
    return EXIT_FAILED;
  } finally {
    await closePools();
  }
}
