/**
 * Input, events, actions and context of the cycle statechart, and the pure reducers the machine's named actions
 * are built from. No I/O, no clock: every instant comes from the input or from an event's `at`. ISO instants
 * from the workflow are compared as strings, so they must all be in the same UTC form (`…Z`, as
 * `Date.prototype.toISOString` writes them).
 */
import {
  HOME_PHASE,
  OBLIGATION_IDS,
  OBLIGATION_PARTIES,
  isSettled,
  type CyclePhase,
  type ObligationId,
  type ObligationStatus,
  type Party,
  type Side,
  type SubmittableObligation,
  type TimerPurpose,
} from '../../domain/cycle/types';

/** One reminder of an obligation: `offsetDays` days before the effective due date (negative: after it). */
export interface ReminderSpec {
  readonly offsetDays: number;
  /** ISO instant it fires. */
  readonly at: string;
}

/** One escalation of an obligation (level 1: Ban Dân tộc, level 2: UBND tỉnh). */
export interface EscalationSpec {
  readonly level: 1 | 2;
  /** ISO instant it fires. */
  readonly at: string;
}

/** The schedule of one obligation, computed by the calendar (the machine never computes dates). */
export interface ObligationSchedule {
  /** The named date, yyyy-mm-dd. */
  readonly statutoryDue: string;
  /** The date that counts, yyyy-mm-dd (after roll-forward). */
  readonly effectiveDue: string;
  /** ISO instant: the end of the effective due day (its deadline timer). */
  readonly endsAt: string;
  readonly reminders: readonly ReminderSpec[];
  readonly escalations: readonly EscalationSpec[];
}

/**
 * Input of one cycle. Obligations whose `endsAt` is not after `openedAt` start `notApplicable` (a pair added
 * mid-year) and get no timers; timers whose instant is not after `openedAt` are dropped.
 */
export interface CycleInput {
  /** The workflow ID (`twinning-cycle:<pair>:<year>`), prefix of every idempotency key. */
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** ISO instant the cycle opened. */
  readonly openedAt: string;
  readonly obligations: Readonly<Record<ObligationId, ObligationSchedule>>;
  /** ISO instants of the periodic progress reminders (O4). */
  readonly progressReminders: readonly string[];
}

/** A timer elapsed (sent by the workflow with the ID it was scheduled under). Unknown or stale IDs are ignored. */
export interface TimerFiredEvent {
  readonly type: 'TIMER_FIRED';
  readonly timerId: string;
  readonly at: string;
}

/** A validated submission of O1, O2, O3 (one signature), O5 or O6. */
export interface SubmitEvent {
  readonly type: 'SUBMIT';
  readonly obligation: SubmittableObligation;
  readonly side: Side;
  readonly at: string;
  readonly submissionId: string;
  readonly actor: string;
}

/** A validated progress entry (O4). */
export interface ProgressEvent {
  readonly type: 'PROGRESS';
  readonly at: string;
  readonly entryId: string;
  readonly actor: string;
}

/** An administrator extends a deadline; the new schedule is computed outside by the calendar. */
export interface ExtendEvent {
  readonly type: 'EXTEND';
  readonly obligation: ObligationId;
  readonly at: string;
  /** yyyy-mm-dd */
  readonly newEffectiveDue: string;
  /** ISO instant: end of the new effective due day; must be after `at`. */
  readonly endsAt: string;
  readonly reminders: readonly ReminderSpec[];
  readonly escalations: readonly EscalationSpec[];
  readonly reason: string;
  readonly decisionNumber?: string;
  readonly actor: string;
}

/** An administrator waives an owed obligation. */
export interface WaiveEvent {
  readonly type: 'WAIVE';
  readonly obligation: ObligationId;
  readonly at: string;
  readonly reason: string;
  readonly actor: string;
}

/** An administrator resends the reminder of an owed obligation. */
export interface ResendEvent {
  readonly type: 'RESEND';
  readonly obligation: ObligationId;
  readonly at: string;
  readonly actor: string;
}

/** The pair is dissolved (or re-paired into `successorPairCode` when units merge): the cycle closes. */
export interface DissolveEvent {
  readonly type: 'DISSOLVE';
  readonly at: string;
  readonly reason: string;
  readonly actor: string;
  readonly successorPairCode?: string;
}

