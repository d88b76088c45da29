/**
 * Turns the calendar's schedules (`domain/calendar`) into the machine's input: the machine never computes
 * dates, it only reads the instants prepared here.
 */
import {
  endOfLocalDay,
  startOfLocalDay,
  type ObligationSchedule as CalendarSchedule,
  type YearSchedule,
} from '../../domain/calendar';
import { OBLIGATION_IDS, type ObligationId } from '../../domain/cycle/types';
import type { CycleInput, ObligationSchedule } from './types';

/** One obligation's calendar schedule as the machine reads it (deadline reminders only; see progress reminders). */
export function machineSchedule(schedule: CalendarSchedule): ObligationSchedule {
  return {
    statutoryDue: schedule.statutory,
    effectiveDue: schedule.effective,
    endsAt: schedule.effectiveEndsAt,
    reminders: schedule.reminders.flatMap((r) =>
      r.kind === 'deadline' ? [{ offsetDays: r.offsetDays, at: r.at }] : [],
    ),
    escalations: schedule.escalations.map((e) => ({ level: e.level, at: e.at })),
  };
}

/**
 * The machine's input for one pair and year from the calendar's year schedule. The pair's period bounds the
 * cycle: a pair that starts within the year opens at the start of its first day, one that ends within the year
 * closes at the end of its last day.
 */
export function cycleInputFromCalendar(args: {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** ISO instant the cycle opens (obligations that ended before it are not applicable). */
  readonly openedAt: string;
  readonly schedule: YearSchedule;
  /** The pair's period within the year (yyyy-mm-dd), when it starts or ends inside it. */
  readonly period?: { readonly from?: string; readonly to?: string };
  /** The communes the pair covers. */
  readonly communes?: readonly string[];
}): CycleInput {
  const obligations = {} as Record<ObligationId, ObligationSchedule>;
  for (const id of OBLIGATION_IDS) {
    const found = args.schedule.obligations.find((o) => o.obligation === id);
    if (found === undefined) throw new Error(`The year schedule has no ${id}`);
    obligations[id] = machineSchedule(found);
  }
  // The start of the pair's first day (00:00 local = 17:00 UTC the day before) and the end of its last day.
  const startsAt = args.period?.from ? startOfLocalDay(args.period.from).toISOString() : undefined;
  const periodEndsAt = args.period?.to ? endOfLocalDay(args.period.to).toISOString() : undefined;
  return {
    workflowId: args.workflowId,
    pairCode: args.pairCode,
    year: args.year,
    openedAt: startsAt !== undefined && startsAt > args.openedAt ? startsAt : args.openedAt,
    obligations,
    progressReminders: args.schedule.progressReminders.map((r) => r.at),
    ...(periodEndsAt !== undefined ? { periodEndsAt } : {}),
    ...(args.communes !== undefined && args.communes.length > 0 ? { communes: [...args.communes] } : {}),
  };
}
