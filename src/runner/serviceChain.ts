import type { ServiceChain } from '../engine/compile.js';
import type { Scenario } from '../scenario/types.js';

/** The scenario's availability block as the engine's month-by-month service chain. */
export function serviceChainOf(scenario: Scenario): ServiceChain | null {
  if (scenario.availability === undefined) return null;
  return null;
}
