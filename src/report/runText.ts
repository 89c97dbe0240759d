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
    `Plans (fees per client per month)\n${formatPlans(report)}\n${PLAN_LEGEND}`,
  ];
  const r = result.recurring;
  sections.push(
    `Recurring revenue at ${r.fees === 'monthly_fee' ? "the plans' monthly_fee" : r.fees === 'break-even fee' ? 'the break-even fees' : r.fees}: MRR ${formatMoney(r.mrr, c)}, ARR ${formatMoney(r.arr, c)}, ${formatPercent(r.recurring_share)} of all revenue`,
  );
  if (result.uptimeCredits) {
    const lines = result.uptimeCredits.map(
      (u) =>
        `  ${u.plan}: ${formatPercent(u.creditShare, 2)} of the fee credited back, ${formatMoney(u.creditPerClientMonth, c)} per client-month at ${formatMoney(u.fee, c)} (promise ${formatPercent(u.promised, 2)}${u.own ? ', its own' : ''})`,
    );
    sections.push(`What the uptime promises cost (expected service credits)\n${lines.join('\n')}`);
  }
  if (result.currentPrices) sections.push(`Your current prices (the scenario's monthly_fee)\n${formatPriceList(result.currentPrices, c)}`);
  sections.push(
    `Fee table (uniform fee per client per month${c ? `, ${c}` : ''}; same simulated terms in every row)\n${formatFeeTable(result.feeTable, report.confidence)}\n${FEE_TABLE_LEGEND}`,
  );
  if (sharedShocks) sections.push(formatSharedShocks(sharedShocks, report.trials, c, headlineLabel(report)));
  if (sensitivity) sections.push(formatSensitivity(sensitivity, c));
  sections.push(
    `Which fee would have just covered each simulated term (per client per month)\n${formatHistogram(result.histogram, { value: report.breakeven_fee, label: `break-even ${formatMoney(report.breakeven_fee, c)}` })}`,
  );
  return sections.join('\n\n');
}
