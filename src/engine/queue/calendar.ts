import type { BusinessHours } from '../../scenario/sla/spec.js';

/** Hours in a week: the calendar repeats weekly from the term's start, a Monday at 00:00. */
export const HOURS_PER_WEEK = 168;

/**
 * A weekly working schedule as plain data (typed arrays, so it travels to worker threads): the
 * working intervals of one week, sorted and disjoint, hours from Monday 00:00. Its clock counts
 * working hours only; `always` marks the calendar of all hours, whose clock is the time itself.
 */
export interface WeekCalendar {
  readonly always: boolean;
  /** Never working (on call with a team that works around the clock). */
  readonly never: boolean;
  readonly starts: Float64Array;
  readonly lengths: Float64Array;
  /** Working hours per week, Σ lengths. */
  readonly hoursPerWeek: number;
  /** Working hours of the week before interval i. */
  readonly cumulative: Float64Array;
  /** Per whole hour h of the week: the last interval starting at or before h (−1: none); look-ups in O(1). */
  readonly hourIndex: Int32Array;
  /** Per whole working hour w of the week: the first interval ending after w working hours. */
  readonly workHourIndex: Int32Array;
}

function calendarOf(starts: number[], ends: number[]): WeekCalendar {
  const lengths = starts.map((s, i) => ends[i] - s);
  const hoursPerWeek = lengths.reduce((a, b) => a + b, 0);
  const cumulative = new Float64Array(starts.length);
  for (let i = 1; i < starts.length; i++) cumulative[i] = cumulative[i - 1] + lengths[i - 1];
  const hourIndex = Int32Array.from({ length: HOURS_PER_WEEK }, (_, h) => starts.filter((start) => start <= h).length - 1);
  const workHourIndex = Int32Array.from({ length: Math.ceil(hoursPerWeek) + 1 }, (_, w) => {
    const i = starts.findIndex((_, j) => cumulative[j] + lengths[j] > w);
    return i < 0 ? starts.length : i;
  });
  return {
    always: hoursPerWeek >= HOURS_PER_WEEK,
    never: hoursPerWeek === 0,
    starts: Float64Array.from(starts),
    lengths: Float64Array.from(lengths),
    hoursPerWeek,
    cumulative,
    hourIndex,
    workHourIndex,
  };
}

/** The calendar of all hours. */
export function allHoursCalendar(): WeekCalendar {
  return calendarOf([0], [HOURS_PER_WEEK]);
}

/** The weekly business hours: on each day listed, fromHour to toHour. */
export function businessCalendar(hours: BusinessHours): WeekCalendar {
  const starts = hours.days.map((d) => 24 * d + hours.fromHour);
  return calendarOf(
    starts,
    hours.days.map((d) => 24 * d + hours.toHour),
  );
}

/** The hours of the week outside `calendar`'s (on call: evenings, nights, weekends). */
export function complementCalendar(calendar: WeekCalendar): WeekCalendar {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (let i = 0; i < calendar.starts.length; i++) {
    if (calendar.starts[i] > at) {
      starts.push(at);
      ends.push(calendar.starts[i]);
    }
    at = calendar.starts[i] + calendar.lengths[i];
  }
  if (at < HOURS_PER_WEEK) {
    starts.push(at);
    ends.push(HOURS_PER_WEEK);
  }
  return calendarOf(starts, ends);
}

/**
 * Working hours from the term's start to calendar time `t` (hours): the calendar's clock.
 * @example workingClock(businessCalendar(DEFAULT_BUSINESS_HOURS), 24 + 10) // Tuesday 10:00 → 9
 */
export function workingClock(calendar: WeekCalendar, t: number): number {
  if (calendar.always) return t;
  const week = Math.floor(t / HOURS_PER_WEEK);
  const r = t - week * HOURS_PER_WEEK;
  const { starts, lengths } = calendar;
  let i = calendar.hourIndex[Math.min(HOURS_PER_WEEK - 1, Math.floor(r))];
  // An interval may start within the hour (09:30).
  if (i + 1 < starts.length && starts[i + 1] <= r) i++;
  const before = week * calendar.hoursPerWeek;
  return i < 0 ? before : before + calendar.cumulative[i] + Math.min(r - starts[i], lengths[i]);
}

/**
 * The earliest working instant at which the clock reads `x`: the inverse of workingClock, an
 * opening time when `x` falls on a closing one (work goes on at the next opening).
 */
export function workingInstant(calendar: WeekCalendar, x: number): number {
  if (calendar.always) return x;
  if (calendar.never) return Number.POSITIVE_INFINITY;
  const B = calendar.hoursPerWeek;
  const week = Math.floor(x / B);
  const rem = x - week * B;
  const { starts, lengths, cumulative } = calendar;
  const n = starts.length;
  let i = calendar.workHourIndex[Math.min(calendar.workHourIndex.length - 1, Math.floor(rem))];
  while (i < n && rem >= cumulative[i] + lengths[i]) i++;
  if (i === n) return (week + 1) * HOURS_PER_WEEK + starts[0];
  return week * HOURS_PER_WEEK + starts[i] + (rem - cumulative[i]);
}

/** The first working instant at or after calendar time `t`. */
export function nextWorking(calendar: WeekCalendar, t: number): number {
  return calendar.always ? t : workingInstant(calendar, workingClock(calendar, t));
}

/** When `hours` of work started at working instant `t` end: work pauses outside the calendar's hours. */
export function finishWork(calendar: WeekCalendar, t: number, hours: number): number {
  return calendar.always ? t + hours : workingInstant(calendar, workingClock(calendar, t) + hours);
}
