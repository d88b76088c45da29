/**
 * Timer IDs, idempotency keys and the pure bookkeeping of the machine's pending timers: which timers an
 * obligation's schedule asks for, scheduling them once, cancelling them. Timer IDs are part of saved histories:
 * changing one changes what a running cycle does.
 */
import type { ObligationId } from '../../domain/cycle/types';
import type { CycleAction, CycleContext, ObligationSchedule, Outcome, PendingTimer } from './types';

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

/** Timer ID of the end of the pair's period. */
export const PERIOD_END_TIMER_ID = 'period:end';

/** The idempotency key of one of an obligation's notifications (see `NotifyParams`). */
export function notificationKey(ctx: CycleContext, obligation: ObligationId, kind: string): string {
  return `${ctx.workflowId}:${obligation}:${kind}:${ctx.obligations[obligation].effectiveDue}`;
}

/** Timers of one obligation's schedule that lie strictly after `after`, with generation-suffixed IDs. */
export function obligationTimers(
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

/** The timer that closes the cycle at the end of the pair's period. */
export function periodEndTimer(endsAt: string): PendingTimer {
  return { timerId: PERIOD_END_TIMER_ID, at: endsAt, purpose: 'periodEnd' };
}

/** Orders timers by instant, then by ID: the order the workflow fires timers due at the same instant. */
export function byInstant(a: PendingTimer, b: PendingTimer): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0;
}

/** Adds the timers not yet pending, in order, with one `scheduleTimer` action each. */
export function schedule(ctx: CycleContext, timers: readonly PendingTimer[]): Outcome {
  const next = { ...ctx.timers };
  const actions: CycleAction[] = [];
  for (const t of [...timers].sort(byInstant)) {
    if (next[t.timerId] !== undefined) continue;
    next[t.timerId] = t;
    actions.push({ type: 'scheduleTimer', params: t });
  }
  return { context: { ...ctx, timers: next }, actions };
}

/** Cancels every pending timer that `keep` rejects, with one `cancelTimer` action each. */
export function cancelWhere(ctx: CycleContext, keep: (t: PendingTimer) => boolean): Outcome {
  const next: Record<string, PendingTimer> = {};
  const actions: CycleAction[] = [];
  for (const t of Object.values(ctx.timers).sort(byInstant)) {
    if (keep(t)) next[t.timerId] = t;
    else actions.push({ type: 'cancelTimer', params: { timerId: t.timerId } });
  }
  return { context: { ...ctx, timers: next }, actions };
}

/** Cancels the reminder, deadline and escalation timers of one obligation (not the progress reminders). */
export function cancelObligationTimers(ctx: CycleContext, id: ObligationId): Outcome {
  return cancelWhere(ctx, (t) => t.obligation !== id || t.purpose === 'progressReminder');
}

/** The earliest pending timer of a context, if any. */
export function nextPendingTimer(ctx: CycleContext): PendingTimer | undefined {
  return Object.values(ctx.timers).sort(byInstant)[0];
}
