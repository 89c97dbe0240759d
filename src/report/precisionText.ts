import type { PrecisionReport } from '../analysis/precision.js';

/** One line saying how precise the break-even fee is (simulateToPrecision's report). */
export function formatPrecision(precision: PrecisionReport): string {
  const achieved = `±${(precision.achieved * 100).toFixed(2)}%`;
  if (precision.reached) {
    return `Precision: the break-even fee's 95% interval is within ${achieved} (asked ±${(precision.target * 100).toFixed(2)}%) after ${precision.trials.toLocaleString('en-US')} trials`;
  }
  return `Precision NOT reached: the cap of ${precision.max_trials.toLocaleString('en-US')} trials gives ${achieved}, short of the ±${(precision.target * 100).toFixed(2)}% asked; raise --max-trials`;
}
