import { UsageError } from './errors.js';

/** Default cap on trials for --precision. */
export const DEFAULT_MAX_TRIALS = 1_000_000;

/** `1%`, `0.5 %` or `0.01` → 0.01. @throws UsageError outside (0, 1) */
export function parsePrecision(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%?)\s*$/.exec(text);
  const value = match ? Number(match[1]) / (match[2] ? 100 : 1) : NaN;
  if (!(value > 0 && value < 1)) throw new UsageError(`--precision must be a share such as 1% or 0.01, above 0 and below 100% (got ${text})`);
  return value;
}
