/**
 * The statechart of one pair's annual cycle: needsProposal → agreement → implementation → yearEndReporting →
 * evaluation → closed. Pure XState v5: drive it with `initialTransition(cycleMachine, input)` and
 * `transition(cycleMachine, snapshot, event)`, then run the returned actions ({@link cycleActions} turns them
 * into plain {@link CycleAction}s). Named actions only; the four effect actions have no implementation here:
 * the workflow executes them.
 *
 * Phase rules (each phase moves on by an eventless transition as soon as its condition holds, so a missed
 * obligation never stalls the year — every owed obligation has a deadline timer that settles it):
 * - needsProposal ends when O1 and O2 are both settled (met, missed at their deadline, waived, not applicable);
 * - agreement ends when O3 is settled (both signatures, missed, waived); signing early is fine;
 * - implementation ends when the year-end window opens: the first O5/O6 reminder (or deadline, when they have
 *   no reminder) fires, or an O5/O6 report comes in — or when O5 and O6 are both settled;
 * - yearEndReporting ends when O5 and O6 are both settled;
 * - evaluation ends when O7 is met — both of the pair's units rated (`UNIT_RATED`; cycles started before unit
 *   ratings: `RATE`) — or waived; a missed O7 escalates but waits for the rating;
 * - `DISSOLVE` closes the cycle from any phase, and so does the end of the pair's period (its timer, or
 *   `END_PERIOD` with a day already past). Entering evaluation cancels the progress reminders and asks for the
 *   units' evaluation (as does late data there, and closing early); entering closed cancels every timer.
 */
import { and, setup, type ActionArgs } from 'xstate';
import { checkSubmissionAllowed, type CycleRequest, type CycleView } from '../../domain/cycle/check';
import { OBLIGATION_IDS, type CyclePhase, type Side } from '../../domain/cycle/types';
import { phaseComplete } from './guards';
import {
  dissolve,
  endPeriod,
  enterPhase,
  evaluateUnits,
  extend,
  initialContext,
  isPendingTimer,
  isPeriodEndTimer,
  openingActions,
  progress,
  rate,
  resend,
  submit,
  timerFired,
  unitRated,
  waive,
} from './reducers';
import {
  CYCLE_ACTION_TYPES,
  type CancelTimerParams,
  type ChangePairParams,
  type CycleAction,
  type CycleContext,
  type CycleEvent,
  type CycleInput,
  type EvaluateUnitsParams,
  type NotifyParams,
  type Outcome,
  type RecordParams,
  type ScheduleTimerParams,
  type StoreProgressParams,
  type StoreSubmissionParams,
} from './types';

/** The check's view of a context in a phase. */
export function viewOf(ctx: CycleContext, phase: CyclePhase): CycleView {
  return {
    pairCode: ctx.pairCode,
    year: ctx.year,
    phase,
    obligations: OBLIGATION_IDS.map((id) => {
      const o = ctx.obligations[id];
      return {
        id,
        status: o.status,
        signedBy: (['sponsor', 'recipient'] as const).filter((s) => o.signedBy[s]),
      };
    }),
  };
}

/** The rule-table request an event stands for in a context (`undefined`: not a checked request). */
export function requestOf(event: CycleEvent, ctx: CycleContext): CycleRequest | undefined {
  switch (event.type) {
    case 'SUBMIT':
      return { action: 'submit', obligation: event.obligation, side: event.side };
    case 'PROGRESS':
      return { action: 'progress', ...(event.side !== undefined ? { side: event.side } : {}) };
    case 'EXTEND':
      return { action: 'extend', obligation: event.obligation, at: event.at, newEndsAt: event.endsAt };
    case 'WAIVE':
      return { action: 'waive', obligation: event.obligation };
    case 'RESEND':
      return { action: 'resend', obligation: event.obligation };
    case 'DISSOLVE':
      return { action: 'dissolve' };
    case 'END_PERIOD':
      return {
        action: 'endPeriod',
        lastDay: event.lastDay,
        endsAt: event.endsAt,
        ...(ctx.periodEnd !== undefined
          ? { currentEndsAt: ctx.periodEnd.endsAt, currentLastDay: ctx.periodEnd.lastDay }
          : {}),
      };
    case 'RATE':
      return { action: 'rate' };
    case 'UNIT_RATED':
      return {
        action: 'unitRated',
        side: event.side,
        alreadyRated: Object.keys(ctx.unitRatings ?? {}) as Side[],
      };
    case 'TIMER_FIRED':
      return undefined;
  }
}

