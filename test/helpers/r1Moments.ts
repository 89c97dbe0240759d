/*
 * Benchmark workload R1's closed forms (scenarios/bench-r1.yaml), against which the engine
 * (test/engine-r1.test.ts) and the native references (test/bench-native.test.ts) are checked.
 * Per client (12 months, U ~ Gamma(4, 1/4), so E[U] = 1, E[U²] = 1.25), with X a request's hours:
 *   E[S | U] = U·μ, μ = 12·Σ λ_j E[X_j] = 12 · 3.27264 h (r1.c's header)
 *   Var[S | U] = Σ_Poisson 12 λ_j U E[X_j²] + (m E[X²] + m² E[X]²/6) for the bugfix, m = 3.6 U
 *   (its 12 months add up to a negative binomial with dispersion 12 · 0.5 = 6)
 *   Var[S] = E[Var[S | U]] + μ² Var[U];  total over 200 clients: 200 × that.
 * Lognormal(median, σ): E = median·e^(σ²/2), E[X²] = median²·e^(2σ²); triangular(a, c, b):
 * mean (a+b+c)/3, variance (a²+b²+c²−ab−ac−bc)/18. The sd comes to 389.84 h (389.8 in the brief,
 * from the C program), the mean to 7854.36 h.
 */

/** R1's mean and variance of the total hours per trial. */
export function r1Moments(): { mean: number; variance: number } {
  const lognormal = (median: number, sigma: number) => ({ m1: median * Math.exp((sigma * sigma) / 2), m2: median * median * Math.exp(2 * sigma * sigma) });
  const triangular = (a: number, c: number, b: number) => {
    const mean = (a + b + c) / 3;
    return { m1: mean, m2: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 + mean * mean };
  };
  // X = effort × (factor with probability p, else 1)
  const withOverrun = (e: { m1: number; m2: number }, p: number, f: { m1: number; m2: number }) => ({
    m1: e.m1 * (1 - p + p * f.m1),
    m2: e.m2 * (1 - p + p * f.m2),
  });
  const text = withOverrun(lognormal(0.5, 0.8), 0.2, triangular(1.5, 2.5, 5));
  const image = lognormal(0.3, 0.5);
  const bug = withOverrun(lognormal(2, 1), 0.3, triangular(1.2, 2, 4));
  const call = { m1: 0.25, m2: 0.0625 };
  const H = 12;
  const mu = H * (1.5 * text.m1 + 0.8 * image.m1 + 0.3 * bug.m1 + 0.6 * call.m1);
  const poissonPart = H * (1.5 * text.m2 + 0.8 * image.m2 + 0.6 * call.m2);
  const m = H * 0.3; // bugfix term mean for U = 1
  const bugPart = m * bug.m2 + (m * m * 1.25 * bug.m1 * bug.m1) / (H * 0.5);
  const perClient = poissonPart + bugPart + mu * mu * 0.25;
  return { mean: 200 * mu, variance: 200 * perClient };
}
