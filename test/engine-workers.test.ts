import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listColumns, type TrialColumns } from '../src/engine/columns.js';
import { compilePortfolio } from '../src/engine/compile.js';
import { hotPortfolio, type HotPortfolio } from '../src/engine/hotPortfolio.js';
import { simulateToPrecision } from '../src/analysis/precision.js';
import { MIN_PARALLEL_SECONDS, runScenario, startRun } from '../src/runner/runScenario.js';
import type { Simulator } from '../src/runner/simulator.js';
import { estimatedSeconds } from '../src/runner/workEstimate.js';
import { simulatePreparedBlock } from '../src/engine/simulateBlock.js';
import { columnCount, packedColumns } from '../src/engine/packedColumns.js';
import { seededStreams } from '../src/runner/trialRun.js';
import { runBlocks, SimulationPool, workerEntry } from '../src/runner/workerPool.js';
import type { ScenarioAdjustment } from '../src/scenario/adjust.js';
import { adjustScenario } from '../src/scenario/adjust.js';
import { parseScenario } from '../src/scenario/load.js';

/*
 * The numbers do not depend on the number of worker threads, to the last digit (MODEL.md,
 * "Conventions"). The threads run the compiled worker entry (dist/src/runner/blockWorker.js):
 * `npm test` builds first. A worker gets the compiled portfolio alone, cloned from the main
 * thread: flattened samplers (an empirical distribution's values, strip tables) and the
 * availability service chain as data.
 */

