/**
 * The pure reducers the statechart's named actions are built from: each takes the context and an accepted event
 * and returns the new context with the actions to run, in order. No I/O, no clock: every instant comes from the
 * input or from an event's `at`. The outputs for the events of running cycles are part of their saved histories
 * (timers, notifications, records): change them only behind a patch in the workflow.
 */
import { dayEndingAt, toLocalDate } from '../../domain/calendar/time';
import {
  OBLIGATION_IDS,
  OBLIGATION_PARTIES,
  type CycleRating,
  isOwed,
  owingParties,
  type CyclePhase,
  type ObligationId,
  type Party,
  type Side,
} from '../../domain/cycle/types';
import {
  cancelObligationTimers,
  cancelWhere,
  byInstant,
  notificationKey,
  obligationTimers,
  offsetLabel,
  periodEndTimer,
  progressTimerId,
  schedule,
  PERIOD_END_TIMER_ID,
} from './timers';
import type {
  CycleAction,
  CycleContext,
  CycleInput,
  DissolveEvent,
  EndPeriodEvent,
  ExtendEvent,
  ObligationState,
  Outcome,
  PendingTimer,
  ProgressEvent,
  RateEvent,
  RecordEntry,
  ResendEvent,
  SubmitEvent,
  TimerFiredEvent,
  UnitRatedEvent,
  WaiveEvent,
} from './types';

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function setObligation(ctx: CycleContext, id: ObligationId, patch: Partial<ObligationState>): CycleContext {
  return { ...ctx, obligations: { ...ctx.obligations, [id]: { ...ctx.obligations[id], ...patch } } };
}

function record(entry: RecordEntry): CycleAction {
  return { type: 'record', params: { entry } };
}

function signedSides(o: ObligationState): Side[] {
  return (['sponsor', 'recipient'] as const).filter((s) => o.signedBy[s] !== undefined);
}

function owedParties(o: ObligationState, id: ObligationId): readonly Party[] {
  return owingParties(id, signedSides(o));
}

function chain(first: Outcome, next: (ctx: CycleContext) => Outcome): Outcome {
  const second = next(first.context);
  return { context: second.context, actions: [...first.actions, ...second.actions] };
}

function at(ctx: CycleContext, instant: string): CycleContext {
  return { ...ctx, lastEventAt: instant };
}

function withActions(ctx: CycleContext, actions: readonly CycleAction[]): Outcome {
  return { context: ctx, actions };
}

// ---------------------------------------------------------------------------------------------------------------
// Opening

/**
 * The initial context built from the input, with every future timer already in `timers` (the opening actions
 * of {@link openingActions} schedule exactly those).
 */
export function initialContext(input: CycleInput): CycleContext {
  const obligations = {} as Record<ObligationId, ObligationState>;
  const timers: PendingTimer[] = [];
  const endsBy = input.periodEndsAt;
  for (const id of OBLIGATION_IDS) {
    const s = input.obligations[id];
    // Due after the pair's period ends: the pair no longer exists then, so nothing is owed.
    const applicable = s.endsAt > input.openedAt && (endsBy === undefined || s.endsAt <= endsBy);
    obligations[id] = {
      status: applicable ? 'pending' : 'notApplicable',
      statutoryDue: s.statutoryDue,
      effectiveDue: s.effectiveDue,
      endsAt: s.endsAt,
      generation: 0,
      escalationLevel: 0,
      signedBy: {},
      resendCount: 0,
    };
    if (applicable) timers.push(...obligationTimers(id, 0, s, input.openedAt));
  }
  if (obligations.O4.status !== 'notApplicable') {
    for (const instant of input.progressReminders) {
      if (instant > input.openedAt) {
        timers.push({
          timerId: progressTimerId(instant),
          at: instant,
          purpose: 'progressReminder',
          obligation: 'O4',
        });
      }
    }
  }
  if (endsBy !== undefined && endsBy > input.openedAt) timers.push(periodEndTimer(endsBy));
  const yearEndStarts = (['O5', 'O6'] as const).flatMap((id) => {
    const s = input.obligations[id];
    return s.reminders.length > 0 ? s.reminders.map((r) => r.at) : [s.endsAt];
  });
  const base: CycleContext = {
    workflowId: input.workflowId,
    pairCode: input.pairCode,
    year: input.year,
    openedAt: input.openedAt,
    lastEventAt: input.openedAt,
    phaseEnteredAt: input.openedAt,
    obligations,
    timers: {},
    progressCount: 0,
    yearEndOpened: yearEndStarts.some((instant) => instant <= input.openedAt),
    noProgressAtImplementationEnd: false,
    ...(input.communes !== undefined && input.communes.length > 0 ? { communes: [...input.communes] } : {}),
    ...(endsBy !== undefined
      ? {
          periodEnd: {
            endsAt: endsBy,
            lastDay: dayEndingAt(endsBy),
            reason: 'roster',
            actor: 'system',
          },
        }
      : {}),
  };
  return schedule(base, timers).context;
}

