import { MAX_CLIENTS } from '../../scenario/limits.js';
import type { Category } from '../../scenario/types.js';
import { guessCategory } from './categoryGuess.js';
import { dispersionTest, type CountGroup, type DispersionFit } from './dispersionTest.js';
import { fitEffort, type EffortFit } from './effortFit.js';
import { clientKey, type History, type Ticket } from '../../scenario/history/history.js';
import { toIdentifier } from './identifier.js';
import { assignPlans, type FittedPlan } from './plans.js';
import { buhlmannStraub, type CredibilityFit } from './credibility.js';
import { historyWarnings, lastMonthsOf, observationWindow, type ObservationWindow } from './window.js';

/**
 * Fewest months of history for a client's own rate to enter the scenario: below, a year's
 * seasonality alone moves a client's mean more than its Z can say.
 */
export const MIN_CREDIBILITY_MONTHS = 6;

/** What the user may set instead of what the history says. */
export interface FitOptions {
  /** Months the history covers; default: calendar months from the first date to the last. */
  months?: number;
  /** Clients the history covers, including any who never asked anything; default: those in it. */
  clients?: number;
  /** Categories by request type key, instead of the guess from the name. */
  categories?: Record<string, Category>;
  /** Today, YYYY-MM-DD, for the warning about dates after it; default today's date (UTC). */
  today?: string;
  /** Fit on the last N calendar months of the history only (--window-months: the renegotiation view). */
  windowMonths?: number;
}

/** A client of the history with its credibility rates: a named client of the scenario. */
export interface CredibleClient {
  /** As first written in the file. */
  name: string;
  /** clientKey of the name. */
  key: string;
  plan: string;
  /** Request type key → credibility estimate per month, for the types whose τ² is significant. */
  rates: Record<string, number>;
}

/** One request type as fitted, with everything its numbers came from. */
export interface FittedRequestType {
  /** The scenario key (toIdentifier of the names in the file). */
  name: string;
  /** The names in the file that became this key. */
  labels: string[];
  category: Category;
  /** True when the category is guessed from the name, not given with --category. */
  categoryGuessed: boolean;
  /** Rows of this type. */
  tickets: number;
  /** Rows with 0 hours: left out of frequency and effort (they add no hours). */
  zeroHourTickets: number;
  /** Rows with hours > 0: the requests fitted. */
  requests: number;
  /** λ = requests / (clients × months), per client per month. */
  perMonth: number;
  /** Its standard error √(var / (clients × months)), var = λ (Poisson) or λ + λ²/k. */
  perMonthSe: number;
  /** The per-client-month counts' dispersion test; `k` set when overdispersed. */
  dispersion: DispersionFit;
  effort: EffortFit;
  /** Bühlmann–Straub over the clients' monthly request counts (credibility.ts), clients by clientKey. */
  credibility: CredibilityFit;
}

/** A whole history fitted: window, clients, plans and request types. */
export interface CalibrationFit {
  file: string;
  tickets: number;
  zeroHourTickets: number;
  window: ObservationWindow;
  /** Distinct clients in the file. */
  clientsInHistory: number;
  /** Clients the rates are per: clientsInHistory, or --clients. */
  clients: number;
  /** Most requests first. */
  requestTypes: FittedRequestType[];
  /** One `standard` plan, or one per plan in the file's plan column. */
  plans: FittedPlan[];
  /** Whether plans come from a plan column. */
  plansFromFile: boolean;
  /** Clients whose plan changed within the history (the latest is used). */
  planChanges: number;
  /** What to check before trusting the window: dates after today, long gaps (historyWarnings). */
  warnings: string[];
  /** Bühlmann–Straub over the clients' monthly counts of all requests: the segment heterogeneity's source. */
  allRequests: CredibilityFit;
  /** clientKey → the name as first written, for every client of the file (credibility entities are by key). */
  clientNames: [string, string][];
  /** Clients written as named clients with their own rates; empty when no type's τ² is significant or the window is short. */
  credibleClients: CredibleClient[];
  /** cv of a client's intensity U, √τ²/X̄_z of all requests when significant, else 0: the rest's heterogeneity. */
  heterogeneity: number;
}

