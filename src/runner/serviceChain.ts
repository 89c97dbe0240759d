import { createServiceChain } from '../availability/serviceChain.js';
import type { ServiceChain } from '../engine/compile.js';
import type { Scenario } from '../scenario/types.js';

/**
 * The scenario's availability block as the engine's month-by-month service chain. The chain is
 * the agency's shared infrastructure: one outcome per trial-month applies to every client, so a
 * fee credit lowers every client's fee weight and supplier credits lower the net cost.
 */
export function serviceChainOf(scenario: Scenario): ServiceChain | null {
  return scenario.availability ? createServiceChain(scenario.availability) : null;
}
