/*
 * Sizes beyond which a run cannot finish on an ordinary machine. They are refused up front with
 * the limit named, rather than hanging or running out of memory.
 */

/** Most trials one run may ask for. */
export const MAX_TRIALS = 10_000_000;
/** Most clients in a portfolio (segments' counts added up). */
export const MAX_CLIENTS = 100_000;
/** Contract term, in months, of a scenario that names none. */
export const DEFAULT_TERM_MONTHS = 12;
/** Longest contract term, in months (50 years). */
export const MAX_TERM_MONTHS = 600;
/** Most simulated client-months in one run (trials × clients × months). */
export const MAX_CLIENT_MONTHS = 2e11;
/** Largest scenario or history file read, in bytes. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Most values an empirical distribution may hold. */
export const MAX_EMPIRICAL_VALUES = 100_000;
/** Most YAML aliases a file may use (the defence against "billion laughs" alias bombs). */
export const MAX_YAML_ALIASES = 100;
/**
 * Most values (scalars, list items, keys) a YAML file may hold: the parser's memory grows with
 * them (about 2 KB each while parsing), not with the bytes. Above MAX_EMPIRICAL_VALUES, so the
 * largest empirical distribution still fits.
 */
export const MAX_YAML_NODES = 150_000;
/** Deepest nesting of a YAML file; the parser recurses, and a scenario needs about ten. */
export const MAX_YAML_DEPTH = 64;
/** Largest expected request count per client and month; beyond, effort sampling cannot finish. */
export const MAX_REQUESTS_PER_MONTH = 10_000;
/** Most memory the per-trial result columns may take, in bytes. */
export const MAX_COLUMN_BYTES = 4e9;