/** Actions of the opening: record it, mark past obligations not applicable, schedule every timer in context. */
export function openingActions(ctx: CycleContext): CycleAction[] {
  const actions: CycleAction[] = [
    record({ at: ctx.openedAt, kind: 'opened', detail: { pairCode: ctx.pairCode, year: ctx.year } }),
  ];
  for (const id of OBLIGATION_IDS) {
    const o = ctx.obligations[id];
    if (o.status === 'notApplicable') {
      actions.push(
        record({ at: ctx.openedAt, kind: 'notApplicable', obligation: id, detail: { endsAt: o.endsAt } }),
      );
    }
  }
  for (const t of Object.values(ctx.timers).sort(byInstant))
    actions.push({ type: 'scheduleTimer', params: t });
  return actions;
}

// ---------------------------------------------------------------------------------------------------------------
// Events

/** Whether a timer ID is pending (a stale or unknown one is ignored by the machine). */
export function isPendingTimer(ctx: CycleContext, timerId: string): boolean {
  return ctx.timers[timerId] !== undefined;
}

/** Whether a pending timer is the end of the pair's period (its firing closes the cycle). */
export function isPeriodEndTimer(ctx: CycleContext, timerId: string): boolean {
  return timerId === PERIOD_END_TIMER_ID && isPendingTimer(ctx, timerId);
}

/** A pending timer fired. */
export function timerFired(ctx0: CycleContext, event: TimerFiredEvent, phase: CyclePhase): Outcome {
  const timer = ctx0.timers[event.timerId];
  if (timer === undefined) return withActions(ctx0, []);
  const rest = { ...ctx0.timers };
  delete rest[event.timerId];
  let ctx: CycleContext = { ...at(ctx0, event.at), timers: rest };
  if (timer.purpose === 'periodEnd' || timer.obligation === undefined) return periodEnded(ctx, event.at);
  const id = timer.obligation;
  const o = ctx.obligations[id];
  const actions: CycleAction[] = [];
  if ((id === 'O5' || id === 'O6') && timer.purpose !== 'escalation') ctx = { ...ctx, yearEndOpened: true };
  switch (timer.purpose) {
    case 'reminder':
      if (o.status === 'pending') {
        actions.push({
          type: 'notify',
          params: {
            kind: 'reminder',
            obligation: id,
            dueDate: o.effectiveDue,
            parties: owedParties(o, id),
            idempotencyKey: notificationKey(ctx, id, `reminder-${offsetLabel(timer.offsetDays ?? 0)}`),
          },
        });
      }
      break;
    case 'progressReminder':
      if (
        o.status !== 'waived' &&
        o.status !== 'notApplicable' &&
        (phase === 'needsProposal' ||
          phase === 'agreement' ||
          phase === 'implementation' ||
          phase === 'yearEndReporting')
      ) {
        actions.push({
          type: 'notify',
          params: {
            kind: 'progressReminder',
            obligation: 'O4',
            dueDate: o.effectiveDue,
            parties: OBLIGATION_PARTIES.O4,
            idempotencyKey: notificationKey(ctx, 'O4', `progressReminder-${timer.at.slice(0, 10)}`),
          },
        });
      }
      break;
    case 'deadline':
      if (o.status === 'pending') {
        ctx = setObligation(ctx, id, { status: 'missed' });
        actions.push(
          record({ at: event.at, kind: 'missed', obligation: id, detail: { effectiveDue: o.effectiveDue } }),
        );
      }
      break;
    case 'escalation': {
      const level = timer.level ?? 1;
      if (isOwed(o.status)) {
        ctx = setObligation(ctx, id, { escalationLevel: Math.max(o.escalationLevel, level) });
        actions.push({
          type: 'notify',
          params: {
            kind: 'escalation',
            obligation: id,
            level,
            dueDate: o.effectiveDue,
            parties: owedParties(o, id),
            idempotencyKey: notificationKey(ctx, id, `escalation-${level}`),
          },
        });
        actions.push(record({ at: event.at, kind: 'escalated', obligation: id, detail: { level } }));
      }
      break;
    }
  }
  return withActions(ctx, actions);
}