function run(args: string[]): string {
  return execFileSync(process.execPath, ['bin/fairfee.js', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function load(file: string, adjustments: readonly ScenarioAdjustment[] = []) {
  const text = readFileSync(file, 'utf8');
  return { text, scenario: adjustScenario(parseScenario(text, file), adjustments) };
}

function expectSameColumns(a: TrialColumns, b: TrialColumns): void {
  const x = listColumns(a);
  const y = listColumns(b);
  expect(y.length).toBe(x.length);
  // Byte for byte: Float64Array equality would let −0 equal 0.
  x.forEach((column, i) => {
    expect(Buffer.from(y[i].buffer, y[i].byteOffset, y[i].byteLength).equals(Buffer.from(column.buffer, column.byteOffset, column.byteLength))).toBe(true);
  });
}

/** The blocks of a run of `trials` trials from the start. */
function blocksOf(trials: number): { block: number; length: number }[] {
  return Array.from({ length: Math.ceil(trials / 1000) }, (_, block) => ({ block, length: Math.min(1000, trials - block * 1000) }));
}

/** A portfolio whose first effort sampler has a kind no sampler knows: every block of it throws. */
function brokenPortfolio(): HotPortfolio {
  const portfolio = structuredClone(hotPortfolio(compilePortfolio(load('scenarios/webagency.yaml').scenario, '1')));
  (portfolio.clients[0].types[0].effort as unknown as { kind: number }).kind = 99;
  return portfolio;
}

/** This thread's part of a pool run when only the workers should simulate. */
function idle(): void {
  const until = Date.now() + 100;
  while (Date.now() < until);
}

beforeAll(() => {
  if (!existsSync('dist/src/runner/blockWorker.js')) throw new Error('build first (npm run build): the worker threads run dist/src/runner/blockWorker.js');
});

describe('worker threads', () => {
  it('the CLI prints byte-identical JSON for 1, 2 and 3 workers', () => {
    // R1 with 3000 trials: estimated above MIN_PARALLEL_SECONDS (1.07 s), so threads are started.
    const common = ['run', 'scenarios/bench-r1.yaml', '--trials', '3000', '--seed', '1', '--json', '--sensitivity-trials', '0'];
    const outputs = [1, 2, 3].map((workers) => run([...common, '--workers', String(workers)]));
    expect(JSON.parse(outputs[0]).trials).toBe(3000);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('starts threads for the CLI test above and not for a short run', () => {
    const r1 = hotPortfolio(compilePortfolio(load('scenarios/bench-r1.yaml').scenario, '1'));
    expect(estimatedSeconds(r1, 3000)).toBeGreaterThan(MIN_PARALLEL_SECONDS);
    const freelancer = hotPortfolio(compilePortfolio(load('scenarios/freelancer.yaml').scenario, '1'));
    expect(estimatedSeconds(freelancer, 20_000)).toBeLessThan(MIN_PARALLEL_SECONDS);
  });

  it('finds the compiled worker entry from the TypeScript source', () => {
    expect(workerEntry()?.pathname.endsWith('/dist/src/runner/blockWorker.js')).toBe(true);
  });

  it.each([
    ['scenarios/webagency.yaml', [] as ScenarioAdjustment[]],
    ['scenarios/hosting-sla.yaml', [{ kind: 'scale', input: 'frequency', factor: 1.3 }] as ScenarioAdjustment[]],
  ])('%s: the same columns, bit for bit, on 1, 2 and 3 threads (blocks in any order)', async (file, adjustments) => {
    const { scenario } = load(file, adjustments);
    const settings = { trials: 4500, seed: '7', minParallelSeconds: 0 };
    const progress: number[] = [];
    const one = await runScenario(scenario, { ...settings, workers: 1 });
    const two = await runScenario(scenario, { ...settings, workers: 2, onProgress: (done) => progress.push(done) });
    const three = await runScenario(scenario, { ...settings, workers: 3 });
    expectSameColumns(two, one);
    expectSameColumns(three, one);
    // progress: once per block, increasing, ending at the trials
    expect(progress.length).toBe(5);
    expect(progress.every((done, i) => i === 0 || done > progress[i - 1])).toBe(true);
    expect(progress.at(-1)).toBe(4500);
  });

  it('a run that drops the per-type columns keeps every other column bit for bit, on 1 and 2 threads', async () => {
    const { scenario } = load('scenarios/webagency.yaml');
    const settings = { trials: 2500, seed: '5', minParallelSeconds: 0 };
    const all = await runScenario(scenario, { ...settings, workers: 1 });
    expect(all.typeHours).toHaveLength(scenario.requestTypes.length);
    for (const workers of [1, 2]) {
      const lean = await runScenario(scenario, { ...settings, workers, typeColumns: false });
      expect(lean.typeHours).toHaveLength(0);
      expect(lean.typeNetCost).toHaveLength(0);
      expectSameColumns(lean, { ...all, typeHours: [], typeNetCost: [] });
    }
  });

  it('an empirical effort travels to the threads with its values', async () => {
    const text = `
cost_per_hour: 50
hourly_rate: 80
request_types:
  logged: { category: support, frequency: { per_month: 2 }, effort: { dist: empirical, values: [0.25, 0.5, 3] } }
plans: { basic: { covers: [logged], included_hours: 1, overage_rate: 90 } }
clients: [{ name: a, plan: basic, count: 20, heterogeneity: 0.5 }]
`;
    const scenario = parseScenario(text, 'empirical.yaml');
    const settings = { trials: 3000, seed: '3', minParallelSeconds: 0 };
    expectSameColumns(await runScenario(scenario, { ...settings, workers: 3 }), await runScenario(scenario, { ...settings, workers: 1 }));
  });

  it('blocks simulated on worker threads are those this thread simulates, bit for bit', async () => {
    const { scenario } = load('scenarios/webagency.yaml');
    const hot = hotPortfolio(compilePortfolio(scenario, '11'));
    const shape = { plans: hot.planCount, segments: hot.segmentCount, types: hot.typeCount, forms: hot.formColumns };
    const blocks = Array.from({ length: 8 }, (_, block) => ({ block, length: 150 }));
    const fromWorkers = new Map<number, Float64Array>();
    await runBlocks({
      blocks,
      helpers: 2,
      entry: workerEntry()!,
      setup: { portfolio: hot, seed: '11' },
      // This thread only idles, so the workers get most blocks.
      simulateHere: () => {
        const until = Date.now() + 200;
        while (Date.now() < until);
      },
      receive: ({ block, length, buffer }) => fromWorkers.set(block, new Float64Array(buffer.slice(0, 8 * columnCount(shape) * length))),
    });
    expect(fromWorkers.size).toBeGreaterThan(0);
    for (const [block, packed] of fromWorkers) {
      const here = new Float64Array(packed.length);
      simulatePreparedBlock(hot, seededStreams('11'), block, 150, packedColumns(here, shape, 150));
      expect(Buffer.from(packed.buffer).equals(Buffer.from(here.buffer))).toBe(true);
    }
  });

  it('runs sharing one pool, at the same time, give the columns each gives alone on one thread', async () => {
    const pool = new SimulationPool(workerEntry()!, 2);
    try {
      const web = load('scenarios/webagency.yaml');
      const scaled: ScenarioAdjustment[] = [{ kind: 'scale', input: 'effort', factor: 1.2, requestType: 'text_edit' }];
      const webScaled = load('scenarios/webagency.yaml', scaled);
      // hosting-sla's service chain travels as data, like the rest of its portfolio.
      const sla = load('scenarios/hosting-sla.yaml');
      const jobs = [
        { ...web, trials: 3500, seed: '5' },
        { ...webScaled, trials: 1000, seed: '5' },
        { ...sla, trials: 2500, seed: '6' },
      ];
      const shared = await Promise.all(jobs.map((j) => runScenario(j.scenario, { trials: j.trials, seed: j.seed, workers: 3, minParallelSeconds: 0, pool })));
      expect(pool.started).toBe(true);
      for (const [i, j] of jobs.entries()) {
        expectSameColumns(shared[i], await runScenario(j.scenario, { trials: j.trials, seed: j.seed, workers: 1 }));
      }
      // A short run on the running pool uses it too, with the same numbers.
      const short = await runScenario(web.scenario, { trials: 700, seed: '8', workers: 3, pool });
      expectSameColumns(short, await runScenario(web.scenario, { trials: 700, seed: '8', workers: 1 }));
    } finally {
      await pool.close();
    }
  });

  it('a run whose blocks fail on the threads fails alone: the pool serves the next run', async () => {
    const pool = new SimulationPool(workerEntry()!, 2);
    try {
      await expect(
        pool.run({ blocks: blocksOf(20_000), setup: { portfolio: brokenPortfolio(), seed: '1' }, simulateHere: idle, receive: () => undefined }),
      ).rejects.toThrow(/no sampler of kind 99/);
      const web = load('scenarios/webagency.yaml');
      const after = await runScenario(web.scenario, { trials: 3000, seed: '2', workers: 3, minParallelSeconds: 0, pool });
      expectSameColumns(after, await runScenario(web.scenario, { trials: 3000, seed: '2', workers: 1 }));
    } finally {
      await pool.close();
    }
  });

  it('an idle pool left open does not keep the process alive', () => {
    const dist = (module: string) => pathToFileURL(path.resolve('dist/src', module)).href;
    const script = `
      import { readFileSync } from 'node:fs';
      import { parseScenario } from '${dist('scenario/load.js')}';
      import { runScenario } from '${dist('runner/runScenario.js')}';
      import { SimulationPool, workerEntry } from '${dist('runner/workerPool.js')}';
      const text = readFileSync('scenarios/webagency.yaml', 'utf8');
      const pool = new SimulationPool(workerEntry(), 1);
      const columns = await runScenario(parseScenario(text, 'w.yaml'), { trials: 2000, seed: '1', workers: 2, minParallelSeconds: 0, pool });
      console.log(columns.netCost.length, pool.started);
    `;
    const dir = mkdtempSync(path.join(tmpdir(), 'fairfee-pool-'));
    try {
      const file = path.join(dir, 'open-pool.mjs');
      writeFileSync(file, script);
      const out = execFileSync(process.execPath, [file], { encoding: 'utf8', timeout: 30_000 });
      expect(out.trim()).toBe('2000 true');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a worker's failure rejects the run with its error", async () => {
    await expect(
      runBlocks({
        blocks: blocksOf(20_000),
        helpers: 1,
        entry: workerEntry()!,
        setup: { portfolio: brokenPortfolio(), seed: '1' },
        simulateHere: idle,
        receive: () => undefined,
      }),
    ).rejects.toThrow(/no sampler of kind 99/);
  });
});

describe('extending a run', () => {
  it.each([1, 3])('runs extended block by block (from cut blocks too) equal one run of the final size, on %d thread(s)', async (workers) => {
    for (const file of ['scenarios/webagency.yaml', 'scenarios/hosting-sla.yaml']) {
      const { scenario } = load(file);
      const settings = { seed: '9', workers, minParallelSeconds: 0 };
      const run = startRun(scenario, settings);
      expect((await run.extend(2500)).netCost.length).toBe(2500);
      await run.extend(2500);
      await run.extend(4200);
      const extended = await run.extend(7000);
      expect(run.trials).toBe(7000);
      expectSameColumns(extended, await runScenario(scenario, { ...settings, workers: 1, trials: 7000 }));
      await expect(run.extend(6000)).rejects.toThrow(RangeError);
    }
  });

  it("the precision study's columns are a direct run of its final trials, bit for bit", async () => {
    const { scenario } = load('scenarios/webagency.yaml');
    const settings = { seed: '5', workers: 2, minParallelSeconds: 0 };
    const sizes: number[] = [];
    const simulator: Simulator = {
      scenario,
      seed: '5',
      threads: 2,
      simulate: ({ trials }) => runScenario(scenario, { ...settings, trials }),
      start: () => {
        const run = startRun(scenario, settings);
        return {
          get trials() {
            return run.trials;
          },
          extend: (trials) => {
            sizes.push(trials);
            return run.extend(trials);
          },
        };
      },
    };
    const rounds: number[] = [];
    const { columns, precision } = await simulateToPrecision(simulator, {
      trials: 1500,
      target: 0.004,
      maxTrials: 30_000,
      confidence: 0.95,
      onShort: ({ next }) => rounds.push(next),
    });
    expect(sizes.length).toBeGreaterThan(1);
    expect(sizes).toEqual([1500, ...rounds]);
    expect(precision.trials).toBe(sizes.at(-1));
    expectSameColumns(columns, await runScenario(scenario, { ...settings, workers: 1, trials: precision.trials }));
  });
});
