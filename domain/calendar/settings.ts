/**
 * Per-year calendar settings: due dates, the roll-forward policy, reminder and escalation offsets and times,
 * progress reminders. Stored as JSON in `YearSettings.settings` (overrides only); defaults come from here.
 */
import { z } from 'zod';
import { lazily } from '../lazy';
import { OBLIGATIONS, type ObligationId } from './obligations';
import { daysInMonth, isLocalTime, localDate, type IsoDate } from './time';

/**
 * `roll-forward` (default): a last day on a weekend or holiday moves to the end of the next working day
 * (Civil Code 2015, Art. 148); `fixed`: the named day is the last day whatever it is.
 */
export const POLICIES = ['roll-forward', 'fixed'] as const;

/** A deadline policy; see {@link POLICIES}. */
export type Policy = (typeof POLICIES)[number];

/** How day offsets are counted: every calendar day, or working days only. */
const DAY_COUNTS = ['calendar', 'working'] as const;

/** A way of counting day offsets; see {@link DAY_COUNTS}. */
export type DayCount = (typeof DAY_COUNTS)[number];

const MONTH_DAY = /^(\d{2})-(\d{2})$/;

/** Whether a string is a month and day `MM-DD` that exists in a leap year (so `02-29` is accepted). */
function isMonthDay(value: string): boolean {
  const match = MONTH_DAY.exec(value);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/** The calendar day `MM-DD` in `year`; `02-29` in a common year is 28 February. */
export function monthDayInYear(year: number, monthDay: string): IsoDate {
  if (!isMonthDay(monthDay)) throw new RangeError(`Not a month and day (MM-DD): ${JSON.stringify(monthDay)}`);
  const month = Number(monthDay.slice(0, 2));
  const day = Number(monthDay.slice(3, 5));
  return localDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/**
 * The zod schemas of a year's complete settings (`full`) and of the overrides stored per year (`overrides`),
 * built on first use (`domain/lazy.ts`).
 */
export const calendarSettingsSchemas = lazily(() => {
  const MonthDay = z.string().refine(isMonthDay, { message: 'expected a month and day MM-DD' });
  const LocalTimeOfDay = z
    .string()
    .refine((value) => isLocalTime(value) && value !== '24:00', { message: 'expected a local time HH:MM' });
  const DayOffset = z.number().int().min(0).max(366);
  const EscalationOffset = z.number().int().min(1).max(366);

  const DueDates = z.object({
    O1: MonthDay,
    O2: MonthDay,
    O3: MonthDay,
    /** `null`: O4 is due with O5 (the progress record closes with the sponsor's year-end report). */
    O4: MonthDay.nullable(),
    O5: MonthDay,
    O6: MonthDay,
    O7: MonthDay,
  });

  const EscalationOffsets = z.object({ 1: EscalationOffset, 2: EscalationOffset });

  /** A year's complete calendar settings. */
  const full = z
    .object({
      policy: z.enum(POLICIES),
      /** Statutory due day of each obligation, `MM-DD`, in the cycle's year unless listed in `dueInNextYear`. */
      dueDates: DueDates,
      /** Obligations whose due day falls in the year after the cycle's year (default: O7). */
      dueInNextYear: z.array(z.enum(OBLIGATIONS)),
      /** Reminder offsets in days before the effective due date; 0 is the due day itself. */
      reminderOffsets: z.array(DayOffset).min(1),
      reminderTime: LocalTimeOfDay,
      reminderDays: z.enum(DAY_COUNTS),
      /** Escalation offsets in days after the effective due date, per level. */
      escalationOffsets: EscalationOffsets,
      escalationTime: LocalTimeOfDay,
      escalationDays: z.enum(DAY_COUNTS),
      /** Days (`MM-DD`, cycle's year) of the quarterly progress reminders for O4. */
      progressReminderDates: z.array(MonthDay),
      progressReminderTime: LocalTimeOfDay,
      /** Move a progress reminder on a non-working day to the next working day. */
      progressReminderOnWorkingDay: z.boolean(),
    })
    .strict()
    .refine((s) => s.escalationOffsets[2] >= s.escalationOffsets[1], {
      message: 'escalation level 2 must not come before level 1',
      path: ['escalationOffsets', '2'],
    });

  /** The overrides stored per year: every key optional, nested objects partial too. */
  const overrides = z
    .object({
      policy: z.enum(POLICIES),
      dueDates: DueDates.partial(),
      dueInNextYear: z.array(z.enum(OBLIGATIONS)),
      reminderOffsets: z.array(DayOffset).min(1),
      reminderTime: LocalTimeOfDay,
      reminderDays: z.enum(DAY_COUNTS),
      escalationOffsets: EscalationOffsets.partial(),
      escalationTime: LocalTimeOfDay,
      escalationDays: z.enum(DAY_COUNTS),
      progressReminderDates: z.array(MonthDay),
      progressReminderTime: LocalTimeOfDay,
      progressReminderOnWorkingDay: z.boolean(),
    })
    .partial()
    .strict();
  return { full, overrides };
});

/** A year's complete calendar settings. */
export type YearCalendarSettings = z.infer<ReturnType<typeof calendarSettingsSchemas>['full']>;

/** Overrides of a year's calendar settings, as stored in `YearSettings.settings`. */
export type YearCalendarSettingsOverrides = z.input<ReturnType<typeof calendarSettingsSchemas>['overrides']>;

/** The default settings of every year (see docs/calendar.md). */
export const DEFAULT_CALENDAR_SETTINGS: YearCalendarSettings = Object.freeze({
  policy: 'roll-forward',
  dueDates: { O1: '02-28', O2: '02-28', O3: '03-31', O4: null, O5: '12-15', O6: '12-15', O7: '01-15' },
  dueInNextYear: ['O7'],
  reminderOffsets: [14, 7, 3, 1, 0],
  reminderTime: '08:00',
  reminderDays: 'calendar',
  escalationOffsets: { 1: 1, 2: 7 },
  escalationTime: '08:00',
  escalationDays: 'calendar',
  progressReminderDates: ['04-01', '07-01', '10-01'],
  progressReminderTime: '08:00',
  progressReminderOnWorkingDay: true,
}) as YearCalendarSettings;

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The settings of `year`: the defaults with `overrides` (validated, e.g. the JSON of `YearSettings.settings`)
 * laid over them; nested `dueDates` and `escalationOffsets` merge key by key. Reminder offsets come back sorted
 * from the earliest reminder (largest offset) to the due day, without duplicates. Throws `z.ZodError` on
 * invalid overrides and `RangeError` on an invalid year.
 */
export function resolveSettings(year: number, overrides: unknown = {}): YearCalendarSettings {
  if (!Number.isInteger(year) || year < 1900 || year > 9998)
    throw new RangeError(`Not a cycle year: ${year}`);
  // No overrides (the usual case): the defaults, valid by construction, without building the schemas in the
  // workflow that asks (test/domain/calendar/settings.test.ts checks that the defaults pass them).
  if (isEmpty(overrides)) return normalised(structuredCloneSettings(DEFAULT_CALENDAR_SETTINGS));
  const schemas = calendarSettingsSchemas();
  const parsed = schemas.overrides.parse(overrides ?? {});
  const given = definedOnly(parsed);
  const defaults = DEFAULT_CALENDAR_SETTINGS;
  const merged = {
    ...structuredCloneSettings(defaults),
    ...given,
    dueDates: { ...defaults.dueDates, ...definedOnly(parsed.dueDates ?? {}) },
    escalationOffsets: { ...defaults.escalationOffsets, ...definedOnly(parsed.escalationOffsets ?? {}) },
  };
  return normalised(schemas.full.parse(merged));
}

function isEmpty(overrides: unknown): boolean {
  return (
    overrides === undefined ||
    overrides === null ||
    (typeof overrides === 'object' && !Array.isArray(overrides) && Object.keys(overrides).length === 0)
  );
}

/** Reminder offsets from the earliest reminder to the due day, lists without duplicates. */
function normalised(settings: YearCalendarSettings): YearCalendarSettings {
  return {
    ...settings,
    reminderOffsets: [...new Set(settings.reminderOffsets)].sort((a, b) => b - a),
    dueInNextYear: [...new Set(settings.dueInNextYear)],
    progressReminderDates: [...new Set(settings.progressReminderDates)].sort(),
  };
}

/** The obligations due in the year after the cycle's year under these settings. */
export function isDueInNextYear(settings: YearCalendarSettings, obligation: ObligationId): boolean {
  return settings.dueInNextYear.includes(obligation);
}

// A deep copy without structuredClone (not guaranteed in the workflow sandbox): the settings are plain JSON.
function structuredCloneSettings(settings: YearCalendarSettings): YearCalendarSettings {
  return JSON.parse(JSON.stringify(settings)) as YearCalendarSettings;
}
