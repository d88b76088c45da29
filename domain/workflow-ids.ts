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

/** Names of the cycle workflow's Updates, Signal and Query. */
export const CYCLE_MESSAGES = {
  submit: 'submit',
  progress: 'progress',
  extend: 'extend',
  waive: 'waive',
  resend: 'resend',
  dissolve: 'dissolve',
  endPeriod: 'endPeriod',
  /** Cycles started before unit ratings only. */
  rate: 'rate',
  /** Cycles started before unit ratings only. */
  positiveFactors: 'positiveFactors',
  unitRated: 'unitRated',
  status: 'status',
} as const;

/** Names of the unit evaluation workflow's Updates and Query. */
export const UNIT_EVALUATION_MESSAGES = {
  rate: 'rate',
  positiveFactors: 'positiveFactors',
  status: 'status',
} as const;

/** The workflow ID of a pair's cycle in a year. */
export function cycleWorkflowId(pairCode: string, year: number): string {
  return `twinning-cycle:${pairCode}:${year}`;
}

/** The workflow ID of a unit's evaluation in a year. */
export function unitEvaluationWorkflowId(unitCode: string, year: number): string {
  return `unit-evaluation:${unitCode}:${year}`;
}
