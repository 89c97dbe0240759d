import type { ScenarioSummary } from '../analysis/scenarioSummary.js';

/**
 * The one line `fairfee validate` prints for a valid file.
 * @example validateText('shop.yaml', summary) // 'shop.yaml: ok: "Shop", 12 clients in 2 segments on …'
 */
export function validateText(file: string, summary: ScenarioSummary): string {
  return (
    `${file}: ok: "${summary.scenario}", ${count(summary.clients, 'client')} in ${count(summary.segments, 'segment')} on ` +
    `${count(summary.plans.length, 'plan')} (${summary.plans.join(', ')}), ${count(summary.request_types.length, 'request type')}, ${summary.term_months}-month term`
  );
}

/** `1 plan`, `3 plans`, `1,000 clients`. */
function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
