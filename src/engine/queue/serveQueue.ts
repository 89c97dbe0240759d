import { finishWork, nextWorking, type WeekCalendar } from './calendar.js';
import { createKeyHeap, heapPop, heapPush, type KeyHeap } from './keyHeap.js';

/** 2³²: a waiting request's key is priority·2³² + its rank by arrival (exact in a double). */
const RANK_SPAN = 4294967296;
const INVERSE_RANK_SPAN = 1 / RANK_SPAN;

/** A key's arrival rank: exact, as 2³² is a power of two (and cheaper than the floating %). */
function rankOf(key: number): number {
  return key - Math.floor(key * INVERSE_RANK_SPAN) * RANK_SPAN;
}

/** Who answers the requests, and when they work. */
export interface QueueTeam {
  /** People in the team, ≥ 1; they serve every plan, in `calendar`'s hours. */
  readonly people: number;
  readonly calendar: WeekCalendar;
  /** People on call, 0 for none; they serve only round-the-clock plans, in `onCallCalendar`'s hours. */
  readonly onCallPeople: number;
  readonly onCallCalendar: WeekCalendar;
}

/** The queue's working arrays, reused from trial to trial, and the busy hours of the last trial served. */
export interface QueueWork {
  freeAt: Float64Array;
  onCallFreeAt: Float64Array;
  /** Waiting requests the team may take, and the waiting round-the-clock ones (which on call may take too). */
  readonly waiting: KeyHeap;
  readonly waitingAnyHour: KeyHeap;
  /** Hours of work the team and the on-call people did in the last call. */
  busyHours: number;
  onCallBusyHours: number;
}

/** Empty working arrays. */
export function createQueueWork(): QueueWork {
  return {
    freeAt: new Float64Array(8),
    onCallFreeAt: new Float64Array(8),
    waiting: createKeyHeap(),
    waitingAnyHour: createKeyHeap(),
    busyHours: 0,
    onCallBusyHours: 0,
  };
}

/**
 * One term of the team queue (MODEL.md, "Response-time SLAs"): requests in arrival order; when
 * a person is free and working, they take the waiting request of the lowest priority number,
 * first come first served within a priority, and work its hours without preemption, pausing
 * outside their hours. The team takes any request, on-call people only round-the-clock ones.
 * Everyone starts free at the term's start. Allocates nothing once `work` has grown.
 * @param n requests, at positions offset … offset + n − 1 of the arrays, arrival ascending
 * @param arrival calendar hours from the term's start (Monday 00:00)
 * @param hours worked hours of each request, ≥ 0
 * @param priority each request's plan's priority, a whole number ≥ 0
 * @param anyHour 1 for a request of a round-the-clock (24x7) plan
 * @param start receives the calendar hour each request's service starts, at the same positions
 *   (Infinity for one no one can serve: none of the team works)
 */
export function serveQueue(
  team: QueueTeam,
  n: number,
  arrival: Float64Array,
  hours: Float64Array,
  priority: Int32Array,
  anyHour: Uint8Array,
  offset: number,
  start: Float64Array,
  work: QueueWork,
): void {
  const onCall = !team.onCallCalendar.never && team.onCallPeople > 0;
  if (!onCall && !team.calendar.never && onePriority(priority, offset, n)) serveInArrivalOrder(team, n, arrival, hours, offset, start, work);
  else serveByPriority(team, n, arrival, hours, priority, anyHour, offset, start, work);
}

/** Every request of the term has the same priority. */
function onePriority(priority: Int32Array, offset: number, n: number): boolean {
  for (let i = offset + 1; i < offset + n; i++) if (priority[i] !== priority[offset]) return false;
  return true;
}

/**
 * serveQueue when the order is first come, first served (one priority, no one on call, a team
 * that works some hours), without the waiting heaps: in arrival order, each request goes to the
 * person free first and starts when both have come, at the first working instant from its
 * arrival if that person is idle by then. The same starts as serveByPriority (test/queue.test.ts
 * compares the two): there a request waits only while everyone is busy, and the heap then
 * gives it out in arrival order.
 */
function serveInArrivalOrder(
  team: QueueTeam,
  n: number,
  arrival: Float64Array,
  hours: Float64Array,
  offset: number,
  start: Float64Array,
  work: QueueWork,
): void {
  const c = team.people;
  if (work.freeAt.length < c) work.freeAt = new Float64Array(c);
  const freeAt = work.freeAt;
  freeAt.fill(0, 0, c);
  const calendar = team.calendar;
  let busy = 0;
  let person = 0;
  for (let k = offset; k < offset + n; k++) {
    const a = arrival[k];
    const s = freeAt[person] > a ? freeAt[person] : nextWorking(calendar, a);
    start[k] = s;
    freeAt[person] = finishWork(calendar, s, hours[k]);
    person = earliest(freeAt, c);
    busy += hours[k];
  }
  work.busyHours = busy;
  work.onCallBusyHours = 0;
}

