import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allHoursCalendar, businessCalendar, complementCalendar, workingClock, workingInstant } from '../src/engine/queue/calendar.js';
import { createQueueWork, serveByPriority, serveQueue, type QueueTeam } from '../src/engine/queue/serveQueue.js';
import { DEFAULT_BUSINESS_HOURS } from '../src/scenario/sla/spec.js';

const business = businessCalendar(DEFAULT_BUSINESS_HOURS);
/** Calendar hour of a weekday (0 Monday) and clock hour in the term's first week. */
const at = (day: number, hour: number) => 24 * day + hour;

/** Serves constructed requests: [arrival, hours, priority, 24x7?] each, arrival ascending. */
function serve(team: QueueTeam, requests: [number, number, number, boolean][]): Float64Array {
  const n = requests.length;
  const start = new Float64Array(n);
  serveQueue(
    team,
    n,
    Float64Array.from(requests.map((r) => r[0])),
    Float64Array.from(requests.map((r) => r[1])),
    Int32Array.from(requests.map((r) => r[2])),
    Uint8Array.from(requests.map((r) => (r[3] ? 1 : 0))),
    0,
    start,
    createQueueWork(),
  );
  return start;
}

const onePerson: QueueTeam = { people: 1, calendar: business, onCallPeople: 0, onCallCalendar: complementCalendar(business) };

describe('the business-hours calendar', () => {
  it('counts working hours only, from Monday 00:00', () => {
    expect(workingClock(business, at(0, 9))).toBe(0);
    expect(workingClock(business, at(1, 10))).toBe(9);
    expect(workingClock(business, at(4, 18))).toBe(40);
    expect(workingClock(business, at(7, 9))).toBe(40);
    expect(workingClock(business, at(7, 12))).toBe(43);
  });
});

describe('a calendar with hours that start within the hour', () => {
  const odd = businessCalendar({ days: [0, 2, 5], fromHour: 9.5, toHour: 17.25 });
  it('clock and instant are inverse at working instants, and an instant after hours goes to the next opening', () => {
    expect(workingClock(odd, at(0, 9.75))).toBe(0.25);
    expect(workingClock(odd, at(1, 12))).toBe(7.75);
    expect(workingClock(odd, at(2, 9.5))).toBe(7.75);
    for (const t of [at(0, 10), at(2, 16), at(5, 9.5), at(9, 12)]) expect(workingInstant(odd, workingClock(odd, t))).toBeCloseTo(t, 9);
    expect(workingInstant(odd, workingClock(odd, at(3, 3)))).toBe(at(5, 9.5));
    expect(workingInstant(odd, workingClock(odd, at(6, 3)))).toBe(at(7, 9.5));
  });
});

describe('a single person in business hours', () => {
  it('answers a Friday 16:00 request at once, and one at 18:00 on Monday 09:00 with business-clock response 0', () => {
    const start = serve(onePerson, [
      [at(4, 16), 0.5, 5, false],
      [at(4, 18), 1, 5, false],
    ]);
    expect(start[0]).toBe(at(4, 16));
    expect(start[1]).toBe(at(7, 9));
    expect(workingClock(business, start[1]) - workingClock(business, at(4, 18))).toBe(0);
  });

  it('pauses work at closing: 2 h started Friday 16:00 leave the person free on Monday at 10:00', () => {
    const start = serve(onePerson, [
      [at(4, 16), 2, 5, false],
      [at(4, 16.5), 1, 5, false],
    ]);
    expect(start[1]).toBe(at(7, 10));
    expect(workingClock(business, start[1]) - workingClock(business, at(4, 16.5))).toBe(1.5);
  });

  it('an on-call person takes only the round-the-clock request after hours', () => {
    const team: QueueTeam = { ...onePerson, onCallPeople: 1 };
    const start = serve(team, [
      [at(4, 18), 1, 5, false],
      [at(4, 19), 1, 1, true],
    ]);
    expect(start[0]).toBe(at(7, 9));
    expect(start[1]).toBe(at(4, 19));
  });
});

describe('priorities', () => {
  it('a higher-priority request never waits behind a lower one that arrived later', () => {
    const team: QueueTeam = { people: 1, calendar: allHoursCalendar(), onCallPeople: 0, onCallCalendar: complementCalendar(allHoursCalendar()) };
    // Busy until 3; a low-priority request at 1, a high-priority one at 2: the high one goes first.
    const start = serve(team, [
      [0, 3, 5, false],
      [1, 1, 9, false],
      [2, 1, 1, true],
      [2.5, 1, 9, false],
    ]);
    expect(start[2]).toBe(3);
    expect(start[1]).toBe(4);
    expect(start[3]).toBe(5);
  });

  it('within a priority, first come first served', () => {
    const team: QueueTeam = { people: 2, calendar: allHoursCalendar(), onCallPeople: 0, onCallCalendar: complementCalendar(allHoursCalendar()) };
    const start = serve(team, [
      [0, 10, 5, false],
      [0, 10, 5, false],
      [1, 1, 5, false],
      [2, 1, 5, false],
    ]);
    expect([...start]).toEqual([0, 0, 10, 10]);
  });
});

describe('first come, first served without the heaps', () => {
  // serveQueue takes requests in arrival order when the term has one priority and no one on call
  // (serveInArrivalOrder); serveByPriority, the general loop, must give the same starts to the bit.
  const odd = businessCalendar({ days: [0, 2, 5], fromHour: 9.5, toHour: 17.25 });
  it('the same starts and busy hours as the general loop, for any arrivals, hours, team size and calendar', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 2000, noNaN: true }), fc.oneof(fc.constant(0), fc.double({ min: 0, max: 30, noNaN: true }))), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(business, odd, allHoursCalendar()),
        fc.integer({ min: 0, max: 9 }),
        fc.boolean(),
        (requests, people, calendar, priorityOfAll, someAnyHour) => {
          requests.sort((a, b) => a[0] - b[0]);
          const n = requests.length;
          const arrival = Float64Array.from(requests.map((r) => r[0]));
          const hours = Float64Array.from(requests.map((r) => r[1]));
          const priority = new Int32Array(n).fill(priorityOfAll);
          const anyHour = Uint8Array.from(requests.map((_, i) => (someAnyHour && i % 3 === 0 ? 1 : 0)));
          // No one on call: the general loop merges the two heaps by arrival rank, as one queue.
          const team: QueueTeam = { people, calendar, onCallPeople: 0, onCallCalendar: complementCalendar(calendar) };
          const fast = new Float64Array(n);
          const general = new Float64Array(n);
          const fastWork = createQueueWork();
          const generalWork = createQueueWork();
          serveQueue(team, n, arrival, hours, priority, anyHour, 0, fast, fastWork);
          serveByPriority(team, n, arrival, hours, priority, anyHour, 0, general, generalWork);
          expect([...fast]).toEqual([...general]);
          expect(fastWork.busyHours).toBe(generalWork.busyHours);
        },
      ),
      { seed: 20261204, numRuns: 500 },
    );
  });
});
