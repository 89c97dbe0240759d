import type { RunResult } from '../analysis/runStudy.js';
import { formatBreakevenSummary, formatHeader, formatPlans, headlineLabel, planLegend } from './breakevenText.js';
import { feeTableLegend, formatFeeTable } from './compareText.js';
import { formatHistogram } from './histogramText.js';
import { formatPriceList } from './priceListText.js';
import { formatSensitivity } from './sensitivityText.js';
import { formatSharedShocks } from './sharedShocksText.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/**
 * The terminal text of `fairfee run`, section by section: identity, headline fees, plans, the
 * current prices, the fee table, shared shocks, what drives the fee, and the histogram.
 * @param precisionText the --precision paragraph, printed under the headline fees; null without
 */
export function runText(result: RunResult, precisionText: string | null, s: TextStyle = EN_TEXT): string {
  const { t } = s;
  const { report, sharedShocks, sensitivity } = result;
  const c = report.currency;
  const sections = [
    formatHeader(report, s),
    formatBreakevenSummary(report, s) + (precisionText === null ? '' : `\n${precisionText}`),
    `${t.plansTitle}\n${formatPlans(report, s)}\n${planLegend(s)}`,
  ];
  const r = result.recurring;
  sections.push(
    t.recurring({
      at: r.fees === 'stated prices' ? t.recurringAtStated : r.fees === 'break-even prices' ? t.recurringAtBreakeven : t.recurringAtMixed,
      mrr: s.n.money(r.mrr, c),
      arr: s.n.money(r.arr, c),
      share: s.n.percent(r.recurring_share),
    }),
  );
  if (result.uptimeCredits) {
    const { n } = s;
    const lines = result.uptimeCredits.map((u) =>
      t.uptimeCredits.line({
        plan: u.plan,
        share: n.percent(u.creditShare, 2),
        perClientMonth: n.money(u.creditPerClientMonth, c),
        fee: n.money(u.fee, c),
        promised: n.percent(u.promised, 2),
        own: u.own,
      }),
    );
    sections.push(`${t.uptimeCredits.title}\n${lines.join('\n')}`);
  }
  if (result.currentPrices) sections.push(`${t.currentPricesTitle}\n${formatPriceList(result.currentPrices, c, s)}`);
  if (result.feeTable.length > 0) sections.push(`${t.feeTableTitle(c)}\n${formatFeeTable(result.feeTable, report.confidence, s)}\n${feeTableLegend(s)}`);
  if (sharedShocks) sections.push(formatSharedShocks(sharedShocks, report.trials, c, headlineLabel(report, s), s));
  if (sensitivity) sections.push(formatSensitivity(sensitivity, c, s));
  if (result.histogram && report.breakeven_fee !== null) {
    sections.push(
      `${t.histogramTitle}\n${formatHistogram(result.histogram, { value: report.breakeven_fee, label: t.histogramMarker(s.n.money(report.breakeven_fee, c)) }, 40, s)}`,
    );
  }
  return sections.join('\n\n');
}
