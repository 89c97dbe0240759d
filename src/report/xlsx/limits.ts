/**
 * Most simulated terms --trials-xlsx writes: a sheet holds 1,048,576 rows, and the workbook is
 * built in memory (about 1 KB a row while it is made); --trials-csv streams any number.
 */
export const MAX_TRIALS_XLSX = 200_000;