/** A submission that the guards accepted: on time, late, or the first of O3's two signatures. */
export function submit(ctx0: CycleContext, event: SubmitEvent): Outcome {
  let ctx = at(ctx0, event.at);
  const id = event.obligation;
  const o = ctx.obligations[id];
  if (id === 'O5' || id === 'O6') ctx = { ...ctx, yearEndOpened: true };
  const detail = { submissionId: event.submissionId };
  const late = o.status === 'missed' || event.at > o.endsAt;
  const store: CycleAction = {
    type: 'storeSubmission',
    params: {
      idempotencyKey: `${ctx.workflowId}:${event.submissionId}`,
      obligation: id,
      side: event.side,
      actor: event.actor,
      at: event.at,
      late,
      data: event.data,
    },
  };
  if (id === 'O3') {
    const signedBy = { ...o.signedBy, [event.side]: event.at };
    if (signedBy.sponsor === undefined || signedBy.recipient === undefined) {
      return withActions(setObligation(ctx, id, { signedBy }), [
        record({
          at: event.at,
          kind: 'signed',
          obligation: id,
          side: event.side,
          actor: event.actor,
          detail,
        }),
        store,
      ]);
    }
    ctx = setObligation(ctx, id, { signedBy });
  }
  ctx = setObligation(ctx, id, {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    submissionId: event.submissionId,
    escalationLevel: 0,
  });
  return chain(cancelObligationTimers(ctx, id), (c) =>
    withActions(c, [
      record({
        at: event.at,
        kind: late ? 'late' : 'submitted',
        obligation: id,
        side: event.side,
        actor: event.actor,
        detail,
      }),
      store,
    ]),
  );
}

/** A progress entry: the first one meets O4 (its own reminders stop; the periodic progress reminders go on). */
export function progress(ctx0: CycleContext, event: ProgressEvent): Outcome {
  let ctx: CycleContext = { ...at(ctx0, event.at), progressCount: ctx0.progressCount + 1 };
  const o = ctx.obligations.O4;
  const entry = record({
    at: event.at,
    kind: 'progress',
    obligation: 'O4',
    actor: event.actor,
    detail: { entryId: event.entryId, count: ctx.progressCount },
  });
  const store: CycleAction = {
    type: 'storeProgress',
    params: {
      idempotencyKey: `${ctx.workflowId}:${event.entryId}`,
      actor: event.actor,
      ...(event.side !== undefined ? { side: event.side } : {}),
      at: event.at,
      data: event.data,
    },
  };
  if (!isOwed(o.status)) return withActions(ctx, [entry, store]);
  const late = o.status === 'missed' || event.at > o.endsAt;
  ctx = setObligation(ctx, 'O4', {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    escalationLevel: 0,
  });
  return chain(cancelObligationTimers(ctx, 'O4'), (c) => withActions(c, [entry, store]));
}

