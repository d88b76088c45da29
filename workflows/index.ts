/** The worker's only `workflowsPath`: every workflow of the product is exported from here. */
export { twinningCycleWorkflow } from './cycle/workflow';
export { unitEvaluationWorkflow } from './unit-evaluation/workflow';
export { yearOpenerWorkflow } from './year-opener';
export { leadershipDigestWorkflow } from './leadership-digest';
