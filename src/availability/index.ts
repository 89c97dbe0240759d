/*
 * The availability module (issue 5): uptime of supplier chains, exact and simulated, service
 * credits, and what an agency can promise. The portfolio engine needs only the schema, the
 * model and simulateMonth; the `fairfee availability` command the analysis and the reports.
 */
export { availabilitySchema } from './schema.js';
export type * from './spec.js';
export { createAvailabilityModel, type AvailabilityModel } from '../engine/uptime/model.js';
export { createMonthOutcome, simulateMonth, type MonthOutcome } from '../engine/uptime/simulateMonth.js';
export { groupAvailability, kOfNAvailability, nodeAvailability, parallelAvailability, seriesAvailability } from './exact.js';
export { additiveBound, pessimisticBound } from './bounds.js';
export { componentProfile, expectedMonthAvailability, solveOutageRate, type ComponentProfile } from './monthModel.js';
export { creditShare } from '../engine/uptime/credits.js';
export { analyzeAvailability, simulateMonths, type AnalysisOptions, type AvailabilityAnalysis } from './analysis.js';
export { exactFigures, type ExactFigures } from './exactFigures.js';
export { promiseAtRisk, promiseWithinCreditBudget } from './promise.js';
export { availabilityReport, compositionReport, type AvailabilityJson, type CompositionInput, type CsvRows } from './report.js';
export { AvailabilityInputError } from './inputError.js';
export { HOURS_PER_MONTH, HOURS_PER_YEAR } from './constants.js';
