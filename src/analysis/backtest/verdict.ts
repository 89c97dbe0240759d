/** The backtest's verdicts (MODEL.md, "Backtest"). */
export type VerdictKind = 'calibrated' | 'too optimistic' | 'too pessimistic' | 'too narrow';

/** A verdict and the plain sentence that says it. */
export interface Verdict {
  kind: VerdictKind;
  text: string;
}

/** |z| from which the total hours count as off: about a 5% two-sided test. */
export const LEVEL_Z = 2;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The plain verdict of a backtest, level first (the total hours against the scenario's
 * expectation, by the z-score), then spread (the share of actuals inside the central 90%
 * intervals against 0.9, short by more than 2 binomial standard errors: clients vary more than
 * the scenario says). A level that is off makes the spread untestable: the intervals sit in
 * the wrong place, so only the level is named.
 * @example verdictOf({ actualToExpected: 1.22, z: 4.1, coverage90: 0.8, ksPValue: 0.001, clientWindows: 20 }).text // 'the scenario expects 18% fewer hours than happened; ...'
 */
export function verdictOf(p: { actualToExpected: number; z: number; coverage90: number; ksPValue: number; clientWindows: number }): Verdict {
  const { actualToExpected: ae, z } = p;
  if (Number.isFinite(z) && Math.abs(z) >= LEVEL_Z && Number.isFinite(ae) && ae > 0) {
    if (ae > 1) {
      return {
        kind: 'too optimistic',
        text: `too optimistic: the scenario expects ${percent(1 - 1 / ae)} fewer hours than happened; its rates are too low: run calibrate again`,
      };
    }
    return {
      kind: 'too pessimistic',
      text: `too pessimistic: the scenario expects ${percent(1 / ae - 1)} more hours than happened; its rates are too high, so its fees are higher than needed: run calibrate again`,
    };
  }
  const shortBy = 0.9 - p.coverage90;
  if (shortBy > 2 * Math.sqrt((0.9 * 0.1) / p.clientWindows)) {
    return {
      kind: 'too narrow',
      text: `too narrow: ${percent(1 - p.coverage90)} of the actuals fall outside the scenario's central 90% intervals (10% should): clients vary more than it says: add dispersion or heterogeneity, or give the clients that differ their own rates`,
    };
  }
  const few = p.clientWindows < 30 ? ` (with ${p.clientWindows} client-terms the test only finds large errors)` : '';
  return {
    kind: 'calibrated',
    text: `calibrated: the total hours are within the scenario's error (A/E ${ae.toFixed(2)}, z ${z.toFixed(1)}) and the actuals fall in its intervals about as often as they should${few}`,
  };
}
