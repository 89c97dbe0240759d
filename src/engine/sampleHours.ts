import { aliasPick } from '../random/aliasTable.js';
import { binomial } from '../random/binomial.js';
import { fastExp } from '../random/fastExp.js';
import { standardNormal } from '../random/normal.js';
import { SamplerKind, streamSampleInto, triangularQuantile, type StreamSampler } from '../random/streamSampler.js';
import { stripSampleInto } from '../random/stripSampler.js';
import type { TycheStream } from '../random/tycheStream.js';
import type { HotType } from './hotPortfolio.js';

/*
 * The per-request loops. Their bodies are a few inlined instructions (a lognormal request: one
 * 32-bit draw, a ziggurat table look-up, one fastExp). Nothing is allocated per request: V8
 * allocates a heap number for every non-integer that a call it does not inline returns, so
 * the loops are small functions of their own, within V8's inlining budget, and the sums leave
 * through scratch.hours, a typed array. (Measured on the bundled scenario: 92 KB of garbage per
 * trial before, about 12 KB after; what is left is the block's stream objects and a few numbers
 * per client and type.)
 */

/** Per-request working arrays of a block, reused. */
export class RequestScratch {
  /** Where streamSampleInto leaves one draw. */
  readonly effort = new Float64Array(1);
  /** The result of sampleHours and sampleHoursByMonth: hours[0]. */
  readonly hours = new Float64Array(1);
  /** With an increment (HotType.billed), the same requests' billed hours at the plan's increment. */
  readonly billed = new Float64Array(1);
  /** … and at the scenario-level increment, which the hourly equivalent counts. */
  readonly fairBilled = new Float64Array(1);
  /** The billed loops' running counts of whole increments (plan's, scenario's). */
  readonly units = new Float64Array(1);
  readonly fairUnits = new Float64Array(1);
  /** A bundle trial's figures (contract/bundle.ts). */
  readonly bundle = new Float64Array(4);
  /** The months of the requests an urn has placed so far (sampleHoursByUrn), grown as needed. */
  urnMonths = new Int32Array(256);
}

/**
 * Slack, in increments, below which worked hours count as on a whole increment: 0.3 h is 18
 * minutes, which in floating point may come out a hair above, and must bill 2 × 15 minutes, not 3.
 */
const ROUNDING_SLACK = 1e-9;

/**
 * One request's billed hours: its worked hours rounded up to whole increments of `minutes`, at
 * least one increment when it has any work (MODEL.md, "Contract forms"); 0 minutes: as worked.
 */
export function billedHours(hours: number, minutes: number): number {
  return minutes === 0 ? hours : (unitsOf(hours, 60 / minutes) * minutes) / 60;
}

/** How many of `count` requests overrun: binomial thinning, one draw instead of one per request. */
export function overrunsOf(stream: TycheStream, type: HotType, count: number): number {
  return type.overrunProbability > 0 ? binomial(stream, count, type.overrun) : 0;
}

/** One request's effort, before any overrun. */
export function effortOf(stream: TycheStream, effort: StreamSampler, scratch: RequestScratch): number {
  if (effort.kind === SamplerKind.Lognormal) return effort.p0 * fastExp(effort.p1 * standardNormal(stream));
  if (effort.kind === SamplerKind.Fixed) return effort.p0;
  streamSampleInto(stream, effort, scratch.effort, 0);
  return scratch.effort[0];
}

/** One overrun factor. */
export function factorOf(stream: TycheStream, factor: StreamSampler, scratch: RequestScratch): number {
  if (factor.kind === SamplerKind.Triangular) return triangularQuantile(factor, stream.nextDouble());
  streamSampleInto(stream, factor, scratch.effort, 0);
  return scratch.effort[0];
}

/** The hours of `overruns` overrunning requests, effort × overrun factor each, into scratch.hours[0]. */
function drawOverruns(stream: TycheStream, type: HotType, overruns: number, scratch: RequestScratch): void {
  const effort = type.effort;
  const factor = type.overrunFactor!;
  if (effort.kind === SamplerKind.Lognormal && factor.kind === SamplerKind.Triangular) {
    lognormalTriangularOverruns(stream, effort, factor, overruns, scratch);
    return;
  }
  let sum = 0;
  for (let i = 0; i < overruns; i++) sum += effortOf(stream, effort, scratch) * factorOf(stream, factor, scratch);
  scratch.hours[0] = sum;
}

