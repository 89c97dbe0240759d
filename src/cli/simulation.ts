import type { TrialColumns } from '../engine/columns.js';
import { availableParallelism } from 'node:os';
import { startRun } from '../runner/runScenario.js';
import type { SimulationRun, Simulator } from '../runner/simulator.js';
import { SimulationPool, workerEntry } from '../runner/workerPool.js';
import { MAX_CLIENT_MONTHS, MAX_COLUMN_BYTES, MAX_TRIALS } from '../scenario/limits.js';
import { adjustScenario, type ScenarioAdjustment } from '../scenario/adjust.js';
import { clientCount, type Scenario } from '../scenario/types.js';
import { UsageError } from './errors.js';
import type { SimulationArgs } from './options.js';
import type { Io } from './output.js';
import { createProgress } from './progress.js';
import { loadScenarioFile } from './scenarioFile.js';

/** A scenario ready to simulate, with the run's settings resolved. */
export interface PreparedRun {
  file: string;
  scenario: Scenario;
  trials: number;
  seed: string;
  /** Confidence levels, the headline first. */
  levels: number[];
  /** Threads the runs use, this one included: --workers, at most the cores. */
  workers: number;
  /** The command's worker threads, shared by all its runs (null: this thread only). */
  pool: SimulationPool | null;
}

/** The pools of the commands run in this process, which main() stops when a command ends. */
const openPools = new Set<SimulationPool>();

/** Worker threads for a command's runs: `workers − 1` of them, started by the first run that wants them. */
function commandPool(workers: number): SimulationPool | null {
  const entry = workerEntry();
  const size = workers - 1;
  if (entry === null || size < 1) return null;
  const pool = new SimulationPool(entry, size);
  openPools.add(pool);
  return pool;
}

/** Stops the worker threads of the commands run so far. */
export async function closePools(): Promise<void> {
  const pools = [...openPools];
  openPools.clear();
  await Promise.all(pools.map((pool) => pool.close()));
}

/** A seed for runs where none was given: chosen once, then printed so the run can be repeated. */
function freshSeed(): string {
  return String(Number(process.hrtime.bigint() % 1_000_000_000n));
}

/**
 * Columns a trial of this scenario keeps (engine/columns.ts): 5 for the portfolio, 4 a plan and
 * a segment, 2 a request type, and with a bundle plan the contract-form columns, 2 a plan and 3
 * a segment more.
 */
function columnsPerTrial(scenario: Scenario): number {
  const used = new Set(scenario.clients.map((c) => c.plan));
  const forms = scenario.plans.some((p) => p.form === 'bundle' && used.has(p.name));
  const plans = scenario.plans.length;
  const segments = scenario.clients.length;
  return 5 + 4 * plans + 4 * segments + 2 * scenario.requestTypes.length + (forms ? 2 * plans + 3 * segments : 0);
}

/** The most trials of this scenario that checkRunSize accepts. */
export function largestRunnableTrials(scenario: Scenario): number {
  const byWork = MAX_CLIENT_MONTHS / (clientCount(scenario) * scenario.termMonths);
  const byMemory = MAX_COLUMN_BYTES / (8 * columnsPerTrial(scenario));
  return Math.max(1, Math.floor(Math.min(byWork, byMemory, MAX_TRIALS)));
}

/**
 * Refuses runs too large to finish or to hold in memory, naming the limit.
 * @throws UsageError (exit 2)
 */
export function checkRunSize(file: string, scenario: Scenario, trials: number): void {
  const clientMonths = trials * clientCount(scenario) * scenario.termMonths;
  if (clientMonths > MAX_CLIENT_MONTHS) {
    throw new UsageError(
      `${file}: ${trials.toLocaleString('en-US')} trials × ${clientCount(scenario)} clients × ${scenario.termMonths} months is ${clientMonths.toExponential(2)} client-months; at most ${MAX_CLIENT_MONTHS.toExponential(0)} can be simulated: lower --trials`,
    );
  }
  const columnBytes = trials * 8 * columnsPerTrial(scenario);
  if (columnBytes > MAX_COLUMN_BYTES) {
    throw new UsageError(
      `${file}: ${trials.toLocaleString('en-US')} trials of ${scenario.clients.length} client segments need ${(columnBytes / 1e9).toFixed(1)} GB of results; at most ${MAX_COLUMN_BYTES / 1e9} GB: lower --trials or merge alike clients into segments with count`,
    );
  }
}

