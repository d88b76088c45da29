/**
 * Input, events, actions and context of a unit's yearly evaluation: one proposal and one final rating per unit
 * and year, from the sum of the unit's cycles. Plain data; every instant an ISO string in UTC form.
 */
import type { Side } from '../../domain/cycle/types';
import type { LevelRef } from '../../domain/evaluation/confirm';

/** Input of one unit's evaluation (workflow ID `unit-evaluation:<unitCode>:<year>`). */
export interface UnitEvaluationInput {
  readonly workflowId: string;
  readonly unitCode: string;
  readonly year: number;
  /** The side of its pairs the unit stands on (fixed by its kind). */
  readonly side: Side;
  /** ISO instant the evaluation was started. */
  readonly openedAt: string;
}

/** A proposal as the evaluation keeps it: what the `rate` check needs and what the status shows. */
export interface ProposalView {
  /** The proposed level id (e.g. `TOT`). */
  readonly rating: string;
  readonly labelVi: string;
  readonly labelEn: string;
  readonly score: number;
  readonly criticised: boolean;
  readonly proposedReward: boolean;
  /** The levels of the year's scale, best first. */
  readonly scale: readonly LevelRef[];
}

/** What computing the proposal found: ready (with the proposal), still waiting, or nothing to rate. */
export type ComputedProposal =
  | {
      readonly status: 'proposed';
      readonly proposal: ProposalView;
      /** Workflow IDs of the unit's cycles that wait for its rating (active, in evaluation). */
      readonly cycles: readonly string[];
    }
  | {
      readonly status: 'waiting';
      /** Pair codes of the unit's cycles that have not reached evaluation yet. */
      readonly waitingFor: readonly string[];
    }
  /** Every cycle of the unit closed without a year to rate (dissolved, ended before the year end). */
  | { readonly status: 'nothingToRate' }
  /**
   * The unit's rating was confirmed already (by an earlier run of its evaluation, before a late cycle of the unit
   * reached evaluation): it stands, and the cycles still waiting for it are told.
   */
  | {
      readonly status: 'confirmed';
      readonly proposal: ProposalView;
      readonly final: FinalRating;
      readonly cycles: readonly string[];
    };

/** One of the unit's cycles changed: it reached evaluation, late data came in there, or it closed. */
export interface CyclesChangedEvent {
  readonly type: 'CYCLES_CHANGED';
  readonly at: string;
  readonly workflowId: string;
}

/** The proposal computed by the activity (fed back by the workflow). */
export interface ProposalComputedEvent {
  readonly type: 'PROPOSAL_COMPUTED';
  readonly at: string;
  readonly result: ComputedProposal;
}

/** Ban Dân tộc records (or clears, with an empty text) the unit's positive factors. */
export interface FactorsEvent {
  readonly type: 'FACTORS';
  readonly at: string;
  readonly actor: string;
  readonly text: string;
}

/** Ban Dân tộc confirms or overrides the proposal: the unit's final rating, recorded once. */
export interface RateUnitEvent {
  readonly type: 'RATE';
  readonly at: string;
  readonly actor: string;
  /** The level id of the year's scale (already resolved from a label by the request check). */
  readonly rating: string;
  readonly override: boolean;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** Every event of a unit's evaluation. */
export type UnitEvaluationEvent = CyclesChangedEvent | ProposalComputedEvent | FactorsEvent | RateUnitEvent;

/** The unit's confirmed rating. */
export interface FinalRating {
  readonly rating: string;
  readonly override: boolean;
  readonly actor: string;
  readonly at: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** Params of `recordFinalRating`: write the final rating (and its audit event) once. */
export interface RecordFinalRatingParams extends FinalRating {
  readonly unitCode: string;
  readonly year: number;
}

/** Params of `notifyCycles`: tell each of the unit's cycles its rating (O7 closes once both units are in). */
export interface NotifyCyclesParams {
  readonly workflowIds: readonly string[];
  readonly side: Side;
  readonly unitCode: string;
  readonly final: FinalRating;
}

/** Params of `recordPositiveFactors`. */
export interface RecordPositiveFactorsParams {
  readonly unitCode: string;
  readonly year: number;
  readonly text: string;
  readonly actor: string;
  readonly at: string;
}

/** Params of `computeProposal`: compute (and store) the proposal from the read model now. */
export interface ComputeProposalParams {
  readonly unitCode: string;
  readonly year: number;
}

/** The actions the workflow runs, in order (docs/architecture.md maps each to its activity or signal). */
export type UnitEvaluationAction =
  | { readonly type: 'computeProposal'; readonly params: ComputeProposalParams }
  | { readonly type: 'recordPositiveFactors'; readonly params: RecordPositiveFactorsParams }
  | { readonly type: 'recordFinalRating'; readonly params: RecordFinalRatingParams }
  | { readonly type: 'notifyCycles'; readonly params: NotifyCyclesParams };

/** Names of the actions in {@link UnitEvaluationAction}. */
export const UNIT_EVALUATION_ACTION_TYPES: readonly UnitEvaluationAction['type'][] = [
  'computeProposal',
  'recordPositiveFactors',
  'recordFinalRating',
  'notifyCycles',
];

/** The context: plain JSON. */
export interface UnitEvaluationContext {
  readonly workflowId: string;
  readonly unitCode: string;
  readonly year: number;
  readonly side: Side;
  readonly lastEventAt: string;
  readonly proposal?: ProposalView;
  /** Workflow IDs of the cycles the last proposal covers. */
  readonly cycles: readonly string[];
  /** Pair codes the evaluation still waits for (empty once proposed). */
  readonly waitingFor: readonly string[];
  readonly positiveFactors: string | null;
  readonly final?: FinalRating;
}

/** The phases of a unit's evaluation. */
export type UnitEvaluationPhase = 'waiting' | 'proposed' | 'confirmed' | 'nothingToRate';
