import type { OutputStream } from './output.js';

/**
 * A progress bar on stderr for runs longer than a second, only when stderr is a terminal (or
 * progress was asked for); redraws at most ten times a second and clears itself at the end.
 */
export function createProgress(
  stream: OutputStream,
  enabled: boolean,
  label = 'simulating',
): { update: (done: number, total: number) => void; finish: () => void } {
  const started = Date.now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!enabled) return;
      const now = Date.now();
      if (now - started < 1000 || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const width = 30;
      const filled = Math.round((done / total) * width);
      const percent = ((done / total) * 100).toFixed(0).padStart(3);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${percent}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} trials`,
      );
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