/** An extension: old timers of the obligation cancelled, the new future ones scheduled, status back to pending. */
export function extend(ctx0: CycleContext, event: ExtendEvent): Outcome {
  const id = event.obligation;
  const o = ctx0.obligations[id];
  const generation = o.generation + 1;
  let ctx = setObligation(at(ctx0, event.at), id, {
    status: 'pending',
    effectiveDue: event.newEffectiveDue,
    endsAt: event.endsAt,
    generation,
    escalationLevel: 0,
  });
  if (id === 'O4') ctx = { ...ctx, noProgressAtImplementationEnd: false };
  const detail: Record<string, string | number | boolean> = {
    from: o.effectiveDue,
    to: event.newEffectiveDue,
    previousStatus: o.status,
    reason: event.reason,
    generation,
  };
  if (event.decisionNumber !== undefined) detail.decisionNumber = event.decisionNumber;
  return chain(
    chain(cancelObligationTimers(ctx, id), (c) =>
      schedule(c, obligationTimers(id, generation, event, event.at)),
    ),
    (c) =>
      withActions(c, [
        record({ at: event.at, kind: 'extended', obligation: id, actor: event.actor, detail }),
        // The parties learn the new date now, not only at its first reminder (which may be weeks away).
        ...(event.notifyParties
          ? [
              {
                type: 'notify' as const,
                params: {
                  kind: 'reminder' as const,
                  obligation: id,
                  dueDate: event.newEffectiveDue,
                  parties: owedParties(c.obligations[id], id),
                  idempotencyKey: notificationKey(c, id, `extended-${generation}`),
                },
              },
            ]
          : []),
      ]),
  );
}

/** A waiver: the obligation's timers are cancelled and its escalation cleared. */
export function waive(ctx0: CycleContext, event: WaiveEvent): Outcome {
  const id = event.obligation;
  const ctx = setObligation(at(ctx0, event.at), id, { status: 'waived', escalationLevel: 0 });
  const out = chain(cancelObligationTimers(ctx, id), (c) =>
    withActions(c, [
      record({
        at: event.at,
        kind: 'waived',
        obligation: id,
        actor: event.actor,
        detail: { reason: event.reason },
      }),
    ]),
  );
  if (id !== 'O4') return out;
  // A waived O4 also stops the periodic progress reminders.
  return chain(out, (c) => cancelWhere(c, (t) => t.purpose !== 'progressReminder'));
}

/** A resend: one more notification with a fresh key suffix (the resend count). */
export function resend(ctx0: CycleContext, event: ResendEvent): Outcome {
  const id = event.obligation;
  const o = ctx0.obligations[id];
  const resendCount = o.resendCount + 1;
  const ctx = setObligation(at(ctx0, event.at), id, { resendCount });
  return withActions(ctx, [
    {
      type: 'notify',
      params: {
        kind: 'resend',
        obligation: id,
        dueDate: o.effectiveDue,
        parties: owedParties(o, id),
        idempotencyKey: notificationKey(ctx, id, `resend-${resendCount}`),
      },
    },
    record({
      at: event.at,
      kind: 'resent',
      obligation: id,
      actor: event.actor,
      detail: { count: resendCount },
    }),
  ]);
}

/** Dissolution or re-pairing: every timer is cancelled (the cycle then closes) and the roster is told. */
export function dissolve(ctx0: CycleContext, event: DissolveEvent): Outcome {
  const repaired = event.successorPairCode !== undefined;
  let ctx: CycleContext = { ...at(ctx0, event.at), closedBy: repaired ? 'repaired' : 'dissolved' };
  const detail: Record<string, string | number | boolean> = { reason: event.reason, repaired };
  if (event.successorPairCode !== undefined) {
    ctx = { ...ctx, successorPairCode: event.successorPairCode };
    detail.successorPairCode = event.successorPairCode;
  }
  return chain(
    cancelWhere(ctx, () => false),
    (c) =>
      withActions(c, [
        record({ at: event.at, kind: 'dissolved', actor: event.actor, detail }),
        {
          type: 'changePair',
          params: {
            status: repaired ? 'REPAIRED' : 'DISSOLVED',
            at: event.at,
            lastDay: toLocalDate(event.at),
            reason: event.reason,
            actor: event.actor,
            ...(event.successorPairCode !== undefined ? { successorPairCode: event.successorPairCode } : {}),
          },
        },
      ]),
  );
}

/**
 * The pair's period will end at `event.endsAt` (decided now): owed obligations due after it become not
 * applicable, their timers and the later progress reminders are cancelled, and the period-end timer is set.
 * When the end is already past, the period ends now ({@link periodEnded}).
 */
