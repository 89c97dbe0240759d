import type { RunIdentity } from '../analysis/runReport.js';
import type { SlaResult } from '../analysis/sla.js';
import { formatHeader } from './breakevenText.js';
import type { CsvTable } from './csv.js';
import { formatHours, formatMoney, formatPercent } from './format.js';
import { formatTable } from './table.js';

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

/** `12.3% ± 0.4%`. */
const share = (value: number, se: number) => (Number.isFinite(value) ? `${formatPercent(value, 2)} ± ${formatPercent(se, 3)}` : '–');

/**
 * The terminal text of `fairfee sla`: per plan the promise, P(breach), P(a client-month has a
 * breach), response times and penalties; the team's utilisation; the staffing table and the
 * smallest team that keeps each plan under the breach limit.
 */
export function slaText(identity: RunIdentity, result: SlaResult): string {
  const currency = identity.currency;
  const plans = formatTable(
    [
      { header: 'plan', align: 'left' },
      { header: 'promise', align: 'left' },
      { header: 'P(breach)' },
      { header: 'P(month with breach)' },
      { header: 'p50' },
      { header: 'p90' },
      { header: 'p95' },
      { header: 'penalty/client-month' },
    ],
    result.plans.map((p) => [
      p.plan,
      `${formatHours(p.responseHours)} ${p.coverage === '24x7' ? '24x7' : 'business'}, priority ${p.priority}`,
      share(p.breachProbability, p.breachProbabilityStandardError),
      formatPercent(p.clientMonthBreachProbability, 1),
      formatHours(p.responseHoursP50),
      formatHours(p.responseHoursP90),
      formatHours(p.responseHoursP95),
      formatMoney(p.expectedPenaltyPerClientMonth, currency),
    ]),
  );
  const t = result.team;
  const team = [
    `Team: ${t.people} ${t.people === 1 ? 'person' : 'people'} ${t.aroundTheClock ? 'around the clock' : 'in business hours'}, utilisation ${formatPercent(t.utilisation, 1)}`,
    ...(t.onCallPeople > 0
      ? [
          `On call: ${t.onCallPeople} after hours for 24x7 plans, ${formatMoney(t.onCallCostPerMonth, currency)} a month, utilisation ${formatPercent(t.onCallUtilisation, 1)}`,
        ]
      : []),
  ];
  const names = result.plans.map((p) => p.plan);
  const staffing = formatTable(
    [{ header: 'people' }, { header: 'utilisation' }, ...names.flatMap((n) => [{ header: `${n} P(breach)` }, { header: `${n} penalty/cm` }])],
    result.staffing.map((row) => [
      String(row.people),
      formatPercent(row.utilisation, 1),
      ...row.plans.flatMap((p) => [share(p.breachProbability, p.breachProbabilityStandardError), formatMoney(p.expectedPenaltyPerClientMonth, currency)]),
    ]),
  );
  const smallest = result.smallestTeam.map(
    (s) =>
      `  ${s.plan}: ${s.people === null ? `none of the sizes tried keeps P(breach) under ${formatPercent(result.maxBreach, 1)}` : `${s.people} ${s.people === 1 ? 'person' : 'people'}`}`,
  );
  return [
    formatHeader(identity),
    '',
    "Response-time promises (response on the plan's clock: business hours, or all hours for 24x7)",
    plans,
    '',
    ...team,
    '',
    'Staffing: the same requests served by other team sizes',
    staffing,
    '',
    `Smallest team keeping P(breach) under ${formatPercent(result.maxBreach, 1)}:`,
    ...smallest,
  ].join('\n');
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
