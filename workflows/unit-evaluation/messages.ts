/**
 * The unit evaluation workflow's wire contract: its input, Updates, Signal and Query. Names are part of running
 * evaluations' histories and of every caller: never rename one; add optional fields only.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { CYCLE_CHANGED_SIGNAL, UNIT_EVALUATION_MESSAGES } from '../../domain/workflow-ids';
import type {
  RateUnitRequest,
  UnitEvaluationInput,
  UnitFactorsRequest,
} from '../../machines/unit-evaluation';
import type { UnitEvaluationStatus } from './status';

export type { RateUnitRequest, UnitFactorsRequest } from '../../machines/unit-evaluation';
export { unitEvaluationWorkflowId } from '../../domain/workflow-ids';

/** Input of the unit evaluation workflow. */
export interface UnitEvaluationWorkflowInput extends Omit<UnitEvaluationInput, 'openedAt' | 'workflowId'> {
  /** Simulations and tests: the business instant at which the workflow starts (see the cycle's). */
  readonly businessStart?: string;
}

/** What a cycle tells its units' evaluations. */
export interface CycleChangedSignal {
  readonly workflowId: string;
  /** The cycle's business instant. */
  readonly at: string;
}

/** One of the unit's cycles changed. */
export const cycleChangedSignal = defineSignal<[CycleChangedSignal]>(CYCLE_CHANGED_SIGNAL);
/** Confirm or override the unit's proposal: its final rating, recorded once. */
export const rateUnitUpdate = defineUpdate<UnitEvaluationStatus, [RateUnitRequest]>(
  UNIT_EVALUATION_MESSAGES.rate,
);
/** Record (or clear) the unit's positive factors and propose again. */
export const unitFactorsUpdate = defineUpdate<UnitEvaluationStatus, [UnitFactorsRequest]>(
  UNIT_EVALUATION_MESSAGES.positiveFactors,
);
/** The evaluation's state: phase, proposal, what it waits for, the final rating. */
export const unitStatusQuery = defineQuery<UnitEvaluationStatus>(UNIT_EVALUATION_MESSAGES.status);