export function endPeriod(ctx0: CycleContext, event: EndPeriodEvent): Outcome {
  const periodEnd = {
    endsAt: event.endsAt,
    lastDay: event.lastDay,
    reason: event.reason,
    actor: event.actor,
    ...(event.successorPairCode !== undefined ? { successorPairCode: event.successorPairCode } : {}),
    ...(event.decisionNumber !== undefined ? { decisionNumber: event.decisionNumber } : {}),
  };
  const ctx: CycleContext = { ...at(ctx0, event.at), periodEnd };
  if (event.endsAt <= event.at) return periodEnded(ctx, event.at);
  const detail: Record<string, string | number | boolean> = { lastDay: event.lastDay, reason: event.reason };
  if (event.successorPairCode !== undefined) detail.successorPairCode = event.successorPairCode;
  if (event.decisionNumber !== undefined) detail.decisionNumber = event.decisionNumber;
  let out: Outcome = withActions(ctx, [
    record({ at: event.at, kind: 'periodEnding', actor: event.actor, detail }),
  ]);
  for (const id of OBLIGATION_IDS) {
    const o = out.context.obligations[id];
    if (o.status !== 'pending' || o.endsAt <= event.endsAt) continue;
    out = chain(out, (c) =>
      chain(
        cancelObligationTimers(setObligation(c, id, { status: 'notApplicable', escalationLevel: 0 }), id),
        (c2) =>
          withActions(c2, [
            record({ at: event.at, kind: 'notApplicable', obligation: id, detail: { endsAt: o.endsAt } }),
          ]),
      ),
    );
  }
  out = chain(out, (c) =>
    cancelWhere(
      c,
      (t) => !(t.purpose === 'progressReminder' && t.at > event.endsAt) && t.purpose !== 'periodEnd',
    ),
  );
  return chain(out, (c) => schedule(c, [periodEndTimer(event.endsAt)]));
}

/**
 * The pair's period is over: whatever is still pending is not applicable any more, every timer is cancelled,
 * the roster is told, and the cycle closes (re-paired when a successor pair continues it).
 */
export function periodEnded(ctx0: CycleContext, instant: string): Outcome {
  const end = ctx0.periodEnd;
  const successor = end?.successorPairCode;
  let ctx: CycleContext = {
    ...at(ctx0, instant),
    closedBy: successor !== undefined ? 'repaired' : 'ended',
    ...(successor !== undefined ? { successorPairCode: successor } : {}),
  };
  const actions: CycleAction[] = [];
  for (const id of OBLIGATION_IDS) {
    const o = ctx.obligations[id];
    if (o.status !== 'pending') continue;
    ctx = setObligation(ctx, id, { status: 'notApplicable', escalationLevel: 0 });
    actions.push(
      record({ at: instant, kind: 'notApplicable', obligation: id, detail: { endsAt: o.endsAt } }),
    );
  }
  const lastDay = end?.lastDay ?? toLocalDate(instant);
  const detail: Record<string, string | number | boolean> = { lastDay };
  if (successor !== undefined) detail.successorPairCode = successor;
  actions.push(record({ at: instant, kind: 'periodEnded', actor: end?.actor ?? 'system', detail }));
  actions.push({
    type: 'changePair',
    params: {
      status: successor !== undefined ? 'REPAIRED' : 'ENDED',
      at: instant,
      lastDay,
      reason: end?.reason ?? 'roster',
      actor: end?.actor ?? 'system',
      ...(successor !== undefined ? { successorPairCode: successor } : {}),
      ...(end?.decisionNumber !== undefined ? { decisionNumber: end.decisionNumber } : {}),
    },
  });
  return chain(withActions(ctx, actions), (c) => cancelWhere(c, () => false));
}

/** The final rating of both sides recorded on the cycle (legacy runner): meets O7 and closes the cycle. */
export function rate(ctx0: CycleContext, event: RateEvent): Outcome {
  const o = ctx0.obligations.O7;
  const late = o.status === 'missed' || event.at > o.endsAt;
  let ctx = setObligation(at(ctx0, event.at), 'O7', {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    escalationLevel: 0,
  });
  const rating: { -readonly [K in keyof CycleRating]: CycleRating[K] } = {
    sponsorRating: event.sponsorRating,
    recipientRating: event.recipientRating,
  };
  const detail: Record<string, string | number | boolean> = { ...rating, late };
  if (event.reason !== undefined) rating.reason = detail.reason = event.reason;
  if (event.decisionNumber !== undefined)
    rating.decisionNumber = detail.decisionNumber = event.decisionNumber;
  ctx = { ...ctx, rating, closedBy: 'rated' };
  return chain(cancelObligationTimers(ctx, 'O7'), (c) =>
    withActions(c, [record({ at: event.at, kind: 'rated', obligation: 'O7', actor: event.actor, detail })]),
  );
}

