import { clientKey, type History, type Ticket } from '../../scenario/history/history.js';
import { toIdentifier } from './identifier.js';

/** The plan of a history without a plan column, and of clients whose plan cells are empty. */
export const DEFAULT_PLAN = 'standard';

/** A plan and the clients on it, as the history shows them. */
export interface FittedPlan {
  /** The scenario key. */
  name: string;
  /** The names in the plan column that became this key; empty for the default plan. */
  labels: string[];
  /** Clients on the plan, including clientsWithoutTickets. */
  clients: number;
  /** Clients added with --clients (they asked nothing in the history); put on the largest plan. */
  clientsWithoutTickets: number;
  /** Requests (tickets with hours > 0) of the plan's clients, all types. */
  requests: number;
  /**
   * The plan's clients' request rate relative to all clients': (requests/clients of the plan)
   * / (requests/clients overall); the scenario's `usage` of the plan's segment. The
   * client-weighted mean over plans is 1, so the fitted rates stay the portfolio's average.
   */
  usage: number;
}

/**
 * Puts each client on a plan: the plan on its latest ticket that names one (clients change
 * plans; the latest is what they will be on), the default plan when none does. Clients added
 * with --clients go to the plan with most clients.
 * @param clients all clients, ≥ the distinct clients in the history
 * @returns the plans, largest first; the plan of each client in the history (by clientKey);
 *   and how many clients changed plan within the history
 */
export function assignPlans(history: History, clients: number): { plans: FittedPlan[]; planOf: (client: string) => string; planChanges: number } {
  const latest = new Map<string, Ticket | undefined>();
  const seen = new Map<string, Set<string>>();
  const requests = new Map<string, number>();
  for (const t of history.tickets) {
    const key = clientKey(t.client);
    if (!latest.has(key)) latest.set(key, undefined);
    if (t.hours > 0) requests.set(key, (requests.get(key) ?? 0) + 1);
    if (t.plan === undefined) continue;
    const current = latest.get(key);
    if (!current || t.date > current.date || (t.date === current.date && t.line > current.line)) latest.set(key, t);
    seen.set(key, (seen.get(key) ?? new Set()).add(toIdentifier(t.plan, DEFAULT_PLAN)));
  }
  const byPlan = new Map<string, FittedPlan>();
  const planByClient = new Map<string, string>();
  for (const [key, ticket] of latest) {
    const name = ticket?.plan === undefined ? DEFAULT_PLAN : toIdentifier(ticket.plan, DEFAULT_PLAN);
    planByClient.set(key, name);
    const plan = byPlan.get(name) ?? { name, labels: [], clients: 0, clientsWithoutTickets: 0, requests: 0, usage: 1 };
    plan.clients++;
    plan.requests += requests.get(key) ?? 0;
    byPlan.set(name, plan);
  }
  for (const t of history.tickets) {
    if (t.plan === undefined) continue;
    const plan = byPlan.get(toIdentifier(t.plan, DEFAULT_PLAN));
    if (plan && !plan.labels.includes(t.plan)) plan.labels.push(t.plan);
  }
  const plans = [...byPlan.values()].sort((a, b) => b.clients - a.clients || a.name.localeCompare(b.name));
  const extra = clients - latest.size;
  if (extra > 0) {
    plans[0].clients += extra;
    plans[0].clientsWithoutTickets = extra;
  }
  const totalRequests = plans.reduce((s, p) => s + p.requests, 0);
  for (const plan of plans) {
    plan.labels.sort();
    plan.usage = totalRequests > 0 ? plan.requests / plan.clients / (totalRequests / clients) : 1;
  }
  const planChanges = [...seen.values()].filter((names) => names.size > 1).length;
  return { plans, planOf: (client) => planByClient.get(client) ?? plans[0].name, planChanges };
}
