import type { EffortFit } from '../analysis/calibrate/effortFit.js';
import { DISPERSION_TEST_LEVEL } from '../analysis/calibrate/dispersionTest.js';
import { type CalibrationFit, type CredibleClient, type FittedRequestType, MIN_CREDIBILITY_MONTHS } from '../analysis/calibrate/fitHistory.js';
import { CREDIBILITY_TEST_LEVEL } from '../analysis/calibrate/credibility.js';
import { MIN_LOGNORMAL_OBSERVATIONS } from '../analysis/calibrate/effortFit.js';
import { pValueText, significant, withError } from './format.js';
import { windowLabel } from '../analysis/calibrate/window.js';
import { visibleText } from '../scenario/history/visibleText.js';

/** The scenario settings that do not come from the history. */
export interface ScenarioSettings {
  name: string;
  currency: string;
  costPerHour: number;
  hourlyRate: number;
  /** True when costPerHour / hourlyRate are the defaults, not the user's: the file says so. */
  costPerHourIsDefault: boolean;
  hourlyRateIsDefault: boolean;
  seed: number;
  trials: number;
}

/**
 * One line of free text for a comment or a quoted YAML string: no line breaks, and control and
 * bidi characters as visible `\uXXXX` text, so a name from the history can neither break the
 * file nor reorder what an editor shows, and the scenario reads it back as plain text.
 */
const oneLine = (text: string) => visibleText(text.replace(/\s+/g, ' ').trim());
/** A YAML double-quoted string (JSON's escapes are YAML's). */
const quoted = (text: string) => JSON.stringify(oneLine(text));
/** A line with a comment, the comments of a block aligned. */
const commented = (text: string, comment: string) => `${text.padEnd(24)} # ${comment}`;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

function effortYaml(effort: EffortFit): string {
  switch (effort.dist) {
    case 'lognormal':
      return `{ dist: lognormal, median: ${significant(effort.median)}, sigma: ${significant(effort.sigma)} }`;
    case 'empirical':
      return `{ dist: empirical, values: [${[...effort.values]
        .sort((a, b) => a - b)
        .map((v) => significant(v, 6))
        .join(', ')}] }`;
    case 'fixed':
      return significant(effort.value);
  }
}

function effortComments(effort: EffortFit): string[] {
  switch (effort.dist) {
    case 'lognormal':
      return [
        `lognormal, maximum likelihood on the logs of ${plural(effort.n, 'ticket')}' hours (± 1 standard error):`,
        `median = exp(mean ln h) = ${withError(effort.median, effort.medianSe)} h, sigma = sd of ln h = ${withError(effort.sigma, effort.sigmaSe)};`,
        `fitted p90 ${significant(effort.p90, 3)} h vs ${significant(effort.observedP90, 3)} h observed`,
      ];
    case 'empirical':
      return [`only ${plural(effort.n, 'ticket')} with hours (a lognormal needs ${MIN_LOGNORMAL_OBSERVATIONS}): the observed hours, resampled`];
    case 'fixed':
      if (effort.n === 0) return ['no ticket with hours > 0: nothing to fit'];
      return [effort.n === 1 ? `the one ticket took ${significant(effort.value)} h` : `all ${plural(effort.n, 'ticket')} took ${significant(effort.value)} h`];
  }
}

function frequencyComments(type: FittedRequestType, fit: CalibrationFit): string[] {
  const lines = [
    `${plural(type.requests, 'request')} / (${plural(fit.clients, 'client')} × ${plural(fit.window.months, 'month')}) = ${withError(type.perMonth, type.perMonthSe)} per client-month (± 1 standard error)`,
  ];
  const d = type.dispersion;
  const test = `dispersion index ${significant(d.index, 3)}, χ² = ${significant(d.statistic, 4)} on ${d.degreesOfFreedom} df, ${pValueText(d.pValue)}`;
  const around = fit.plans.length > 1 ? " around each plan's mean" : '';
  if (d.k !== undefined) {
    const formula = fit.plans.length > 1 ? 'k by the method of moments' : 'k = mean²/(variance − mean)';
    lines.push(
      `bursty: client-month counts vary more than Poisson counts${around}:`,
      `${test} (below ${DISPERSION_TEST_LEVEL}),`,
      `so negative binomial (variance λ + λ²/k) with ${formula} = ${significant(d.k, 3)}`,
    );
  } else if (d.degreesOfFreedom > 0 && d.mean > 0) {
    lines.push(`Poisson: client-month counts vary as Poisson counts do${around}:`, `${test} (bursty only below ${DISPERSION_TEST_LEVEL})`);
  } else {
    lines.push('Poisson: too few client-months to test for burstiness');
  }
  return lines;
}

