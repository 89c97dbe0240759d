import type { RunResult } from '../analysis/runStudy.js';
import { formatBreakevenSummary, formatHeader, formatPlans, headlineLabel, PLAN_LEGEND } from './breakevenText.js';
import { FEE_TABLE_LEGEND, formatFeeTable } from './compareText.js';
import { formatMoney, formatPercent } from './format.js';
import { formatHistogram } from './histogramText.js';
import { formatPriceList } from './priceListText.js';
import { formatSensitivity } from './sensitivityText.js';
import { formatSharedShocks } from './sharedShocksText.js';

/**
 * The terminal text of `fairfee run`, section by section: identity, headline fees, plans, the
 * current prices, the fee table, shared shocks, what drives the fee, and the histogram.
 * @param precisionText the --precision paragraph, printed under the headline fees; null without
 */
export function runText(result: RunResult, precisionText: string | null): string {
  const { report, sharedShocks, sensitivity } = result;
  const c = report.currency;
  const sections = [
    formatHeader(report),
    formatBreakevenSummary(report) + (precisionText === null ? '' : `\n${precisionText}`),
    `Plans (each price in its own unit)\n${formatPlans(report)}\n${PLAN_LEGEND}`,
  ];
  const r = result.recurring;
  sections.push(
    `Recurring revenue at ${r.fees === 'stated prices' ? "the plans' stated prices" : r.fees}: MRR ${formatMoney(r.mrr, c)}, ARR ${formatMoney(r.arr, c)}, ${formatPercent(r.recurring_share)} of all revenue`,
  );
  if (result.currentPrices) sections.push(`Your current prices (the scenario's stated prices)\n${formatPriceList(result.currentPrices, c)}`);
  if (result.feeTable.length > 0) {
    sections.push(
      `Fee table (uniform flat fee per client per month${c ? `, ${c}` : ''}; same simulated terms in every row)\n${formatFeeTable(result.feeTable, report.confidence)}\n${FEE_TABLE_LEGEND}`,
    );
  }
  if (sharedShocks) sections.push(formatSharedShocks(sharedShocks, report.trials, c, headlineLabel(report)));
  if (sensitivity) sections.push(formatSensitivity(sensitivity, c));
  if (result.histogram && report.breakeven_fee !== null) {
    sections.push(
      `Which fee would have just covered each simulated term (per client per month)\n${formatHistogram(result.histogram, { value: report.breakeven_fee, label: `break-even ${formatMoney(report.breakeven_fee, c)}` })}`,
    );
  }
  return sections.join('\n\n');
}
