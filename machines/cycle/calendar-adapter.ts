/**
 * Turns the calendar's schedules (`domain/calendar`) into the machine's input: the machine never computes
 * dates, it only reads the instants prepared here.
 */
import type { ObligationSchedule as CalendarSchedule, YearSchedule } from '../../domain/calendar';
import { OBLIGATION_IDS, type ObligationId } from '../../domain/cycle/types';
import type { CycleInput, ObligationSchedule } from './model';

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

/** The machine's input for one pair and year from the calendar's year schedule. */
export function cycleInputFromCalendar(args: {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** ISO instant the cycle opens (obligations that ended before it are not applicable). */
  readonly openedAt: string;
  readonly schedule: YearSchedule;
}): CycleInput {
  const obligations = {} as Record<ObligationId, ObligationSchedule>;
  for (const id of OBLIGATION_IDS) {
    const found = args.schedule.obligations.find((o) => o.obligation === id);
    if (found === undefined) throw new Error(`The year schedule has no ${id}`);
    obligations[id] = machineSchedule(found);
  }
  return {
    workflowId: args.workflowId,
    pairCode: args.pairCode,
    year: args.year,
    openedAt: args.openedAt,
    obligations,
    progressReminders: args.schedule.progressReminders.map((r) => r.at),
  };
}
