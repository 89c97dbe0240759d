import { parseDocument } from 'yaml';
import { MAX_FILE_BYTES, MAX_YAML_ALIASES } from './limits.js';
import { InputError } from './scenarioError.js';

/**
 * YAML (or JSON) text → plain data. Refuses oversized files and alias bombs up front, and
 * reports syntax errors with their line and column.
 * @throws InputError naming the file
 */
export function parseYaml(text: string, file: string): unknown {
  if (text.length > MAX_FILE_BYTES) {
    throw new InputError(file, [
      { path: '', message: `file is ${text.length.toLocaleString('en-US')} bytes; at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are read` },
    ]);
  }
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new InputError(
      file,
      document.errors.map((error) => {
        const where = error.linePos?.[0];
        return {
          path: where ? `line ${where.line}, column ${where.col}` : '',
          message: `not valid YAML: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
        };
      }),
    );
  }
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(file, [{ path: '', message: `refused: ${reason} (at most ${MAX_YAML_ALIASES} alias expansions)` }]);
  }
}