/**
 * Loads the scenario and resolves trials, seed and confidence: the command line wins over the
 * file, the file over the defaults. Refuses runs too large to finish.
 */
export async function prepareRun(file: string, args: Partial<SimulationArgs>, io: Io): Promise<PreparedRun> {
  const { scenario } = await loadScenarioFile(file);
  const trials = args.trials ?? scenario.trials;
  checkRunSize(file, scenario, trials);
  let seed = args.seed ?? scenario.seed;
  if (seed === undefined) {
    seed = freshSeed();
    if (!args.quiet) io.stderr.write(`note: no seed given; using seed ${seed} (pass --seed ${seed} to repeat this run)\n`);
  }
  const asked = args.confidence === undefined ? [] : Array.isArray(args.confidence) ? args.confidence : [args.confidence];
  const workers = threadsFor(args, io);
  return { file, scenario, trials, seed, levels: asked.length > 0 ? asked : [scenario.confidence], workers, pool: commandPool(workers) };
}

/**
 * --workers, at most the cores: threads beyond them only add overhead (`--workers 256` on two
 * cores took 54 s and 3.1 GB) and never change a number; a note on stderr says so.
 */
export function threadsFor(args: Partial<SimulationArgs>, io: Io, cores = availableParallelism()): number {
  const asked = args.workers ?? cores;
  if (asked <= cores) return asked;
  if (!args.quiet && !args.json)
    io.stderr.write(
      `note: --workers ${asked} is more than the ${cores} cores of this machine; running on ${cores} threads (more threads than cores only add overhead, and never change a number)
`,
    );
  return cores;
}

/** What else a simulation is asked for besides the prepared run. */
export interface SimulateOptions {
  /** What-if changes, run on the same seed (common random numbers). */
  adjustments?: readonly ScenarioAdjustment[];
  /** The progress bar's label. */
  label?: string;
  /** Keep the per-type columns, which only --trials-csv and the variance shares read (RunSettings). */
  typeColumns?: boolean;
  /** Place every request in its month (RunSettings.keepMonths). */
  keepMonths?: boolean;
}

/**
 * Starts an extendable run of the prepared scenario on the command's threads; each extension
 * shows a progress bar. With adjustments, runs the what-if scenario on the same seed (common
 * random numbers).
 */
export function startSimulation(run: PreparedRun, args: SimulationArgs, io: Io, options: SimulateOptions = {}): SimulationRun {
  const { adjustments = [], label = 'simulating', typeColumns = false, keepMonths = false } = options;
  const scenario = adjustments.length > 0 ? adjustScenario(run.scenario, adjustments) : run.scenario;
  let update: (done: number, total: number) => void = () => undefined;
  const started = startRun(scenario, {
    seed: run.seed,
    workers: run.workers,
    typeColumns,
    keepMonths,
    onProgress: (done, total) => update(done, total),
    pool: run.pool,
  });
  return {
    get trials() {
      return started.trials;
    },
    async extend(trials) {
      const progress = createProgress(io.stderr, args.progress && !args.quiet && io.stderr.isTTY === true, label);
      update = progress.update;
      const columns = await started.extend(trials);
      progress.finish();
      return columns;
    },
  };
}

/** Runs the prepared simulation (run.trials trials) on the command's threads with a progress bar (startSimulation). */
export function simulate(run: PreparedRun, args: SimulationArgs, io: Io, options: SimulateOptions = {}): Promise<TrialColumns> {
  return startSimulation(run, args, io, options).extend(run.trials);
}

/**
 * The prepared run as the studies in analysis/ take it: each request runs on the command's
 * threads, with a progress bar unless its label is null.
 */
export function simulatorOf(run: PreparedRun, args: SimulationArgs, io: Io): Simulator {
  const quiet = { ...args, progress: false };
  return {
    scenario: run.scenario,
    seed: run.seed,
    threads: run.pool ? run.pool.size + 1 : 1,
    simulate: ({ trials, adjustments, typeColumns, keepMonths, label }) =>
      simulate({ ...run, trials }, label === null ? quiet : args, io, { adjustments, typeColumns, keepMonths, label: label ?? undefined }),
    start: ({ adjustments, typeColumns, keepMonths, label }) =>
      startSimulation(run, label === null ? quiet : args, io, { adjustments, typeColumns, keepMonths, label: label ?? undefined }),
  };
}
