import { composeAvailabilities, type CompositionInput, type CompositionJson, type Downtime } from '../analysis/availability/composition.js';
import { formatHours, formatRows, formatUptimePercent } from './format.js';
import { EN_TEXT, inStyle, type TextStyle } from './i18n/textStyle.js';

/**
 * The terminal text of `fairfee availability --series|--parallel|--k-of-n`: the structure, then
 * the exact availability and the pessimistic bound, each with its downtime per month and year.
 * @example compositionText(composeAvailabilities({ mode: 'series', availabilities: [0.99, 0.996] }))
 */
export function compositionText(result: CompositionJson, s: TextStyle = EN_TEXT): string {
  const c = s.t.availability.composition;
  const u = (share: number) => inStyle(formatUptimePercent(share), s);
  const h = (hours: number) => inStyle(formatHours(hours), s);
  const line = (a: number, d: Downtime) => `${u(a).padEnd(9)} ${c.downtime({ month: h(d.hours_per_month), year: h(d.hours_per_year) })}`;
  return [
    c.structure({ mode: result.mode, k: result.k, components: result.components.length, list: result.components.map(u).join(', ') }),
    formatRows([
      [c.exact[result.mode], line(result.exact_availability, result.downtime.exact)],
      [c.bound[result.mode], `${line(result.pessimistic_bound, result.downtime.pessimistic)}  (${c.boundNote[result.mode]})`],
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
