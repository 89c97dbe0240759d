import type { TrialColumns } from '../engine/columns.js';
import type { Simulator } from '../runner/simulator.js';
import type { ContractForm, Plan, Scenario } from '../scenario/types.js';
import { priceUnit, statedPrice } from '../scenario/types.js';
import { breakevenFee, fairFee } from './breakeven.js';
import { moments, sum } from './moments.js';

/** One client segment under one candidate form, from the agency's and the client's side. */
export interface FormOutcome {
  /** The candidate's name. */
  form: string;
  kind: ContractForm;
  price_unit: string;
  /** The segment's clients as a portfolio of their own: the α-quantile of D_t / w_t, with its 95% interval. */
  breakeven_price: number;
  breakeven_price_interval: [number, number];
  fair_price: number;
  /** The price the other figures are at: the form's stated price, else its break-even price. */
  evaluated_at: number;
  price_stated: boolean;
  /** What one client pays a month on average: the price earned, overage and hourly billed work (not fixed revenue). */
  client_monthly_payment: number;
  /** Its average premium per month over the hourly equivalent of its covered work. */
  client_premium_per_month: number;
  /** P(a client pays more under the form than hourly). */
  client_overpay_probability: number;
  /** Expected per client over the term (bundles only; 0 for other forms). */
  breakage_hours: number;
  deferred_hours: number;
  /** P(the segment's clients together make a loss over the term) at evaluated_at. */
  agency_loss_probability: number;
  agency_expected_profit_per_client_month: number;
  /** Flat fees and bundle prices over all revenue from the segment. */
  recurring_share: number;
  /** Coefficient of variation of the segment's revenue per month, averaged over the term. */
  revenue_cv_monthly: number;
}

/** One segment's comparison and the advice drawn from it. */
export interface SegmentForms {
  segment: string;
  clients: number;
  /** The plan the segment is on now. */
  plan: string;
  forms: FormOutcome[];
  recommendation: { form: string; why: string };
}

/** Everything `fairfee forms` reports. */
export interface FormsResult {
  confidence: number;
  /** Where the candidates came from: the scenario's `forms:`, or the defaults. */
  candidates: 'scenario' | 'defaults';
  segments: SegmentForms[];
}

/** Hours a default bundle is rounded up to (docs/interface.md, "forms"). */
const BUNDLE_ROUNDING_HOURS = 5;

/**
 * Which form for whom (MODEL.md): each client segment simulated alone under each candidate form
 * on the same random numbers (the segment keeps its streams, and every request is placed in its
 * month under every form), so only the billing differs between the rows of a segment.
 * @param settings trials, the confidence level α, and the currency for the advice's wording
 */
export async function studyForms(simulator: Simulator, settings: { trials: number; confidence: number; currency: string }): Promise<FormsResult> {
  const { scenario } = simulator;
  const { trials, confidence } = settings;
  const run = (segment: number, plan: Plan) =>
    simulator.simulate({ trials, adjustments: [{ kind: 'segment-alone', segment, plan }], keepMonths: true, label: null });
  const segments: SegmentForms[] = [];
  for (let s = 0; s < scenario.clients.length; s++) {
    const segment = scenario.clients[s];
    const own = scenario.plans.find((p) => p.name === segment.plan)!;
    const ownColumns = await run(s, own);
    const candidates = scenario.forms ?? defaultForms(scenario, own, ownColumns, segment.count);
    const outcomes: FormOutcome[] = [];
    for (const form of candidates) {
      const columns = form === own ? ownColumns : await run(s, form);
      outcomes.push(formOutcome(scenario, form, columns, segment.count, confidence));
    }
    segments.push({
      segment: segment.name,
      clients: segment.count,
      plan: own.name,
      forms: outcomes,
      recommendation: recommend(outcomes, own.name, confidence, settings.currency),
    });
  }
  return { confidence, candidates: scenario.forms ? 'scenario' : 'defaults', segments };
}

/**
 * The default candidates (docs/interface.md): the segment's own plan; hourly at the hourly
 * rate; flat with unlimited hours on the plan's cover; a bundle of the segment's expected
 * yearly covered hours, rounded up to 5, valid 12 months, rebuy; the prices to be solved for.
 */
