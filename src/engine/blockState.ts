import type { TrialColumns } from './columns.js';
import type { HotPortfolio } from './hotPortfolio.js';
import { createBlockQueue, type BlockQueue } from './queue/blockQueue.js';
import { RequestScratch } from './sampleHours.js';
import { createMonthOutcome, type MonthOutcome } from './uptime/simulateMonth.js';
import { BLOCK_SIZE, type StreamFactory } from './simulateBlock.js';

/** Per trial, Σ of the months' weights and the alias table of the months by them. */
export interface MonthTables {
  readonly total: Float64Array;
  readonly probability: Float64Array;
  readonly alias: Int32Array;
}

/**
 * The working arrays of a block, sized for BLOCK_SIZE trials and kept with the portfolio, so
 * that simulating block after block allocates nothing (a million trials are a thousand blocks).
 */
interface Workspace {
  /** Common factor of trial t, month m at t·H + m; null without one. */
  readonly common: Float64Array | null;
  /** Alias table of each trial's months by the common factor, at t·H + m (empty without one). */
  readonly commonProbability: Float64Array;
  readonly commonAlias: Int32Array;
  /** Σ of each trial's common factors over the months (empty without one). */
  readonly commonTotal: Float64Array;
  /**
   * The months with events of each shock, listed trial by trial: shock s's months of trial t are
   * at k = shockFirst[s·(length + 1) + t] … shockFirst[s·(length + 1) + t + 1] − 1, month
   * shockMonth[k] with shockEvents[k] events (k within s·length·H … (s + 1)·length·H − 1). Most
   * months have none (a few events a year), so a client's shock loop visits only those that do.
   */
  readonly shockFirst: Int32Array;
  readonly shockMonth: Int32Array;
  readonly shockEvents: Int32Array;
  /**
   * Fee weight of one client in trial t of fee row r at r·BLOCK_SIZE + t (HotPortfolio.planFeeRow:
   * plans with their own uptime have their own row), and service cost (the chain is shared).
   */
  readonly feeWeightPerClient: Float64Array;
  readonly serviceCostPerClient: Float64Array;
  /** The current client's intensity U, covered and uncovered hours per trial. */
  readonly intensity: Float64Array;
  readonly covered: Float64Array;
  readonly uncovered: Float64Array;
  /**
   * With an increment (HotClient.billed): the current client's uncovered hours as billed, and its
   * covered hours billed at the scenario-level increment (the hourly equivalent's), per trial.
   */
  readonly uncoveredBilled: Float64Array;
  readonly fairCovered: Float64Array;
  /** The current client's covered billed hours of trial t, month m at t·H + m (capped plans only). */
  readonly coveredByMonth: Float64Array;
  /** The current client's covered billed hours of trial t in month 1 (HotClient.bundleFirstMonth only). */
  readonly coveredFirstMonth: Float64Array;
  /** Where uncovered requests' months go when the portfolio keeps every type's months; never read. */
  readonly monthSink: Float64Array;
  /** The current client's covered hours billed at its plan's increment, per trial (with an increment). */
  readonly coveredBilled: Float64Array;
  /** The current client's price-list value of covered requests, per trial (per_request plans). */
  readonly listValue: Float64Array;
  /**
   * The current client's settlement per trial (contract/): overage hours, revenue besides the
   * price, the price quantity w, a bundle's breakage and deferred hours.
   */
  readonly overage: Float64Array;
  readonly revenueBesidesFee: Float64Array;
  readonly priceWeight: Float64Array;
  readonly breakage: Float64Array;
  readonly deferred: Float64Array;
  /** A rollover plan's bank: hours banked at the end of month j at bank[j mod k] (contract/flat.ts). */
  readonly bank: Float64Array;
  /**
   * With a common factor, per season of HotPortfolio.seasons: Σ season × common factor of trial t
   * at total[t], and the alias table of the months by it at t·H + m (empty without one).
   */
  readonly seasonTables: MonthTables[];
  readonly scratch: RequestScratch;
  /** The service chain's month and its buffers, reused month after month. */
  readonly month: MonthOutcome;
  /** The team queue's request log and working arrays; null without a team (queue/blockQueue.ts). */
  readonly queue: BlockQueue | null;
}

/** One block being simulated: its settings, its output and the workspace's arrays. */
export interface BlockState extends Workspace {
  readonly portfolio: HotPortfolio;
  readonly streams: StreamFactory;
  readonly block: number;
  /** Trials in the block; the arrays below hold at least this many. */
  readonly length: number;
  readonly out: TrialColumns;
}

