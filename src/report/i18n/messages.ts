import type { Verdict, VerdictKind } from '../../analysis/backtest/verdict.js';
import type { CompositionMode } from '../../analysis/availability/composition.js';
import type { FormsAdvice } from '../../analysis/forms.js';
import type { SensitivityAdvice } from '../../analysis/tornado.js';
import type { ContractForm } from '../../scenario/types.js';
/*
 * The words of the page, the workbook and the terminal, one catalogue per language (en.ts,
 * nl.ts), each typed as Messages: a key missing from a catalogue does not compile, so a
 * translation is never a blank. Messages that take numbers get them already formatted, in the
 * language's own spelling (numbers.ts).
 */

/** Names of the workbook's sheets and the page's tables, by what they hold. */
export type TableKey =
  | 'headline'
  | 'levels'
  | 'plans'
  | 'currentPrices'
  | 'feeTable'
  | 'tornado'
  | 'varianceShares'
  | 'availability'
  | 'credits'
  | 'months'
  | 'trials'
  | 'fairFee'
  | 'portfolio'
  | 'forms'
  | 'backtestClients'
  | 'backtestPortfolio'
  | 'slaPlans'
  | 'slaStaffing';

/**
 * Column names of the CSV tables, the keys the workbook and the page label in the reader's
 * language; the CSV headers and JSON keys themselves never change.
 */
export const COLUMN_KEYS = [
  'level',
  'name',
  'confidence',
  'clients',
  'fee',
  'fee_low',
  'fee_high',
  'fair_fee',
  'standalone_fee',
  'overpay_probability',
  'indifferent_fee',
  'loss_probability',
  'expected_profit',
  'expected_profit_standard_error',
  'profit_p05',
  'value_at_risk',
  'expected_shortfall',
  'margin_per_hour',
  'plan',
  'premium_per_month',
  'request_type',
  'input',
  'change',
  'fee_low_input',
  'fee_high_input',
  'swing',
  'variance_share',
  'quantile',
  'availability',
  'downtime_hours',
  'credit_share',
  'below',
  'credit',
  'item',
  'value',
  'monthly_fee',
  'trial',
  'net_cost',
  'fee_weight',
  'breakeven_fee',
  'hours',
  'covered_hours',
  'segment',
  'form',
  'kind',
  'price_unit',
  'breakeven_price',
  'breakeven_price_low',
  'breakeven_price_high',
  'fair_price',
  'evaluated_at',
  'client_monthly_payment',
  'client_premium_per_month',
  'client_overpay_probability',
  'breakage_hours',
  'deferred_hours',
  'agency_loss_probability',
  'agency_expected_profit_per_client_month',
  'recurring_share',
  'revenue_cv_monthly',
  'recommended',
  'client',
  'window',
  'months',
  'matched_to',
  'matched_by',
  'tickets',
  'actual_hours',
  'expected_hours',
  'actual_to_expected',
  'pit',
  'hours_p25',
  'hours_p75',
  'hours_p05',
  'hours_p95',
  'actual_net_cost',
  'expected_net_cost',
  'net_cost_pit',
  'people',
  'utilisation',
  'breach_probability',
  'breach_probability_standard_error',
  'expected_penalty_per_client_month',
  'response_hours',
  'response_hours_p50',
  'response_hours_p90',
  'response_hours_p95',
  'client_month_breach_probability',
] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The tornado's inputs, by their key in the sensitivity result. */
export type InputKey =
  | 'frequency'
  | 'effort'
  | 'overrun_probability'
  | 'overrun_factor'
  | 'heterogeneity'
  | 'cost_per_hour'
  | 'hourly_rate'
  | 'overage_rate'
  | 'included_hours'
  | 'bundle_hours'
  | 'bundle_price';