export function defaultForms(scenario: Scenario, own: Plan, ownColumns: TrialColumns, clients: number): Plan[] {
  const H = scenario.termMonths;
  const n = ownColumns.netCost.length;
  const yearlyHours = (sum(ownColumns.plans[0].coveredHours) / n / clients / H) * 12;
  const hours = Math.max(BUNDLE_ROUNDING_HOURS, Math.ceil(yearlyHours / BUNDLE_ROUNDING_HOURS - 1e-9) * BUNDLE_ROUNDING_HOURS);
  const covers = own.form === 'hourly' ? scenario.requestTypes.map((t) => t.name) : own.covers;
  const base = {
    covers,
    includedHours: Number.POSITIVE_INFINITY,
    overageRate: scenario.hourlyRate,
    fixedMonthlyCost: own.fixedMonthlyCost,
    fixedMonthlyRevenue: own.fixedMonthlyRevenue,
    billingIncrementMinutes: own.billingIncrementMinutes,
  };
  const forms: Plan[] = [own];
  if (own.form !== 'hourly')
    forms.push({ ...base, name: 'hourly', form: 'hourly', covers: scenario.requestTypes.map((t) => t.name), rate: scenario.hourlyRate });
  if (!(own.form === 'flat' && !Number.isFinite(own.includedHours))) forms.push({ ...base, name: 'flat, unlimited hours', form: 'flat' });
  forms.push({ ...base, name: `bundle of ${hours} hours`, form: 'bundle', bundle: { hours, validMonths: 12, whenUsedUp: 'rebuy' } });
  return forms;
}

/** A segment's figures under one form, from its own run (plan 0, segment 0). */
export function formOutcome(scenario: Scenario, form: Plan, columns: TrialColumns, clients: number, confidence: number): FormOutcome {
  const H = scenario.termMonths;
  const n = columns.netCost.length;
  const plan = columns.plans[0];
  const client = columns.segments[0];
  const breakeven = breakevenFee(plan.netCost, plan.feeWeight, confidence);
  const fair = fairFee(plan.netCost, plan.feeWeight).fee;
  const stated = statedPrice(form);
  const price = stated ?? breakeven.fee;
  const recurringForm = form.form === 'flat' || form.form === 'bundle';
  let losses = 0;
  let profit = 0;
  let payment = 0;
  let premium = 0;
  let over = 0;
  const revenue = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const termProfit = price * plan.feeWeight[t] - plan.netCost[t];
    if (termProfit < 0) losses++;
    profit += termProfit;
    // A flat client pays its fee for every month, credits aside (as in fairness.ts).
    const paid = form.form === 'flat' ? price * H : price * client.feeWeight[t];
    payment += paid + client.paymentBesidesPrice[t];
    premium += paid - client.hourlyValue[t];
    if (paid > client.hourlyValue[t]) over++;
    revenue[t] = (price * plan.feeWeight[t] + columns.revenueBesidesFee[t]) / H;
  }
  const priceRevenue = (price * sum(plan.feeWeight)) / n;
  const allRevenue = (sum(revenue) / n) * H;
  const revenueMoments = moments(revenue);
  return {
    form: form.name,
    kind: form.form,
    price_unit: priceUnit(form),
    breakeven_price: breakeven.fee,
    breakeven_price_interval: breakeven.interval,
    fair_price: fair,
    evaluated_at: price,
    price_stated: stated !== undefined,
    client_monthly_payment: payment / n / H,
    client_premium_per_month: premium / n / H,
    client_overpay_probability: over / n,
    breakage_hours: sum(plan.breakageHours) / n / clients,
    deferred_hours: sum(plan.deferredHours) / n / clients,
    agency_loss_probability: losses / n,
    agency_expected_profit_per_client_month: profit / n / clients / H,
    recurring_share: allRevenue > 0 ? (recurringForm ? priceRevenue : 0) / allRevenue : 0,
    revenue_cv_monthly: revenueMoments.mean !== 0 ? revenueMoments.sd / Math.abs(revenueMoments.mean) : 0,
  };
}

/** The form an advice names, and what it says of it. */
interface AdvisedForm {
  form: string;
  formKind: ContractForm;
  /** False: the figures are at the form's break-even price, as it states none. */
  priceStated: boolean;
  /** Share of terms the form breaks even in for the agency at its price. */
  breakevenShare: number;
}

