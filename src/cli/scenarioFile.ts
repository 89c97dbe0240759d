import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MAX_FILE_BYTES } from '../scenario/limits.js';
import { parseScenario } from '../scenario/load.js';
import { InputError } from '../scenario/scenarioError.js';
import type { Scenario } from '../scenario/types.js';

/**
 * The bundled default scenario, found relative to this module: from `dist/src/cli/` when built,
 * from `src/cli/` when the TypeScript source runs (tests).
 */
export const DEFAULT_SCENARIO =
  ['../../../scenarios/webagency.yaml', '../../scenarios/webagency.yaml']
    .map((relative) => fileURLToPath(new URL(relative, import.meta.url)))
    .find(existsSync) ?? fileURLToPath(new URL('../../../scenarios/webagency.yaml', import.meta.url));

/**
 * Reads a text input file, refusing what cannot be read or is too large.
 * @throws InputError (exit 2) naming the file and the reason
 */
export async function readInputFile(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new InputError(file, [{ path: '', message: 'is a folder, not a file' }]);
    // A FIFO or device would be read until its writer stops, perhaps never.
    if (!info.isFile()) throw new InputError(file, [{ path: '', message: 'is not a regular file (a pipe, socket or device); save the input to a file first' }]);
    if (info.size > MAX_FILE_BYTES) {
      throw new InputError(file, [
        { path: '', message: `file is ${info.size.toLocaleString('en-US')} bytes; at most ${MAX_FILE_BYTES.toLocaleString('en-US')} bytes are read` },
      ]);
    }
    return decodeUtf8(file, await readFile(file));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(file, [{ path: '', message: `cannot read the file: ${reason}` }]);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Where the first byte that is not part of a valid UTF-8 character is (RFC 3629's table). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (length > 1 && (bytes[i + 1] < low || bytes[i + 1] > high)) return i;
    for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return i;
    i += length;
  }
  return -1;
}

/**
 * The file's bytes as text, refusing invalid UTF-8 with the line of the first bad byte (a
 * lenient decode would replace it silently and change a name).
 * @throws InputError naming the file and the line
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    throw new InputError(file, [{ path: `line ${line}`, message: `is not valid UTF-8 text (byte ${at + 1}); save the file as UTF-8` }]);
  }
}

/** Reads and validates a scenario file. @throws InputError listing every problem */
export async function loadScenarioFile(file: string): Promise<{ scenario: Scenario; text: string }> {
  const text = await readInputFile(file);
  return { scenario: parseScenario(text, file), text };
}
