import type { RunResult } from '../analysis/runStudy.js';
import { breakevenJson } from './breakevenJson.js';
import { sensitivitySection } from './sensitivityJson.js';

/**
 * The `--json` document of `fairfee run`: the break-even report's fields, then the fee table,
 * the current prices, the comparison without shared shocks and the tornado (each when
 * present), and the histogram of per-trial break-even fees.
 */
export function runJson(result: RunResult) {
  const { report, currentPrices, sharedShocks, sensitivity } = result;
  return {
    ...breakevenJson(report),
    fee_table: result.feeTable,
    ...(currentPrices ? { current_prices: currentPrices } : {}),
    ...(sharedShocks ? { without_shared_shocks: sharedShocks } : {}),
    ...(sensitivity ? { sensitivity: sensitivitySection(sensitivity, report.currency) } : {}),
    ...(result.histogram ? { histogram: { of: 'per-trial break-even fee', ...result.histogram } } : {}),
    recurring: result.recurring,
    ...(result.uptimeCredits
      ? {
          uptime_credits: Object.fromEntries(
            result.uptimeCredits.map((u) => [
              u.plan,
              { promised: u.promised, own: u.own, credit_share: u.creditShare, fee: u.fee, credit_per_client_month: u.creditPerClientMonth },
            ]),
          ),
        }
      : {}),
  };
}