/**
 * A segment's advice as facts, which each language words (report/i18n; formsAdviceText is the
 * English of the JSON's `why`): no form safe enough and the one closest; the cheapest safe form,
 * being the plan now or with no plan now among the candidates; the cheapest safe form when the
 * plan now is cheaper but not safe; the cheapest safe form and what it saves against the plan now.
 */
export type FormsAdvice =
  | { kind: 'none-safe'; form: string; confidence: number; breakevenShare: number }
  | ({ kind: 'cheapest' } & AdvisedForm)
  | ({ kind: 'plan-now-unsafe'; plan: string; planBreakevenShare: number; extraPerMonth: number } & AdvisedForm)
  | ({ kind: 'cheaper'; plan: string; savingPerMonth: number } & AdvisedForm);

/**
 * The advice for a segment: of the forms that still break even for the agency in a share α of
 * terms at their price, the one that costs the client least a month (ties: the more recurring).
 * When none does, the one that loses least often.
 */
export function formsAdvice(outcomes: readonly FormOutcome[], ownPlan: string, confidence: number): FormsAdvice {
  const safe = outcomes.filter((o) => o.agency_loss_probability <= 1 - confidence + 1e-12);
  const share = (o: FormOutcome) => 1 - o.agency_loss_probability;
  if (safe.length === 0) {
    const best = [...outcomes].sort((a, b) => a.agency_loss_probability - b.agency_loss_probability)[0];
    return { kind: 'none-safe', form: best.form, confidence, breakevenShare: share(best) };
  }
  const best = [...safe].sort((a, b) => a.client_monthly_payment - b.client_monthly_payment || b.recurring_share - a.recurring_share)[0];
  const advised: AdvisedForm = { form: best.form, formKind: best.kind, priceStated: best.price_stated, breakevenShare: share(best) };
  const current = outcomes.find((o) => o.form === ownPlan);
  if (!current || current.form === best.form) return { kind: 'cheapest', ...advised };
  const saving = current.client_monthly_payment - best.client_monthly_payment;
  // Cheaper for the client but not safe for the agency: the plan now is what rules itself out.
  if (saving < 0) return { kind: 'plan-now-unsafe', ...advised, plan: current.form, planBreakevenShare: share(current), extraPerMonth: -saving };
  return { kind: 'cheaper', ...advised, plan: current.form, savingPerMonth: saving };
}

/** The advice in English, as the JSON's `why` has always said it. */
export function formsAdviceText(advice: FormsAdvice, currency: string): string {
  const money = (x: number) => `${currency ? `${currency} ` : ''}${Math.abs(x).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
  const years = (share: number) => `${(share * 100).toFixed(0)}% of terms`;
  if (advice.kind === 'none-safe') {
    return `no form breaks even for you in ${(advice.confidence * 100).toFixed(0)}% of terms at its price; ${advice.form} comes closest, breaking even in ${years(advice.breakevenShare)}: raise its price to its break-even price`;
  }
  const describe = `${advice.form} (${advice.formKind}${advice.priceStated ? '' : ' at its break-even price'})`;
  if (advice.kind === 'cheapest') return `${describe} costs them least among the forms that break even for you, in ${years(advice.breakevenShare)}`;
  if (advice.kind === 'plan-now-unsafe') {
    return `${advice.plan}, their plan now, breaks even for you in only ${years(advice.planBreakevenShare)} at its price; ${describe} is the cheapest form that breaks even in ${years(advice.breakevenShare)}, at ${money(advice.extraPerMonth)} a month more for them`;
  }
  return `${describe} costs them ${money(advice.savingPerMonth)} a month less than ${advice.plan}, their plan now, and still breaks even for you in ${years(advice.breakevenShare)}`;
}

/** The advised form and the advice in English (formsAdvice, formsAdviceText). */
export function recommend(outcomes: readonly FormOutcome[], ownPlan: string, confidence: number, currency: string): { form: string; why: string } {
  const advice = formsAdvice(outcomes, ownPlan, confidence);
  return { form: advice.form, why: formsAdviceText(advice, currency) };
}