type PhaseParams = { readonly phase: CyclePhase };

/** The part of xstate's `enqueue` used here. */
interface Enqueue {
  (action: CycleAction): void;
  assign(assignment: () => CycleContext): void;
}

function apply(enqueue: Enqueue, outcome: Outcome): void {
  enqueue.assign(() => outcome.context);
  for (const action of outcome.actions) enqueue(action);
}

function reduce(ctx: CycleContext, event: CycleEvent, phase: CyclePhase): Outcome {
  switch (event.type) {
    case 'TIMER_FIRED':
      return timerFired(ctx, event, phase);
    case 'SUBMIT':
      return submit(ctx, event);
    case 'PROGRESS':
      return progress(ctx, event);
    case 'EXTEND':
      return extend(ctx, event);
    case 'WAIVE':
      return waive(ctx, event);
    case 'RESEND':
      return resend(ctx, event);
    case 'DISSOLVE':
      return dissolve(ctx, event);
    case 'END_PERIOD':
      return endPeriod(ctx, event);
    case 'RATE':
      return rate(ctx, event);
    case 'UNIT_RATED':
      return unitRated(ctx, event);
  }
}

/** Events that change what the pair's units are rated on: in evaluation they ask for a new evaluation. */
const CHANGES_RATING_DATA: ReadonlySet<CycleEvent['type']> = new Set(['SUBMIT', 'WAIVE', 'EXTEND']);

const effects = setup({
  types: {
    context: {} as CycleContext,
    events: {} as CycleEvent,
    input: {} as CycleInput,
  },
  actions: {
    /** Effect: start a durable timer. */
    scheduleTimer: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: ScheduleTimerParams) => {},
    /** Effect: cancel a pending timer. */
    cancelTimer: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: CancelTimerParams) => {},
    /** Effect: send one notification under its idempotency key. */
    notify: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: NotifyParams) => {},
    /** Effect: append a timeline / audit entry. */
    record: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: RecordParams) => {},
    /** Effect: keep an accepted submission with its payload. */
    storeSubmission: (
      _: ActionArgs<CycleContext, CycleEvent, CycleEvent>,
      _params: StoreSubmissionParams,
    ) => {},
    /** Effect: keep an accepted progress entry with its payload. */
    storeProgress: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: StoreProgressParams) => {},
    /** Effect: tell the roster the pair was dissolved, re-paired or ended. */
    changePair: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: ChangePairParams) => {},
    /** Effect: ask for the evaluation of the pair's units. */
    evaluateUnits: (_: ActionArgs<CycleContext, CycleEvent, CycleEvent>, _params: EvaluateUnitsParams) => {},
  },
  guards: {
    /** The event is allowed in this phase by the rule table (a timer: it is still pending). */
    allowed: ({ context, event }, params: PhaseParams) => {
      if (event.type === 'TIMER_FIRED') return isPendingTimer(context, event.timerId);
      const request = requestOf(event, context);
      return request !== undefined && checkSubmissionAllowed(viewOf(context, params.phase), request).ok;
    },
    /** The phase's obligations are settled. */
    phaseComplete: ({ context }, params: PhaseParams) => phaseComplete(context, params.phase),
    /** The timer is the end of the pair's period: its firing closes the cycle. */
    periodEndTimer: ({ context, event }) =>
      event.type === 'TIMER_FIRED' && isPeriodEndTimer(context, event.timerId),
    /** The period end just decided is already past: the cycle closes now. */
    endsNow: ({ event }) => event.type === 'END_PERIOD' && event.endsAt <= event.at,
  },
});

