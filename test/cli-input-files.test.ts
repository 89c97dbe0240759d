import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, decodeUtf8, readInputFile } from '../src/cli/scenarioFile.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('input files', () => {
  it.each([
    ['a lone continuation byte', bytes(0x61, 0x80), 2],
    ['an overlong slash', bytes(0x61, 0x0a, 0x62, 0xc0, 0xaf), 4],
    ['a surrogate', bytes(0xed, 0xa0, 0x80), 1],
    ['a code point above U+10FFFF', bytes(0x61, 0x62, 0xf4, 0x90, 0x80, 0x80), 3],
    ['a character cut off at the end', bytes(0x61, 0xe2, 0x82), 2],
    ['Latin-1 é', bytes(0x63, 0x61, 0x66, 0xe9), 4],
  ])('refuses invalid UTF-8 (%s) with the byte and its line', (_what, input, byte) => {
    expect(() => decodeUtf8('f.yaml', input)).toThrow(`is not valid UTF-8 text (byte ${byte})`);
  });

  it('names the line of the first bad byte', () => {
    expect(() => decodeUtf8('f.yaml', Uint8Array.from([...text('a: 1\nb: 2\nname: caf'), 0xe9]))).toThrow('f.yaml: line 3: is not valid UTF-8');
  });

  it('reads valid UTF-8, multi-byte characters included', () => {
    expect(decodeUtf8('f.yaml', text('name: Bakkerij Jansen, café 🥐 € 24/7'))).toBe('name: Bakkerij Jansen, café 🥐 € 24/7');
  });

  it('refuses a FIFO instead of waiting for a writer forever', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'fairfee-fifo-')), 'scenario.yaml');
    execFileSync('mkfifo', [fifo]);
    await expect(readInputFile(fifo)).rejects.toThrow('is not a regular file (a pipe, socket or device)');
  });
});

describe('the bundled default scenario', () => {
  it('is found from the TypeScript source too (in-process tests), not only from dist/', () => {
    expect(existsSync(DEFAULT_SCENARIO)).toBe(true);
    expect(DEFAULT_SCENARIO.endsWith(join('scenarios', 'webagency.yaml'))).toBe(true);
  });
});
