import type { ServiceChain, ServiceMonth } from '../engine/compile.js';
import type { TycheStream } from '../random/tycheStream.js';
import { createAvailabilityModel } from './model.js';
import { createMonthOutcome, simulateMonth } from './simulate.js';
import type { AvailabilitySpec } from './spec.js';

/**
 * The availability block as the portfolio engine's month-by-month service chain: one model
 * (built once, its buffers reused) whose month outcome is copied into the engine's
 * ServiceMonth. One chain per thread, like the model. In a trial every client sees the same
 * month: the chain is the agency's shared infrastructure, so its outages (and credits) hit
 * all clients at once.
 * @example serviceChainOf = (scenario) => scenario.availability ? createServiceChain(scenario.availability) : null
 */
export function createServiceChain(spec: AvailabilitySpec): ServiceChain {
  const model = createAvailabilityModel(spec);
  const outcome = createMonthOutcome();
  return {
    simulateMonth(stream: TycheStream, out: ServiceMonth): void {
      simulateMonth(model, stream, outcome);
      out.creditShare = outcome.creditShare;
      out.supplierCreditPerClient = outcome.supplierCreditPerClient;
      out.supplierCostPerClient = outcome.supplierCostPerClient;
    },
  };
}
