/*
 * `npm run bench`: the engine's speed on fixed workloads, each in its own process, against the
 * native C references for R1 (bench/native/r1-shortcut.c with the engine's shortcuts, on 1 and
 * on all threads; bench/native/r1.c drawing every month) in the same run, alternated.
 *
 *   npm run bench                    every bundled scenario, R1, R1 with 15-minute billing
 *                                    increments, and R1 with those on a bundle plan (budget of
 *                                    both: at most 25% over R1), on 1 thread and on all cores
 *   npm run bench -- --million       also the bundled scenario with 10^6 trials: the engine alone,
 *                                    and the whole `fairfee run` (about two and a half minutes)
 *   npm run bench -- --repeat 3      best of 3 runs per workload (a shared machine is noisy)
 *
 * Wall times are whole processes (spawn to exit: Node start-up, module loading, parsing, thread
 * start-up, simulation), as the native program's is. Requests are not counted by the engine:
 * they are the expected number, computed from each scenario (expectedRequests in
 * src/runner/workEstimate.ts: E[U] and the common factor's mean are 1, so neither moves it); for R1
 * the C program counts its own, which agree (153.6 M for 20,000 trials). Peak memory is the
 * process's maxRSS, all threads.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario } from '../src/scenario/load.js';
import { buildNative, runNative, type NativeResult } from './native.js';

/** R1 (issue 4): expected total hours per trial and the sd of the native program (bench/native/README.md). */
const R1_EXPECTED_HOURS = 7854.3;
const R1_TRIALS = 20_000;
const R1_SEED = 1;
const MILLION = 1_000_000;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const child = path.join(here, 'simulate.js');
const commandChild = path.join(here, 'command.js');
const cores = availableParallelism();

interface Workload {
  name: string;
  file: string;
  trials: number;
  seed: string;
}

interface Measured {
  workload: Workload;
  threads: number;
  wallSeconds: number;
  seconds: number;
  meanHours: number;
  sdHours: number;
  requests: number;
  maxRssBytes: number;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** One workload in a fresh process; the best (shortest wall time) of `repeat` runs. */
function measure(workload: Workload, threads: number, repeat: number): Measured {
  let best: Measured | null = null;
  for (let i = 0; i < repeat; i++) {
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [child, workload.file, String(workload.trials), String(threads), workload.seed], { encoding: 'utf8' });
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`${workload.name} on ${threads} thread(s) failed: ${run.stderr || run.error}`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as Omit<Measured, 'workload' | 'threads' | 'wallSeconds'>;
    const measured = { workload, threads, wallSeconds, ...result };
    if (!best || measured.wallSeconds < best.wallSeconds) best = measured;
  }
  return best!;
}

/** A whole fairfee command in a fresh process (bench/command.ts): wall time and peak memory. */
function measureCommand(args: string[]): { wallSeconds: number; maxRssBytes: number } {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [commandChild, ...args], { encoding: 'utf8' });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.status !== 0) throw new Error(`fairfee ${args.join(' ')} failed: ${run.stderr || run.error}`);
  const { maxRssBytes } = JSON.parse(run.stderr.trim().split('\n').pop()!) as { maxRssBytes: number };
  return { wallSeconds, maxRssBytes };
}

