/*
 * The page and workbook renderers, loaded only when a command is asked for a page or a
 * workbook: vega and exceljs take about 0.35 s to load, which every other run would pay.
 */

/** report/html/pages.js, on first use. */
export const htmlPages = () => import('../report/html/pages.js');

/** report/xlsx/workbooks.js, on first use. */
export const workbooks = () => import('../report/xlsx/workbooks.js');
