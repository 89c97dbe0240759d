import { createStream } from '../../random/rng.js';
import type { Simulator } from '../../runner/simulator.js';
import { clientKey, type History, type Ticket } from '../../scenario/history/history.js';
import { InputError } from '../../scenario/scenarioError.js';
import { breakevenFee, fairFee } from '../breakeven.js';
import { quantileSorted, sortedCopy } from '../quantile.js';
import { typeMatcher, windowActual } from './actuals.js';
import { matchClients, type MatchedClient } from './match.js';
import { ksUniform, pitHistogram, randomizedPit } from './pit.js';
import { verdictOf, type Verdict } from './verdict.js';
import { windowProblems } from './historyProblems.js';
import { historyWindows, type BacktestWindow } from './windows.js';

/** What the backtest is asked for besides the scenario and the history. */
export interface BacktestSettings {
  /** Simulated terms per client's predictive distribution, and for the portfolio's fee. */
  trials: number;
  /** Confidence of the scenario's break-even fee in the "what would the fee have been" line. */
  confidence: number;
}

/** A predictive distribution from draws: what a PIT and an interval need. */
interface Predictive {
  sorted: Float64Array;
  mean: number;
  variance: number;
}

/** One (client, window): the actual against the scenario's predictive distribution. */
export interface BacktestRow {
  client: string;
  /** The scenario client or segment it was held against, and how it was matched. */
  matchedTo: string;
  matchedBy: 'name' | 'plan';
  window: number;
  windowLabel: string;
  tickets: number;
  actualHours: number;
  expectedHours: number;
  /** actual / expected hours; NaN when 0 hours were expected. */
  actualToExpected: number;
  /** Randomised PIT of the covered hours. */
  pit: number;
  /** Central 50% and 90% intervals of the predictive covered hours. */
  interval50: [number, number];
  interval90: [number, number];
  actualNetCost: number;
  expectedNetCost: number;
  netCostPit: number;
}

/** One window's totals over its clients. */
export interface BacktestWindowSummary extends BacktestWindow {
  clients: number;
  actualHours: number;
  expectedHours: number;
  actualNetCost: number;
  expectedNetCost: number;
  /** The flat fee per client-month the window's actual net cost needed: Σ net cost / (clients × term). */
  neededFee: number;
  /** The fee the scenario expected these clients to need: Σ expected net cost / (clients × term). */
  expectedFee: number;
}

/** Everything `fairfee backtest` reports (MODEL.md, "Backtest"). */
export interface BacktestResult {
  history: string;
  trials: number;
  termMonths: number;
  windows: BacktestWindowSummary[];
  rows: BacktestRow[];
  portfolio: {
    clientWindows: number;
    pitHistogram: number[];
    ksStatistic: number;
    ksPValue: number;
    coverage50: number;
    coverage90: number;
    actualHours: number;
    expectedHours: number;
    /** Σ actual / Σ expected hours. */
    actualToExpected: number;
    /** (Σ actual − Σ expected) / √Σ variance, the clients taken as independent. */
    z: number;
    netCostKsPValue: number;
    verdict: Verdict;
  };
  /** The scenario's own portfolio: its break-even and fair fee per client-month. */
  scenarioFee: { confidence: number; breakevenFee: number; breakevenFeeInterval: [number, number]; fairFee: number };
  /** Months after the last whole window, left out. */
  droppedMonths: number;
  warnings: string[];
}

/** Predictive distribution of one series of draws. */
function predictive(values: Float64Array): Predictive {
  const sorted = sortedCopy(values);
  const n = sorted.length;
  let mean = 0;
  for (const v of sorted) mean += v;
  mean /= n;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) ** 2;
  return { sorted, mean, variance: n > 1 ? squares / (n - 1) : 0 };
}

