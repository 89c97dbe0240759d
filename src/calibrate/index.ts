/*
 * `fairfee calibrate`: a ticket/timesheet history (CSV) → fitted request types → a scenario.
 * readHistory.ts reads and checks the file, fitHistory.ts fits, scenarioYaml.ts writes the
 * scenario, fitReport.ts the summary table and JSON. No file or console I/O here: the command
 * module (src/cli/commands/calibrate.ts) does that.
 */
export { parseHistory, MAX_REPORTED_PROBLEMS } from './readHistory.js';
export { fitHistory, fitOptionProblems, type CalibrationFit, type FitOptions, type FittedRequestType } from './fitHistory.js';
export { scenarioYaml, type ScenarioSettings } from './scenarioYaml.js';
export { fitJson, formatFitTable } from './fitReport.js';
export { historySeed } from './historySeed.js';
export { toIdentifier } from './identifier.js';
export type { History, Ticket } from './history.js';
