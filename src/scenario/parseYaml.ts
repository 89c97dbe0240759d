import { isCollection, parseDocument, visit, type Document, type Node } from 'yaml';
import { MAX_FILE_BYTES, MAX_YAML_ALIASES } from './limits.js';
import { InputError, type InputProblem } from './scenarioError.js';
import { scanYaml } from './yamlScan.js';

/**
 * Alias expansions toJS may make in all: with at most MAX_YAML_ALIASES aliases in the text, an
 * honest file expands each about once; a "billion laughs" file nests them to expand millions.
 */
const MAX_ALIAS_EXPANSIONS = 10 * MAX_YAML_ALIASES;

/** The line of a node, from the document's text. */
function lineOf(text: string, node: Node | null | undefined): string {
  const offset = node?.range?.[0];
  if (offset === undefined) return '';
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `line ${line}`;
}

/** Aliases that point at a node they sit inside: their value would contain itself. */
function recursiveAliases(document: Document, text: string): InputProblem[] {
  const problems: InputProblem[] = [];
  visit(document, {
    Alias(_key, alias, path) {
      const target = alias.resolve(document);
      if (target && isCollection(target) && path.includes(target)) {
        problems.push({
          path: lineOf(text, alias),
          message: `alias *${alias.source} sits inside the value of its own anchor &${alias.source}: its value would contain itself`,
        });
      }
    },
  });
  return problems;
}

/**
 * YAML (or JSON) text → plain data, with the work bounded as well as the bytes: the text is
 * scanned first (scanYaml: nesting depth, number of values, aliases, tags, merge keys, several
 * documents, decimal commas), then parsed with unique keys, and aliases may not contain
 * themselves. Syntax errors are reported with their line and column.
 * @throws InputError naming the file and each problem's line
 */
export function parseYaml(text: string, file: string): unknown {
  if (text.length > MAX_FILE_BYTES) {
    throw new InputError(file, [
      { path: '', message: `file is ${text.length.toLocaleString('en-US')} bytes; at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are read` },
    ]);
  }
  const scanned = scanYaml(text);
  if (scanned.length > 0) throw new InputError(file, scanned);
  const json = /^\s*[{[]/.test(text);
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new InputError(
      file,
      document.errors.map((error) => {
        const where = error.linePos?.[0];
        return {
          path: where ? `line ${where.line}, column ${where.col}` : '',
          message: `not valid ${json ? 'JSON or YAML' : 'YAML'}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        };
      }),
    );
  }
  const recursive = recursiveAliases(document, text);
  if (recursive.length > 0) throw new InputError(file, recursive);
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(file, [{ path: '', message: `refused: ${reason} (aliases may expand to at most ${MAX_ALIAS_EXPANSIONS} values in all)` }]);
  }
}