/** The terminal text's words (report/*Text.ts); numbers come in formatted. */
export interface TerminalMessages {
  readonly header: (a: { scenario: string; clients: string; term: number; trials: string; seed: string }) => string;
  readonly atLevel: (level: string) => string;
  readonly riskLoadingFairZero: string;
  readonly riskLoadingCovered: string;
  readonly breakevenAt: (level: string) => string;
  readonly perClientMonthInterval: (a: { fee: string; interval: string }) => string;
  readonly fairFee: string;
  readonly riskLoading: string;
  readonly poolingBenefit: string;
  readonly poolingValue: (fee: string) => string;
  readonly hoursWorked: string;
  readonly netCost: string;
  readonly mean: string;
  readonly breakevenFlatFee: string;
  /** The headline when the portfolio has no uniform flat fee, with the reason. */
  readonly noUniformFee: (problem: string) => string;
  readonly planHeaders: readonly [string, string, string, string, string, string, string, string, string, string];
  /** Under the plan table: the share of terms the portfolio breaks even in at the plans' prices. */
  readonly plansBreakevenShare: (share: string) => string;
  readonly noClients: string;
  readonly planLegend: readonly string[];
  readonly plansTitle: string;
  readonly recurring: (a: { at: string; mrr: string; arr: string; share: string }) => string;
  readonly recurringAtStated: string;
  readonly recurringAtBreakeven: string;
  readonly recurringAtMixed: string;
  readonly currentPricesTitle: string;
  readonly feeTableTitle: (currency: string) => string;
  readonly histogramTitle: string;
  readonly histogramMarker: (fee: string) => string;
  readonly feeTableHeaders: (var_: string) => readonly [string, string, string, string, string, string, string, string, string];
  readonly feeTableLegend: readonly string[];
  readonly compareHeadline: (a: { currency: string; level: string; fee: string; interval: string }) => string;
  readonly lossPrecision: (a: { points: string; trials: string }) => string;
  readonly priceList: (list: string) => string;
  readonly priceListHeaders: readonly [string, string, string, string, string, string, string, string, string];
  readonly portfolioAtPrices: (a: { loss: string; profit: string; error: string; p05: string }) => string;
  readonly premiumLegend: string;
  readonly tornadoTitle: (a: { change: string; trials: string; base: string }) => string;
  readonly tornadoHeaders: (change: string) => readonly [string, string, string, string, string];
  readonly sharesHeaders: readonly [string, string];
  readonly sharedShocksTitle: (a: { level: string; onFirst: string }) => string;
  readonly sharedShocksOnFirst: (trials: string) => string;
  readonly sharedShocksWith: (fee: string) => string;
  readonly sharedShocksWithout: (a: { fee: string; interval: string }) => string;
  readonly sharedShocksCost: (a: { cost: string; pooling: string }) => string;
  readonly sharedShocksWithinError: (error: string) => string;
  readonly sharedShocksDamp: string;
  readonly feeCurveTitle: (currency: string) => string;
  readonly feeCurveLoss: string;
  readonly feeCurveProfit: (currency: string) => string;
  readonly feeCurveAxis: (a: { from: string; to: string }) => string;
  readonly precisionReached: (a: { achieved: string; target: string; trials: string }) => string;
  readonly precisionNotReached: (a: { achieved: string; target: string; cap: string }) => string;
  /** A price unit (scenario/types.ts priceUnit), by the plan's form; a bundle's hours as priceUnit spells them. */
  readonly priceUnit: (a: { form: ContractForm; hours: string }) => string;
  /** The forms as a table or a sentence names them. */
  readonly formKinds: Record<ContractForm, string>;
  readonly uptimeCredits: {
    readonly title: string;
    readonly line: (a: { plan: string; share: string; perClientMonth: string; fee: string; promised: string; own: boolean }) => string;
  };
  readonly forms: FormsTerminalMessages;
  readonly backtest: BacktestTerminalMessages;
  readonly sla: SlaTerminalMessages;
  readonly advice: AdviceMessages;
  readonly availability: {
    readonly outageRate: (a: { rate: string; hours: string }) => string;
    readonly neverUp: string;
    readonly asStated: string;
    readonly fromOutages: string;
    readonly heading: (a: { months: string; hours: number; seed: string }) => string;
    readonly exact: string;
    readonly downtimePerMonth: (hours: string) => string;
    readonly additive: string;
    readonly additiveNote: string;
    readonly expectedMonth: string;
    readonly expectedMonthNote: string;
    readonly simulatedMonth: string;
    readonly simulatedValue: (a: { mean: string; p05: string; p50: string; worst: string }) => string;
    /** @param plan the plan whose own promise it is, when the scenario states none */
    readonly promised: (level: string, plan: string | null) => string;
    readonly below: (value: string) => string;
    readonly downtime: string;
    readonly downtimeValue: (a: { mean: string; p50: string; p90: string; p95: string; p99: string }) => string;
    readonly longest: string;
    readonly longestValue: (a: { mean: string; p95: string }) => string;
    readonly credits: string;
    readonly creditsValue: (a: { expected: string; p95: string; months: string }) => string;
    readonly suppliers: string;
    readonly suppliersValue: (a: { cost: string; credit: string; net: string }) => string;
    readonly atFee: (fee: string) => string;
    readonly atFeeValue: (a: { credit: string; net: string }) => string;
    readonly promiseAtRisk: (risk: string) => string;
    readonly promiseValue: (a: { promise: string; low: string; high: string }) => string;
    readonly promiseBudget: (share: string) => string;
    readonly noSchedule: string;
    readonly budgetValue: (promise: string) => string;
    /** What P(month below) assumes of components given only an availability, and the figure at other outage lengths. */
    readonly outageAssumption: (a: { assumed: string; others: string }) => string;
    readonly outageAlternative: (a: { below: string; hours: string }) => string;
    /** `availability --series|--parallel|--k-of-n` (report/compositionText.ts). */
    readonly composition: {
      readonly structure: (a: { mode: CompositionMode; k: number; components: number; list: string }) => string;
      readonly exact: Record<CompositionMode, string>;
      readonly bound: Record<CompositionMode, string>;
      readonly boundNote: Record<CompositionMode, string>;
      readonly downtime: (a: { month: string; year: string }) => string;
    };
  };
}

