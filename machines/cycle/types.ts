/**
 * Input, events, actions and context of the cycle statechart. Plain data only: every instant is an ISO string
 * in the same UTC form (`…Z`, as `Date.prototype.toISOString` writes them), so instants compare as strings.
 */
import type {
  CycleRating,
  ObligationId,
  ObligationStatus,
  Party,
  Side,
  SubmittableObligation,
  TimerPurpose,
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
 * mid-year) and get no timers; timers whose instant is not after `openedAt` are dropped. When the pair's
 * period ends within the year (`periodEndsAt`), obligations due after it start `notApplicable` too and the
 * cycle closes at that instant.
 */
export interface CycleInput {
  /** The workflow ID (`twinning-cycle:<pair>:<year>`), prefix of every idempotency key. */
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** ISO instant the cycle opened (for a pair that starts mid-year: the start of its first day). */
  readonly openedAt: string;
  readonly obligations: Readonly<Record<ObligationId, ObligationSchedule>>;
  /** ISO instants of the periodic progress reminders (O4). */
  readonly progressReminders: readonly string[];
  /** ISO instant the pair's period ends (end of its last day), when that falls within the cycle. */
  readonly periodEndsAt?: string;
  /** Codes of the communes the pair covers (progress entries may name only these); empty: not checked. */
  readonly communes?: readonly string[];
}

/** A timer elapsed (sent by the workflow with the ID it was scheduled under). Unknown or stale IDs are ignored. */
export interface TimerFiredEvent {
  readonly type: 'TIMER_FIRED';
  readonly timerId: string;
  readonly at: string;
}

/** A validated submission of O1, O2, O3 (one signature), O5 or O6, with its normalised payload. */
export interface SubmitEvent {
  readonly type: 'SUBMIT';
  readonly obligation: SubmittableObligation;
  readonly side: Side;
  readonly at: string;
  readonly submissionId: string;
  readonly actor: string;
  /** The validated payload (it may hold names: it only passes through to the `storeSubmission` action). */
  readonly data: Readonly<Record<string, unknown>>;
}

