import type { RunIdentity } from '../analysis/runReport.js';
import type { SensitivityResult } from '../analysis/sensitivity.js';
import { adviceFrom } from '../analysis/tornado.js';

/**
 * The tornado as a JSON section: the result with the advice sentence it gives, as `run` nests
 * it under `sensitivity`.
 */
export function sensitivitySection(result: SensitivityResult, currency: string) {
  return { ...result, advice: adviceFrom(result.rows, result.variance_shares, result.coverage, currency) };
}

/**
 * The `--json` document of `fairfee sensitivity`: the run's identity, the confidence level,
 * the tornado rows, the variance shares and the advice.
 */
export function sensitivityJson(identity: RunIdentity, confidence: number, result: SensitivityResult, currency: string) {
  return { ...identity, confidence, ...sensitivitySection(result, currency) };
}
