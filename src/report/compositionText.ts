import {
  composeAvailabilities,
  type CompositionInput,
  type CompositionJson,
  type CompositionMode,
  type Downtime,
} from '../analysis/availability/composition.js';
import { formatHours, formatRows, formatUptimePercent } from './format.js';

function describeStructure(mode: CompositionMode, k: number, availabilities: readonly number[]): string {
  const n = availabilities.length;
  const list = availabilities.map((a) => formatUptimePercent(a)).join(', ');
  if (mode === 'series') return `${n} component${n === 1 ? '' : 's'} in series (all needed): ${list}`;
  if (mode === 'parallel') return `${n} components in parallel (one is enough): ${list}`;
  return `${k} of ${n} components needed: ${list}`;
}

/**
 * The terminal text of `fairfee availability --series|--parallel|--k-of-n`: the structure, then
 * the exact availability and the pessimistic bound, each with its downtime per month and year.
 * @example compositionText(composeAvailabilities({ mode: 'series', availabilities: [0.99, 0.996] }))
 */
export function compositionText(result: CompositionJson): string {
  const exactLabel = { series: 'exact (product)', parallel: 'exact, 1 − Π(1 − a)', k_of_n: 'exact (independent)' }[result.mode];
  const boundLabel = result.mode === 'series' ? 'additive bound' : 'pessimistic bound';
  const boundNote = {
    series: 'pessimistic: exact only when outages never overlap',
    parallel: 'if outages coincide as much as they can',
    k_of_n: 'whatever the dependence between components',
  }[result.mode];
  const line = (a: number, d: Downtime) =>
    `${formatUptimePercent(a).padEnd(9)} downtime ${formatHours(d.hours_per_month)}/month, ${formatHours(d.hours_per_year)}/year`;
  return [
    describeStructure(result.mode, result.k, result.components),
    formatRows([
      [exactLabel, line(result.exact_availability, result.downtime.exact)],
      [boundLabel, `${line(result.pessimistic_bound, result.downtime.pessimistic)}  (${boundNote})`],
    ]),
  ].join('\n');
}

/**
 * The study and its text at once: the JSON document (composeAvailabilities) and the terminal
 * text (compositionText). Pure, prints nothing.
 * @throws InputError for an empty list, a value outside [0, 1], or a bad k
 * @example compositionReport({ mode: 'series', availabilities: [0.99, 0.996] }).json.exact_availability // 0.98604
 */
export function compositionReport(input: CompositionInput): { text: string; json: CompositionJson } {
  const json = composeAvailabilities(input);
  return { text: compositionText(json), json };
}
