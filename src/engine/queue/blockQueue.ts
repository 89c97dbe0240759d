import type { TrialColumns } from '../columns.js';
import type { HotPortfolio } from '../hotPortfolio.js';
import { RequestLog } from './requestLog.js';
import { createQueueSettleWork, onCallShares, settleQueue, type OnCallShares, type QueueSettleWork } from './settleQueue.js';
import type { SlaStats } from './slaStats.js';
import type { CompiledTeam } from './team.js';

/**
 * What a block needs for the team queue, kept in the portfolio's workspace (blockState.ts): the
 * log of the block's requests, the settle step's working arrays, the on-call cost's split.
 */
export interface BlockQueue {
  readonly log: RequestLog;
  readonly work: QueueSettleWork;
  readonly onCall: OnCallShares;
}

/** The queue's workspace of a portfolio with a team; null without one (nothing is logged). */
export function createBlockQueue(p: HotPortfolio): BlockQueue | null {
  if (p.team === null) return null;
  return {
    log: new RequestLog(p.termMonths),
    work: createQueueSettleWork(p.clients, p.termMonths),
    onCall: onCallShares(p.team, p.clients, p.planCount, p.segmentCount),
  };
}

/**
 * After every client of the block is drawn: the queue of each trial, its penalties and the
 * on-call cost into the net cost columns; with `stats`, the `sla` study's sums besides.
 * @param team the portfolio's team, or another size of it (the staffing table)
 */
export function settleBlockQueue(
  q: BlockQueue,
  p: HotPortfolio,
  team: CompiledTeam,
  length: number,
  out: TrialColumns | null,
  stats: SlaStats | null = null,
): void {
  settleQueue(q.log, team, p.clients, q.onCall, length, q.work, out, stats);
}
