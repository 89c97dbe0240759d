import type { EffortFit } from '../analysis/calibrate/effortFit.js';
import type { CalibrationFit } from '../analysis/calibrate/fitHistory.js';
import type { ScenarioSettings } from './scenarioYaml.js';

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

/** The fit as the `--json` document: the run identity fields docs/interface.md asks of every command, then the fit. */
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
    warnings: fit.warnings,
  };
}
