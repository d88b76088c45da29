/**
 * The cycle workflow's public face: its messages (`cycle/messages.ts`) and the workflow function
 * (`cycle/workflow.ts`). Callers import from here.
 */
export * from './cycle/messages';
export { twinningCycleWorkflow } from './cycle/workflow';
