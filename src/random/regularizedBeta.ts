import { logGamma } from './regularizedGamma.js';

/**
 * I_x(a, b), the regularized incomplete beta function (the Beta(a, b) CDF), by the continued
 * fraction evaluated with the modified Lentz method (Numerical Recipes, 6.4). Used for exact
 * CDFs in goodness-of-fit checks, not in the simulation.
 */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
  let h = d;
  for (let m = 1; m <= 500; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + step * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = 1 + step / c;
    c = Math.abs(c) < tiny ? tiny : c;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + step * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = 1 + step / c;
    c = Math.abs(c) < tiny ? tiny : c;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}