/**
 * drawOverruns for the common pair, a lognormal effort and a triangular factor, with the same
 * draws and the same arithmetic: a loop small enough for V8 to inline both draws, where through
 * effortOf and factorOf each overrunning request cost two calls and a heap number.
 */
function lognormalTriangularOverruns(stream: TycheStream, effort: StreamSampler, factor: StreamSampler, overruns: number, scratch: RequestScratch): void {
  const median = effort.p0;
  const sigma = effort.p1;
  let sum = 0;
  for (let i = 0; i < overruns; i++) {
    const hours = median * fastExp(sigma * standardNormal(stream));
    sum += hours * triangularQuantile(factor, stream.nextDouble());
  }
  scratch.hours[0] = sum;
}

/** Adds to scratch.hours[0] the hours of `count` lognormal requests: median·Σ e^(σZ). */
function addLognormal(stream: TycheStream, effort: StreamSampler, count: number, scratch: RequestScratch): void {
  const sigma = effort.p1;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += fastExp(sigma * standardNormal(stream));
  scratch.hours[0] += effort.p0 * sum;
}

/** Adds to scratch.hours[0] the hours of `count` requests with a tabled effort (stripSampler.ts). */
function addStrip(stream: TycheStream, effort: StreamSampler, count: number, scratch: RequestScratch): void {
  const table = effort.strip!;
  const draw = scratch.effort;
  let sum = 0;
  for (let i = 0; i < count; i++) {
    stripSampleInto(stream, table, draw, 0);
    sum += draw[0];
  }
  scratch.hours[0] += sum;
}

/**
 * The hours of `count` requests of one type, into scratch.hours[0]: the sum of their efforts,
 * each request escalating independently with the overrun probability. Which requests overrun is
 * drawn by binomial thinning, so overrun factors are drawn only for those; a fixed effort draws
 * nothing for requests that do not overrun (the count is enough).
 * Draws, in order: the overrun count, each overrunning request's effort and factor, then the
 * other requests' efforts.
 * @param count number of requests, ≥ 0
 */
export function sampleHours(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  if (type.billed) {
    sampleBilledHours(stream, type, count, scratch);
    return;
  }
  scratch.hours[0] = 0;
  if (count === 0) return;
  const overruns = overrunsOf(stream, type, count);
  if (overruns > 0) drawOverruns(stream, type, overruns, scratch);
  const plain = count - overruns;
  const effort = type.effort;
  if (effort.kind === SamplerKind.Fixed) {
    scratch.hours[0] += effort.p0 * plain;
  } else if (effort.kind === SamplerKind.Lognormal) {
    addLognormal(stream, effort, plain, scratch);
  } else if (effort.kind === SamplerKind.Strip) {
    addStrip(stream, effort, plain, scratch);
  } else {
    let sum = 0;
    for (let i = 0; i < plain; i++) sum += effortOf(stream, effort, scratch);
    scratch.hours[0] += sum;
  }
}

/**
 * Like sampleHours, and also adds each request's hours to the month it falls in. Given the
 * term's Poisson count, the months of the requests are independent draws with probabilities
 * ∝ the months' rates (the splitting property of the Poisson process), so one count for the
 * term and one month per request replace a count per month. Which requests overrun is drawn
 * first by binomial thinning (the requests are exchangeable, so the first `overruns` do); then
 * each request in one pass: its month (one 32-bit draw, from the months' alias table), its
 * effort and, for an overrunning one, its factor.
 * @param probability, alias the alias table of the months' relative rates at tableOffset … +months−1
 *   (buildAliasTable); probability null when all months are alike
 * @param byMonth receives the hours of month m at byMonth[offset + m], m < months
 */