/**
 * One unit's confirmed rating arrived. When both of the pair's units are rated, O7 is met (late after its
 * deadline) and the cycle closes.
 */
export function unitRated(ctx0: CycleContext, event: UnitRatedEvent): Outcome {
  const rated = {
    unitCode: event.unitCode,
    rating: event.rating,
    at: event.at,
    actor: event.actor,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    ...(event.decisionNumber !== undefined ? { decisionNumber: event.decisionNumber } : {}),
  };
  const unitRatings = { ...(ctx0.unitRatings ?? {}), [event.side]: rated };
  const ctx: CycleContext = { ...at(ctx0, event.at), unitRatings };
  const detail: Record<string, string | number | boolean> = {
    unitCode: event.unitCode,
    rating: event.rating,
  };
  if (event.reason !== undefined) detail.reason = event.reason;
  if (event.decisionNumber !== undefined) detail.decisionNumber = event.decisionNumber;
  const entry = record({
    at: event.at,
    kind: 'unitRated',
    obligation: 'O7',
    side: event.side,
    actor: event.actor,
    detail,
  });
  const { sponsor, recipient } = unitRatings;
  if (sponsor === undefined || recipient === undefined) return withActions(ctx, [entry]);
  const o = ctx.obligations.O7;
  const late = o.status === 'missed' || event.at > o.endsAt;
  const rating = { sponsorRating: sponsor.rating, recipientRating: recipient.rating };
  const closed: CycleContext = {
    ...setObligation(ctx, 'O7', {
      status: late ? 'late' : 'submitted',
      completedAt: event.at,
      escalationLevel: 0,
    }),
    rating,
    closedBy: 'rated',
  };
  return chain(cancelObligationTimers(closed, 'O7'), (c) =>
    withActions(c, [
      entry,
      record({
        at: event.at,
        kind: 'rated',
        obligation: 'O7',
        actor: event.actor,
        detail: { ...rating, late },
      }),
    ]),
  );
}

/** Entering a phase after the first: record it, and clean up timers that the new phase makes pointless. */
export function enterPhase(ctx0: CycleContext, from: CyclePhase, to: CyclePhase): Outcome {
  let ctx: CycleContext = { ...ctx0, phaseEnteredAt: ctx0.lastEventAt };
  const o4 = ctx.obligations.O4.status;
  // Nothing to flag when no progress was owed (waived, or not applicable: the pair's period ended first).
  if (from === 'implementation' && ctx.progressCount === 0 && o4 !== 'waived' && o4 !== 'notApplicable')
    ctx = { ...ctx, noProgressAtImplementationEnd: true };
  if (to === 'closed' && ctx.closedBy === undefined) ctx = { ...ctx, closedBy: 'waived' };
  const entry = record({ at: ctx.lastEventAt, kind: 'phaseChanged', detail: { from, to } });
  if (to === 'evaluation') {
    return chain(withActions(ctx, [entry]), (c) =>
      chain(
        cancelWhere(c, (t) => t.purpose !== 'progressReminder'),
        (c2) => withActions(c2, [evaluateUnits('ready')]),
      ),
    );
  }
  if (to === 'closed') {
    return chain(withActions(ctx, [entry]), (c) =>
      chain(
        cancelWhere(c, () => false),
        (c2) =>
          // A cycle rated by both units holds nothing back; any other close frees its units' ratings.
          withActions(c2, c2.closedBy === 'rated' ? [] : [evaluateUnits('closed')]),
      ),
    );
  }
  return withActions(ctx, [entry]);
}

/** The request to (re)evaluate both of the pair's units. */
export function evaluateUnits(reason: 'ready' | 'lateData' | 'closed'): CycleAction {
  return { type: 'evaluateUnits', params: { sides: ['sponsor', 'recipient'], reason } };
}
