/**
 * Bad input to the availability command given on the command line (not from a scenario file,
 * whose errors the schema reports): the CLI maps it to exit status 2. The message names the
 * option, the rule and the value: `--series: 1.5 is not an availability in [0, 1]`.
 */
export class AvailabilityInputError extends Error {
  override readonly name = 'AvailabilityInputError';
}
