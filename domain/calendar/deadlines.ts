/**
 * Statutory and effective due dates of the yearly obligations, with their reminder, escalation and progress
 * reminder instants. Pure: every function takes the year's settings and working calendar and returns data.
 *
 * Rules (documented in docs/calendar.md):
 * - The statutory due day is the configured `MM-DD` of the cycle's year (O7: of the next year).
 * - Under `roll-forward`, a statutory day that is not a working day moves to the next working day (Civil Code
 *   2015, Art. 148); under `fixed`, the effective day is the statutory day.
 * - A due day D ends at 24:00 local = 17:00 UTC of D.
 * - Reminders fall at `reminderTime` local on D − n (calendar or working days), counted from the effective day.
 * - Escalation level L falls at `escalationTime` local on D + offset(L), counted from the effective day.
 * - O4 (progress) is due with O5; its reminders are the progress reminders and it has no escalation.
 */
import { OBLIGATIONS, type ObligationId } from './obligations';
import {
  isDueInNextYear,
  monthDayInYear,
  type DayCount,
  type Policy,
  type YearCalendarSettings,
} from './settings';
import { addDays, atLocalTime, endOfLocalDay, type IsoDate, type LocalTime } from './time';
import type { WorkingCalendar } from './working-days';

export { OBLIGATIONS, isObligationId, type ObligationId } from './obligations';

/** Escalation levels: 1 = Ban Dân tộc and the unit's head; 2 = provincial leadership (UBND tỉnh). */
const ESCALATION_LEVELS = [1, 2] as const;

/** An escalation level; see {@link ESCALATION_LEVELS}. */
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** The due date of one obligation in one cycle year. */
export interface DueDate {
  readonly obligation: ObligationId;
  /** The cycle's year (O7's due day lies in the next year). */
  readonly year: number;
  readonly policy: Policy;
  /** The configured last day, `yyyy-mm-dd`. */
  readonly statutory: IsoDate;
  /** The last day after the policy is applied (and after any extension), `yyyy-mm-dd`. */
  readonly effective: IsoDate;
  /** 24:00 local of the statutory day, as an ISO-8601 UTC instant. */
  readonly statutoryEndsAt: string;
  /** 24:00 local of the effective day, as an ISO-8601 UTC instant: anything strictly before it is on time. */
  readonly effectiveEndsAt: string;
  /** Whether the policy moved the last day (effective ≠ statutory for a reason other than an extension). */
  readonly rolledForward: boolean;
}

/** A reminder before a due date: `D-14`, …, `D-0`. */
export interface DeadlineReminder {
  readonly kind: 'deadline';
  /** Stable identifier within the obligation, `D-<offsetDays>`: part of the notification idempotency key. */
  readonly id: string;
  /** Days before the effective day (calendar or working days, per `reminderDays`). */
  readonly offsetDays: number;
  readonly date: IsoDate;
  /** The instant to send it, ISO-8601 UTC. */
  readonly at: string;
}

/** A periodic progress reminder for O4 (implementation through the year). */
export interface ProgressReminder {
  readonly kind: 'progress';
  /** Stable identifier within the year, `P<sequence>`. */
  readonly id: string;
  /** 1-based position in the year's progress reminders. */
  readonly sequence: number;
  readonly date: IsoDate;
  /** The instant to send it, ISO-8601 UTC. */
  readonly at: string;
}

/** Any reminder of an obligation's schedule. */
export type Reminder = DeadlineReminder | ProgressReminder;

/** An escalation after a missed due date. */
export interface Escalation {
  readonly level: EscalationLevel;
  /** Stable identifier within the obligation, `E<level>`. */
  readonly id: string;
  /** Days after the effective day (calendar or working days, per `escalationDays`). */
  readonly offsetDays: number;
  readonly date: IsoDate;
  /** The instant it fires if the obligation is still open, ISO-8601 UTC. */
  readonly at: string;
}

/** An obligation's due date with every reminder and escalation, each list sorted by time. */
export interface ObligationSchedule extends DueDate {
  readonly reminders: readonly Reminder[];
  readonly escalations: readonly Escalation[];
  /** Set when the schedule was moved by an extension: the effective day before the (latest) extension. */
  readonly extendedFrom?: IsoDate;
  /** Set when the schedule was moved by an extension: the last day the administrator granted. */
  readonly extendedTo?: IsoDate;
}

/** The whole year: every obligation's schedule and the progress reminders. */
export interface YearSchedule {
  readonly year: number;
  readonly policy: Policy;
  readonly obligations: readonly ObligationSchedule[];
  readonly progressReminders: readonly ProgressReminder[];
}

function iso(instant: Date): string {
  return instant.toISOString();
}

function applyPolicy(date: IsoDate, policy: Policy, calendar: WorkingCalendar): IsoDate {
  return policy === 'roll-forward' ? calendar.workingDayOnOrAfter(date) : date;
}

function shift(date: IsoDate, days: number, count: DayCount, calendar: WorkingCalendar): IsoDate {
  return count === 'working' ? calendar.addWorkingDays(date, days) : addDays(date, days);
}

/** The statutory due day of an obligation in a cycle year, before any policy. */
function statutoryDueDate(year: number, obligation: ObligationId, settings: YearCalendarSettings): IsoDate {
  const monthDay =
    obligation === 'O4' ? (settings.dueDates.O4 ?? settings.dueDates.O5) : settings.dueDates[obligation];
  const inNextYear = isDueInNextYear(
    settings,
    obligation === 'O4' && settings.dueDates.O4 === null ? 'O5' : obligation,
  );
  return monthDayInYear(inNextYear ? year + 1 : year, monthDay);
}

