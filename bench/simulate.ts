/*
 * One benchmark workload in its own process (started by bench/run.ts): parse a scenario,
 * simulate it with runScenario (the CLI's engine entry, worker threads included), keeping the
 * per-trial columns `fairfee run` keeps (not the per-type ones, which only --trials-csv and the
 * sensitivity section's small run ask for), and print one
 * JSON line with the simulation time, the hours' mean and sd, the expected request count
 * (λ·usage·season summed over clients, types and months, plus shock hits: not counted) and
 * the process's peak resident memory (process.resourceUsage().maxRSS, all threads).
 * Usage: node dist/bench/simulate.js SCENARIO TRIALS WORKERS [SEED]
 */
import { readFileSync } from 'node:fs';
import { runScenario } from '../src/runner/runScenario.js';
import { parseScenario } from '../src/scenario/load.js';
import { compilePortfolio } from '../src/engine/compile.js';
import { hotPortfolio } from '../src/engine/hotPortfolio.js';
import { expectedRequests } from '../src/runner/workEstimate.js';

const [file, trialsText, workersText, seedText] = process.argv.slice(2);
if (!file || !trialsText || !workersText) {
  process.stderr.write('usage: node dist/bench/simulate.js SCENARIO TRIALS WORKERS [SEED]\n');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
const scenario = parseScenario(text, file);
const trials = Number(trialsText);
const seed = seedText ?? scenario.seed ?? '1';
const started = process.hrtime.bigint();
const columns = await runScenario(scenario, { trials, seed, workers: Number(workersText), typeColumns: false });
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
let sum = 0;
let sumSquares = 0;
for (const hours of columns.hours) {
  sum += hours;
  sumSquares += hours * hours;
}
const meanHours = sum / trials;
process.stdout.write(
  `${JSON.stringify({
    trials,
    seconds,
    meanHours,
    sdHours: Math.sqrt(Math.max(0, (sumSquares - trials * meanHours * meanHours) / (trials - 1))),
    requests: expectedRequests(hotPortfolio(compilePortfolio(scenario, seed))) * trials,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
