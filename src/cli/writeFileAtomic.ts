import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A temporary name beside the target, so the final rename stays on one file system. */
function temporaryPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
}

/**
 * Writes a whole file or nothing: to a temporary name first, then renamed over the target.
 * A failure leaves neither a partial target nor the temporary file.
 */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await writeFile(temporary, content, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Streams lines into a file with the same all-or-nothing guarantee, for outputs too large to
 * build in memory (one row per trial for a million trials).
 * @param lines produces the file's text in pieces
 */
export async function streamFileAtomic(path: string, lines: Iterable<string>): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await new Promise<void>((resolve, reject) => {
      const stream = createWriteStream(temporary, { encoding: 'utf8' });
      stream.on('error', reject);
      stream.on('finish', resolve);
      const iterator = lines[Symbol.iterator]();
      const pump = () => {
        for (;;) {
          const next = iterator.next();
          if (next.done) {
            stream.end();
            return;
          }
          if (!stream.write(next.value)) {
            stream.once('drain', pump);
            return;
          }
        }
      };
      stream.once('open', pump);
    });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
