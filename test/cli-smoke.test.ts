import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compilePortfolio } from '../src/engine/compile.js';
import { hotPortfolio } from '../src/engine/hotPortfolio.js';
import { MIN_PARALLEL_SECONDS } from '../src/runner/runScenario.js';
import { estimatedSeconds } from '../src/runner/workEstimate.js';
import { parseScenario } from '../src/scenario/load.js';
import { fairfeeBuilt } from './helpers/cli.js';

/*
 * The built command as a user runs it (`node bin/fairfee.js`, from dist/: `npm test` builds
 * first). The other CLI tests call main() in-process; these few check what only the package
 * shows: the launcher, yargs' own output, the bundled scenario found from dist/, clean stdout,
 * and worker threads running the compiled worker entry.
 */

beforeAll(() => {
  if (!existsSync('dist/src/cli/main.js')) throw new Error('build first (npm run build): these tests run bin/fairfee.js, which runs dist/');
});

describe('fairfee, the built command', () => {
  it('--help lists the commands and the exit statuses on stdout', () => {
    const result = fairfeeBuilt(['--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: fairfee <command> [options]');
    for (const command of ['run', 'breakeven', 'compare', 'sensitivity', 'availability', 'validate', 'calibrate'])
      expect(result.stdout).toContain(`fairfee ${command}`);
    expect(result.stdout).toContain('Exit status: 0 done, 1 the run failed, 2 the input is wrong');
  });

  it('run without a scenario uses the bundled one and prints a readable summary', () => {
    // Few trials: what is checked is the package finding its scenario, not the numbers.
    const result = fairfeeBuilt(['run', '--trials', '500', '--sensitivity-trials', '200', '--seed', '7', '--workers', '1', '--no-progress']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Break-even flat fee at 95.0% confidence');
    expect(result.stdout).toContain('EUR');
    expect(result.stdout).toContain('Fee table');
  });

  it('bad input exits 2 with the message on stderr and nothing on stdout', () => {
    const missing = fairfeeBuilt(['run', 'nope.yaml', '--trials', '10']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: cannot read the file: no such file');
    expect(missing.stdout).toBe('');
    const unknown = fairfeeBuilt(['run', '--trails', '5']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Run `fairfee --help`');
  });

  it('--json: stdout is one JSON document and nothing else', () => {
    const result = fairfeeBuilt(['breakeven', 'scenarios/webagency.yaml', '--trials', '500', '--seed', '1', '--workers', '1', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const document: unknown = JSON.parse(result.stdout);
    // printJson's exact layout: no progress, notes or stray lines before or after.
    expect(result.stdout).toBe(`${JSON.stringify(document, null, 2)}\n`);
    expect(result.stderr).toBe('');
  });

  it('--workers 2 (threads running dist/src/runner/blockWorker.js) prints the bytes --workers 1 prints', () => {
    const file = 'scenarios/bench-r1.yaml';
    const trials = 4000;
    // Long enough that runScenario starts the threads rather than running short work here.
    const hot = hotPortfolio(compilePortfolio(parseScenario(readFileSync(file, 'utf8'), file), '1'));
    expect(estimatedSeconds(hot, trials)).toBeGreaterThan(MIN_PARALLEL_SECONDS);
    const common = ['breakeven', file, '--trials', String(trials), '--seed', '1', '--no-shared-shocks', '--json'];
    const one = fairfeeBuilt([...common, '--workers', '1']);
    const two = fairfeeBuilt([...common, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
