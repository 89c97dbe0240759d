import { additiveBound, pessimisticBound } from '../../scenario/uptime/bounds.js';
import { nodeAvailability } from '../../scenario/uptime/exact.js';
import type { AvailabilityModel } from '../../engine/uptime/model.js';
import { expectedMonthAvailability } from '../../scenario/uptime/monthModel.js';
import type { AvailabilityNode, ComponentSpec } from '../../scenario/uptime/spec.js';

/** One component as the exact model sees it. */
export interface ComponentFigures {
  name: string;
  given: 'availability' | 'outages';
  /** Expected monthly availability: as stated, or implied by the outage process (monthModel.ts). */
  availability: number;
  /** Outage starts per month: as stated, or solved from the availability; Infinity if never up. */
  outagesPerMonth: number;
  meanOutageHours: number;
}

/** The chain's availability without simulation. */
export interface ExactFigures {
  /** Exact availability of the chain from its members' (Π over the chain; nested groups composed exactly). */
  seriesAvailability: number;
  /** 1 − Σ over the chain's members of (1 − their exact availability): pessimistic, exact without overlaps. */
  additiveBound: number;
  /** A lower bound that assumes nothing about dependence, nested groups included (bounds.ts). */
  pessimisticBound: number;
  /** What the simulated mean converges to: the month model's time average (monthModel.ts). */
  expectedAvailability: number;
  components: ComponentFigures[];
}

/**
 * The exact figures of a compiled model: each component's month-model availability, composed
 * as independent components (exact.ts), the chain's additive and no-dependence bounds, and
 * the month model's expected availability of the chain.
 * @example exactFigures(createAvailabilityModel(spec)).seriesAvailability // 0.98604 for 0.99 and 0.996
 */
export function exactFigures(model: AvailabilityModel): ExactFigures {
  const profiles = new Map(model.profiles.map((p) => [p.component, p]));
  const own = (c: ComponentSpec) => profiles.get(c)?.availability ?? Number.NaN;
  const worstCase = (node: AvailabilityNode): number => (node.kind === 'component' ? own(node) : pessimisticBound(node.k, node.members.map(worstCase)));
  const chain = model.spec.chain;
  return {
    seriesAvailability: nodeAvailability(chain, own),
    additiveBound: additiveBound(chain.members.map((m) => nodeAvailability(m, own))),
    pessimisticBound: worstCase(chain),
    expectedAvailability: expectedMonthAvailability(chain, profiles),
    components: model.profiles.map((p) => ({
      name: p.component.name,
      given: p.component.source.given,
      availability: p.availability,
      outagesPerMonth: p.perMonth,
      meanOutageHours: p.meanOutageHours,
    })),
  };
}
