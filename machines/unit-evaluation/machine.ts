/**
 * The statechart of one unit's yearly evaluation: waiting → proposed → confirmed.
 * - Each change of one of the unit's cycles (reached evaluation, late data, closed) asks for the proposal to be
 *   computed again; the computation says whether every cycle of the unit has reached evaluation (proposed), some
 *   still have not (waiting), or none is left to rate (nothingToRate).
 * - A proposal can be confirmed or overridden once (`RATE`): the final rating is recorded and each of the unit's
 *   cycles is told; later data no longer changes it. A later run (a cycle of the unit that reached evaluation after
 *   the confirmation) finds the stored rating and tells that cycle too.
 * - Positive factors are recorded in waiting or proposed, and the proposal is computed again.
 * Pure XState v5, driven with `initialTransition` / `transition`; named effect actions only.
 */
import { setup, type ActionArgs } from 'xstate';
import type {
  ComputeProposalParams,
  NotifyCyclesParams,
  RecordFinalRatingParams,
  RecordPositiveFactorsParams,
  UnitEvaluationAction,
  UnitEvaluationContext,
  UnitEvaluationEvent,
  UnitEvaluationInput,
  UnitEvaluationPhase,
} from './types';
import { UNIT_EVALUATION_ACTION_TYPES } from './types';

type Args = ActionArgs<UnitEvaluationContext, UnitEvaluationEvent, UnitEvaluationEvent>;

const base = setup({
  types: {
    context: {} as UnitEvaluationContext,
    events: {} as UnitEvaluationEvent,
    input: {} as UnitEvaluationInput,
  },
  actions: {
    /** Effect: compute and store the proposal from the read model. */
    computeProposal: (_: Args, _params: ComputeProposalParams) => {},
    /** Effect: store the positive factors. */
    recordPositiveFactors: (_: Args, _params: RecordPositiveFactorsParams) => {},
    /** Effect: store the final rating with its audit event. */
    recordFinalRating: (_: Args, _params: RecordFinalRatingParams) => {},
    /** Effect: signal each of the unit's cycles its rating. */
    notifyCycles: (_: Args, _params: NotifyCyclesParams) => {},
  },
  guards: {
    proposedNow: ({ event }) => event.type === 'PROPOSAL_COMPUTED' && event.result.status === 'proposed',
    waitingNow: ({ event }) => event.type === 'PROPOSAL_COMPUTED' && event.result.status === 'waiting',
    nothingNow: ({ event }) => event.type === 'PROPOSAL_COMPUTED' && event.result.status === 'nothingToRate',
    confirmedBefore: ({ event }) => event.type === 'PROPOSAL_COMPUTED' && event.result.status === 'confirmed',
  },
});

/** Asks for the proposal again, noting the instant. */
const recompute = base.enqueueActions(({ context, event, enqueue }) => {
  enqueue.assign({ lastEventAt: event.at });
  enqueue({ type: 'computeProposal', params: { unitCode: context.unitCode, year: context.year } });
});

/** Keeps what the computation found. */
const keepResult = base.assign(({ event }): Partial<UnitEvaluationContext> => {
  if (event.type !== 'PROPOSAL_COMPUTED') return {};
  const r = event.result;
  if (r.status === 'proposed')
    return { lastEventAt: event.at, proposal: r.proposal, cycles: [...r.cycles], waitingFor: [] };
  if (r.status === 'waiting')
    return { lastEventAt: event.at, proposal: undefined, waitingFor: [...r.waitingFor] };
  return { lastEventAt: event.at, proposal: undefined, waitingFor: [] };
});

/** Records the factors, then asks for the proposal again (factors can lift it). */
const recordFactors = base.enqueueActions(({ context, event, enqueue }) => {
  if (event.type !== 'FACTORS') return;
  const text = event.text.trim();
  enqueue.assign({ lastEventAt: event.at, positiveFactors: text.length > 0 ? text : null });
  enqueue({
    type: 'recordPositiveFactors',
    params: { unitCode: context.unitCode, year: context.year, text, actor: event.actor, at: event.at },
  });
  enqueue({ type: 'computeProposal', params: { unitCode: context.unitCode, year: context.year } });
});

