import type { PrecisionReport } from '../analysis/precision.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/** One line saying how precise the break-even fee is (simulateToPrecision's report). */
export function formatPrecision(precision: PrecisionReport, { t, n }: TextStyle = EN_TEXT): string {
  const share = (x: number) => `±${n.number(x * 100, 2)}%`;
  const achieved = share(precision.achieved);
  if (precision.reached) return t.precisionReached({ achieved, target: share(precision.target), trials: n.number(precision.trials, 0) });
  return t.precisionNotReached({ achieved, target: share(precision.target), cap: n.number(precision.max_trials, 0) });
}
