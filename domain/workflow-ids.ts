/**
 * The engine's workflow identities: workflow types, their IDs and the message names that callers outside
 * workflow code (activities, services, the CLI and web) use by name, so they never load workflow code at run
 * time. A wire contract with every running workflow: never rename one. IDs hold codes only, never a name.
 */

/** Workflow type of one pair's yearly cycle. */
export const CYCLE_WORKFLOW = 'twinningCycleWorkflow';

/** Workflow type of one unit's yearly evaluation. */
export const UNIT_EVALUATION_WORKFLOW = 'unitEvaluationWorkflow';

/** Signal to a unit's evaluation: one of its cycles changed (reached evaluation, late data, closed). */
export const CYCLE_CHANGED_SIGNAL = 'cycleChanged';

/** The workflow ID of a pair's cycle in a year. */
export function cycleWorkflowId(pairCode: string, year: number): string {
  return `twinning-cycle:${pairCode}:${year}`;
}

/** The workflow ID of a unit's evaluation in a year. */
export function unitEvaluationWorkflowId(unitCode: string, year: number): string {
  return `unit-evaluation:${unitCode}:${year}`;
}