/** The final rating (O7), accepted in evaluation only; closes the cycle. */
export interface RateEvent {
  readonly type: 'RATE';
  readonly at: string;
  readonly actor: string;
  readonly sponsorRating: string;
  readonly recipientRating: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** Every event of the cycle; each carries `at`, the ISO instant the workflow saw. */
export type CycleEvent =
  | TimerFiredEvent
  | SubmitEvent
  | ProgressEvent
  | ExtendEvent
  | WaiveEvent
  | ResendEvent
  | DissolveEvent
  | RateEvent;

/** Params of `scheduleTimer`: start a durable timer that sends `TIMER_FIRED { timerId }` at `at`. */
export interface ScheduleTimerParams {
  readonly timerId: string;
  readonly at: string;
  readonly purpose: TimerPurpose;
  readonly obligation: ObligationId;
  readonly level?: 1 | 2;
  readonly offsetDays?: number;
}

/** Params of `cancelTimer`: the timer is no longer wanted (firing it anyway is harmless: it is ignored). */
export interface CancelTimerParams {
  readonly timerId: string;
}

/** Kind of a notification. */
export type NotifyKind = 'reminder' | 'escalation' | 'progressReminder' | 'resend';

/**
 * Params of `notify`: send one notification. `idempotencyKey` is
 * `<workflowId>:<obligation>:<kind>[-<detail>]:<dueDate>` (e.g. `…:O2:reminder-D-7:2026-03-02`,
 * `…:O2:escalation-1:2026-03-02`, `…:O4:progressReminder-2026-04-01:2026-12-15`, `…:O2:resend-1:2026-03-02`).
 */
export interface NotifyParams {
  readonly kind: NotifyKind;
  readonly obligation: ObligationId;
  readonly level?: 1 | 2;
  /** Effective due date, yyyy-mm-dd. */
  readonly dueDate: string;
  /** Who still owes it (O3: the sides that have not signed yet). */
  readonly parties: readonly Party[];
  readonly idempotencyKey: string;
}

/** Kind of a timeline / audit entry. */
export type RecordKind =
  | 'opened'
  | 'notApplicable'
  | 'submitted'
  | 'signed'
  | 'late'
  | 'missed'
  | 'escalated'
  | 'waived'
  | 'extended'
  | 'resent'
  | 'progress'
  | 'phaseChanged'
  | 'dissolved'
  | 'rated';

/** One timeline / audit entry. `detail` never holds personal data (the machine never sees payloads). */
export interface RecordEntry {
  readonly at: string;
  readonly kind: RecordKind;
  readonly obligation?: ObligationId;
  readonly side?: Side;
  readonly actor?: string;
  readonly detail: Readonly<Record<string, string | number | boolean>>;
}

/** Params of `record`: append one entry to the cycle's timeline and audit log. */
export interface RecordParams {
  readonly entry: RecordEntry;
}

/**
 * The actions the workflow executes, in order, after each transition. Persistence is implicit: the workflow
 * writes the read model (from {@link projectCycle}) after every transition whose snapshot changed; there is
 * no `persist` action.
 */
export type CycleAction =
  | { readonly type: 'scheduleTimer'; readonly params: ScheduleTimerParams }
  | { readonly type: 'cancelTimer'; readonly params: CancelTimerParams }
  | { readonly type: 'notify'; readonly params: NotifyParams }
  | { readonly type: 'record'; readonly params: RecordParams };

/** Names of the actions in {@link CycleAction}. */
export const CYCLE_ACTION_TYPES: readonly CycleAction['type'][] = [
  'scheduleTimer',
  'cancelTimer',
  'notify',
  'record',
];

/** State of one obligation inside the machine's context. */
export interface ObligationState {
  readonly status: ObligationStatus;
  readonly statutoryDue: string;
  readonly effectiveDue: string;
  readonly endsAt: string;
  /** Number of extensions; timer IDs carry it as `O2#1:…` from the first extension on. */
  readonly generation: number;
  readonly escalationLevel: number;
  readonly completedAt?: string;
  readonly submissionId?: string;
  /** O3: instant each side signed. */
  readonly signedBy: Partial<Record<Side, string>>;
  readonly resendCount: number;
}

/** A timer the machine has scheduled and not yet seen fire or cancelled. */
export type PendingTimer = ScheduleTimerParams;

/** The machine's context: plain JSON data (it is persisted across continue-as-new). */
export interface CycleContext {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  readonly openedAt: string;
  /** `at` of the last event handled. */
  readonly lastEventAt: string;
  readonly phaseEnteredAt: string;
  readonly obligations: Readonly<Record<ObligationId, ObligationState>>;
  readonly timers: Readonly<Record<string, PendingTimer>>;
  readonly progressCount: number;
  /** Set once the year-end window opened: a year-end reminder or deadline fired, or a report came in. */
  readonly yearEndOpened: boolean;
  /** Set when implementation ended without any progress entry. */
  readonly noProgressAtImplementationEnd: boolean;
  readonly rating?: {
    readonly sponsorRating: string;
    readonly recipientRating: string;
    readonly reason?: string;
    readonly decisionNumber?: string;
  };
  readonly closedBy?: 'rated' | 'waived' | 'dissolved' | 'repaired';
  readonly successorPairCode?: string;
}

/** A new context and the actions to run, in order. */
export interface Outcome {
  readonly context: CycleContext;
  readonly actions: readonly CycleAction[];
}

// ---------------------------------------------------------------------------------------------------------------
// Timer IDs and idempotency keys

/** Prefix of an obligation's timer IDs: `O2`, then `O2#1` after the first extension. */
export function timerPrefix(obligation: ObligationId, generation: number): string {
  return generation === 0 ? obligation : `${obligation}#${generation}`;
}

/** `D-14` for 14 days before, `D+3` for 3 days after, `D-0` on the day. */
export function offsetLabel(offsetDays: number): string {
  return offsetDays >= 0 ? `D-${offsetDays}` : `D+${-offsetDays}`;
}

/** Timer ID of a progress reminder: the UTC date of its instant (`O4:progress:2026-04-01`). */
export function progressTimerId(at: string): string {
  return `O4:progress:${at.slice(0, 10)}`;
}

function key(ctx: CycleContext, obligation: ObligationId, kind: string): string {
  return `${ctx.workflowId}:${obligation}:${kind}:${ctx.obligations[obligation].effectiveDue}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

function setObligation(ctx: CycleContext, id: ObligationId, patch: Partial<ObligationState>): CycleContext {
  return { ...ctx, obligations: { ...ctx.obligations, [id]: { ...ctx.obligations[id], ...patch } } };
}

function record(entry: RecordEntry): CycleAction {
  return { type: 'record', params: { entry } };
}

function owedParties(o: ObligationState, id: ObligationId): readonly Party[] {
  return OBLIGATION_PARTIES[id].filter((p) => p === 'coordinator' || o.signedBy[p] === undefined);
}

/** Timers of one obligation's schedule that lie strictly after `after`, with generation-suffixed IDs. */
function obligationTimers(
  id: ObligationId,
  generation: number,
  schedule: Pick<ObligationSchedule, 'endsAt' | 'reminders' | 'escalations'>,
  after: string,
): PendingTimer[] {
  const prefix = timerPrefix(id, generation);
  const timers: PendingTimer[] = [];
  for (const r of schedule.reminders) {
    timers.push({
      timerId: `${prefix}:reminder:${offsetLabel(r.offsetDays)}`,
      at: r.at,
      purpose: 'reminder',
      obligation: id,
      offsetDays: r.offsetDays,
    });
  }
  timers.push({ timerId: `${prefix}:deadline`, at: schedule.endsAt, purpose: 'deadline', obligation: id });
  for (const e of schedule.escalations) {
    timers.push({
      timerId: `${prefix}:escalation:${e.level}`,
      at: e.at,
      purpose: 'escalation',
      obligation: id,
      level: e.level,
    });
  }
  return timers.filter((t) => t.at > after);
}

function byInstant(a: PendingTimer, b: PendingTimer): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0;
}

function schedule(ctx: CycleContext, timers: readonly PendingTimer[]): Outcome {
  const next = { ...ctx.timers };
  const actions: CycleAction[] = [];
  for (const t of [...timers].sort(byInstant)) {
    if (next[t.timerId] !== undefined) continue;
    next[t.timerId] = t;
    actions.push({ type: 'scheduleTimer', params: t });
  }
  return { context: { ...ctx, timers: next }, actions };
}

function cancelWhere(ctx: CycleContext, keep: (t: PendingTimer) => boolean): Outcome {
  const next: Record<string, PendingTimer> = {};
  const actions: CycleAction[] = [];
  for (const t of Object.values(ctx.timers).sort(byInstant)) {
    if (keep(t)) next[t.timerId] = t;
    else actions.push({ type: 'cancelTimer', params: { timerId: t.timerId } });
  }
  return { context: { ...ctx, timers: next }, actions };
}

/** Cancels the reminder, deadline and escalation timers of one obligation (not the progress reminders). */
function cancelObligationTimers(ctx: CycleContext, id: ObligationId): Outcome {
  return cancelWhere(ctx, (t) => t.obligation !== id || t.purpose === 'progressReminder');
}

function chain(first: Outcome, next: (ctx: CycleContext) => Outcome): Outcome {
  const second = next(first.context);
  return { context: second.context, actions: [...first.actions, ...second.actions] };
}

function at(ctx: CycleContext, instant: string): CycleContext {
  return { ...ctx, lastEventAt: instant };
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
  for (const id of OBLIGATION_IDS) {
    const s = input.obligations[id];
    const applicable = s.endsAt > input.openedAt;
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

/** A pending timer fired. */
export function timerFired(ctx0: CycleContext, event: TimerFiredEvent, phase: CyclePhase): Outcome {
  const timer = ctx0.timers[event.timerId];
  if (timer === undefined) return { context: ctx0, actions: [] };
  const rest = { ...ctx0.timers };
  delete rest[event.timerId];
  let ctx: CycleContext = { ...at(ctx0, event.at), timers: rest };
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
            idempotencyKey: key(ctx, id, `reminder-${offsetLabel(timer.offsetDays ?? 0)}`),
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
            idempotencyKey: key(ctx, 'O4', `progressReminder-${timer.at.slice(0, 10)}`),
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
      if (o.status === 'pending' || o.status === 'missed') {
        ctx = setObligation(ctx, id, { escalationLevel: Math.max(o.escalationLevel, level) });
        actions.push({
          type: 'notify',
          params: {
            kind: 'escalation',
            obligation: id,
            level,
            dueDate: o.effectiveDue,
            parties: owedParties(o, id),
            idempotencyKey: key(ctx, id, `escalation-${level}`),
          },
        });
        actions.push(record({ at: event.at, kind: 'escalated', obligation: id, detail: { level } }));
      }
      break;
    }
  }
  return { context: ctx, actions };
}

/** A submission that the guards accepted: on time, late, or the first of O3's two signatures. */
export function submit(ctx0: CycleContext, event: SubmitEvent): Outcome {
  let ctx = at(ctx0, event.at);
  const id = event.obligation;
  const o = ctx.obligations[id];
  if (id === 'O5' || id === 'O6') ctx = { ...ctx, yearEndOpened: true };
  const detail = { submissionId: event.submissionId };
  if (id === 'O3') {
    const signedBy = { ...o.signedBy, [event.side]: event.at };
    if (signedBy.sponsor === undefined || signedBy.recipient === undefined) {
      return {
        context: setObligation(ctx, id, { signedBy }),
        actions: [
          record({
            at: event.at,
            kind: 'signed',
            obligation: id,
            side: event.side,
            actor: event.actor,
            detail,
          }),
        ],
      };
    }
    ctx = setObligation(ctx, id, { signedBy });
  }
  const late = o.status === 'missed' || event.at > o.endsAt;
  ctx = setObligation(ctx, id, {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    submissionId: event.submissionId,
    escalationLevel: 0,
  });
  return chain(cancelObligationTimers(ctx, id), (c) => ({
    context: c,
    actions: [
      record({
        at: event.at,
        kind: late ? 'late' : 'submitted',
        obligation: id,
        side: event.side,
        actor: event.actor,
        detail,
      }),
    ],
  }));
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
  if (o.status !== 'pending' && o.status !== 'missed') return { context: ctx, actions: [entry] };
  const late = o.status === 'missed' || event.at > o.endsAt;
  ctx = setObligation(ctx, 'O4', {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    escalationLevel: 0,
  });
  return chain(cancelObligationTimers(ctx, 'O4'), (c) => ({ context: c, actions: [entry] }));
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
    (c) => ({
      context: c,
      actions: [record({ at: event.at, kind: 'extended', obligation: id, actor: event.actor, detail })],
    }),
  );
}

/** A waiver: the obligation's timers are cancelled and its escalation cleared. */
export function waive(ctx0: CycleContext, event: WaiveEvent): Outcome {
  const id = event.obligation;
  const ctx = setObligation(at(ctx0, event.at), id, { status: 'waived', escalationLevel: 0 });
  const out = chain(cancelObligationTimers(ctx, id), (c) => ({
    context: c,
    actions: [
      record({
        at: event.at,
        kind: 'waived',
        obligation: id,
        actor: event.actor,
        detail: { reason: event.reason },
      }),
    ],
  }));
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
  return {
    context: ctx,
    actions: [
      {
        type: 'notify',
        params: {
          kind: 'resend',
          obligation: id,
          dueDate: o.effectiveDue,
          parties: owedParties(o, id),
          idempotencyKey: key(ctx, id, `resend-${resendCount}`),
        },
      },
      record({
        at: event.at,
        kind: 'resent',
        obligation: id,
        actor: event.actor,
        detail: { count: resendCount },
      }),
    ],
  };
}

/** Dissolution or re-pairing: every timer is cancelled (the cycle then closes). */
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
    (c) => ({
      context: c,
      actions: [record({ at: event.at, kind: 'dissolved', actor: event.actor, detail })],
    }),
  );
}

/** The final rating: meets O7 (late after its deadline) and closes the cycle. */
export function rate(ctx0: CycleContext, event: RateEvent): Outcome {
  const o = ctx0.obligations.O7;
  const late = o.status === 'missed' || event.at > o.endsAt;
  let ctx = setObligation(at(ctx0, event.at), 'O7', {
    status: late ? 'late' : 'submitted',
    completedAt: event.at,
    escalationLevel: 0,
  });
  const rating: { sponsorRating: string; recipientRating: string; reason?: string; decisionNumber?: string } =
    {
      sponsorRating: event.sponsorRating,
      recipientRating: event.recipientRating,
    };
  const detail: Record<string, string | number | boolean> = { ...rating, late };
  if (event.reason !== undefined) rating.reason = detail.reason = event.reason;
  if (event.decisionNumber !== undefined)
    rating.decisionNumber = detail.decisionNumber = event.decisionNumber;
  ctx = { ...ctx, rating, closedBy: 'rated' };
  return chain(cancelObligationTimers(ctx, 'O7'), (c) => ({
    context: c,
    actions: [record({ at: event.at, kind: 'rated', obligation: 'O7', actor: event.actor, detail })],
  }));
}

/** Entering a phase after the first: record it, and clean up timers that the new phase makes pointless. */
export function enterPhase(ctx0: CycleContext, from: CyclePhase, to: CyclePhase): Outcome {
  let ctx: CycleContext = { ...ctx0, phaseEnteredAt: ctx0.lastEventAt };
  if (from === 'implementation' && ctx.progressCount === 0)
    ctx = { ...ctx, noProgressAtImplementationEnd: true };
  if (to === 'closed' && ctx.closedBy === undefined) ctx = { ...ctx, closedBy: 'waived' };
  const entry = record({ at: ctx.lastEventAt, kind: 'phaseChanged', detail: { from, to } });
  if (to === 'evaluation') {
    return chain({ context: ctx, actions: [entry] }, (c) =>
      cancelWhere(c, (t) => t.purpose !== 'progressReminder'),
    );
  }
  if (to === 'closed') return chain({ context: ctx, actions: [entry] }, (c) => cancelWhere(c, () => false));
  return { context: ctx, actions: [entry] };
}

// ---------------------------------------------------------------------------------------------------------------
// Guards (pure predicates on context + event + phase)

/** Whether the phase's own obligations are settled, so that the cycle moves to the next phase. */
export function phaseComplete(ctx: CycleContext, phase: CyclePhase): boolean {
  const settled = (id: ObligationId): boolean => isSettled(ctx.obligations[id].status);
  switch (phase) {
    case 'needsProposal':
      return settled('O1') && settled('O2');
    case 'agreement':
      return settled('O3');
    case 'implementation':
      return ctx.yearEndOpened || (settled('O5') && settled('O6'));
    case 'yearEndReporting':
      return settled('O5') && settled('O6');
    case 'evaluation':
      // A missed O7 escalates but keeps the cycle in evaluation until it is rated (or waived).
      return ctx.obligations.O7.status !== 'pending' && ctx.obligations.O7.status !== 'missed';
    case 'closed':
      return false;
  }
}

/** The obligations the cycle waits for in a phase: pending ones whose home phase is this one or earlier. */
export function waitingFor(ctx: CycleContext, phase: CyclePhase): ObligationId[] {
  if (phase === 'closed') return [];
  const current = HOME_PHASE_ORDER[phase];
  return OBLIGATION_IDS.filter(
    (id) => ctx.obligations[id].status === 'pending' && HOME_PHASE_ORDER[HOME_PHASE[id]] <= current,
  );
}

const HOME_PHASE_ORDER: Readonly<Record<CyclePhase, number>> = {
  needsProposal: 0,
  agreement: 1,
  implementation: 2,
  yearEndReporting: 3,
  evaluation: 4,
  closed: 5,
};
