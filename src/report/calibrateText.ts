import { formatTable } from './table.js';
import type { EffortFit } from '../analysis/calibrate/effortFit.js';
import { type CalibrationFit, MIN_CREDIBILITY_MONTHS } from '../analysis/calibrate/fitHistory.js';
import { hoursText, pValueText, significant, withError } from './format.js';
import type { ScenarioSettings } from './scenarioYaml.js';
import { windowLabel } from '../analysis/calibrate/window.js';
import { visibleText } from '../scenario/history/visibleText.js';

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
    `${visibleText(fit.file)}: ${fit.tickets.toLocaleString('en-US')} tickets of ${clients} over ${w.months} months (${windowLabel(w)})${plans}`,
    '',
    table,
    '',
    'per client-month: λ ± 1 standard error. dispersion: Poisson, or negative binomial k when client-months are bursty (1% test).',
    ...(fit.requestTypes.some((t) => t.categoryGuessed) ? ['category?: guessed from the name; check it, or set it with --category TYPE=CATEGORY.'] : []),
  ].join('\n');
}

/**
 * The credibility section: per request type the Bühlmann–Straub within and between variances of
 * clients' monthly counts, the collective mean, the test of τ² = 0, the range of the factors Z;
 * then what the scenario does with them (named clients with their own rates, or the collective
 * rate for everyone).
 */
export function formatCredibility(fit: CalibrationFit): string {
  const rows = fit.requestTypes.map((t) => {
    const c = t.credibility;
    const factors = c.entities.map((e) => e.factor);
    const low = Math.min(...factors);
    const high = Math.max(...factors);
    return [
      t.name,
      Number.isFinite(c.withinVariance) ? significant(c.withinVariance, 3) : '-',
      significant(c.betweenVariance, 3),
      significant(c.collectiveMean, 3),
      pValueText(c.pValue),
      low === high ? significant(low, 3) : `${significant(low, 3)}–${significant(high, 3)}`,
      c.significant ? 'own rates' : 'collective',
    ];
  });
  const table = formatTable(
    [
      { header: 'request type', align: 'left' },
      { header: 'within σ²' },
      { header: 'between τ²' },
      { header: 'collective' },
      { header: 'τ² = 0 test' },
      { header: 'Z' },
      { header: 'scenario', align: 'left' },
    ],
    rows,
  );
  const named = fit.credibleClients.length;
  const verdict =
    named > 0
      ? `${named === 1 ? 'One client is written with its own rate' : `${named} clients are written each with its own rate`} (Z·own mean + (1 − Z)·collective) for the types marked "own rates".`
      : fit.requestTypes.some((t) => t.credibility.significant)
        ? `The window of ${fit.window.months} months is too short for clients' own rates (at least ${MIN_CREDIBILITY_MONTHS}): everyone gets the collective rate.`
        : 'The between-client variance is not significant for any type: clients differ no more than chance makes them; everyone gets the collective rate.';
  return [
    "Credibility (Bühlmann–Straub over clients' monthly requests): how far each client's own history counts.",
    '',
    table,
    '',
    verdict,
    ...(fit.heterogeneity > 0 && named > 0
      ? [`New clients: heterogeneity (cv of a client's intensity) ${significant(fit.heterogeneity, 3)} = √τ² / collective mean of all requests.`]
      : []),
  ].join('\n');
}

/**
 * The terminal text of `fairfee calibrate`: the fit table, what was written, which money
 * figures are placeholders (marked DEFAULT in the file), and the next step. File names are
 * shown with control and bidi characters escaped; every other name in it is a scenario key.
 * @param out the scenario file written
 */
export function calibrateText(fit: CalibrationFit, settings: ScenarioSettings, out: string): string {
  const defaults = [
    ...(settings.costPerHourIsDefault ? [`cost_per_hour ${settings.costPerHour} (--cost-per-hour)`] : []),
    ...(settings.hourlyRateIsDefault ? [`hourly_rate ${settings.hourlyRate} (--hourly-rate)`] : []),
  ];
  return [
    formatFitTable(fit),
    '',
    formatCredibility(fit),
    '',
    `Wrote ${visibleText(out)}: ${fit.requestTypes.length} request types, ${fit.plans.length === 1 ? 'one plan' : `${fit.plans.length} plans`}, ${fit.clients} clients, seed ${settings.seed}.`,
    ...(defaults.length > 0 ? [`Not from the history, marked DEFAULT in the file: ${defaults.join(', ')}; set your own.`] : []),
    `Next: check the file, then fairfee run ${visibleText(out)}`,
  ].join('\n');
}