export function sampleHoursByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  if (type.billed) {
    billedHoursByMonth(stream, type, count, probability, alias, tableOffset, months, byMonth, offset, scratch);
    return;
  }
  scratch.hours[0] = 0;
  if (count === 0) return;
  const overruns = overrunsOf(stream, type, count);
  const effort = type.effort;
  if (effort.kind === SamplerKind.Strip) {
    stripByMonth(stream, type, count, overruns, probability, alias, tableOffset, months, byMonth, offset, scratch);
    return;
  }
  if (lognormalTriangular(type, overruns)) {
    lognormalByMonth(stream, type, count, overruns, probability, alias, tableOffset, months, byMonth, offset, scratch);
    return;
  }
  let hours = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    let h = effortOf(stream, effort, scratch);
    if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
    byMonth[offset + month] += h;
    hours += h;
  }
  scratch.hours[0] = hours;
}

/**
 * The common pair of the month loops, a lognormal effort with a triangular overrun factor (or
 * no overrunning request): their specialised loops (lognormalByMonth, billedLognormalByMonth)
 * make the same draws with the same arithmetic, and are small enough for V8 to inline the draws,
 * where through effortOf and factorOf every request cost calls and a heap number.
 */
function lognormalTriangular(type: HotType, overruns: number): boolean {
  return type.effort.kind === SamplerKind.Lognormal && (overruns === 0 || type.overrunFactor!.kind === SamplerKind.Triangular);
}

/** sampleHoursByMonth's loop for a lognormal effort and a triangular factor (lognormalTriangular). */
function lognormalByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  overruns: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  const median = type.effort.p0;
  const sigma = type.effort.p1;
  const factor = type.overrunFactor;
  let hours = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    let h = median * fastExp(sigma * standardNormal(stream));
    if (i < overruns) h *= triangularQuantile(factor!, stream.nextDouble());
    byMonth[offset + month] += h;
    hours += h;
  }
  scratch.hours[0] = hours;
}

/**
 * sampleHoursByMonth's loop for a tabled effort, the same draws in the same order. A loop of its
 * own: with a branch for it in effortOf, the loop grew past what V8 inlines, and every lognormal
 * request then went through a call and a heap number; through streamSampleInto, as other
 * families, the bundled scenario took about 5 µs a trial more.
 */
function stripByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  overruns: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  const table = type.effort.strip!;
  const draw = scratch.effort;
  let hours = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    stripSampleInto(stream, table, draw, 0);
    let h = draw[0];
    if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
    byMonth[offset + month] += h;
    hours += h;
  }
  scratch.hours[0] = hours;
}

/** Whole increments one request of `hours` bills, `perHour` increments an hour (see billedHours). */
function unitsOf(hours: number, perHour: number): number {
  const units = Math.ceil(hours * perHour - ROUNDING_SLACK);
  // Below one only for a request of less than the slack: one increment if it has any work.
  return units >= 1 ? units : hours > 0 ? 1 : 0;
}

/** Leaves worked hours and the billed hours of `units` (`fairUnits`) increments in scratch. */
function leaveBilled(type: HotType, hours: number, units: number, fairUnits: number, scratch: RequestScratch): void {
  const increment = type.incrementMinutes;
  const fairIncrement = type.fairIncrementMinutes;
  scratch.hours[0] = hours;
  scratch.billed[0] = increment === 0 ? hours : (units * increment) / 60;
  scratch.fairBilled[0] = fairIncrement === 0 ? hours : (fairUnits * fairIncrement) / 60;
}

/*
 * The billed loops count each request's whole increments (integers, exact) and turn the counts
 * into hours once; the scenario-level count is a second ceil only when the plan's increment
 * differs (type.sameIncrement), as most plans take the scenario's.
 */

/**
 * sampleHours for a type that bills rounded hours: the same draws in the same order (the
 * overrun count; each overrunning request's effort and factor; the other requests' efforts), so
 * worked hours are the same requests', and each request's billed hours besides, into
 * scratch.billed[0] (the plan's increment) and scratch.fairBilled[0] (the scenario's). A fixed
 * effort's plain requests all bill alike, so they are still counted, not drawn.
 */
