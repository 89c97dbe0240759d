import type { BacktestResult } from '../../analysis/backtest/backtest.js';
import type { PriceListResult } from '../../analysis/priceList.js';
import type { BreakevenReport } from '../../analysis/runReport.js';
import type { SensitivityResult } from '../../analysis/sensitivity.js';
import type { HtmlContext, HtmlSection } from './page.js';
import { availabilitySection, type AvailabilityInput } from './sections/availabilitySection.js';
import { backtestSection } from './sections/backtestSection.js';
import { distributionSection, type DistributionInput } from './sections/distributionSection.js';
import { feeCurveSection, type FeeCurveInput } from './sections/feeCurveSection.js';
import { formsSection, type FormsSegmentInput } from './sections/formsSection.js';
import { currentPricesSection, plansSection } from './sections/plansSection.js';
import { sensitivitySection } from './sections/sensitivitySection.js';
import { slaSection, type SlaSectionInput } from './sections/slaSection.js';

/*
 * The page's sections by the result each draws (jest's reporters: one renderer per result). A
 * new result (forms, sla, backtest) is one module in sections/ and one line in each map below;
 * a command asks for the sections of the results it has, in order.
 */

/** What each section draws. */
export interface SectionInputs {
  distribution: DistributionInput;
  plans: BreakevenReport;
  currentPrices: PriceListResult;
  feeCurve: FeeCurveInput;
  sensitivity: SensitivityResult;
  availability: AvailabilityInput;
  forms: FormsSegmentInput;
  backtest: BacktestResult;
  sla: SlaSectionInput;
}

/** One section asked for: its kind and the result it draws. */
export type SectionRequest<K extends keyof SectionInputs = keyof SectionInputs> = { [P in K]: { readonly kind: P; readonly input: SectionInputs[P] } }[K];

/** The renderer of each section. */
const SECTIONS: { readonly [K in keyof SectionInputs]: (input: SectionInputs[K], ctx: HtmlContext) => Promise<HtmlSection> } = {
  distribution: distributionSection,
  plans: plansSection,
  currentPrices: currentPricesSection,
  feeCurve: feeCurveSection,
  sensitivity: sensitivitySection,
  availability: availabilitySection,
  forms: formsSection,
  backtest: backtestSection,
  sla: slaSection,
};

/** One section drawn by its renderer. */
function renderSection<K extends keyof SectionInputs>(request: SectionRequest<K>, ctx: HtmlContext): Promise<HtmlSection> {
  return SECTIONS[request.kind](request.input, ctx);
}

/** The sections asked for, in their order. */
export function renderSections(requests: readonly SectionRequest[], ctx: HtmlContext): Promise<HtmlSection[]> {
  return Promise.all(requests.map((request) => renderSection(request, ctx)));
}
