import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { parseScenario } from '../scenario/load.js';
import { InputError } from '../scenario/scenarioError.js';
import type { Scenario } from '../scenario/types.js';

/** The bundled default scenario, found relative to the installed package. */
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../../scenarios/webagency.yaml', import.meta.url));

/**
 * Reads a text input file, refusing what cannot be read or is too large.
 * @throws InputError (exit 2) naming the file and the reason
 */
export async function readInputFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, [{ path: '', message: 'is a folder, not a file' }]);
    if (info.size > MAX_FILE_BYTES) {
      throw new InputError(file, [
        { path: '', message: `file is ${info.size.toLocaleString('en-US')} bytes; at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are read` },
      ]);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(file, [{ path: '', message: `cannot read the file: ${reason}` }]);
  }
}

/** Reads and validates a scenario file. @throws InputError listing every problem */
export async function loadScenarioFile(file: string): Promise<{ scenario: Scenario; text: string }> {
  const text = await readInputFile(file);
  return { scenario: parseScenario(text, file), text };
}