/** serveQueue by priority, with the waiting heaps, for any team (see there). */
export function serveByPriority(
  team: QueueTeam,
  n: number,
  arrival: Float64Array,
  hours: Float64Array,
  priority: Int32Array,
  anyHour: Uint8Array,
  offset: number,
  start: Float64Array,
  work: QueueWork,
): void {
  const c = team.people;
  const o = team.onCallCalendar.never ? 0 : team.onCallPeople;
  if (work.freeAt.length < c) work.freeAt = new Float64Array(c);
  if (work.onCallFreeAt.length < o) work.onCallFreeAt = new Float64Array(o);
  const freeAt = work.freeAt;
  const onCallFreeAt = work.onCallFreeAt;
  freeAt.fill(0, 0, c);
  onCallFreeAt.fill(0, 0, o);
  const waiting = work.waiting;
  const waitingAnyHour = work.waitingAnyHour;
  waiting.size = 0;
  waitingAnyHour.size = 0;
  const calendar = team.calendar;
  const onCallCalendar = team.onCallCalendar;
  let busy = 0;
  let onCallBusy = 0;
  let now = 0;
  let next = 0;
  let served = 0;
  // Each person's freeAt comes from finishWork, a working instant of their calendar, so it is
  // when they can start next; an idle person (freeAt ≤ now) starts at the first working instant
  // from now, computed once per `now`.
  // The person free first, of the team and on call: only a start changes it.
  let person = 0;
  let onCallPerson = 0;
  let teamNow = -1;
  let teamNowStart = 0;
  let onCallNow = -1;
  let onCallNowStart = 0;
  while (served < n) {
    let teamStart = Number.POSITIVE_INFINITY;
    if (waiting.size + waitingAnyHour.size > 0) {
      if (freeAt[person] > now) teamStart = freeAt[person];
      else {
        if (teamNow !== now) {
          teamNow = now;
          teamNowStart = nextWorking(calendar, now);
        }
        teamStart = teamNowStart;
      }
    }
    let onCallStart = Number.POSITIVE_INFINITY;
    if (o > 0 && waitingAnyHour.size > 0) {
      if (onCallFreeAt[onCallPerson] > now) onCallStart = onCallFreeAt[onCallPerson];
      else {
        if (onCallNow !== now) {
          onCallNow = now;
          onCallNowStart = nextWorking(onCallCalendar, now);
        }
        onCallStart = onCallNowStart;
      }
    }
    const serveAt = Math.min(teamStart, onCallStart);
    if (next < n && arrival[offset + next] <= serveAt) {
      // Arrivals up to the next start join the queue first: the start then sees them.
      now = arrival[offset + next];
      const key = priority[offset + next] * RANK_SPAN + next;
      heapPush(anyHour[offset + next] === 1 ? waitingAnyHour : waiting, key);
      next++;
      continue;
    }
    if (serveAt === Number.POSITIVE_INFINITY) break;
    now = serveAt;
    let key: number;
    if (teamStart <= onCallStart) {
      const fromAnyHour = waiting.size === 0 || (waitingAnyHour.size > 0 && waitingAnyHour.keys[0] < waiting.keys[0]);
      key = heapPop(fromAnyHour ? waitingAnyHour : waiting);
      const k = offset + rankOf(key);
      start[k] = now;
      freeAt[person] = finishWork(calendar, now, hours[k]);
      person = earliest(freeAt, c);
      busy += hours[k];
    } else {
      key = heapPop(waitingAnyHour);
      const k = offset + rankOf(key);
      start[k] = now;
      onCallFreeAt[onCallPerson] = finishWork(onCallCalendar, now, hours[k]);
      onCallPerson = earliest(onCallFreeAt, o);
      onCallBusy += hours[k];
    }
    served++;
  }
  // Requests no one works for (a calendar without hours) never start.
  if (served < n) markUnserved(n, offset, start, next, work);
  work.busyHours = busy;
  work.onCallBusyHours = onCallBusy;
}

/** The index of the least of freeAt[0 … n − 1] (the first of equals). */
function earliest(freeAt: Float64Array, n: number): number {
  let person = 0;
  for (let p = 1; p < n; p++) if (freeAt[p] < freeAt[person]) person = p;
  return person;
}

/** Marks every request still waiting or not yet arrived as never served. */
function markUnserved(n: number, offset: number, start: Float64Array, next: number, work: QueueWork): void {
  for (const heap of [work.waiting, work.waitingAnyHour]) {
    for (let i = 0; i < heap.size; i++) start[offset + rankOf(heap.keys[i])] = Number.POSITIVE_INFINITY;
  }
  for (let k = next; k < n; k++) start[offset + k] = Number.POSITIVE_INFINITY;
}