function requestTypeYaml(type: FittedRequestType, fit: CalibrationFit): string[] {
  const comment = (lines: string[]) => lines.map((line) => `    # ${line}`);
  const names = type.labels.map((l) => JSON.stringify(oneLine(l))).join(', ');
  const zero = type.zeroHourTickets > 0 ? `; ${type.zeroHourTickets} with 0 hours left out (they add no hours)` : '';
  const category = type.categoryGuessed ? '# guessed from the name: check it' : '# from --category';
  const frequency =
    type.dispersion.k === undefined
      ? `{ per_month: ${significant(type.perMonth)} }`
      : `{ per_month: ${significant(type.perMonth)}, dispersion: ${significant(type.dispersion.k, 3)} }`;
  return [
    `  # ${names} in the file: ${plural(type.tickets, 'ticket')}${zero}`,
    `  ${type.name}:`,
    `    category: ${type.category}   ${category}`,
    ...comment(frequencyComments(type, fit)),
    `    frequency: ${frequency}`,
    ...comment(effortComments(type.effort)),
    `    effort: ${effortYaml(type.effort)}`,
  ];
}

/** The segments of clients without their own rates: one per plan, as before credibility. */
function segmentsYaml(fit: CalibrationFit, named: ReadonlyMap<string, number>): string[] {
  const lines: string[] = [];
  for (const plan of fit.plans) {
    const count = plan.clients - (named.get(plan.name) ?? 0);
    if (count <= 0) continue;
    const inHistory = count - plan.clientsWithoutTickets;
    const segment =
      named.size > 0 ? (fit.plansFromFile ? `other clients on ${plan.name}` : 'other clients') : fit.plansFromFile ? `clients on ${plan.name}` : 'clients';
    const without = plan.clientsWithoutTickets > 0 ? `${inHistory > 0 ? ', plus ' : ''}${plan.clientsWithoutTickets} without tickets (--clients)` : '';
    lines.push(
      `  - name: ${quoted(segment)}`,
      `    plan: ${plan.name}`,
      `    count: ${count}   # ${inHistory > 0 ? `${plural(inHistory, 'client')} in the history` : ''}${without}`,
    );
    if (fit.plansFromFile && fit.plans.length > 1 && named.size === 0) {
      const rate = plan.clients > 0 ? plan.requests / plan.clients / fit.window.months : 0;
      lines.push(
        `    usage: ${significant(plan.usage, 3)}   # ${significant(rate, 3)} requests per client-month on this plan vs ${significant(
          fit.requestTypes.reduce((s, t) => s + t.perMonth, 0),
          3,
        )} overall`,
      );
    }
    if (named.size > 0 && fit.heterogeneity > 0) {
      const all = fit.allRequests;
      lines.push(
        `    # how much clients differ: between-client variance τ² = ${significant(all.betweenVariance, 3)} of monthly requests around`,
        `    # the collective mean ${significant(all.collectiveMean, 3)} (Bühlmann–Straub), so cv = √τ²/mean:`,
        `    heterogeneity: ${significant(fit.heterogeneity, 3)}`,
      );
    }
  }
  return lines;
}

