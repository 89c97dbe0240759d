/*
 * The vitest projects (vitest.config.ts), by file name, so that no test file moves: others'
 * imports stay put. test/projects.test.ts checks that every test file is in exactly one.
 */

/** Every test file; those not named by another project are unit tests. */
export const ALL_TESTS = 'test/*.test.ts';

/**
 * Statistical tests: moments within standard errors, Kolmogorov–Smirnov and chi-square fits of
 * the samplers, the engine's shortcuts against the naive model. Many draws each: the slow ones.
 */
export const STAT_TESTS = [
  'test/samplers.test.ts',
  'test/engine-random.test.ts',
  'test/engine-strip.test.ts',
  'test/engine-shortcuts.test.ts',
  'test/engine-r1.test.ts',
  'test/bench-native.test.ts',
  'test/model-compound.test.ts',
  'test/model-shocks.test.ts',
  'test/contract-forms.test.ts',
  'test/availability.simulate.test.ts',
  'test/calibrate.fit.test.ts',
  'test/queue-erlang.test.ts',
  'test/backtest.stat.test.ts',
];

/**
 * Whole commands: through main() in-process, and the built command (smoke tests, worker
 * threads, which run dist/: build first).
 */
export const CLI_TESTS = [
  'test/cli-*.test.ts',
  // test/cli-report-browser.test.ts drives Debian's chromium (.ci/run installs it).
  'test/calibrate.cli.test.ts',
  'test/calibrate.hostile.test.ts',
  'test/backtest.cli.test.ts',
  'test/properties.test.ts',
  'test/engine-workers.test.ts',
  'test/golden-headline.test.ts',
];

/** One project: the files it runs are those matching an include glob and no exclude glob. */
export interface TestProject {
  name: 'unit' | 'stat' | 'cli';
  include: string[];
  exclude: string[];
}

/** The projects, `npm run test:NAME` each; `npm test` runs them all. */
export const TEST_PROJECTS: readonly TestProject[] = [
  { name: 'unit', include: [ALL_TESTS], exclude: [...STAT_TESTS, ...CLI_TESTS] },
  { name: 'stat', include: STAT_TESTS, exclude: [] },
  { name: 'cli', include: CLI_TESTS, exclude: [] },
];
