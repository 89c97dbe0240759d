/*
 * Transitional: constants.ts now lives in scenario/uptime/ (issue 10). This re-export keeps the
 * uptime simulation files here (model, simulate, credits, serviceChain), which move to
 * engine/uptime/ in a parallel change, building unchanged; delete it when they import
 * scenario/uptime/ directly.
 */
export * from '../scenario/uptime/constants.js';