/** Records the final rating once and tells the unit's cycles. */
const confirm = base.enqueueActions(({ context, event, enqueue }) => {
  if (event.type !== 'RATE') return;
  const final = {
    rating: event.rating,
    override: event.override,
    actor: event.actor,
    at: event.at,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.decisionNumber !== undefined ? { decisionNumber: event.decisionNumber } : {}),
  };
  enqueue.assign({ lastEventAt: event.at, final });
  enqueue({
    type: 'recordFinalRating',
    params: { unitCode: context.unitCode, year: context.year, ...final },
  });
  enqueue({
    type: 'notifyCycles',
    params: { workflowIds: context.cycles, side: context.side, unitCode: context.unitCode, final },
  });
});

/** The rating confirmed before stands: the cycles that wait for it are told. */
const standing = base.enqueueActions(({ context, event, enqueue }) => {
  if (event.type !== 'PROPOSAL_COMPUTED' || event.result.status !== 'confirmed') return;
  const { proposal, final, cycles } = event.result;
  enqueue.assign({ lastEventAt: event.at, proposal, final, cycles: [...cycles], waitingFor: [] });
  enqueue({
    type: 'notifyCycles',
    params: { workflowIds: cycles, side: context.side, unitCode: context.unitCode, final },
  });
});

const computed = [
  { guard: 'confirmedBefore', target: 'confirmed', actions: standing },
  { guard: 'proposedNow', target: 'proposed', actions: keepResult },
  { guard: 'waitingNow', target: 'waiting', actions: keepResult },
  { guard: 'nothingNow', target: 'nothingToRate', actions: keepResult },
] as const;

/** The unit evaluation statechart. */
export const unitEvaluationMachine = base.createMachine({
  id: 'unitEvaluation',
  context: ({ input }) => ({
    workflowId: input.workflowId,
    unitCode: input.unitCode,
    year: input.year,
    side: input.side,
    lastEventAt: input.openedAt,
    cycles: [],
    waitingFor: [],
    positiveFactors: null,
  }),
  initial: 'waiting',
  states: {
    waiting: {
      on: {
        CYCLES_CHANGED: { actions: recompute },
        PROPOSAL_COMPUTED: computed,
        FACTORS: { actions: recordFactors },
      },
    },
    proposed: {
      on: {
        CYCLES_CHANGED: { actions: recompute },
        PROPOSAL_COMPUTED: computed,
        FACTORS: { actions: recordFactors },
        RATE: { target: 'confirmed', actions: confirm },
      },
    },
    confirmed: { type: 'final' },
    nothingToRate: { type: 'final' },
  },
});

/** The snapshot type of {@link unitEvaluationMachine}. */
export type UnitEvaluationSnapshot = ReturnType<typeof unitEvaluationMachine.resolveState>;

/** The phase of a snapshot. */
export function unitPhaseOf(snapshot: UnitEvaluationSnapshot): UnitEvaluationPhase {
  const value: unknown = snapshot.value;
  if (value === 'waiting' || value === 'proposed' || value === 'confirmed' || value === 'nothingToRate')
    return value;
  throw new Error(`Unexpected unit evaluation state ${JSON.stringify(value)}`);
}

/** The effect actions of a transition, as plain objects in execution order. */
export function unitEvaluationActions(
  actions: readonly { type: string; params?: unknown }[],
): UnitEvaluationAction[] {
  const types: readonly string[] = UNIT_EVALUATION_ACTION_TYPES;
  return actions
    .filter((a) => types.includes(a.type))
    .map((a) => ({ type: a.type, params: a.params }) as UnitEvaluationAction);
}