/** A named client with its credibility rates as overrides, each with where it came from. */
function credibleClientYaml(fit: CalibrationFit, client: CredibleClient, index: number): string[] {
  const lines = [`  - name: ${quoted(client.name)}`, `    plan: ${client.plan}`];
  // The plan's usage keeps what the plan column says for the types without own rates; the own
  // rates are divided by it, so that usage × rate is the credibility estimate itself.
  const usage = fit.plansFromFile && fit.plans.length > 1 ? (fit.plans.find((p) => p.name === client.plan)?.usage ?? 1) : 1;
  if (usage !== 1) lines.push(`    usage: ${significant(usage, 3)}   # the plan's, for the types without an own rate; own rates below are ÷ usage`);
  lines.push('    overrides:');
  for (const type of fit.requestTypes) {
    if (!(type.name in client.rates)) continue;
    const entity = type.credibility.entities[index];
    const perMonth = usage > 0 ? client.rates[type.name] / Number(significant(usage, 3)) : client.rates[type.name];
    lines.push(
      `      # own ${significant(entity.mean, 3)}/month over ${plural(entity.months, 'month')}, Z = ${significant(entity.factor, 3)}, collective ${significant(
        type.credibility.collectiveMean,
        3,
      )}: estimate ${significant(client.rates[type.name], 3)}`,
      `      ${type.name}: { frequency: { per_month: ${significant(perMonth)} } }`,
    );
  }
  return lines;
}

/** The clients: named ones with credibility rates when the history supports them, then segments. */
function clientsYaml(fit: CalibrationFit): string[] {
  const named = new Map<string, number>();
  for (const client of fit.credibleClients) named.set(client.plan, (named.get(client.plan) ?? 0) + 1);
  const credible = fit.requestTypes.filter((t) => t.credibility.significant).map((t) => t.name);
  const lines = ['# Who the clients are.'];
  if (fit.credibleClients.length > 0) {
    lines.push(
      `# Clients differ by more than chance in ${credible.join(', ')} (Bühlmann–Straub between-client variance,`,
      `# ${CREDIBILITY_TEST_LEVEL * 100}% test), so each client of the history is named with its credibility rate for those:`,
      '# Z·(its own monthly mean) + (1 − Z)·(the collective mean), Z = months/(months + σ²/τ²). Other types',
      "# take the portfolio rate above (times the plan's usage). A new client is priced like the segment below.",
    );
  } else if (fit.requestTypes.length > 0) {
    const short = fit.window.months < MIN_CREDIBILITY_MONTHS && fit.requestTypes.some((t) => t.credibility.significant);
    lines.push(
      short
        ? `# The window of ${plural(fit.window.months, 'month')} is too short for a client's own rate (at least ${MIN_CREDIBILITY_MONTHS}): everyone gets the collective rate.`
        : '# The between-client variance is not significant for any request type: clients do not differ by',
      ...(short ? [] : ['# more than chance, so everyone gets the collective rate (no named clients).']),
      '# Heterogeneity is not fitted: the dispersion above already holds the spread of all client-months.',
    );
  }
  lines.push('clients:');
  fit.credibleClients.forEach((client) => {
    lines.push(
      ...credibleClientYaml(
        fit,
        client,
        fit.requestTypes[0].credibility.entities.findIndex((e) => e.name === client.key),
      ),
    );
  });
  lines.push(...segmentsYaml(fit, named));
  return lines;
}

function plansAndClientsYaml(fit: CalibrationFit): string[] {
  const covers = `[${fit.requestTypes.map((t) => t.name).join(', ')}]`;
  const lines = [
    '# What clients buy. The history does not say what your contracts cover, so each plan covers',
    '# every request type with unlimited hours. Add included_hours, overage_rate and',
    '# fixed_monthly_cost (hosting, licences) as you sell them, and monthly_fee to evaluate the',
    '# price you charge today; without it fairfee solves for the fee.',
    'plans:',
  ];
  for (const plan of fit.plans) {
    const from = plan.labels.length > 0 ? `   # ${plan.labels.map((l) => JSON.stringify(oneLine(l))).join(', ')} in the plan column` : '';
    lines.push(`  ${plan.name}:${from}`, `    covers: ${covers}`);
  }
  lines.push('', ...clientsYaml(fit));
  return lines;
}

