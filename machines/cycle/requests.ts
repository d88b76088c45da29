/**
 * From a caller's request to the machine's event, or to the reason it is refused: the one place that decides
 * whether an Update is accepted. The workflow's validator and its handler both call the same function on the
 * same snapshot, so what the validator lets through is exactly what the machine then accepts. Pure.
 *
 * Each decision validates the payload (`domain/cycle/schemas`), checks the rule table (`domain/cycle/check`)
 * and builds the event with the instant the workflow saw (`at`) and the Update's ID (`id`, the submission's
 * business key).
 */
import {
  extendedSchedule,
  endOfLocalDay,
  type WorkingCalendar,
  type YearCalendarSettings,
  type YearSchedule,
} from '../../domain/calendar';
import { checkSubmissionAllowed, type CheckResult, type CycleRefusal } from '../../domain/cycle/check';
import {
  envelopeProblem,
  type RequestKind,
  type DissolveRequest,
  type EndPeriodRequest,
  type ExtendRequest,
  type ProgressRequest,
  type RateRequest,
  type ResendRequest,
  type SubmitRequest,
  type UnitRatedSignal,
  type WaiveRequest,
} from '../../domain/cycle/requests';
import { OBLIGATION_PAYLOAD, validatePayload, type PayloadKind } from '../../domain/cycle/schemas';
import { machineSchedule } from './calendar-adapter';
import { requestOf, viewOf, type CycleSnapshot } from './machine';
import { phaseOf, projectCycle } from './projection';
import type { CycleEvent } from './types';

/** What the calendar-dependent decisions need: the year's settings, working calendar and schedule. */
export interface RequestEnv {
  readonly settings: YearCalendarSettings;
  readonly calendar: WorkingCalendar;
  readonly schedule: YearSchedule;
}

/** The outcome of a decision: the event to send, or the refusal in the catalogue's words. */
export type Decision<E extends CycleEvent = CycleEvent> =
  | { readonly ok: true; readonly event: E }
  | { readonly ok: false; readonly message: CycleRefusal; readonly type: RefusalType };

/**
 * The failure type callers see: `CycleRefusal` (wrong phase, party or state) or `InvalidPayload` (bad data).
 * A wire contract: the web API maps them to HTTP 409 and 400.
 */
export type RefusalType = 'CycleRefusal' | 'InvalidPayload';

function refused(
  message: CycleRefusal,
  type: RefusalType,
): { ok: false; message: CycleRefusal; type: RefusalType } {
  return { ok: false, message, type };
}

function payload<K extends PayloadKind>(kind: K, data: unknown) {
  return validatePayload(kind, data);
}

/** A request of the wrong shape (a missing side, an unknown obligation…), refused as bad data. */
function malformed(kind: RequestKind, request: unknown): Decision | undefined {
  const problem = envelopeProblem(kind, request);
  return problem ? refused(problem, 'InvalidPayload') : undefined;
}

/** The rule table's verdict on an event in the snapshot's state (the machine's own `allowed` guard). */
function allowed(snapshot: CycleSnapshot, event: CycleEvent): CheckResult {
  const request = requestOf(event, snapshot.context);
  if (request === undefined) return { ok: true };
  return checkSubmissionAllowed(viewOf(snapshot.context, phaseOf(snapshot)), request);
}

function decided<E extends CycleEvent>(snapshot: CycleSnapshot, event: E): Decision<E> {
  const check = allowed(snapshot, event);
  return check.ok ? { ok: true, event } : refused(check.message, 'CycleRefusal');
}

/** A submission of O1, O2, O3, O5 or O6: right party, right phase, still owed, valid payload. */
export function decideSubmit(
  snapshot: CycleSnapshot,
  request: SubmitRequest,
  at: string,
  id: string,
): Decision {
  const bad = malformed('submit', request);
  if (bad) return bad;
  const rule = allowed(snapshot, {
    type: 'SUBMIT',
    obligation: request.obligation,
    side: request.side,
    at,
    submissionId: id,
    actor: request.actor,
    data: {},
  });
  if (!rule.ok) return refused(rule.message, 'CycleRefusal');
  const data = payload(OBLIGATION_PAYLOAD[request.obligation], request.data);
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  return {
    ok: true,
    event: {
      type: 'SUBMIT',
      obligation: request.obligation,
      side: request.side,
      at,
      submissionId: id,
      actor: request.actor,
      data: data.value,
    },
  };
}

