/**
 * The one error a distribution or sampler throws for bad parameters; its message names the
 * distribution, the rule and the value: `lognormal: sigma must be > 0 (got -1)`.
 */
export class DistributionError extends Error {
  override readonly name = 'DistributionError';
  constructor(
    readonly distribution: string,
    readonly parameter: string,
    readonly rule: string,
    readonly value: unknown,
  ) {
    super(`${distribution}: ${parameter} ${rule} (got ${String(value)})`);
  }
}

/** Throws DistributionError unless `value` is a finite number satisfying `ok`. */
export function requireParameter(distribution: string, parameter: string, value: number, ok: (v: number) => boolean, rule: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw new DistributionError(distribution, parameter, rule, value);
  }
}