const workspaces = new WeakMap<HotPortfolio, Workspace>();

function createWorkspace(hot: HotPortfolio): Workspace {
  const H = hot.termMonths;
  const trialMonths = BLOCK_SIZE * H;
  const common = hot.commonGamma !== null;
  return {
    common: common ? new Float64Array(trialMonths) : null,
    commonProbability: new Float64Array(common ? trialMonths : 0),
    commonAlias: new Int32Array(common ? trialMonths : 0),
    commonTotal: new Float64Array(common ? BLOCK_SIZE : 0),
    shockFirst: new Int32Array(hot.shocks.length * (BLOCK_SIZE + 1)),
    shockMonth: new Int32Array(hot.shocks.length * trialMonths),
    shockEvents: new Int32Array(hot.shocks.length * trialMonths),
    feeWeightPerClient: new Float64Array(hot.feeRowClients.length * BLOCK_SIZE),
    serviceCostPerClient: new Float64Array(BLOCK_SIZE),
    intensity: new Float64Array(BLOCK_SIZE),
    covered: new Float64Array(BLOCK_SIZE),
    uncovered: new Float64Array(BLOCK_SIZE),
    uncoveredBilled: new Float64Array(BLOCK_SIZE),
    fairCovered: new Float64Array(BLOCK_SIZE),
    coveredByMonth: new Float64Array(hot.anyCapped ? trialMonths : 0),
    coveredFirstMonth: new Float64Array(BLOCK_SIZE),
    monthSink: new Float64Array(hot.keepMonths ? trialMonths : 0),
    coveredBilled: new Float64Array(BLOCK_SIZE),
    listValue: new Float64Array(BLOCK_SIZE),
    overage: new Float64Array(BLOCK_SIZE),
    revenueBesidesFee: new Float64Array(BLOCK_SIZE),
    priceWeight: new Float64Array(BLOCK_SIZE),
    breakage: new Float64Array(BLOCK_SIZE),
    deferred: new Float64Array(BLOCK_SIZE),
    bank: new Float64Array(H),
    seasonTables: (common ? hot.seasons : []).map(() => ({
      total: new Float64Array(BLOCK_SIZE),
      probability: new Float64Array(trialMonths),
      alias: new Int32Array(trialMonths),
    })),
    scratch: new RequestScratch(),
    month: createMonthOutcome(),
    queue: createBlockQueue(hot),
  };
}

/** The team queue's workspace of a portfolio, as the last block simulated left it (its request log); null without a team or before any block. */
export function blockQueueOf(portfolio: HotPortfolio): BlockQueue | null {
  return workspaces.get(portfolio)?.queue ?? null;
}

/**
 * The state of one block of `length` ≤ BLOCK_SIZE trials, on the portfolio's reused workspace.
 * The caller fills every array before reading it (simulateBlock does, in order).
 */
export function blockState(portfolio: HotPortfolio, streams: StreamFactory, block: number, length: number, out: TrialColumns): BlockState {
  let workspace = workspaces.get(portfolio);
  if (!workspace) {
    workspace = createWorkspace(portfolio);
    workspaces.set(portfolio, workspace);
  }
  const w = workspace;
  // One literal, fields in one order: every block's state has the same hidden class.
  return {
    portfolio,
    streams,
    block,
    length,
    out,
    common: w.common,
    commonProbability: w.commonProbability,
    commonAlias: w.commonAlias,
    commonTotal: w.commonTotal,
    shockFirst: w.shockFirst,
    shockMonth: w.shockMonth,
    shockEvents: w.shockEvents,
    feeWeightPerClient: w.feeWeightPerClient,
    serviceCostPerClient: w.serviceCostPerClient,
    intensity: w.intensity,
    covered: w.covered,
    uncovered: w.uncovered,
    uncoveredBilled: w.uncoveredBilled,
    fairCovered: w.fairCovered,
    coveredByMonth: w.coveredByMonth,
    coveredFirstMonth: w.coveredFirstMonth,
    monthSink: w.monthSink,
    coveredBilled: w.coveredBilled,
    listValue: w.listValue,
    overage: w.overage,
    revenueBesidesFee: w.revenueBesidesFee,
    priceWeight: w.priceWeight,
    breakage: w.breakage,
    deferred: w.deferred,
    bank: w.bank,
    seasonTables: w.seasonTables,
    scratch: w.scratch,
    month: w.month,
    queue: w.queue,
  };
}
