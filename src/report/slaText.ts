import type { RunIdentity } from '../analysis/runReport.js';
import type { SlaResult } from '../analysis/sla.js';
import { formatHeader } from './breakevenText.js';
import type { CsvTable } from './csv.js';
import { formatTable } from './table.js';
import { EN_TEXT, type TextStyle } from './i18n/textStyle.js';

/**
 * The `--json` document of `fairfee sla`: docs/interface.md's fields (`plans` {NAME: …},
 * `team` {`people`, `utilisation`}, `staffing`) after the identity fields, and a few more.
 * Non-finite numbers become null with a note when printed (printJson).
 */
export function slaJson(identity: RunIdentity, result: SlaResult) {
  return {
    ...identity,
    max_breach: result.maxBreach,
    plans: Object.fromEntries(
      result.plans.map((p) => [
        p.plan,
        {
          clients: p.clients,
          response_hours: p.responseHours,
          coverage: p.coverage,
          priority: p.priority,
          requests_per_term: p.requestsPerTerm,
          breach_probability: p.breachProbability,
          breach_probability_standard_error: p.breachProbabilityStandardError,
          client_month_breach_probability: p.clientMonthBreachProbability,
          response_hours_p50: p.responseHoursP50,
          response_hours_p90: p.responseHoursP90,
          response_hours_p95: p.responseHoursP95,
          expected_penalty_per_client_month: p.expectedPenaltyPerClientMonth,
          expected_penalty_standard_error: p.expectedPenaltyStandardError,
          smallest_team: result.smallestTeam.find((s) => s.plan === p.plan)?.people ?? null,
        },
      ]),
    ),
    team: {
      people: result.team.people,
      utilisation: result.team.utilisation,
      around_the_clock: result.team.aroundTheClock,
      on_call_people: result.team.onCallPeople,
      on_call_utilisation: result.team.onCallPeople > 0 ? result.team.onCallUtilisation : null,
      on_call_cost_per_month: result.team.onCallCostPerMonth,
    },
    staffing: result.staffing.map((row) => ({
      people: row.people,
      utilisation: row.utilisation,
      plans: Object.fromEntries(
        row.plans.map((p) => [
          p.plan,
          {
            breach_probability: p.breachProbability,
            breach_probability_standard_error: p.breachProbabilityStandardError,
            expected_penalty_per_client_month: p.expectedPenaltyPerClientMonth,
          },
        ]),
      ),
    })),
  };
}

/**
 * The terminal text of `fairfee sla`: per plan the promise, P(breach), P(a client-month has a
 * breach), response times and penalties; the team's utilisation; the staffing table and the
 * smallest team that keeps each plan under the breach limit.
 */
export function slaText(identity: RunIdentity, result: SlaResult, s: TextStyle = EN_TEXT): string {
  const { n } = s;
  const w = s.t.sla;
  const currency = identity.currency;
  /** `12.3% ± 0.4%`. */
  const share = (value: number, se: number) => (Number.isFinite(value) ? `${n.percent(value, 2)} ± ${n.percent(se, 3)}` : '–');
  const plans = formatTable(
    w.headers.map((header, i) => ({ header, align: i < 2 ? ('left' as const) : ('right' as const) })),
    result.plans.map((p) => [
      p.plan,
      w.promise({ hours: n.hours(p.responseHours), aroundTheClock: p.coverage === '24x7', priority: p.priority }),
      share(p.breachProbability, p.breachProbabilityStandardError),
      n.percent(p.clientMonthBreachProbability, 1),
      n.hours(p.responseHoursP50),
      n.hours(p.responseHoursP90),
      n.hours(p.responseHoursP95),
      n.money(p.expectedPenaltyPerClientMonth, currency),
    ]),
  );
  const t = result.team;
  const team = [
    w.team({ people: w.people(t.people), aroundTheClock: t.aroundTheClock, utilisation: n.percent(t.utilisation, 1) }),
    ...(t.onCallPeople > 0
      ? [w.onCall({ people: t.onCallPeople, cost: n.money(t.onCallCostPerMonth, currency), utilisation: n.percent(t.onCallUtilisation, 1) })]
      : []),
  ];
  const names = result.plans.map((p) => p.plan);
  const staffing = formatTable(
    [
      { header: w.staffingPeople },
      { header: w.staffingUtilisation },
      ...names.flatMap((name) => [{ header: w.staffingBreach(name) }, { header: w.staffingPenalty(name) }]),
    ],
    result.staffing.map((row) => [
      String(row.people),
      n.percent(row.utilisation, 1),
      ...row.plans.flatMap((p) => [share(p.breachProbability, p.breachProbabilityStandardError), n.money(p.expectedPenaltyPerClientMonth, currency)]),
    ]),
  );
  const max = n.percent(result.maxBreach, 1);
  const smallest = result.smallestTeam.map((team) => `  ${team.plan}: ${team.people === null ? w.smallestNone(max) : w.people(team.people)}`);
  return [formatHeader(identity, s), '', w.title, plans, '', ...team, '', w.staffingTitle, staffing, '', w.smallestTitle(max), ...smallest].join('\n');
}

/** The `--csv` table: one row per team size and plan. */
export function slaCsv(result: SlaResult): CsvTable {
  return {
    columns: [
      { name: 'people', kind: 'count' },
      { name: 'plan', kind: 'text' },
      { name: 'utilisation', kind: 'share' },
      { name: 'breach_probability', kind: 'share' },
      { name: 'breach_probability_standard_error', kind: 'share' },
      { name: 'expected_penalty_per_client_month', kind: 'money' },
    ],
    rows: result.staffing.flatMap((row) =>
      row.plans.map((p) => [row.people, p.plan, row.utilisation, p.breachProbability, p.breachProbabilityStandardError, p.expectedPenaltyPerClientMonth]),
    ),
  };
}

/** The plan figures as a typed table: the promise, response-time quantiles, P(breach), P(client-month with a breach), penalty. */
export function slaPlansCsv(result: SlaResult): CsvTable {
  return {
    columns: [
      { name: 'plan', kind: 'text' },
      { name: 'clients', kind: 'count' },
      { name: 'response_hours', kind: 'hours' },
      { name: 'response_hours_p50', kind: 'hours' },
      { name: 'response_hours_p90', kind: 'hours' },
      { name: 'response_hours_p95', kind: 'hours' },
      { name: 'breach_probability', kind: 'share' },
      { name: 'breach_probability_standard_error', kind: 'share' },
      { name: 'client_month_breach_probability', kind: 'share' },
      { name: 'expected_penalty_per_client_month', kind: 'money' },
    ],
    rows: result.plans.map((p) => [
      p.plan,
      p.clients,
      p.responseHours,
      p.responseHoursP50,
      p.responseHoursP90,
      p.responseHoursP95,
      p.breachProbability,
      p.breachProbabilityStandardError,
      p.clientMonthBreachProbability,
      p.expectedPenaltyPerClientMonth,
    ]),
  };
}