/** The terminal text of `fairfee forms` (report/formsText.ts). */
export interface FormsTerminalMessages {
  readonly title: (a: { scenarioForms: boolean; confidence: string }) => string;
  readonly headers: readonly [string, string, string, string, string, string, string, string, string, string, string, string];
  /** A segment's heading; `currency` empty when the scenario names none. */
  readonly segment: (a: { segment: string; clients: number; plan: string; currency: string }) => string;
  readonly advice: (sentence: string) => string;
  /** The footnote of a price marked `*`. */
  readonly unstated: string;
  readonly legend: readonly string[];
}

/** The terminal text of `fairfee backtest` (report/backtestText.ts). */
export interface BacktestTerminalMessages {
  readonly title: (a: { scenario: string; history: string; trials: string; seed: string }) => string;
  readonly window: (a: { index: number; label: string; clients: number }) => string;
  /** A window's months, `2024-01 to 2024-12` (analysis/backtest/windows.ts spells its label so). */
  readonly windowMonths: (a: { first: string; last: string }) => string;
  readonly headers: readonly [string, string, string, string, string, string, string, string];
  readonly byName: string;
  readonly portfolio: string;
  readonly aeLabel: string;
  readonly aeValue: (a: { ae: string; actual: string; expected: string; z: string }) => string;
  readonly pitLabel: string;
  readonly pitValue: (a: { bars: string; counts: string }) => string;
  readonly ksLabel: string;
  readonly ksValue: (a: { d: string; p: string }) => string;
  /** `p = 0.255`, or `p < 0.001`: the p-value already spelled. */
  readonly pValue: (a: { p: string; below: boolean }) => string;
  readonly insideLabel: (level: string) => string;
  readonly insideValue: (a: { share: string; expected: string }) => string;
  readonly verdict: (sentence: string) => string;
  readonly feeIntro: (a: { breakeven: string; confidence: string; fair: string }) => string;
  readonly windowFee: (a: { index: number; label: string; needed: string; clients: number; months: number; expected: string }) => string;
  readonly legend: string;
}

/** The terminal text of `fairfee sla` (report/slaText.ts). */
export interface SlaTerminalMessages {
  readonly title: string;
  readonly headers: readonly [string, string, string, string, string, string, string, string];
  readonly promise: (a: { hours: string; aroundTheClock: boolean; priority: number }) => string;
  readonly people: (count: number) => string;
  readonly team: (a: { people: string; aroundTheClock: boolean; utilisation: string }) => string;
  readonly onCall: (a: { people: number; cost: string; utilisation: string }) => string;
  readonly staffingTitle: string;
  readonly staffingPeople: string;
  readonly staffingUtilisation: string;
  readonly staffingBreach: (plan: string) => string;
  readonly staffingPenalty: (plan: string) => string;
  readonly smallestTitle: (max: string) => string;
  readonly smallestNone: (max: string) => string;
}

