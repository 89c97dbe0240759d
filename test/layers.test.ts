import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layers of the program (docs/architecture.md): data flows one way, so a folder of src/
 * may import only itself and the folders before it here. No two folders import each other.
 */
const LAYERS = ['random', 'scenario', 'engine', 'runner', 'analysis', 'report', 'cli'] as const;

/** Folders whose files may import no `node:` module: no I/O below the runner, none in the studies and renderers. */
const NO_NODE_MODULES: readonly string[] = ['random', 'scenario', 'engine', 'analysis', 'report'];

const root = resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file names: `import … from`, `export … from`, side-effect `import '…'` and `import(…)`. */
function importedSpecifiers(text: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  return [...text.matchAll(pattern)].map((match) => match[2]);
}

/** The top folder under src/ of a repository path: `src/cli/commands/run.ts` → `cli`. */
const topFolder = (path: string) => path.split('/')[1];

function rank(folder: string): number {
  return LAYERS.indexOf(folder as (typeof LAYERS)[number]);
}

/** The rule an import breaks, or null when it is allowed. */
function violation(file: string, target: string): string | null {
  const from = topFolder(file);
  const to = topFolder(target);
  if (from === to) return null;
  if (rank(from) < 0) return `${from}/ is not a layer (${LAYERS.join(' < ')})`;
  if (rank(to) < 0) return `${to}/ is not a layer (${LAYERS.join(' < ')})`;
  return rank(to) < rank(from) ? null : `${from}/ may import only ${LAYERS.slice(0, rank(from)).join(', ') || 'nothing else'}`;
}

const files = sourceFiles(join(root, 'src')).map((path) => relative(root, path).split('\\').join('/'));
const imports = files.flatMap((file) =>
  importedSpecifiers(readFileSync(join(root, file), 'utf8')).map((specifier) => ({
    file,
    specifier,
    target: specifier.startsWith('.') ? posix.normalize(posix.join(dirname(file), specifier)) : null,
  })),
);

describe('layers', () => {
  it('finds the imports', () => {
    expect(importedSpecifiers("import type { A } from './a.js';\nexport { b } from \"../b.js\";\nconst c = await import('./c.js');")).toEqual([
      './a.js',
      '../b.js',
      './c.js',
    ]);
    expect(imports.length).toBeGreaterThan(100);
  });

  it('every import goes to the same folder or a lower layer', () => {
    const offending = imports.flatMap(({ file, specifier, target }) => {
      if (target === null) return [];
      const rule = violation(file, target);
      return rule ? [`${file} imports '${specifier}': ${rule}`] : [];
    });
    expect(offending).toEqual([]);
  });

  it('only runner/ and cli/ import node: modules', () => {
    const offending = imports
      .filter(({ file, specifier }) => NO_NODE_MODULES.includes(topFolder(file)) && specifier.startsWith('node:'))
      .map(({ file, specifier }) => `${file} imports '${specifier}'`);
    expect(offending).toEqual([]);
  });
});
