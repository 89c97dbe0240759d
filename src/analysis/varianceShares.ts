import type { TrialColumns } from '../engine/columns.js';

/**
 * Each request type's share of the variance of the portfolio's net cost D: Cov(D_j, D)/Var(D),
 * with D_j the net cost of type j's hours. The shares of all parts add up to 1 (covariance
 * decomposition); what the types leave is overage revenue and other non-hour items.
 * @returns one share per request type, in scenario order
 */
export function varianceShares(columns: TrialColumns): number[] {
  const d = columns.netCost;
  const n = d.length;
  let meanD = 0;
  for (let t = 0; t < n; t++) meanD += d[t];
  meanD /= n;
  let varD = 0;
  for (let t = 0; t < n; t++) varD += (d[t] - meanD) ** 2;
  return columns.typeNetCost.map((part) => {
    let meanPart = 0;
    for (let t = 0; t < n; t++) meanPart += part[t];
    meanPart /= n;
    let cov = 0;
    for (let t = 0; t < n; t++) cov += (part[t] - meanPart) * (d[t] - meanD);
    return varD > 0 ? cov / varD : 0;
  });
}
