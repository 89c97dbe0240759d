/** A bad command line (unknown option, value out of range): exit status 2, like bad input files. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Exit statuses (docs/interface.md): 0 done, 1 the run failed, 2 the input is wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
