import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, which the browser tests drive (puppeteer-core downloads no browser):
 * CHROMIUM_PATH when set, else the usual places of the `chromium` package.
 */
export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  return candidates.find(existsSync) ?? null;
}

/**
 * Whether the browser tests run: always in CI (a missing browser there is a failure, which
 * .ci/run prevents by installing it); elsewhere only with a browser, and with a clear message without.
 */
export function browserTestsRun(): boolean {
  if (chromiumPath() !== null) return true;
  if (process.env.CI)
    throw new Error("CI must run the browser tests: install Debian's chromium (.ci/run does: apt-get install -y chromium), or set CHROMIUM_PATH");
  console.warn('browser tests skipped: no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
  return false;
}