/**
 * Each history client's monthly counts of the given requests over the window's months (zeros
 * included), as credibility groups named by clientKey, in order of first appearance.
 */
function monthlyCounts(requests: readonly Ticket[], clientKeys: readonly string[], firstMonth: number, months: number, silentClients: number) {
  const keys = [...clientKeys, ...Array.from({ length: silentClients }, (_, i) => `${SILENT_CLIENT}${i + 1}`)];
  const counts = new Map(keys.map((key) => [key, new Array<number>(months).fill(0)]));
  for (const t of requests) {
    const row = counts.get(clientKey(t.client));
    const at = t.monthIndex - firstMonth;
    if (row && at >= 0 && at < months) row[at]++;
  }
  return keys.map((key) => ({ name: key, ratios: counts.get(key)!, weights: new Array<number>(months).fill(1) }));
}

/**
 * The name prefix of the clients --clients adds (they asked nothing): they count in the
 * credibility fit with zero requests every month, as in the rates, but have no name to report.
 * A NUL cannot be in a client's name (readName refuses control characters).
 */
export const SILENT_CLIENT = '\u0000without tickets ';

/**
 * One request type's client-month counts grouped by plan, each plan's cells expected to hold
 * the type's mean count times the plan's usage (the scenario's own mean for those cells).
 */
