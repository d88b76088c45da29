/**
 * Hand-built inputs for the cycle statechart (fixed 2026 instants; independent of domain/calendar) and a small
 * driver that plays the workflow: it keeps the map of pending timers from the actions it receives.
 */
import { initialTransition, transition } from 'xstate';
import {
  cycleActions,
  cycleMachine,
  persistCycle,
  projectCycle,
  restoreCycle,
  type CycleAction,
  type CycleEvent,
  type CycleInput,
  type CycleSnapshot,
  type ObligationSchedule,
  type ScheduleTimerParams,
} from '../../machines/cycle';
import type { ObligationId } from '../../domain/cycle/types';

/** 08:00 local (01:00 UTC) on a day. */
export const morning = (day: string): string => `${day}T01:00:00.000Z`;
/** End of a day in Asia/Ho_Chi_Minh (24:00 local = 17:00 UTC). */
export const endOf = (day: string): string => `${day}T17:00:00.000Z`;

function schedule(
  statutoryDue: string,
  effectiveDue: string,
  reminders: [number, string][],
  escalations: [1 | 2, string][],
): ObligationSchedule {
  return {
    statutoryDue,
    effectiveDue,
    endsAt: endOf(effectiveDue),
    reminders: reminders.map(([offsetDays, day]) => ({ offsetDays, at: morning(day) })),
    escalations: escalations.map(([level, day]) => ({ level, at: morning(day) })),
  };
}

/** The 2026 cycle of pair P01 opened on 1 January (28 Feb 2026 is a Saturday: rolled forward to 2 March). */
export function input2026(openedAt = morning('2026-01-01')): CycleInput {
  const o12 = schedule(
    '2026-02-28',
    '2026-03-02',
    [
      [14, '2026-02-16'],
      [7, '2026-02-23'],
      [1, '2026-03-01'],
    ],
    [
      [1, '2026-03-05'],
      [2, '2026-03-12'],
    ],
  );
  const o56 = schedule(
    '2026-12-15',
    '2026-12-15',
    [
      [14, '2026-12-01'],
      [7, '2026-12-08'],
      [1, '2026-12-14'],
    ],
    [
      [1, '2026-12-18'],
      [2, '2026-12-25'],
    ],
  );
  return {
    workflowId: 'twinning-cycle:P01:2026',
    pairCode: 'P01',
    year: 2026,
    openedAt,
    obligations: {
      O1: o12,
      O2: o12,
      O3: schedule(
        '2026-03-31',
        '2026-03-31',
        [
          [14, '2026-03-17'],
          [7, '2026-03-24'],
          [1, '2026-03-30'],
        ],
        [
          [1, '2026-04-03'],
          [2, '2026-04-10'],
        ],
      ),
      O4: schedule('2026-11-30', '2026-11-30', [], [[1, '2026-12-03']]),
      O5: o56,
      O6: o56,
      O7: schedule(
        '2027-01-15',
        '2027-01-15',
        [[7, '2027-01-08']],
        [
          [1, '2027-01-18'],
          [2, '2027-01-25'],
        ],
      ),
    },
    progressReminders: [morning('2026-04-01'), morning('2026-07-01'), morning('2026-10-01')],
  };
}

/** Plays the workflow: sends events, keeps the pending-timer map from the actions, checks each transition. */
export class Driver {
  snapshot: CycleSnapshot;
  readonly timers = new Map<string, ScheduleTimerParams>();
  readonly log: CycleAction[] = [];
  readonly notifyKeys = new Set<string>();
  last: CycleAction[];

  constructor(readonly input: CycleInput = input2026()) {
    const [snapshot, actions] = initialTransition(cycleMachine, input);
    this.snapshot = snapshot;
    this.last = this.absorb(cycleActions(actions), input.openedAt);
  }

  /** Sends one event; returns the effect actions (and checks that the snapshot survives a JSON round trip). */
  send(event: CycleEvent): CycleAction[] {
    const [snapshot, actions] = transition(cycleMachine, this.snapshot, event);
    this.snapshot = snapshot;
    this.last = this.absorb(cycleActions(actions), event.at);
    return this.last;
  }

  private absorb(actions: CycleAction[], at: string): CycleAction[] {
    for (const a of actions) {
      this.log.push(a);
      if (a.type === 'scheduleTimer') {
        if (a.params.at <= at) throw new Error(`timer ${a.params.timerId} scheduled in the past`);
        if (this.timers.has(a.params.timerId)) throw new Error(`timer ${a.params.timerId} scheduled twice`);
        this.timers.set(a.params.timerId, a.params);
      } else if (a.type === 'cancelTimer') {
        if (!this.timers.delete(a.params.timerId))
          throw new Error(`cancel of unknown timer ${a.params.timerId}`);
      } else if (a.type === 'notify') {
        if (this.notifyKeys.has(a.params.idempotencyKey))
          throw new Error(`duplicate key ${a.params.idempotencyKey}`);
        this.notifyKeys.add(a.params.idempotencyKey);
      }
    }
    return actions;
  }

  /** The earliest pending timer. */
  nextTimer(): ScheduleTimerParams | undefined {
    return [...this.timers.values()].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : a.timerId < b.timerId ? -1 : 1,
    )[0];
  }

  /** Fires the earliest pending timer at its instant. */
  fireNext(): CycleAction[] {
    const t = this.nextTimer();
    if (t === undefined) throw new Error('no pending timer');
    this.timers.delete(t.timerId);
    return this.send({ type: 'TIMER_FIRED', timerId: t.timerId, at: t.at });
  }

  /** Fires every pending timer due at or before `instant`, in order; returns all their actions. */
  runUntil(instant: string): CycleAction[] {
    const all: CycleAction[] = [];
    for (let t = this.nextTimer(); t !== undefined && t.at <= instant; t = this.nextTimer())
      all.push(...this.fireNext());
    return all;
  }

  get phase(): string {
    return projectCycle(this.snapshot).phase;
  }

  status(id: ObligationId): string {
    const o = projectCycle(this.snapshot).obligations.find((x) => x.id === id);
    return o?.status ?? 'absent';
  }

  /** The snapshot after a JSON round trip (as the workflow restores it after continue-as-new). */
  roundTrip(): CycleSnapshot {
    return restoreCycle(
      JSON.parse(JSON.stringify(persistCycle(this.snapshot))) as ReturnType<typeof persistCycle>,
    );
  }
}

/** The params of one action type. */
export type ParamsOf<T extends CycleAction['type']> = Extract<CycleAction, { type: T }>['params'];

/** Only the actions of one type, with their params. */
export function ofType<T extends CycleAction['type']>(
  actions: readonly CycleAction[],
  type: T,
): ParamsOf<T>[] {
  const params: unknown[] = actions.filter((a) => a.type === type).map((a) => a.params);
  return params as ParamsOf<T>[];
}
