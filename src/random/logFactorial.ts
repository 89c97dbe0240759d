/** ln(k!) for k < 256 from a table; beyond, Stirling's series (error below 1e-12 there). */
const TABLE_SIZE = 256;
const table = new Float64Array(TABLE_SIZE);
for (let k = 1; k < TABLE_SIZE; k++) table[k] = table[k - 1] + Math.log(k);

/**
 * ln(k!) for a whole number k ≥ 0.
 * @example logFactorial(3) // ln 6
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return table[k];
  const n = k + 1; // ln Γ(n) with n = k + 1
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}