/** Opening: records and the initial timers (pure: it only enqueues the effect actions). */
const open = effects.enqueueActions(({ context, enqueue }) => {
  for (const action of openingActions(context)) enqueue(action);
});

/** Handles an accepted event in a phase (pure: assigns the new context and enqueues the effect actions). */
function handleIn(phase: CyclePhase) {
  return effects.enqueueActions(({ context, event, enqueue }) => {
    apply(enqueue, reduce(context, event, phase));
    if (phase === 'evaluation' && CHANGES_RATING_DATA.has(event.type)) enqueue(evaluateUnits('lateData'));
  });
}

/** Moves from one phase to the next (pure, as above). */
function advance(from: CyclePhase, to: CyclePhase) {
  return effects.enqueueActions(({ context, enqueue }) => {
    apply(enqueue, enterPhase(context, from, to));
  });
}

function allowedIn(phase: CyclePhase) {
  return { type: 'allowed', params: { phase } } as const;
}

/**
 * One phase: an eventless move to `next` once the phase is complete, and the events it accepts, each
 * guarded by the rule table. PROGRESS is accepted in implementation and year-end reporting, RATE and
 * UNIT_RATED in evaluation; DISSOLVE and END_PERIOD everywhere.
 */
function phaseState(phase: Exclude<CyclePhase, 'closed'>, next: CyclePhase) {
  const accept = { guard: allowedIn(phase), actions: handleIn(phase) };
  const close = { target: 'closed', actions: [handleIn(phase), advance(phase, 'closed')] } as const;
  const acceptsProgress = phase === 'implementation' || phase === 'yearEndReporting';
  return effects.createStateConfig({
    always: {
      guard: { type: 'phaseComplete', params: { phase } },
      target: next,
      actions: advance(phase, next),
    },
    on: {
      TIMER_FIRED: [{ guard: 'periodEndTimer', ...close }, accept],
      SUBMIT: accept,
      EXTEND: accept,
      WAIVE: accept,
      RESEND: accept,
      ...(acceptsProgress ? { PROGRESS: accept } : {}),
      ...(phase === 'evaluation' ? { RATE: accept, UNIT_RATED: accept } : {}),
      DISSOLVE: { guard: allowedIn(phase), ...close },
      END_PERIOD: [{ guard: and([allowedIn(phase), 'endsNow']), ...close }, accept],
    },
  });
}

/** The cycle statechart. */
export const cycleMachine = effects.createMachine({
  id: 'twinningCycle',
  context: ({ input }) => initialContext(input),
  entry: open,
  initial: 'needsProposal',
  states: {
    needsProposal: phaseState('needsProposal', 'agreement'),
    agreement: phaseState('agreement', 'implementation'),
    implementation: phaseState('implementation', 'yearEndReporting'),
    yearEndReporting: phaseState('yearEndReporting', 'evaluation'),
    evaluation: phaseState('evaluation', 'closed'),
    closed: { type: 'final' },
  },
});

/** The snapshot type of {@link cycleMachine}. */
export type CycleSnapshot = ReturnType<typeof cycleMachine.resolveState>;

/**
 * Keeps the effect actions of a transition's result, as plain JSON objects in execution order (xstate's
 * executable actions also carry `exec` and `info`, which the workflow must not use).
 */
export function cycleActions(actions: readonly { type: string; params?: unknown }[]): CycleAction[] {
  const types: readonly string[] = CYCLE_ACTION_TYPES;
  return actions
    .filter((a) => types.includes(a.type))
    .map((a) => ({ type: a.type, params: a.params }) as CycleAction);
}
