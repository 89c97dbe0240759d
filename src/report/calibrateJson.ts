import type { EffortFit } from '../analysis/calibrate/effortFit.js';
import type { CredibilityFit } from '../analysis/calibrate/credibility.js';
import { type CalibrationFit, SILENT_CLIENT } from '../analysis/calibrate/fitHistory.js';
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
  const names = new Map(fit.clientNames);
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
    credibility: Object.fromEntries(fit.requestTypes.map((t) => [t.name, credibilityJson(t.credibility, names)])),
    all_requests_credibility: credibilityJson(fit.allRequests, names),
    heterogeneity: fit.heterogeneity,
    named_clients: fit.credibleClients.map((c) => c.name),
    ...(fit.window.lastMonthsOf ? { window_months: fit.window.lastMonthsOf.months, history_first_date: fit.window.lastMonthsOf.firstDate } : {}),
    warnings: fit.warnings,
  };
}

/**
 * One request type's Bühlmann–Straub figures (docs/interface.md: within_variance,
 * between_variance, collective_mean, clients {NAME: {months, mean, factor, estimate}}), clients
 * by the name the file first gives them. σ² is null (with a note) when no client has two months.
 */
function credibilityJson(fit: CredibilityFit, names: ReadonlyMap<string, string>): Record<string, unknown> {
  const clients: [string, unknown][] = fit.entities
    .filter((e) => !e.name.startsWith(SILENT_CLIENT))
    .map((e) => [names.get(e.name) ?? e.name, { months: e.months, mean: e.mean, factor: e.factor, estimate: e.estimate }]);
  return {
    within_variance: fit.withinVariance,
    ...(Number.isFinite(fit.withinVariance) ? {} : { within_variance_note: 'no client has two months: nothing to estimate it from' }),
    between_variance: fit.betweenVariance,
    collective_mean: fit.collectiveMean,
    weighted_mean: fit.weightedMean,
    statistic: Number.isFinite(fit.statistic) ? fit.statistic : null,
    ...(Number.isFinite(fit.statistic) ? {} : { statistic_note: 'every client has the same count each month, and their means differ' }),
    degrees_of_freedom: fit.degreesOfFreedom,
    p_value: fit.pValue,
    significant: fit.significant,
    clients_without_tickets: fit.entities.filter((e) => e.name.startsWith(SILENT_CLIENT)).length,
    // Entries, not assignments: a client named __proto__ must stay a key.
    clients: Object.fromEntries(clients),
  };
}
