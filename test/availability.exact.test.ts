import { describe, expect, it } from 'vitest';
import { additiveBound, pessimisticBound } from '../src/scenario/uptime/bounds.js';
import { groupAvailability, kOfNAvailability, nodeAvailability, parallelAvailability, seriesAvailability } from '../src/scenario/uptime/exact.js';
import { availabilitySchema } from '../src/scenario/uptime/schema.js';
import type { ComponentSpec } from '../src/scenario/uptime/spec.js';
import { createRng } from '../src/random/rng.js';

/** P(at least k of the components up) by enumerating all 2ⁿ up/down patterns: the independent check. */
function bruteForceKOfN(k: number, availabilities: number[]): number {
  const n = availabilities.length;
  let total = 0;
  for (let pattern = 0; pattern < 1 << n; pattern++) {
    let probability = 1;
    let up = 0;
    for (let i = 0; i < n; i++) {
      const isUp = (pattern >> i) & 1;
      up += isUp;
      probability *= isUp ? availabilities[i] : 1 - availabilities[i];
    }
    if (up >= k) total += probability;
  }
  return total;
}

describe('series', () => {
  it("multiplies: 0.99 × 0.996 = 0.98604 (the issue's two suppliers)", () => {
    expect(seriesAvailability([0.99, 0.996])).toBeCloseTo(0.98604, 12);
  });
  it('additive bound 1 − (0.01 + 0.004) = 0.986 is below the exact value', () => {
    expect(additiveBound([0.99, 0.996])).toBeCloseTo(0.986, 12);
    expect(additiveBound([0.99, 0.996])).toBeLessThan(seriesAvailability([0.99, 0.996]));
  });
  it('additive bound is clamped at 0 when downtimes add up past a month', () => {
    expect(additiveBound([0.5, 0.4])).toBe(0);
  });
  it('of nothing is 1 (the empty product)', () => {
    expect(seriesAvailability([])).toBe(1);
  });
});

describe('parallel', () => {
  it('is 1 − Π(1 − a): 1 − 0.01 × 0.004 = 0.99996', () => {
    expect(parallelAvailability([0.99, 0.996])).toBeCloseTo(0.99996, 12);
  });
  it('two 95% members: 1 − 0.05² = 0.9975', () => {
    expect(parallelAvailability([0.95, 0.95])).toBeCloseTo(0.9975, 12);
  });
});

describe('k of n', () => {
  it('2 of 3 at 90%: 3·0.9²·0.1 + 0.9³ = 0.972', () => {
    expect(kOfNAvailability(2, [0.9, 0.9, 0.9])).toBeCloseTo(0.972, 12);
  });
  it('2 of 3 with different availabilities: 0.9·0.8·0.3 + 0.9·0.2·0.7 + 0.1·0.8·0.7 + 0.9·0.8·0.7 = 0.902', () => {
    expect(kOfNAvailability(2, [0.9, 0.8, 0.7])).toBeCloseTo(0.902, 12);
  });
  it('k = n is the series chain and k = 1 the parallel group', () => {
    const a = [0.99, 0.97, 0.995, 0.9];
    expect(kOfNAvailability(4, a)).toBeCloseTo(seriesAvailability(a), 14);
    expect(kOfNAvailability(1, a)).toBeCloseTo(parallelAvailability(a), 14);
  });
  it('matches enumeration of all up/down patterns for random availabilities', () => {
    const rng = createRng('k-of-n enumeration');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rng.nextDouble() * 8);
      const k = 1 + Math.floor(rng.nextDouble() * n);
      const a = Array.from({ length: n }, () => rng.nextDouble());
      expect(kOfNAvailability(k, a)).toBeCloseTo(bruteForceKOfN(k, a), 13);
    }
  });
  it('keeps the digits near 1: 2 of 3 at 99.999% is 1 − 3·(1e-5)² + 2·(1e-5)³', () => {
    const down = 1 - kOfNAvailability(2, [0.99999, 0.99999, 0.99999]);
    expect(down / (3e-10 - 2e-15)).toBeCloseTo(1, 4);
  });
  it.each([0, 4, 1.5])('refuses k = %s for 3 components', (k) => {
    expect(() => kOfNAvailability(k, [0.9, 0.9, 0.9])).toThrow(RangeError);
  });
  it('groupAvailability picks the formula by k', () => {
    expect(groupAvailability({ kind: 'series', k: 2 }, [0.99, 0.996])).toBeCloseTo(0.98604, 12);
    expect(groupAvailability({ kind: 'parallel', k: 1 }, [0.99, 0.996])).toBeCloseTo(0.99996, 12);
    expect(groupAvailability({ kind: 'k_of_n', k: 2 }, [0.9, 0.9, 0.9])).toBeCloseTo(0.972, 12);
  });
});

describe('nested structures', () => {
  it('hosting 99% in series with a redundant pair (95%, 95%) and 2 of 3 app servers at 90%', () => {
    const spec = availabilitySchema.parse({
      promised: 0.95,
      chain: [
        { name: 'hosting', availability: 0.99 },
        { parallel: [{ availability: 0.95 }, { availability: 0.95 }] },
        { k_of_n: { k: 2, of: [{ availability: 0.9 }, { availability: 0.9 }, { availability: 0.9 }] } },
      ],
    });
    const own = (c: ComponentSpec) => (c.source.given === 'availability' ? c.source.availability : Number.NaN);
    // 0.99 × (1 − 0.05²) × 0.972, from the three closed forms above.
    expect(nodeAvailability(spec.chain, own)).toBeCloseTo(0.99 * 0.9975 * 0.972, 12);
  });
  it('a parallel group of series chains: 1 − (1 − 0.99·0.98)²', () => {
    const spec = availabilitySchema.parse({
      promised: 0.99,
      chain: [
        {
          parallel: [{ series: [{ availability: 0.99 }, { availability: 0.98 }] }, { series: [{ availability: 0.99 }, { availability: 0.98 }] }],
        },
      ],
    });
    const own = (c: ComponentSpec) => (c.source.given === 'availability' ? c.source.availability : Number.NaN);
    expect(nodeAvailability(spec.chain, own)).toBeCloseTo(1 - (1 - 0.99 * 0.98) ** 2, 12);
  });
});

describe('pessimistic bound (no independence assumed)', () => {
  it('is the additive bound for a series chain', () => {
    expect(pessimisticBound(2, [0.99, 0.996])).toBeCloseTo(0.986, 12);
  });
  it('is the best member for a parallel group (outages may coincide)', () => {
    expect(pessimisticBound(1, [0.99, 0.996])).toBeCloseTo(0.996, 12);
  });
  it('2 of 3 at 99%: best of s = 2, 0.02/1, and s = 3, 0.03/2, so 1 − 0.015', () => {
    expect(pessimisticBound(2, [0.99, 0.99, 0.99])).toBeCloseTo(0.985, 12);
  });
  it('never exceeds the exact value for independent components', () => {
    const rng = createRng('bounds');
    for (let trial = 0; trial < 50; trial++) {
      const n = 1 + Math.floor(rng.nextDouble() * 6);
      const k = 1 + Math.floor(rng.nextDouble() * n);
      const a = Array.from({ length: n }, () => 0.8 + 0.2 * rng.nextDouble());
      expect(pessimisticBound(k, a)).toBeLessThanOrEqual(kOfNAvailability(k, a) + 1e-15);
    }
  });
});
