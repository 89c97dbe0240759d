/** How many reciprocals RECIPROCALS holds: 1/k for 0 < k < RECIPROCAL_COUNT. */
export const RECIPROCAL_COUNT = 1024;

/**
 * 1/k for the pmf recursions of the inversion samplers (Poisson, binomial, negative binomial):
 * a multiply instead of a divide per step, which shortens the loop's dependency chain.
 * Entry 0 is unused (0).
 */
export const RECIPROCALS: Float64Array = new Float64Array(RECIPROCAL_COUNT);
for (let k = 1; k < RECIPROCAL_COUNT; k++) RECIPROCALS[k] = 1 / k;