/** A progress entry: right phase, valid payload, and a commune the pair covers (when it names one). */
export function decideProgress(
  snapshot: CycleSnapshot,
  request: ProgressRequest,
  at: string,
  id: string,
): Decision {
  const bad = malformed('progress', request);
  if (bad) return bad;
  const rule = allowed(snapshot, {
    type: 'PROGRESS',
    at,
    entryId: id,
    actor: request.actor,
    side: request.side,
    data: {},
  });
  if (!rule.ok) return refused(rule.message, 'CycleRefusal');
  const data = payload('progressEntry', request.data);
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  const communes = snapshot.context.communes ?? [];
  const commune = data.value.communeCode;
  if (commune !== undefined && communes.length > 0 && !communes.includes(commune)) {
    return refused(
      { key: 'cycle.invalid.commune', params: { code: commune, communes: communes.join(', ') } },
      'InvalidPayload',
    );
  }
  return {
    ok: true,
    event: { type: 'PROGRESS', at, entryId: id, actor: request.actor, side: request.side, data: data.value },
  };
}

/**
 * An extension: valid payload, an obligation an administrator may extend now, a new last day not before the
 * current one and after now. The new schedule is computed from the obligation's current effective day (an
 * earlier extension may have moved it) under the year's policy.
 */
export function decideExtend(
  snapshot: CycleSnapshot,
  request: ExtendRequest,
  at: string,
  env: RequestEnv,
): Decision {
  const bad = malformed('extend', request);
  if (bad) return bad;
  const data = payload('extend', {
    newDate: request.newDate,
    reason: request.reason,
    ...(request.decisionNumber !== undefined ? { decisionNumber: request.decisionNumber } : {}),
  });
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  const base = env.schedule.obligations.find((o) => o.obligation === request.obligation);
  const current = projectCycle(snapshot).obligations.find((o) => o.id === request.obligation);
  if (base === undefined || current === undefined) {
    return refused({ key: 'cycle.invalid.value', params: { field: 'obligation' } }, 'InvalidPayload');
  }
  const statusCheck = allowed(snapshot, {
    type: 'EXTEND',
    obligation: request.obligation,
    at,
    newEffectiveDue: current.effectiveDue,
    endsAt: endOfLocalDay(current.effectiveDue).toISOString(),
    reminders: [],
    escalations: [],
    reason: data.value.reason,
    actor: request.actor,
  });
  // The status and phase come first; the "in the future" part is checked below with the real new end.
  if (!statusCheck.ok && statusCheck.message.key !== 'cycle.extend.notInFuture')
    return refused(statusCheck.message, 'CycleRefusal');
  if (data.value.newDate < current.effectiveDue) {
    return refused(
      {
        key: 'cycle.extend.beforeCurrent',
        params: { newDate: data.value.newDate, current: current.effectiveDue },
      },
      'CycleRefusal',
    );
  }
  const moved = machineSchedule(
    extendedSchedule(
      { ...base, effective: current.effectiveDue },
      data.value.newDate,
      env.settings,
      env.calendar,
    ),
  );
  return decided(snapshot, {
    type: 'EXTEND',
    obligation: request.obligation,
    at,
    newEffectiveDue: moved.effectiveDue,
    endsAt: moved.endsAt,
    reminders: moved.reminders,
    escalations: moved.escalations,
    reason: data.value.reason,
    ...(data.value.decisionNumber !== undefined ? { decisionNumber: data.value.decisionNumber } : {}),
    actor: request.actor,
  });
}

