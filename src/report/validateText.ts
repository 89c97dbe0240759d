import type { ScenarioSummary } from '../analysis/scenarioSummary.js';

/**
 * The one line `fairfee validate` prints for a valid file.
 * @example validateText('shop.yaml', summary) // 'shop.yaml: ok: "Shop", 12 clients in 2 segments on …'
 */
export function validateText(file: string, summary: ScenarioSummary): string {
  return `${file}: ok: "${summary.scenario}", ${summary.clients} clients in ${summary.segments} segments on ${summary.plans.length} plans (${summary.plans.join(', ')}), ${summary.request_types.length} request types, ${summary.term_months}-month term`;
}
