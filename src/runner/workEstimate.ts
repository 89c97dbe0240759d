import type { HotPortfolio } from '../engine/hotPortfolio.js';

/*
 * Rough single-thread cost of the engine, measured with npm run bench on the benchmark machine
 * (2-vCPU Xeon, Node 20): 25–55 ns per request and about 20 ns per client-month besides.
 * Taken at the high end, so a run is rather judged too long than too short.
 */
const SECONDS_PER_REQUEST = 40e-9;
const SECONDS_PER_CLIENT_MONTH = 20e-9;

/** Expected requests per trial: λ·usage·Σ season per client and type, plus each shock's hits. */
export function expectedRequests(portfolio: HotPortfolio): number {
  const H = portfolio.termMonths;
  let requests = 0;
  for (const client of portfolio.clients) {
    for (const type of client.types) requests += type.ratePerMonth * type.seasonSum;
    client.shockTypes.forEach((type, s) => {
      if (type) requests += portfolio.shocks[s].perMonth * H * portfolio.shocks[s].hitProbability;
    });
  }
  return requests;
}

/**
 * About how long `trials` trials take on one thread, in seconds: enough to tell a run worth
 * starting threads for (they take 0.1–0.3 s to start and warm up) from one that is not.
 */
export function estimatedSeconds(portfolio: HotPortfolio, trials: number): number {
  const clientMonths = portfolio.clients.length * portfolio.termMonths;
  return trials * (expectedRequests(portfolio) * SECONDS_PER_REQUEST + clientMonths * SECONDS_PER_CLIENT_MONTH);
}
