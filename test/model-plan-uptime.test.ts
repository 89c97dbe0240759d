import { describe, expect, it } from 'vitest';
import { baseDocument, scenarioOf, simulateDocument } from './helpers/scenario.js';

/*
 * A plan's `uptime` (docs/interface.md): credits reach only that plan's clients; the scenario's
 * availability.credits go on meaning "every plan without its own".
 */

const credits = [
  { below: 0.999, credit: 0.1 },
  { below: 0.99, credit: 0.25 },
];

function document(scenarioCredits: boolean, scenarioPromise = true) {
  return baseDocument({
    plans: {
      flat: { covers: ['edit'] },
      hosted: { covers: ['edit'], uptime: { promised: 0.999, credits } },
    },
    clients: [
      { name: 'flat clients', plan: 'flat', count: 3 },
      { name: 'hosted clients', plan: 'hosted', count: 2 },
    ],
    availability: {
      ...(scenarioPromise ? { promised: 0.999 } : {}),
      chain: [{ name: 'hosting', availability: 0.995 }],
      ...(scenarioCredits ? { credits: [{ below: 0.999, credit: 0.05 }] } : {}),
    },
  });
}

describe('uptime promised per plan', () => {
  it('credits only the clients of the plan that promises', () => {
    const { columns } = simulateDocument(document(false), 2000, '8');
    const [flat, hosted] = columns.plans;
    expect(flat.feeWeight.every((w) => w === 3 * 12)).toBe(true);
    const hostedCredited = Array.from(hosted.feeWeight).filter((w) => w < 2 * 12).length;
    expect(hostedCredited).toBeGreaterThan(1000);
    for (let t = 0; t < 2000; t++) {
      expect(columns.feeWeight[t]).toBeCloseTo(flat.feeWeight[t] + hosted.feeWeight[t], 9);
      // Both hosted clients see the same chain: their credits are alike, share ≤ 0.25 a month.
      expect(hosted.feeWeight[t]).toBeGreaterThanOrEqual(2 * 12 * 0.75 - 1e-9);
      expect(columns.segments[1].feeWeight[t] * 2).toBeCloseTo(hosted.feeWeight[t], 9);
    }
  });

  it('the scenario-level schedule still credits every plan without its own', () => {
    const { columns } = simulateDocument(document(true), 2000, '8');
    const [flat, hosted] = columns.plans;
    const flatCredited = Array.from(flat.feeWeight).filter((w) => w < 3 * 12).length;
    expect(flatCredited).toBeGreaterThan(1000);
    // The same months: the hosted plan's larger credits go with every flat credit.
    for (let t = 0; t < 2000; t++) expect(12 - hosted.feeWeight[t] / 2).toBeGreaterThanOrEqual(12 - flat.feeWeight[t] / 3 - 1e-9);
  });

  it('without a scenario-level promise the block is the chain of the plans that state their own: the same credits', () => {
    const withPromise = simulateDocument(document(false), 2000, '8').columns;
    const chainOnly = simulateDocument(document(false, false), 2000, '8').columns;
    expect(chainOnly.feeWeight).toEqual(withPromise.feeWeight);
    expect(chainOnly.plans[1].feeWeight).toEqual(withPromise.plans[1].feeWeight);
    // The chain is measured against the strictest plan's promise, and says whose it is.
    const scenario = scenarioOf(document(false, false));
    expect(scenario.availability?.promised).toBe(0.999);
    expect(scenario.availability?.promisedBy).toBe('hosted');
    expect(scenarioOf(document(false)).availability?.promisedBy).toBeNull();
  });

  it('a block without promised and no plan that states its own uptime is refused at availability.promised', () => {
    const plain = baseDocument({ availability: { chain: [{ name: 'hosting', availability: 0.995 }] } });
    expect(() => scenarioOf(plain)).toThrow(/availability\.promised: is missing/);
  });
});