/** A waiver of an owed obligation, with its reason. */
export function decideWaive(snapshot: CycleSnapshot, request: WaiveRequest, at: string): Decision {
  const bad = malformed('waive', request);
  if (bad) return bad;
  const data = payload('waive', { reason: request.reason });
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  return decided(snapshot, {
    type: 'WAIVE',
    obligation: request.obligation,
    at,
    reason: data.value.reason,
    actor: request.actor,
  });
}

/** A resend of an owed obligation's reminder. */
export function decideResend(snapshot: CycleSnapshot, request: ResendRequest, at: string): Decision {
  const bad = malformed('resend', request);
  if (bad) return bad;
  return decided(snapshot, { type: 'RESEND', obligation: request.obligation, at, actor: request.actor });
}

/** A dissolution (or re-pairing) now, with its reason. */
export function decideDissolve(snapshot: CycleSnapshot, request: DissolveRequest, at: string): Decision {
  const bad = malformed('dissolve', request);
  if (bad) return bad;
  const data = payload('dissolve', {
    reason: request.reason,
    ...(request.successorPairCode !== undefined ? { successorPairCode: request.successorPairCode } : {}),
  });
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  return decided(snapshot, {
    type: 'DISSOLVE',
    at,
    reason: data.value.reason,
    actor: request.actor,
    ...(data.value.successorPairCode !== undefined
      ? { successorPairCode: data.value.successorPairCode }
      : {}),
  });
}

/** The end of the pair's period on a given day (brought forward only). */
export function decideEndPeriod(snapshot: CycleSnapshot, request: EndPeriodRequest, at: string): Decision {
  const bad = malformed('endPeriod', request);
  if (bad) return bad;
  const data = payload('endPeriod', {
    lastDay: request.lastDay,
    reason: request.reason,
    ...(request.successorPairCode !== undefined ? { successorPairCode: request.successorPairCode } : {}),
    ...(request.decisionNumber !== undefined ? { decisionNumber: request.decisionNumber } : {}),
  });
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  return decided(snapshot, {
    type: 'END_PERIOD',
    at,
    lastDay: data.value.lastDay,
    endsAt: endOfLocalDay(data.value.lastDay).toISOString(),
    reason: data.value.reason,
    actor: request.actor,
    ...(data.value.successorPairCode !== undefined
      ? { successorPairCode: data.value.successorPairCode }
      : {}),
    ...(data.value.decisionNumber !== undefined ? { decisionNumber: data.value.decisionNumber } : {}),
  });
}

/** The final rating of both sides on the cycle itself (cycles started before unit ratings only). */
export function decideRate(snapshot: CycleSnapshot, request: RateRequest, at: string): Decision {
  const { actor, ...rating } = request;
  const data = payload('rating', rating);
  if (!data.ok) return refused(data.message, 'InvalidPayload');
  return decided(snapshot, {
    type: 'RATE',
    at,
    actor,
    sponsorRating: data.value.sponsorRating,
    recipientRating: data.value.recipientRating,
    ...(data.value.reason !== undefined ? { reason: data.value.reason } : {}),
    ...(data.value.decisionNumber !== undefined ? { decisionNumber: data.value.decisionNumber } : {}),
  });
}

/**
 * A rating or positive factors sent to a cycle started with unit ratings: refused, since those belong to the
 * unit's evaluation (one rating per unit and year), whatever the request holds.
 */
export function decidePairRating(): Decision {
  return refused({ key: 'cycle.ratedPerUnit', params: {} }, 'CycleRefusal');
}

/** A unit's confirmed rating (a signal: a refusal means the machine ignores it, as it would anyway). */
export function decideUnitRated(snapshot: CycleSnapshot, signal: UnitRatedSignal, at: string): Decision {
  const bad = malformed('unitRated', signal);
  if (bad) return bad;
  return decided(snapshot, {
    type: 'UNIT_RATED',
    at,
    side: signal.side,
    unitCode: signal.unitCode,
    rating: signal.rating,
    actor: signal.actor,
    ...(signal.reason !== undefined ? { reason: signal.reason } : {}),
    ...(signal.decisionNumber !== undefined ? { decisionNumber: signal.decisionNumber } : {}),
  });
}