const millions = (n: number) => (n / 1e6).toFixed(1);
const row = (cells: (string | number)[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');

function printTable(results: Measured[]): void {
  const widths = [22, 9, 7, 8, 8, 12, 9];
  console.log(row(['workload', 'trials', 'threads', 'wall s', 'sim s', 'M requests/s', 'peak MB'], widths));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of results) {
    console.log(
      row(
        [
          r.workload.name,
          r.workload.trials.toLocaleString('en-US'),
          r.threads,
          r.wallSeconds.toFixed(2),
          r.seconds.toFixed(2),
          millions(r.requests / r.seconds),
          (r.maxRssBytes / 1e6).toFixed(0),
        ],
        widths,
      ),
    );
  }
  console.log('M requests/s: expected requests (from the scenario, not counted) per second of simulation; wall s: the whole process.');
}

/** The native programs' best runs, on each thread count the bench uses. */
interface NativeRuns {
  naive: NativeResult | null;
  shortcut: Map<number, NativeResult>;
  skipped: string | null;
}

/**
 * R1 in fairfee and in both native programs, alternated run by run (TS, then C, on each thread
 * count) so that a noisy stretch of a shared machine falls on both sides; the best of `repeat`.
 */
function measureR1(r1: Workload, threadCounts: number[], repeat: number): { ts: Measured[]; native: NativeRuns } {
  const naiveBuild = buildNative(repoRoot, 'r1');
  const shortcutBuild = buildNative(repoRoot, 'r1-shortcut');
  const native: NativeRuns = {
    naive: null,
    shortcut: new Map(),
    skipped: 'skipped' in naiveBuild ? naiveBuild.skipped : 'skipped' in shortcutBuild ? shortcutBuild.skipped : null,
  };
  const best = new Map<number, Measured>();
  const faster = <T extends { wallSeconds: number }>(a: T | null | undefined, b: T): T => (a && a.wallSeconds <= b.wallSeconds ? a : b);
  for (let i = 0; i < repeat; i++) {
    for (const threads of threadCounts) {
      best.set(threads, faster(best.get(threads), measure(r1, threads, 1)));
      if ('binary' in shortcutBuild)
        native.shortcut.set(threads, faster(native.shortcut.get(threads), runNative(shortcutBuild.binary, R1_TRIALS, R1_SEED, threads)));
    }
    if ('binary' in naiveBuild) native.naive = faster(native.naive, runNative(naiveBuild.binary, R1_TRIALS, R1_SEED));
  }
  return { ts: threadCounts.map((t) => best.get(t)!), native };
}

const threadsLabel = (n: number) => `${n} thread${n === 1 ? ' ' : 's'}`;

function nativeLine(label: string, run: NativeResult): string {
  return `  ${label}: wall ${run.wallSeconds.toFixed(2)} s, simulation ${run.seconds.toFixed(2)} s, ${millions(run.requests / run.seconds)} M requests/s, mean hours ${run.meanHours.toFixed(1)} (sd ${run.sdHours.toFixed(1)})`;
}

function printNative(native: NativeRuns, r1: Measured[]): void {
  console.log('\nR1 against the native C references (bench/native/, gcc -O2 -march=native), alternated run by run');
  if (native.skipped !== null) {
    console.log(`  skipped: ${native.skipped}`);
    return;
  }
  const one = r1.find((r) => r.threads === 1) ?? r1[0];
  const c1 = native.shortcut.get(1);
  if (c1) {
    console.log('  With the same exact shortcuts (r1-shortcut.c):');
    for (const [threads, run] of native.shortcut) console.log(nativeLine(`C  ${threadsLabel(threads)}`, run));
    console.log(
      `  TS 1 thread / C 1 thread: wall ${(one.wallSeconds / c1.wallSeconds).toFixed(2)} (target ≤ 1.5), simulation ${(one.seconds / c1.seconds).toFixed(2)}`,
    );
    for (const r of r1) {
      if (r.threads === 1) continue;
      const cn = native.shortcut.get(r.threads);
      console.log(
        `  TS ${r.threads} threads against C 1 thread: ${(c1.wallSeconds / r.wallSeconds).toFixed(2)}x its speed (target ≥ 1.25); against C ${r.threads} threads: TS/C wall ${cn ? (r.wallSeconds / cn.wallSeconds).toFixed(2) : '–'}, simulation ${cn ? (r.seconds / cn.seconds).toFixed(2) : '–'}`,
      );
    }
    if (r1.length > 1) {
      const two = r1[r1.length - 1];
      console.log(
        `  TS ${two.threads} threads against TS 1 thread: ${(one.wallSeconds / two.wallSeconds).toFixed(2)}x (simulation ${(one.seconds / two.seconds).toFixed(2)}x)`,
      );
    }
  }
  if (native.naive) {
    console.log('  Drawing every month and request (r1.c):');
    console.log(nativeLine('C  1 thread ', native.naive));
    for (const r of r1)
      console.log(
        `  TS ${threadsLabel(r.threads)}: TS/C wall ${(r.wallSeconds / native.naive.wallSeconds).toFixed(2)}, simulation ${(r.seconds / native.naive.seconds).toFixed(2)}`,
      );
  }
  const se = one.sdHours / Math.sqrt(one.workload.trials);
  console.log(
    `  TS mean hours ${one.meanHours.toFixed(1)} (sd ${one.sdHours.toFixed(1)}): ${((one.meanHours - R1_EXPECTED_HOURS) / se).toFixed(2)} standard errors from the exact ${R1_EXPECTED_HOURS}`,
  );
}

/** An R1 variant against plain R1, thread count by thread count (issue 11's budget: ≤ 25% over). */
function printVariant(title: string, plain: Measured[], increments: Measured[]): void {
  console.log(`\n${title} against R1`);
  for (const r of increments) {
    const base = plain.find((p) => p.threads === r.threads);
    if (!base) continue;
    console.log(
      `  ${r.threads} thread${r.threads === 1 ? ' ' : 's'}: simulation ${r.seconds.toFixed(2)} s vs ${base.seconds.toFixed(2)} s, ${((r.seconds / base.seconds - 1) * 100).toFixed(0)}% over (target ≤ 25%)`,
    );
  }
}

/** R1 with a team against plain R1, thread count by thread count (issue 12's budget: at most 2x). */
function printTeam(plain: Measured[], team: Measured[]): void {
  console.log('\nR1 with a team of six and an 8-hour promise (scenarios/bench-r1-team.yaml) against R1');
  for (const r of team) {
    const base = plain.find((p) => p.threads === r.threads);
    if (!base) continue;
    console.log(
      `  ${r.threads} thread${r.threads === 1 ? ' ' : 's'}: simulation ${r.seconds.toFixed(2)} s vs ${base.seconds.toFixed(2)} s, ${(r.seconds / base.seconds).toFixed(2)}x (target ≤ 2x)`,
    );
  }
}

function main(): void {
  const repeat = Math.max(1, Number(argument('--repeat') ?? 1));
  const scenarioDir = path.join(repoRoot, 'scenarios');
  const bundled: Workload[] = readdirSync(scenarioDir)
    .filter((f) => /\.ya?ml$/.test(f) && !f.startsWith('bench-r1'))
    .sort()
    .map((f) => {
      const file = path.join(scenarioDir, f);
      const scenario = parseScenario(readFileSync(file, 'utf8'), file);
      return { name: f.replace(/\.ya?ml$/, ''), file, trials: scenario.trials, seed: scenario.seed ?? '1' };
    });
  const r1: Workload = { name: 'R1', file: path.join(scenarioDir, 'bench-r1.yaml'), trials: R1_TRIALS, seed: String(R1_SEED) };
  const increments: Workload = { ...r1, name: 'R1 15-min increments', file: path.join(scenarioDir, 'bench-r1-increments.yaml') };
  const team: Workload = { ...r1, name: 'R1 with a team', file: path.join(scenarioDir, 'bench-r1-team.yaml') };
  const forms: Workload = { ...r1, name: 'R1 bundle + increments', file: path.join(scenarioDir, 'bench-r1-forms.yaml') };
  const threadCounts = cores > 1 ? [1, cores] : [1];

  console.log(`fairfee bench: Node ${process.version}, ${cores} cores, best of ${repeat}\n`);
  const results: Measured[] = [];
  for (const workload of bundled) for (const threads of threadCounts) results.push(measure(workload, threads, repeat));
  const measuredR1 = measureR1(r1, threadCounts, repeat);
  results.push(...measuredR1.ts);
  for (const workload of [increments, forms, team]) for (const threads of threadCounts) results.push(measure(workload, threads, repeat));
  printTable(results);
  printNative(measuredR1.native, measuredR1.ts);
  printVariant(
    'R1 with 15-minute billing increments (scenarios/bench-r1-increments.yaml)',
    results.filter((r) => r.workload === r1),
    results.filter((r) => r.workload === increments),
  );
  printVariant(
    'R1 on a bundle plan with 15-minute increments (scenarios/bench-r1-forms.yaml)',
    results.filter((r) => r.workload === r1),
    results.filter((r) => r.workload === forms),
  );
  printTeam(
    results.filter((r) => r.workload === r1),
    results.filter((r) => r.workload === team),
  );

  if (process.argv.includes('--million')) {
    const webagency = bundled.find((w) => w.name === 'webagency') ?? bundled[0];
    const big = measure({ ...webagency, name: `${webagency.name} 10^6`, trials: MILLION }, cores, 1);
    console.log(
      `\n${big.workload.name} trials on ${cores} threads, engine alone (the columns a run keeps): wall ${big.wallSeconds.toFixed(1)} s, peak ${(big.maxRssBytes / 1e6).toFixed(0)} MB`,
    );
    const run = measureCommand(['run', webagency.file, '--trials', String(MILLION), '--workers', String(cores), '--quiet']);
    console.log(
      `fairfee run ${path.basename(webagency.file)} --trials ${MILLION.toLocaleString('en-US')} (the whole report): wall ${run.wallSeconds.toFixed(1)} s (target < 50), peak ${(run.maxRssBytes / 1e6).toFixed(0)} MB (target < 500)`,
    );
    console.log(
      `  the analysis, the what-ifs and the comparison without shared shocks add ${((run.wallSeconds / big.wallSeconds - 1) * 100).toFixed(0)}% to the engine's wall time (target ≤ 10%)`,
    );
  } else {
    console.log('\n(add -- --million for the bundled scenario with 10^6 trials: time and peak memory)');
  }
}

main();