function sampleBilledHours(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  scratch.hours[0] = 0;
  scratch.units[0] = 0;
  scratch.fairUnits[0] = 0;
  if (count > 0) {
    const overruns = overrunsOf(stream, type, count);
    if (overruns > 0) billedOverruns(stream, type, overruns, scratch);
    const plain = count - overruns;
    const effort = type.effort;
    if (effort.kind === SamplerKind.Fixed) {
      scratch.hours[0] += effort.p0 * plain;
      scratch.units[0] += unitsOf(effort.p0, type.incrementsPerHour) * plain;
      scratch.fairUnits[0] += unitsOf(effort.p0, type.fairIncrementsPerHour) * plain;
    } else if (effort.kind === SamplerKind.Lognormal) {
      billedLognormal(stream, type, plain, scratch);
    } else {
      billedPlain(stream, type, plain, scratch);
    }
  }
  leaveBilled(type, scratch.hours[0], scratch.units[0], type.sameIncrement ? scratch.units[0] : scratch.fairUnits[0], scratch);
}

/** Adds `overruns` overrunning requests' worked hours and increments to scratch. */
function billedOverruns(stream: TycheStream, type: HotType, overruns: number, scratch: RequestScratch): void {
  const effort = type.effort;
  const factor = type.overrunFactor!;
  const per = type.incrementsPerHour;
  const fairPer = type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  let hours = 0;
  let units = 0;
  let fairUnits = 0;
  if (effort.kind === SamplerKind.Lognormal && factor.kind === SamplerKind.Triangular) {
    // lognormalTriangularOverruns's draws and arithmetic, inlined (see there).
    const median = effort.p0;
    const sigma = effort.p1;
    for (let i = 0; i < overruns; i++) {
      const h = median * fastExp(sigma * standardNormal(stream)) * triangularQuantile(factor, stream.nextDouble());
      hours += h;
      units += unitsOf(h, per);
      if (!same) fairUnits += unitsOf(h, fairPer);
    }
    scratch.hours[0] += hours;
    scratch.units[0] += units;
    scratch.fairUnits[0] += fairUnits;
    return;
  }
  for (let i = 0; i < overruns; i++) {
    const h = effortOf(stream, effort, scratch) * factorOf(stream, factor, scratch);
    hours += h;
    units += unitsOf(h, per);
    if (!same) fairUnits += unitsOf(h, fairPer);
  }
  scratch.hours[0] += hours;
  scratch.units[0] += units;
  scratch.fairUnits[0] += fairUnits;
}

/**
 * Adds `count` lognormal requests' worked hours and increments to scratch. Worked hours sum as
 * addLognormal's (median · Σ e^(σZ)), and a request's increments are e^(σZ) · (median · per hour).
 */
function billedLognormal(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  const median = type.effort.p0;
  const sigma = type.effort.p1;
  const scale = median * type.incrementsPerHour;
  const fairScale = median * type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  let sum = 0;
  let units = 0;
  let fairUnits = 0;
  for (let i = 0; i < count; i++) {
    const e = fastExp(sigma * standardNormal(stream));
    sum += e;
    units += unitsOf(e, scale);
    if (!same) fairUnits += unitsOf(e, fairScale);
  }
  scratch.hours[0] += median * sum;
  scratch.units[0] += units;
  scratch.fairUnits[0] += fairUnits;
}

/** Adds `count` requests' worked hours and increments to scratch, any effort family. */
function billedPlain(stream: TycheStream, type: HotType, count: number, scratch: RequestScratch): void {
  const effort = type.effort;
  const per = type.incrementsPerHour;
  const fairPer = type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  let hours = 0;
  let units = 0;
  let fairUnits = 0;
  for (let i = 0; i < count; i++) {
    const h = effortOf(stream, effort, scratch);
    hours += h;
    units += unitsOf(h, per);
    if (!same) fairUnits += unitsOf(h, fairPer);
  }
  scratch.hours[0] += hours;
  scratch.units[0] += units;
  scratch.fairUnits[0] += fairUnits;
}

/**
 * sampleHoursByMonth for a type that bills rounded hours: the same draws in the same order;
 * `byMonth` receives each request's billed hours at the plan's increment (what included hours
 * and overage count), and the sums leave as in sampleBilledHours.
 */
function billedHoursByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  const per = type.incrementsPerHour;
  const fairPer = type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  const increment = type.incrementMinutes;
  let hours = 0;
  let units = 0;
  let fairUnits = 0;
  if (count > 0) {
    const overruns = overrunsOf(stream, type, count);
    if (lognormalTriangular(type, overruns)) {
      billedLognormalByMonth(stream, type, count, overruns, probability, alias, tableOffset, months, byMonth, offset, scratch);
      return;
    }
    const effort = type.effort;
    for (let i = 0; i < count; i++) {
      const month = aliasPick(stream, probability, alias, tableOffset, months);
      let h = effortOf(stream, effort, scratch);
      if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
      const u = unitsOf(h, per);
      byMonth[offset + month] += increment === 0 ? h : (u * increment) / 60;
      hours += h;
      units += u;
      if (!same) fairUnits += unitsOf(h, fairPer);
    }
  }
  leaveBilled(type, hours, units, same ? units : fairUnits, scratch);
}

/** billedHoursByMonth's loop for a lognormal effort and a triangular factor (lognormalTriangular). */
function billedLognormalByMonth(
  stream: TycheStream,
  type: HotType,
  count: number,
  overruns: number,
  probability: Float64Array | null,
  alias: Int32Array,
  tableOffset: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  const median = type.effort.p0;
  const sigma = type.effort.p1;
  const factor = type.overrunFactor;
  const per = type.incrementsPerHour;
  const fairPer = type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  const increment = type.incrementMinutes;
  let hours = 0;
  let units = 0;
  let fairUnits = 0;
  for (let i = 0; i < count; i++) {
    const month = aliasPick(stream, probability, alias, tableOffset, months);
    let h = median * fastExp(sigma * standardNormal(stream));
    if (i < overruns) h *= triangularQuantile(factor!, stream.nextDouble());
    const u = unitsOf(h, per);
    byMonth[offset + month] += increment === 0 ? h : (u * increment) / 60;
    hours += h;
    units += u;
    if (!same) fairUnits += unitsOf(h, fairPer);
  }
  leaveBilled(type, hours, units, same ? units : fairUnits, scratch);
}

/**
 * The hours of `count` requests of a bursty type whose H months are alike and must be kept,
 * each added to its month, into scratch (and billed hours as sampleBilledHours leaves them).
 * The months come from a Pólya urn: request i (0-based) opens a month of its own, uniform over
 * the H, with probability H·k / (H·k + i), else takes the month of one of the i earlier requests,
 * each alike; one 32-bit draw decides both. Given the total this is exactly the
 * Dirichlet-multinomial(k, …, k) split of H independent negative binomial months. Which requests
 * overrun is drawn first by binomial thinning (the urn's requests are exchangeable).
 * Draws, in order: the overrun count; per request its month, its effort and, for an overrunning
 * one, its factor.
 * @param byMonth receives the hours of month m at byMonth[offset + m] (billed hours at the plan's
 *   increment when the type bills rounded hours), m < months
 */
export function sampleHoursByUrn(
  stream: TycheStream,
  type: HotType,
  count: number,
  months: number,
  byMonth: Float64Array,
  offset: number,
  scratch: RequestScratch,
): void {
  if (scratch.urnMonths.length < count) scratch.urnMonths = new Int32Array(Math.max(count, 2 * scratch.urnMonths.length));
  const placed = scratch.urnMonths;
  const k = type.dispersion;
  const own = months * k;
  const billed = type.billed;
  const per = type.incrementsPerHour;
  const fairPer = type.fairIncrementsPerHour;
  const same = type.sameIncrement;
  const increment = type.incrementMinutes;
  let hours = 0;
  let units = 0;
  let fairUnits = 0;
  if (count > 0) {
    const overruns = overrunsOf(stream, type, count);
    const effort = type.effort;
    for (let i = 0; i < count; i++) {
      const u = stream.nextDouble() * (own + i);
      const month = u < own ? Math.min(months - 1, Math.floor(u / k)) : placed[Math.min(i - 1, Math.floor(u - own))];
      placed[i] = month;
      let h = effortOf(stream, effort, scratch);
      if (i < overruns) h *= factorOf(stream, type.overrunFactor!, scratch);
      hours += h;
      if (billed) {
        const n = unitsOf(h, per);
        byMonth[offset + month] += increment === 0 ? h : (n * increment) / 60;
        units += n;
        if (!same) fairUnits += unitsOf(h, fairPer);
      } else {
        byMonth[offset + month] += h;
      }
    }
  }
  if (billed) leaveBilled(type, hours, units, same ? units : fairUnits, scratch);
  else scratch.hours[0] = hours;
}
