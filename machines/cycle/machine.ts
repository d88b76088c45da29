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
 * - evaluation ends when O7 is rated (`RATE`) or waived; a missed O7 escalates but waits for the rating;
 * - `DISSOLVE` closes the cycle from any phase. Entering evaluation cancels the progress reminders; entering
 *   closed cancels every pending timer.
 */
import { setup, type ActionArgs } from 'xstate';
import { checkSubmissionAllowed, type CycleRequest, type CycleView } from '../../domain/cycle/check';
import { OBLIGATION_IDS, type CyclePhase } from '../../domain/cycle/types';
import {
  CYCLE_ACTION_TYPES,
  dissolve,
  enterPhase,
  extend,
  initialContext,
  isPendingTimer,
  openingActions,
  phaseComplete,
  progress,
  rate,
  resend,
  submit,
  timerFired,
  waive,
  type CancelTimerParams,
  type CycleAction,
  type CycleContext,
  type CycleEvent,
  type CycleInput,
  type NotifyParams,
  type Outcome,
  type RecordParams,
  type ScheduleTimerParams,
} from './model';

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

/** The rule-table request an event stands for (`undefined`: not a checked request). */
function requestOf(event: CycleEvent): CycleRequest | undefined {
  switch (event.type) {
    case 'SUBMIT':
      return { action: 'submit', obligation: event.obligation, side: event.side };
    case 'PROGRESS':
      return { action: 'progress' };
    case 'EXTEND':
      return { action: 'extend', obligation: event.obligation, at: event.at, newEndsAt: event.endsAt };
    case 'WAIVE':
      return { action: 'waive', obligation: event.obligation };
    case 'RESEND':
      return { action: 'resend', obligation: event.obligation };
    case 'DISSOLVE':
      return { action: 'dissolve' };
    case 'RATE':
      return { action: 'rate' };
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
    case 'RATE':
      return rate(ctx, event);
  }
}

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
  },
  guards: {
    /** The event is allowed in this phase by the rule table (a timer: it is still pending). */
    allowed: ({ context, event }, params: PhaseParams) => {
      if (event.type === 'TIMER_FIRED') return isPendingTimer(context, event.timerId);
      const request = requestOf(event);
      return request !== undefined && checkSubmissionAllowed(viewOf(context, params.phase), request).ok;
    },
    /** The phase's obligations are settled. */
    phaseComplete: ({ context }, params: PhaseParams) => phaseComplete(context, params.phase),
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
 * guarded by the rule table. PROGRESS is accepted in implementation and year-end reporting, RATE in
 * evaluation; DISSOLVE everywhere.
 */
function phaseState(phase: Exclude<CyclePhase, 'closed'>, next: CyclePhase) {
  const accept = { guard: allowedIn(phase), actions: handleIn(phase) };
  const acceptsProgress = phase === 'implementation' || phase === 'yearEndReporting';
  return effects.createStateConfig({
    always: {
      guard: { type: 'phaseComplete', params: { phase } },
      target: next,
      actions: advance(phase, next),
    },
    on: {
      TIMER_FIRED: accept,
      SUBMIT: accept,
      EXTEND: accept,
      WAIVE: accept,
      RESEND: accept,
      ...(acceptsProgress ? { PROGRESS: accept } : {}),
      ...(phase === 'evaluation' ? { RATE: accept } : {}),
      DISSOLVE: {
        guard: allowedIn(phase),
        target: 'closed',
        actions: [handleIn(phase), advance(phase, 'closed')],
      },
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