/**
 * Holds a scenario against a ticket history (MODEL.md, "Backtest"): windows of the term's
 * length, each history client matched to a scenario client, that client simulated alone for
 * its predictive distribution of covered hours and net cost over a term, the actuals' randomised
 * PITs (V from the stream [`backtest`, client, window] of the simulator's seed), A/E, the PIT
 * histogram, a KS test, interval coverage and a verdict; and the scenario's break-even fee next
 * to the fee each window needed. A client counts from the window of its first ticket on.
 * @throws InputError (the history's file) for no whole window, a window without tickets, or clients the scenario has no place for
 */
export async function backtest(simulator: Simulator, history: History, settings: BacktestSettings): Promise<BacktestResult> {
  const { scenario, seed } = simulator;
  const term = scenario.termMonths;
  const { windows, droppedMonths, droppedTickets, spanMonths } = historyWindows(history.tickets, term);
  const problems = windowProblems(history, windows, spanMonths, term);
  const matching = matchClients(history.tickets, scenario);
  for (const u of matching.unmatched) problems.push({ path: `line ${u.line}`, message: `client "${u.name}": ${u.reason}` });
  if (matching.unmatched.length > 0) {
    problems.push({
      path: '',
      message: `the scenario's clients: ${scenario.clients.map((c) => `${c.name} (${c.plan}${c.count > 1 ? `, ${c.count} clients` : ''})`).join(', ')}; a history client matches one by name, or by its plan column to a segment`,
    });
  }
  if (problems.length > 0) throw new InputError(history.file, problems);

  const warnings: string[] = [];
  if (droppedMonths > 0) {
    warnings.push(`the last ${droppedMonths} months (${droppedTickets} tickets) make no whole term of ${term} months: left out`);
  }
  if (matching.absent.length > 0) {
    warnings.push(
      `${matching.absent.length} named clients of the scenario have no tickets in the history and are left out: ${matching.absent.slice(0, 5).join(', ')}${matching.absent.length > 5 ? ', ...' : ''}`,
    );
  }
  for (const plan of matching.ambiguousPlans) warnings.push(`plan ${plan} has several segments; history clients on it are held against the largest`);
  const typeOf = typeMatcher(scenario);
  const unknown = new Map<string, number>();
  for (const t of history.tickets) if (typeOf(t.type) === undefined) unknown.set(t.type, (unknown.get(t.type) ?? 0) + 1);
  if (unknown.size > 0) {
    warnings.push(
      `request types the scenario does not know count as uncovered work: ${[...unknown].map(([type, n]) => `"${type}" (${n} tickets)`).join(', ')}`,
    );
  }

  // One run per scenario client held against, all at once on the simulator's threads.
  const segments = [...new Set(matching.clients.map((c) => c.segment))];
  const [portfolio, ...alone] = await Promise.all([
    simulator.simulate({ trials: settings.trials, label: 'portfolio' }),
    ...segments.map((segment) => simulator.simulate({ trials: settings.trials, adjustments: [{ kind: 'client-alone', segment }], label: null })),
  ]);
  const planIndex = new Map(scenario.plans.map((p, i) => [p.name, i]));
  const predictives = new Map(
    segments.map((segment, i) => {
      const plan = planIndex.get(scenario.clients[segment].plan)!;
      return [segment, { hours: predictive(alone[i].plans[plan].coveredHours), netCost: predictive(alone[i].segments[0].netCost) }];
    }),
  );

  const ticketsOf = new Map<string, Ticket[]>();
  for (const t of history.tickets) {
    const key = clientKey(t.client);
    const list = ticketsOf.get(key);
    if (list) list.push(t);
    else ticketsOf.set(key, [t]);
  }
  const rows: BacktestRow[] = [];
  let varianceSum = 0;
  const windowSummaries: BacktestWindowSummary[] = windows.map((w) => ({
    ...w,
    clients: 0,
    actualHours: 0,
    expectedHours: 0,
    actualNetCost: 0,
    expectedNetCost: 0,
    neededFee: Number.NaN,
    expectedFee: Number.NaN,
  }));
  const sorted = [...matching.clients].sort((a, b) => a.firstLine - b.firstLine);
  for (const w of windowSummaries) {
    for (const client of sorted) {
      if (client.firstMonth > w.lastMonth) continue;
      const row = rowOf(client, w, ticketsOf.get(client.key) ?? [], predictives.get(client.segment)!);
      rows.push(row);
      varianceSum += predictives.get(client.segment)!.hours.variance;
      w.clients++;
      w.actualHours += row.actualHours;
      w.expectedHours += row.expectedHours;
      w.actualNetCost += row.actualNetCost;
      w.expectedNetCost += row.expectedNetCost;
    }
    w.neededFee = w.actualNetCost / (w.clients * term);
    w.expectedFee = w.expectedNetCost / (w.clients * term);
  }

  function rowOf(client: MatchedClient, w: BacktestWindow, tickets: readonly Ticket[], p: { hours: Predictive; netCost: Predictive }): BacktestRow {
    const segment = scenario.clients[client.segment];
    const plan = scenario.plans[planIndex.get(segment.plan)!];
    const inWindow = tickets.filter((t) => t.monthIndex >= w.firstMonth && t.monthIndex <= w.lastMonth);
    const actual = windowActual(inWindow, term, w.firstMonth, plan, scenario, typeOf);
    const stream = createStream(seed, ['backtest', client.key, w.index]);
    return {
      client: client.name,
      matchedTo: segment.name,
      matchedBy: client.by,
      window: w.index,
      windowLabel: w.label,
      tickets: inWindow.length,
      actualHours: actual.coveredHours,
      expectedHours: p.hours.mean,
      actualToExpected: actual.coveredHours / p.hours.mean,
      pit: randomizedPit(p.hours.sorted, actual.coveredHours, stream.nextDouble()),
      interval50: [quantileSorted(p.hours.sorted, 0.25), quantileSorted(p.hours.sorted, 0.75)],
      interval90: [quantileSorted(p.hours.sorted, 0.05), quantileSorted(p.hours.sorted, 0.95)],
      actualNetCost: actual.netCost,
      expectedNetCost: p.netCost.mean,
      netCostPit: randomizedPit(p.netCost.sorted, actual.netCost, stream.nextDouble()),
    };
  }

  const pits = rows.map((r) => r.pit);
  const ks = ksUniform(pits);
  const actualHours = rows.reduce((s, r) => s + r.actualHours, 0);
  const expectedHours = rows.reduce((s, r) => s + r.expectedHours, 0);
  const coverage50 = pits.filter((u) => u >= 0.25 && u <= 0.75).length / pits.length;
  const coverage90 = pits.filter((u) => u >= 0.05 && u <= 0.95).length / pits.length;
  const actualToExpected = actualHours / expectedHours;
  const z = (actualHours - expectedHours) / Math.sqrt(varianceSum);
  const fee = breakevenFee(portfolio.netCost, portfolio.feeWeight, settings.confidence);
  return {
    history: history.file,
    trials: settings.trials,
    termMonths: term,
    windows: windowSummaries,
    rows,
    portfolio: {
      clientWindows: rows.length,
      pitHistogram: pitHistogram(pits),
      ksStatistic: ks.statistic,
      ksPValue: ks.pValue,
      coverage50,
      coverage90,
      actualHours,
      expectedHours,
      actualToExpected,
      z,
      netCostKsPValue: ksUniform(rows.map((r) => r.netCostPit)).pValue,
      verdict: verdictOf({ actualToExpected, z, coverage90, ksPValue: ks.pValue, clientWindows: rows.length }),
    },
    scenarioFee: {
      confidence: settings.confidence,
      breakevenFee: fee.fee,
      breakevenFeeInterval: fee.interval,
      fairFee: fairFee(portfolio.netCost, portfolio.feeWeight).fee,
    },
    droppedMonths,
    warnings,
  };
}