function countGroups(requests: readonly Ticket[], plans: readonly FittedPlan[], planOf: (client: string) => string, cellMonths: number): CountGroup[] {
  const counts = new Map<string, Map<string, number>>(plans.map((p) => [p.name, new Map()]));
  for (const t of requests) {
    const client = clientKey(t.client);
    const cells = counts.get(planOf(client))!;
    const cell = `${client}\u0000${t.monthIndex}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const clients = plans.reduce((s, p) => s + p.clients, 0);
  const meanCount = requests.length / (clients * cellMonths);
  return plans.map((p) => ({ cells: p.clients * cellMonths, nonZeroCounts: [...counts.get(p.name)!.values()], expected: meanCount * p.usage }));
}

/**
 * Problems with the user's options given this history, as messages (empty when fine): fewer
 * clients than the file names (or more than a scenario holds); a window shorter than its dates
 * span (one month less is allowed: a mid-January to mid-January export spans 13 calendar
 * months but covers 12); a category for a request type the file does not have.
 */
export function fitOptionProblems(history: History, options: FitOptions): string[] {
  const problems: string[] = [];
  const clients = new Set(history.tickets.map((t) => clientKey(t.client))).size;
  if (clients > MAX_CLIENTS) {
    problems.push(`${history.file} names ${clients.toLocaleString('en-US')} clients; a scenario holds at most ${MAX_CLIENTS.toLocaleString('en-US')}`);
  }
  if (options.clients !== undefined && options.clients < clients) {
    problems.push(`--clients ${options.clients} is fewer than the ${clients} clients in ${history.file}; give at least ${clients}, or leave it out`);
  }
  const window = observationWindow(history.tickets);
  if (options.months !== undefined && options.months < window.spanMonths - 1) {
    problems.push(
      `--months ${options.months} is shorter than the history: its dates run from ${window.firstDate} to ${window.lastDate} (${window.spanMonths} calendar months); give at least ${window.spanMonths - 1}, or leave it out`,
    );
  }
  const types = new Set(history.tickets.map((t) => toIdentifier(t.type)));
  for (const name of Object.keys(options.categories ?? {})) {
    if (!types.has(name)) problems.push(`--category: no request type "${name}" in ${history.file}; its types: ${[...types].sort().join(', ')}`);
  }
  return problems;
}

/**
 * Fits a scenario's request types, clients and plans to a ticket history (MODEL.md's model):
 * per request type, λ = requests / (clients × months) per client-month; Poisson, or negative
 * binomial when the client-month counts fail the index-of-dispersion test at 1%
 * (dispersionTest.ts); effort lognormal by maximum likelihood, or the observed hours
 * (effortFit.ts). Tickets with 0 hours are counted and reported but not fitted: dropping
 * requests of 0 h changes no simulated hour, and a thinned Poisson or negative binomial count
 * stays one with the same k, so the fit of the rest is exact.
 * Options are assumed checked with fitOptionProblems.
 * @example fitHistory(parseHistory(text, 'h.csv')).requestTypes[0].perMonth
 */
export function fitHistory(whole: History, options: FitOptions = {}): CalibrationFit {
  // Clients of the whole file are under contract in the last months too, even when silent there.
  const clientNames = new Map<string, string>();
  for (const t of whole.tickets) if (!clientNames.has(clientKey(t.client))) clientNames.set(clientKey(t.client), t.client);
  const history = options.windowMonths === undefined ? whole : lastMonthsOf(whole, options.windowMonths);
  const window = observationWindow(history.tickets, options.windowMonths ?? options.months);
  if (options.windowMonths !== undefined) {
    window.firstMonth = window.lastMonth - options.windowMonths + 1;
    window.spanMonths = options.windowMonths;
    window.lastMonthsOf = { months: options.windowMonths, firstDate: observationWindow(whole.tickets).firstDate };
  }
  const clientsInHistory = clientNames.size;
  const clients = options.clients ?? clientsInHistory;
  const clientMonths = clients * window.months;
  // Counts over every calendar month the dates span, or more when --months says so.
  const cellMonths = Math.max(window.spanMonths, window.months);
  const { plans, planOf, planChanges } = assignPlans(history, clients);
  const clientKeys = [...clientNames.keys()];

  const byType = new Map<string, Ticket[]>();
  for (const ticket of history.tickets) {
    const key = toIdentifier(ticket.type);
    const list = byType.get(key);
    if (list) list.push(ticket);
    else byType.set(key, [ticket]);
  }
  const requestTypes: FittedRequestType[] = [...byType].map(([name, tickets]) => {
    const positive = tickets.filter((t) => t.hours > 0);
    const dispersion = dispersionTest(countGroups(positive, plans, planOf, cellMonths));
    const perMonth = positive.length / clientMonths;
    const variance = perMonth + (dispersion.k === undefined ? 0 : (perMonth * perMonth) / dispersion.k);
    // Own keys only: a type named `constructor` must not find Object.prototype's.
    const given = options.categories && Object.hasOwn(options.categories, name) ? options.categories[name] : undefined;
    return {
      name,
      labels: [...new Set(tickets.map((t) => t.type))].sort(),
      category: given ?? guessCategory(name),
      categoryGuessed: given === undefined,
      tickets: tickets.length,
      zeroHourTickets: tickets.length - positive.length,
      requests: positive.length,
      perMonth,
      perMonthSe: Math.sqrt(variance / clientMonths),
      dispersion,
      effort: fitEffort(positive.map((t) => t.hours)),
      credibility: buhlmannStraub(monthlyCounts(positive, clientKeys, window.firstMonth, cellMonths, clients - clientsInHistory)),
    };
  });
  requestTypes.sort((a, b) => b.requests - a.requests || a.name.localeCompare(b.name));

  const allRequests = buhlmannStraub(
    monthlyCounts(
      history.tickets.filter((t) => t.hours > 0),
      clientKeys,
      window.firstMonth,
      cellMonths,
      clients - clientsInHistory,
    ),
  );
  const credibleTypes = requestTypes.filter((t) => t.credibility.significant);
  const credibleClients: CredibleClient[] =
    cellMonths >= MIN_CREDIBILITY_MONTHS && credibleTypes.length > 0
      ? clientKeys.map((key, i) => ({
          name: clientNames.get(key)!,
          key,
          plan: planOf(key),
          rates: Object.fromEntries(credibleTypes.map((t) => [t.name, t.credibility.entities[i].estimate])),
        }))
      : [];
  const heterogeneity = allRequests.significant && allRequests.collectiveMean > 0 ? Math.sqrt(allRequests.betweenVariance) / allRequests.collectiveMean : 0;

  return {
    file: history.file,
    tickets: history.tickets.length,
    zeroHourTickets: history.tickets.filter((t) => t.hours === 0).length,
    window,
    clientsInHistory,
    clients,
    requestTypes,
    plans,
    plansFromFile: history.hasPlans,
    planChanges,
    warnings: historyWarnings(history.tickets, window, options.today ?? new Date().toISOString().slice(0, 10)),
    allRequests,
    clientNames: [...clientNames],
    credibleClients,
    heterogeneity,
  };
}