/**
 * The advice sentences the studies give as structured facts (analysis/forms.ts, tornado.ts,
 * backtest/verdict.ts), in words. English is the studies' own wording, which the JSON keeps;
 * each catalogue spells its own numbers, as the facts come unformatted.
 */
export interface AdviceMessages {
  readonly forms: (advice: FormsAdvice, currency: string) => string;
  readonly sensitivity: (advice: SensitivityAdvice, currency: string) => string;
  /** The backtest's verdict with the figures it was drawn from. */
  readonly verdict: (a: { verdict: Verdict; actualToExpected: number; z: number; coverage90: number; clientWindows: number }) => string;
}

/** The words of `forms --html/--xlsx`; names and figures come in escaped (HTML) or as text (workbook). */
export interface FormsMessages {
  readonly headline: (a: { scenario: string; segments: string; changes: number; confidence: string }) => string;
  readonly section: (a: { segment: string; clients: number; plan: string }) => string;
  readonly table: (segment: string) => string;
  readonly chartTitle: string;
  readonly chartX: (currency: string) => string;
  readonly chartY: string;
  readonly chartDesc: (a: { forms: number; segment: string; cheapest: string; safest: string }) => string;
  readonly limitMark: (share: string) => string;
  /** The advice when a form breaks even at the confidence: the cheapest such form for the client. */
  readonly adviceSafe: (a: { form: string; pays: string; loss: string; confidence: string }) => string;
  /** The advice when no form does: the one that loses least often, and its break-even price. */
  readonly adviceNone: (a: { form: string; loss: string; confidence: string; breakeven: string }) => string;
  /** After the advice, when the advised form states no price and is priced at its break-even price. */
  readonly unstatedPrice: (breakeven: string) => string;
  /** After the advice, when it differs from the segment's plan now. */
  readonly againstNow: (a: { plan: string; difference: string; less: boolean }) => string;
  /** Headline sheet rows. */
  readonly segments: string;
  readonly adviceRow: (segment: string) => string;
}

/** The words of `sla --html/--xlsx`; names and figures come in escaped (HTML) or as text (workbook). */
export interface SlaMessages {
  readonly headline: (a: { scenario: string; plans: string; people: string; utilisation: string }) => string;
  /** One plan's verdict in the headline: its P(breach) against --max-breach. */
  readonly planVerdict: (a: { plan: string; breach: string; max: string; holds: boolean }) => string;
  readonly noRequests: (plan: string) => string;
  readonly plansSection: string;
  readonly plansTable: string;
  readonly breachTitle: string;
  readonly breachX: string;
  readonly breachY: string;
  readonly breachDesc: (a: { plans: number; worst: string }) => string;
  readonly staffingSection: string;
  readonly staffingTable: string;
  readonly staffingTitle: string;
  readonly staffingX: string;
  readonly staffingY: string;
  readonly staffingDesc: (a: { plans: number; sizes: number }) => string;
  readonly limitMark: (share: string) => string;
  /** Headline sheet rows. */
  readonly rows: {
    readonly maxBreach: string;
    readonly people: string;
    readonly utilisation: string;
    readonly breach: (plan: string) => string;
    readonly smallestTeam: (plan: string) => string;
  };
}

/** The words of `backtest --html/--xlsx`. */
export interface BacktestMessages {
  readonly verdicts: Record<VerdictKind, string>;
  readonly headline: (a: { verdict: string; history: string; ae: string; coverage: string; ks: string; clientTerms: string }) => string;
  readonly section: string;
  readonly pitTitle: string;
  readonly pitX: string;
  readonly pitY: string;
  readonly pitDesc: (a: { clientTerms: number; uniform: string; counts: string }) => string;
  readonly uniformMark: string;
  readonly aeTitle: string;
  readonly aeX: string;
  readonly aeY: string;
  readonly aeDesc: (a: { points: number; ae: string }) => string;
  readonly identityMark: string;
  readonly rows: {
    readonly verdict: string;
    readonly clientTerms: string;
    readonly actualHours: string;
    readonly expectedHours: string;
    readonly actualToExpected: string;
    readonly z: string;
    readonly ksStatistic: string;
    readonly ksPValue: string;
    readonly coverage50: string;
    readonly coverage90: string;
    readonly netCostKsPValue: string;
    readonly breakevenFee: string;
    readonly fairFee: string;
    readonly neededFee: (window: string) => string;
    readonly expectedFee: (window: string) => string;
  };
}

