/** The status a unit's evaluation answers with: a projection of its machine's context, never the snapshot. */
import type { Side } from '../../domain/cycle/types';
import type { FinalRating, ProposalView, UnitEvaluationPhase } from '../../machines/unit-evaluation';

/** The answer of the unit evaluation's status query and Updates. */
export interface UnitEvaluationStatus {
  readonly unitCode: string;
  readonly year: number;
  readonly side: Side;
  readonly phase: UnitEvaluationPhase;
  readonly proposal?: ProposalView;
  /** Pair codes the proposal still waits for. */
  readonly waitingFor: readonly string[];
  /** Workflow IDs of the cycles the proposal covers. */
  readonly cycles: readonly string[];
  readonly positiveFactors: string | null;
  readonly final?: FinalRating;
}