/** The statutory and effective due date of one obligation in a cycle year. */
export function dueDate(
  year: number,
  obligation: ObligationId,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): DueDate {
  const statutory = statutoryDueDate(year, obligation, settings);
  const effective = applyPolicy(statutory, settings.policy, calendar);
  return {
    obligation,
    year,
    policy: settings.policy,
    statutory,
    effective,
    statutoryEndsAt: iso(endOfLocalDay(statutory)),
    effectiveEndsAt: iso(endOfLocalDay(effective)),
    rolledForward: effective !== statutory,
  };
}

/** The deadline reminders before an effective due day, earliest first. */
function deadlineReminders(
  effective: IsoDate,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): DeadlineReminder[] {
  return settings.reminderOffsets
    .map((offsetDays): DeadlineReminder => {
      const date = shift(effective, -offsetDays, settings.reminderDays, calendar);
      return {
        kind: 'deadline',
        id: `D-${offsetDays}`,
        offsetDays,
        date,
        at: iso(atLocalTime(date, settings.reminderTime)),
      };
    })
    .sort(byInstant);
}

/** The escalations after an effective due day, level 1 first. */
export function escalations(
  effective: IsoDate,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): Escalation[] {
  return ESCALATION_LEVELS.map((level): Escalation => {
    const offsetDays = settings.escalationOffsets[level];
    const date = shift(effective, offsetDays, settings.escalationDays, calendar);
    return { level, id: `E${level}`, offsetDays, date, at: iso(atLocalTime(date, settings.escalationTime)) };
  });
}

/** The year's progress reminders for O4, in date order. */
export function progressReminders(
  year: number,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): ProgressReminder[] {
  const time: LocalTime = settings.progressReminderTime;
  return settings.progressReminderDates
    .map((monthDay) => {
      const day = monthDayInYear(year, monthDay);
      return settings.progressReminderOnWorkingDay ? calendar.workingDayOnOrAfter(day) : day;
    })
    .sort()
    .map(
      (date, index): ProgressReminder => ({
        kind: 'progress',
        id: `P${index + 1}`,
        sequence: index + 1,
        date,
        at: iso(atLocalTime(date, time)),
      }),
    );
}

function scheduleFor(
  due: DueDate,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): Pick<ObligationSchedule, 'reminders' | 'escalations'> {
  if (due.obligation === 'O4') {
    return { reminders: progressReminders(due.year, settings, calendar), escalations: [] };
  }
  return {
    reminders: deadlineReminders(due.effective, settings, calendar),
    escalations: escalations(due.effective, settings, calendar),
  };
}

/** One obligation's due date with its reminders and escalations. */
export function obligationSchedule(
  year: number,
  obligation: ObligationId,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): ObligationSchedule {
  const due = dueDate(year, obligation, settings, calendar);
  return { ...due, ...scheduleFor(due, settings, calendar) };
}

/** Every obligation's schedule in a cycle year, O1 to O7, and the year's progress reminders. */
export function yearSchedule(
  year: number,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): YearSchedule {
  return {
    year,
    policy: settings.policy,
    obligations: OBLIGATIONS.map((obligation) => obligationSchedule(year, obligation, settings, calendar)),
    progressReminders: progressReminders(year, settings, calendar),
  };
}

/**
 * The schedule after an administrator extends the deadline to `newLastDay`: the year's policy applies to the new
 * day too (under `roll-forward` a weekend or holiday moves it to the next working day), and the reminders and
 * escalations are recomputed from the new effective day, so the workflow can replace every pending timer. The
 * statutory day stays; `rolledForward` then tells whether the policy moved `newLastDay`. O4's progress
 * reminders do not move. Throws `RangeError` if `newLastDay` is before the current effective day.
 */
export function extendedSchedule(
  schedule: ObligationSchedule,
  newLastDay: IsoDate,
  settings: YearCalendarSettings,
  calendar: WorkingCalendar,
): ObligationSchedule {
  if (newLastDay < schedule.effective) {
    throw new RangeError(
      `An extension cannot end before the current last day ${schedule.effective}: ${newLastDay}`,
    );
  }
  const effective = applyPolicy(newLastDay, settings.policy, calendar);
  const due: DueDate = {
    obligation: schedule.obligation,
    year: schedule.year,
    policy: settings.policy,
    statutory: schedule.statutory,
    effective,
    statutoryEndsAt: schedule.statutoryEndsAt,
    effectiveEndsAt: iso(endOfLocalDay(effective)),
    rolledForward: effective !== newLastDay,
  };
  const moved =
    schedule.obligation === 'O4'
      ? { reminders: schedule.reminders, escalations: schedule.escalations }
      : scheduleFor(due, settings, calendar);
  return { ...due, ...moved, extendedFrom: schedule.effective, extendedTo: newLastDay };
}

/** Every reminder and escalation of a schedule that is due strictly after `now`, for a cycle started late. */
export function pendingAfter(
  schedule: ObligationSchedule,
  now: Date,
): Pick<ObligationSchedule, 'reminders' | 'escalations'> {
  const cutoff = now.toISOString();
  return {
    reminders: schedule.reminders.filter((r) => r.at > cutoff),
    escalations: schedule.escalations.filter((e) => e.at > cutoff),
  };
}

function byInstant(a: { at: string }, b: { at: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0;
}
