import { clientKey, type Ticket } from '../../scenario/history/history.js';
import type { Scenario } from '../../scenario/types.js';
import { toIdentifier } from '../calibrate/identifier.js';

/** A history client and the scenario client it is held against. */
export interface MatchedClient {
  /** As first written in the history. */
  name: string;
  key: string;
  /** The scenario segment whose one client stands for it. */
  segment: number;
  /** How: its own name, or the plan column naming the segment's plan. */
  by: 'name' | 'plan';
  /** Month index of its first ticket: it counts from the window holding it on. */
  firstMonth: number;
  /** Line of its first ticket, for messages. */
  firstLine: number;
}

/** The matching of a history's clients to a scenario's, with what could not be matched. */
export interface ClientMatching {
  clients: MatchedClient[];
  /** History clients with no match: name, first line, and why. */
  unmatched: { name: string; line: number; reason: string }[];
  /** Named scenario clients (segments of one) that no history client matches: left out. */
  absent: string[];
  /** Plans whose history clients had several segments to choose from: the largest was taken. */
  ambiguousPlans: string[];
}

/** The scenario plan a plan cell names: the exact name, else the same words (as calibrate writes keys). */
function planNamed(scenario: Scenario, cell: string): string | undefined {
  return (
    scenario.plans.find((p) => p.name === cell)?.name ??
    scenario.plans.find((p) => clientKey(p.name) === clientKey(cell) || toIdentifier(p.name) === toIdentifier(cell))?.name
  );
}

/**
 * Matches each history client to a scenario client (MODEL.md, "Backtest"): by name (case and
 * spacing aside) to a client of the scenario; else by the plan on its latest ticket to a segment
 * of that plan that no history client matched by name (the one with most clients when there are
 * several); without a plan column, to the scenario's only such segment.
 */
export function matchClients(tickets: readonly Ticket[], scenario: Scenario): ClientMatching {
  const byName = new Map<string, number>();
  scenario.clients.forEach((segment, s) => {
    if (!byName.has(clientKey(segment.name))) byName.set(clientKey(segment.name), s);
  });
  const firsts = new Map<string, Ticket>();
  const latestPlan = new Map<string, Ticket>();
  for (const t of tickets) {
    const key = clientKey(t.client);
    const first = firsts.get(key);
    if (!first || t.date < first.date) firsts.set(key, t);
    const plan = latestPlan.get(key);
    if (t.plan !== undefined && (!plan || t.date >= plan.date)) latestPlan.set(key, t);
  }
  const namedSegments = new Set<number>();
  for (const key of firsts.keys()) {
    const s = byName.get(key);
    if (s !== undefined) namedSegments.add(s);
  }
  const open = scenario.clients.map((_, s) => s).filter((s) => !namedSegments.has(s));
  const largest = (segments: number[]) => segments.reduce((best, s) => (scenario.clients[s].count > scenario.clients[best].count ? s : best), segments[0]);
  const matching: ClientMatching = { clients: [], unmatched: [], absent: [], ambiguousPlans: [] };
  for (const [key, first] of firsts) {
    const base = { name: first.client, key, firstMonth: first.monthIndex, firstLine: first.line };
    const named = byName.get(key);
    if (named !== undefined) {
      matching.clients.push({ ...base, segment: named, by: 'name' });
      continue;
    }
    const planTicket = latestPlan.get(key);
    if (planTicket?.plan !== undefined) {
      const plan = planNamed(scenario, planTicket.plan);
      const candidates = plan === undefined ? [] : open.filter((s) => scenario.clients[s].plan === plan);
      if (candidates.length === 0) {
        matching.unmatched.push({
          name: first.client,
          line: planTicket.line,
          reason:
            plan === undefined
              ? `no client of that name in the scenario, and its plan "${planTicket.plan}" is none of the scenario's plans (${scenario.plans.map((p) => p.name).join(', ')})`
              : `no client of that name in the scenario, and no segment on its plan ${plan} is left for it (those are named clients)`,
        });
        continue;
      }
      if (candidates.length > 1 && plan !== undefined && !matching.ambiguousPlans.includes(plan)) matching.ambiguousPlans.push(plan);
      matching.clients.push({ ...base, segment: largest(candidates), by: 'plan' });
      continue;
    }
    if (open.length === 1) {
      matching.clients.push({ ...base, segment: open[0], by: 'plan' });
      continue;
    }
    matching.unmatched.push({
      name: first.client,
      line: first.line,
      reason:
        open.length === 0
          ? 'no client of that name in the scenario, and every scenario client is a named one'
          : `no client of that name in the scenario, and the history has no plan column to say which of its ${open.length} segments it belongs to`,
    });
  }
  scenario.clients.forEach((segment, s) => {
    if (segment.count === 1 && !namedSegments.has(s) && byName.get(clientKey(segment.name)) === s && open.includes(s)) {
      // A client of one that nobody in the history is: absent, unless a plan match used it as a segment.
      if (!matching.clients.some((c) => c.segment === s)) matching.absent.push(segment.name);
    }
  });
  return matching;
}
