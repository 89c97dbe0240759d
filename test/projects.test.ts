import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_PROJECTS, type TestProject } from './projects.js';

/*
 * Every test file runs in exactly one vitest project, so `npm run test:unit`, `test:stat` and
 * `test:cli` together run what `npm test` runs, and a renamed file cannot leave a project's glob
 * matching nothing (its tests would drop silently into another project).
 */

/** The globs projects.ts may use: a path with `*` for any characters but `/`, as tinyglobby reads it. */
function globPattern(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^$()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
}

function matches(file: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globPattern(glob).test(file));
}

function inProject(file: string, project: TestProject): boolean {
  return matches(file, project.include) && !matches(file, project.exclude);
}

/** Every *.test.ts under test/, subfolders included (a file there would be in no project). */
const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name.split('\\').join('/')}`)
  .sort();

describe('vitest projects (test/projects.ts)', () => {
  it('use only the glob syntax this check reads: `*` within one folder', () => {
    for (const { include, exclude } of TEST_PROJECTS)
      for (const glob of [...include, ...exclude]) expect(glob).toMatch(/^test\/[^*?[\]{}!]*(\*[^*?[\]{}!]*)*$/);
    expect(TEST_PROJECTS.flatMap((p) => [...p.include, ...p.exclude]).some((glob) => glob.includes('**'))).toBe(false);
  });

  it.each(testFiles)('%s is in exactly one project', (file) => {
    expect(TEST_PROJECTS.filter((project) => inProject(file, project)).map((p) => p.name)).toHaveLength(1);
  });

  it('every glob names at least one test file', () => {
    for (const { include, exclude } of TEST_PROJECTS)
      for (const glob of [...include, ...exclude])
        expect(
          testFiles.some((file) => matches(file, [glob])),
          glob,
        ).toBe(true);
  });

  it('sees the test files (run from the package root)', () => {
    expect(testFiles).toContain('test/projects.test.ts');
    expect(testFiles.length).toBeGreaterThan(20);
  });
});
