import { formatTable } from '../report/table.js';
import type { EffortFit } from './effortFit.js';
import type { CalibrationFit } from './fitHistory.js';
import { hoursText, significant, withError } from './numbers.js';
import type { ScenarioSettings } from './scenarioYaml.js';
import { windowLabel } from './window.js';

/** Median and p90 of an effort fit, hours: the fitted ones for a lognormal, else the observed. */
function effortQuantiles(effort: EffortFit): [number, number] {
  if (effort.dist === 'fixed') return [effort.value, effort.value];
  return [effort.median, effort.p90];
}

/**
 * The fit as a text table, one row per request type: tickets, λ per client-month ± its
 * standard error, Poisson or the negative binomial k, the effort distribution with its median
 * and p90 in hours. A `?` marks a category guessed from the name.
 */
export function formatFitTable(fit: CalibrationFit): string {
  const rows = fit.requestTypes.map((t) => {
    const [median, p90] = effortQuantiles(t.effort);
    return [
      t.name,
      `${t.category}${t.categoryGuessed ? '?' : ''}`,
      t.zeroHourTickets > 0 ? `${t.tickets} (${t.zeroHourTickets} at 0 h)` : String(t.tickets),
      withError(t.perMonth, t.perMonthSe),
      t.dispersion.k === undefined ? 'Poisson' : `k = ${significant(t.dispersion.k, 3)}`,
      t.effort.dist === 'empirical' ? `empirical (${t.effort.n})` : t.effort.dist,
      hoursText(median),
      hoursText(p90),
    ];
  });
  const table = formatTable(
    [
      { header: 'request type', align: 'left' },
      { header: 'category', align: 'left' },
      { header: 'tickets' },
      { header: 'per client-month' },
      { header: 'dispersion', align: 'left' },
      { header: 'effort', align: 'left' },
      { header: 'median h' },
      { header: 'p90 h' },
    ],
    rows,
  );
  const w = fit.window;
  const clients = fit.clients > fit.clientsInHistory ? `${fit.clients} clients (${fit.clientsInHistory} in the file)` : `${fit.clients} clients`;
  const plans = fit.plansFromFile ? `; plans: ${fit.plans.map((p) => `${p.name} (${p.clients}, usage ${significant(p.usage, 3)})`).join(', ')}` : '';
  return [
    `${fit.file}: ${fit.tickets.toLocaleString('en-US')} tickets of ${clients} over ${w.months} months (${windowLabel(w)})${plans}`,
    '',
    table,
    '',
    'per client-month: λ ± 1 standard error. dispersion: Poisson, or negative binomial k when client-months are bursty (1% test).',
    ...(fit.requestTypes.some((t) => t.categoryGuessed) ? ['category?: guessed from the name; check it, or set it with --category TYPE=CATEGORY.'] : []),
  ].join('\n');
}

function effortJson(effort: EffortFit): Record<string, unknown> {
  switch (effort.dist) {
    case 'lognormal':
      return {
        dist: 'lognormal',
        n: effort.n,
        median: effort.median,
        median_se: effort.medianSe,
        sigma: effort.sigma,
        sigma_se: effort.sigmaSe,
        p90: effort.p90,
        observed_p90: effort.observedP90,
      };
    case 'empirical':
      return { dist: 'empirical', n: effort.n, values: effort.values, median: effort.median, p90: effort.p90 };
    case 'fixed':
      return { dist: 'fixed', n: effort.n, value: effort.value };
  }
}

/** The fit as the `--json` document: the run identity fields INTERFACE.md asks of every command, then the fit. */
export function fitJson(fit: CalibrationFit, settings: ScenarioSettings, out: string): Record<string, unknown> {
  return {
    scenario: settings.name,
    trials: settings.trials,
    seed: settings.seed,
    term_months: 12,
    clients: fit.clients,
    history: fit.file,
    out,
    tickets: fit.tickets,
    zero_hour_tickets: fit.zeroHourTickets,
    clients_in_history: fit.clientsInHistory,
    first_date: fit.window.firstDate,
    last_date: fit.window.lastDate,
    span_months: fit.window.spanMonths,
    months: fit.window.months,
    cost_per_hour: settings.costPerHour,
    hourly_rate: settings.hourlyRate,
    defaults: [...(settings.costPerHourIsDefault ? ['cost_per_hour'] : []), ...(settings.hourlyRateIsDefault ? ['hourly_rate'] : [])],
    request_types: Object.fromEntries(
      fit.requestTypes.map((t) => [
        t.name,
        {
          labels: t.labels,
          category: t.category,
          category_guessed: t.categoryGuessed,
          tickets: t.tickets,
          zero_hour_tickets: t.zeroHourTickets,
          requests: t.requests,
          per_month: t.perMonth,
          per_month_se: t.perMonthSe,
          dispersion: {
            k: t.dispersion.k ?? null,
            mean: t.dispersion.mean,
            variance: t.dispersion.variance,
            index: t.dispersion.index,
            statistic: t.dispersion.statistic,
            degrees_of_freedom: t.dispersion.degreesOfFreedom,
            p_value: t.dispersion.pValue,
          },
          effort: effortJson(t.effort),
        },
      ]),
    ),
    plans: Object.fromEntries(
      fit.plans.map((p) => [
        p.name,
        { labels: p.labels, clients: p.clients, clients_without_tickets: p.clientsWithoutTickets, requests: p.requests, usage: p.usage },
      ]),
    ),
    plan_changes: fit.planChanges,
  };
}
