/** The worker's only `workflowsPath`: every workflow of the product is exported from here. */
export { twinningCycleWorkflow } from './twinning-cycle';
export { yearOpenerWorkflow } from './year-opener';
export { leadershipDigestWorkflow } from './leadership-digest';
