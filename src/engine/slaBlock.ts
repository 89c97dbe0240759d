import { blockQueueOf } from './blockState.js';
import type { HotPortfolio } from './hotPortfolio.js';
import { settleBlockQueue } from './queue/blockQueue.js';
import { createSlaStats, packSlaStats, slaStatsLength } from './queue/slaStats.js';
import { withPeople } from './queue/team.js';
import { simulatePreparedBlock, type StreamFactory } from './simulateBlock.js';

/**
 * One block of the `sla` study (MODEL.md, "Response-time SLAs"): simulates the block's requests
 * and serves them by the team at each size of `sizes`, the same requests each time, leaving
 * each size's figures packed in `into` (packSlaStats), size i at i · slaStatsLength(plans).
 * The team as it is is served once, for the block's penalties and its figures together.
 * Pure: the same block, seed and sizes give the same numbers in any thread.
 * @param sizes team sizes, each ≥ 1; the portfolio must have a team
 */
export function simulateSlaBlock(hot: HotPortfolio, streams: StreamFactory, block: number, length: number, sizes: readonly number[], into: Float64Array): void {
  const team = hot.team;
  if (!team) throw new Error('internal: the sla study needs a portfolio with a team');
  const stats = sizes.map(() => createSlaStats(hot.planCount));
  const own = sizes.indexOf(team.queue.people);
  simulatePreparedBlock(hot, streams, block, length, undefined, own >= 0 ? stats[own] : null);
  const queue = blockQueueOf(hot)!;
  sizes.forEach((people, i) => {
    if (i !== own) settleBlockQueue(queue, hot, withPeople(team, people), length, null, stats[i]);
  });
  const width = slaStatsLength(hot.planCount);
  stats.forEach((s, i) => {
    packSlaStats(s, into, i * width);
  });
}