/** A validated progress entry (O4), with its normalised payload. */
export interface ProgressEvent {
  readonly type: 'PROGRESS';
  readonly at: string;
  readonly entryId: string;
  readonly actor: string;
  /** The side that entered it (absent in cycles started before the side was kept). */
  readonly side?: Side;
  /** The validated payload (households' names are personal data: they only pass through to `storeProgress`). */
  readonly data: Readonly<Record<string, unknown>>;
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
  /**
   * Tell the owed parties the new deadline at once (a reminder for the new date). The workflow sets it for
   * cycles that carry `PATCHES.extensionNotice`; older histories replay without it.
   */
  readonly notifyParties?: boolean;
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

/** The pair is dissolved (or re-paired into `successorPairCode` when units merge): the cycle closes now. */
export interface DissolveEvent {
  readonly type: 'DISSOLVE';
  readonly at: string;
  readonly reason: string;
  readonly actor: string;
  readonly successorPairCode?: string;
}

/**
 * The pair's period ends on a given day (a merger of units, or an end decided later): obligations due after it
 * become not applicable and the cycle closes at the end of that day (at once when it is already past).
 */
export interface EndPeriodEvent {
  readonly type: 'END_PERIOD';
  readonly at: string;
  /** The pair's last day, yyyy-mm-dd. */
  readonly lastDay: string;
  /** ISO instant: the end of the last day. */
  readonly endsAt: string;
  readonly reason: string;
  readonly actor: string;
  readonly successorPairCode?: string;
  readonly decisionNumber?: string;
}

/**
 * The final rating of both units (O7) recorded on the cycle itself. Only cycles started before unit ratings
 * send it (see `workflows/cycle/legacy.ts`); the current runner rates units (`UNIT_RATED`).
 */
export interface RateEvent extends CycleRating {
  readonly type: 'RATE';
  readonly at: string;
  readonly actor: string;
}

/** The confirmed rating of one of the pair's units (sent by the unit's evaluation); O7 is met once both are in. */
export interface UnitRatedEvent {
  readonly type: 'UNIT_RATED';
  readonly at: string;
  readonly side: Side;
  readonly unitCode: string;
  /** The level id of the year's scale (e.g. `TOT`). */
  readonly rating: string;
  readonly actor: string;
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
  | EndPeriodEvent
  | RateEvent
  | UnitRatedEvent;

/** Params of `scheduleTimer`: start a durable timer that sends `TIMER_FIRED { timerId }` at `at`. */
export interface ScheduleTimerParams {
  readonly timerId: string;
  readonly at: string;
  readonly purpose: TimerPurpose;
  /** The obligation the timer serves (every timer but the period end). */
  readonly obligation?: ObligationId;
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
  | 'periodEnding'
  | 'periodEnded'
  | 'unitRated'
  | 'rated';

/** One timeline / audit entry. `detail` never holds personal data. */
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

/** Params of `storeSubmission`: keep an accepted submission with its payload, under its idempotency key. */
export interface StoreSubmissionParams {
  readonly idempotencyKey: string;
  readonly obligation: SubmittableObligation;
  readonly side: Side;
  readonly actor: string;
  readonly at: string;
  /** Whether the obligation was met late by this submission. */
  readonly late: boolean;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Params of `storeProgress`: keep an accepted progress entry with its payload, under its idempotency key. */
export interface StoreProgressParams {
  readonly idempotencyKey: string;
  readonly actor: string;
  readonly side?: Side;
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** Params of `changePair`: the roster learns that the pair was dissolved, re-paired or ended. */
export interface ChangePairParams {
  readonly status: 'DISSOLVED' | 'REPAIRED' | 'ENDED';
  readonly at: string;
  /** The pair's last day, yyyy-mm-dd (local). */
  readonly lastDay: string;
  readonly reason: string;
  readonly actor: string;
  readonly successorPairCode?: string;
  readonly decisionNumber?: string;
}

/**
 * Params of `evaluateUnits`: the pair's units should be (re)evaluated, because the cycle reached evaluation,
 * late data arrived there, or it closed (a closed cycle no longer holds its units' ratings back).
 */
export interface EvaluateUnitsParams {
  readonly sides: readonly Side[];
  readonly reason: 'ready' | 'lateData' | 'closed';
}

/**
 * The actions the workflow executes, in order, after each transition (docs/architecture.md maps each kind to
 * its timer or activity). The read model is written from the projection after every transition.
 */
export type CycleAction =
  | { readonly type: 'scheduleTimer'; readonly params: ScheduleTimerParams }
  | { readonly type: 'cancelTimer'; readonly params: CancelTimerParams }
  | { readonly type: 'notify'; readonly params: NotifyParams }
  | { readonly type: 'record'; readonly params: RecordParams }
  | { readonly type: 'storeSubmission'; readonly params: StoreSubmissionParams }
  | { readonly type: 'storeProgress'; readonly params: StoreProgressParams }
  | { readonly type: 'changePair'; readonly params: ChangePairParams }
  | { readonly type: 'evaluateUnits'; readonly params: EvaluateUnitsParams };

/** Names of the actions in {@link CycleAction}. */
export const CYCLE_ACTION_TYPES: readonly CycleAction['type'][] = [
  'scheduleTimer',
  'cancelTimer',
  'notify',
  'record',
  'storeSubmission',
  'storeProgress',
  'changePair',
  'evaluateUnits',
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

/** A unit's confirmed rating as the cycle keeps it. */
export interface UnitRating {
  readonly unitCode: string;
  readonly rating: string;
  readonly at: string;
  readonly actor: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
}

/** The machine's context: plain JSON data (it is carried across continue-as-new). */
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
  /** The communes the pair covers (progress entries may name only these); empty: not checked. */
  readonly communes?: readonly string[];
  /** The end of the pair's period when it falls within the cycle (ISO instant), with who decided it. */
  readonly periodEnd?: {
    readonly endsAt: string;
    readonly lastDay: string;
    readonly reason: string;
    readonly actor: string;
    readonly successorPairCode?: string;
    readonly decisionNumber?: string;
  };
  /** The confirmed ratings of the pair's units, by side (current runner). */
  readonly unitRatings?: Partial<Record<Side, UnitRating>>;
  /** The final rating of both sides (O7). */
  readonly rating?: CycleRating;
  readonly closedBy?: 'rated' | 'waived' | 'dissolved' | 'repaired' | 'ended';
  readonly successorPairCode?: string;
}

/** A new context and the actions to run, in order. */
export interface Outcome {
  readonly context: CycleContext;
  readonly actions: readonly CycleAction[];
}