/** Every word of one language. */
export interface Messages {
  readonly terminal: TerminalMessages;
  readonly forms: FormsMessages;
  readonly backtest: BacktestMessages;
  readonly sla: SlaMessages;
  /** The `lang` attribute of the page. */
  readonly htmlLang: string;
  readonly page: {
    readonly title: (scenario: string) => string;
    readonly scenario: string;
    readonly seed: string;
    readonly trials: string;
    readonly clients: string;
    readonly term: (months: number) => string;
    readonly version: string;
    readonly date: string;
    readonly chartAlt: string;
    readonly tableCaption: string;
    readonly footer: string;
  };
  readonly headline: {
    readonly breakeven: (a: { confidence: string; fee: string; low: string; high: string; fair: string }) => string;
    readonly compare: (a: { confidence: string; fee: string; low: string; high: string; fees: number }) => string;
    readonly sensitivity: (a: { change: string; base: string; top: string; swing: string }) => string;
    readonly availability: (a: { mean: string; promised: string; below: string; credit: string }) => string;
  };
  readonly sections: {
    readonly distribution: string;
    readonly feeCurve: string;
    readonly plans: string;
    readonly currentPrices: string;
    readonly sensitivity: string;
    readonly availability: string;
  };
  readonly charts: {
    readonly distributionTitle: string;
    readonly distributionX: (currency: string) => string;
    readonly distributionY: string;
    readonly distributionDesc: (a: { bins: number; fee: string; low: string; high: string; fair: string }) => string;
    readonly breakevenMark: string;
    readonly intervalMark: string;
    readonly fairMark: string;
    readonly lossTitle: string;
    readonly feeX: (currency: string) => string;
    readonly lossY: string;
    readonly lossDesc: (a: { fees: number; from: string; to: string; first: string; last: string }) => string;
    readonly profitTitle: string;
    readonly profitY: (currency: string) => string;
    readonly profitDesc: (a: { fees: number; from: string; to: string; first: string; last: string }) => string;
    readonly expectedProfit: string;
    readonly profitBand: string;
    readonly profitP05: string;
    readonly priceNow: (plan: string) => string;
    readonly plansTitle: string;
    readonly plansY: (currency: string) => string;
    readonly plansDesc: (plans: number) => string;
    readonly measure: string;
    readonly breakevenPrice: string;
    readonly fairPrice: string;
    readonly priceNowBar: string;
    readonly hourlyWorth: string;
    readonly currentTitle: string;
    readonly currentY: (currency: string) => string;
    readonly currentDesc: (a: { plans: number; total: string }) => string;
    readonly tornadoTitle: (change: string) => string;
    readonly tornadoX: (currency: string) => string;
    readonly tornadoDesc: (a: { rows: number; top: string; swing: string }) => string;
    readonly baseFee: string;
    readonly sharesTitle: string;
    readonly sharesX: string;
    readonly sharesDesc: (a: { types: number; top: string; share: string }) => string;
    readonly availabilityTitle: string;
    readonly availabilityX: string;
    readonly availabilityY: string;
    readonly availabilityDesc: (a: { points: number; promised: string; p05: string; p50: string }) => string;
    readonly promiseMark: (promised: string) => string;
    readonly creditMark: (a: { credit: string; below: string }) => string;
  };
  readonly tables: Record<TableKey, string>;
  readonly columns: Record<ColumnKey, string>;
  readonly inputs: Record<InputKey, string>;
  readonly rows: {
    readonly portfolio: string;
    readonly plan: string;
    readonly client: string;
    readonly all: string;
    readonly fairFee: string;
    readonly riskLoading: string;
    readonly poolingBenefit: string;
    readonly breakevenFee: string;
    readonly intervalLow: string;
    readonly intervalHigh: string;
    readonly scenario: string;
    readonly seed: string;
    readonly trials: string;
    readonly clients: string;
    readonly termMonths: string;
    readonly confidence: string;
    readonly lossProbability: string;
    readonly expectedProfit: string;
    readonly seriesAvailability: string;
    readonly simulatedMean: string;
    readonly simulatedP05: string;
    readonly simulatedP50: string;
    readonly promised: string;
    readonly belowPromised: string;
    readonly expectedCredit: string;
    readonly promiseAtRisk: string;
    readonly baseFee: string;
    readonly notAvailable: string;
  };
}