/**
 * The calibrated scenario as YAML text: a complete, valid scenario (docs/interface.md) with a comment
 * at every fitted number saying where it came from, and at every default saying to check it.
 * The text depends only on the fit and the settings (no date of writing), so the same history
 * gives the same file.
 * @example scenarioYaml(fitHistory(history), settings) // 'name: "Calibrated from history.csv"\n...'
 */
export function scenarioYaml(fit: CalibrationFit, settings: ScenarioSettings): string {
  const w = fit.window;
  const monthsSource = w.lastMonthsOf
    ? `the last ${plural(w.months, 'month')} (--window-months; the file runs from ${w.lastMonthsOf.firstDate}), ${windowLabel(w)}`
    : w.monthsGiven
      ? `${plural(w.months, 'month')} (--months; the dates span ${plural(w.spanMonths, 'calendar month')}, ${windowLabel(w)})`
      : `${plural(w.months, 'month')} (calendar months ${windowLabel(w)})`;
  const clientsSource =
    fit.clients > fit.clientsInHistory ? `${fit.clients} clients (--clients; ${fit.clientsInHistory} in the file)` : `${plural(fit.clients, 'client')}`;
  const defaultNote = (isDefault: boolean, option: string) => (isDefault ? `DEFAULT, not from the history: set yours (or ${option})` : `from ${option}`);
  const lines = [
    `# Calibrated by \`fairfee calibrate\` from ${oneLine(fit.file)}: ${plural(fit.tickets, 'ticket')} of ${clientsSource}`,
    `# from ${w.firstDate} to ${w.lastDate}, taken as ${monthsSource}.`,
    '# Rates are per client per month, efforts hours per request. Each fitted number says where it',
    '# came from; check the categories and the lines marked DEFAULT, then: fairfee run THIS_FILE',
    ...(fit.zeroHourTickets > 0
      ? [
          `# ${plural(fit.zeroHourTickets, 'ticket')} with 0 hours ${fit.zeroHourTickets === 1 ? 'is' : 'are'} left out of the rates and efforts: they add no hours.`,
        ]
      : []),
    ...(fit.planChanges > 0 ? [`# ${plural(fit.planChanges, 'client')} changed plan within the history; each is put on its latest plan.`] : []),
    '',
    `name: ${quoted(settings.name)}`,
    commented(`currency: ${quoted(settings.currency)}`, 'only a label'),
    commented('term_months: 12', 'the contract term simulated'),
    commented('confidence: 0.95', 'break-even fees make no loss in 95% of simulated terms'),
    commented(`trials: ${settings.trials}`, 'simulated terms'),
    commented(`seed: ${settings.seed}`, 'same seed, same numbers'),
    commented(
      `cost_per_hour: ${significant(settings.costPerHour, 10)}`,
      `what an hour of work costs you; ${defaultNote(settings.costPerHourIsDefault, '--cost-per-hour')}`,
    ),
    commented(
      `hourly_rate: ${significant(settings.hourlyRate, 10)}`,
      `what a client pays per hour without a contract; ${defaultNote(settings.hourlyRateIsDefault, '--hourly-rate')}`,
    ),
    '',
    commented('x_calibration:', 'where the numbers came from (x_ keys are notes; fairfee ignores them)'),
    `  history: ${quoted(fit.file)}`,
    `  first_date: "${w.firstDate}"`,
    `  last_date: "${w.lastDate}"`,
    `  months: ${w.months}`,
    `  clients: ${fit.clients}`,
    `  tickets: ${fit.tickets}`,
    `  zero_hour_tickets: ${fit.zeroHourTickets}`,
    '',
    '# What clients ask for, most requested first. category is one of corrective, adaptive,',
    '# perfective, preventive, support: a label in reports; no number depends on it.',
    'request_types:',
  ];
  fit.requestTypes.forEach((type, i) => {
    lines.push(...(i > 0 ? [''] : []), ...requestTypeYaml(type, fit));
  });
  lines.push('', ...plansAndClientsYaml(fit));
  return `${lines.join('\n')}\n`;
}
