/**
 * Changes of the holiday table as an administrator asks for them (add a day, remove one, change one), checked
 * and applied to a year's entries, and the due dates such a change moves. Pure: the web page, its API and
 * `twinning calendar holidays add` check days with the same rules and the same messages. Not exported from
 * `./index` (that is the workflows' calendar; they never change the table).
 */
import { CYCLE_YEARS, isCycleYear } from '../cycle/years';
import type { Message } from '../messages';
import { dueDate, OBLIGATIONS, type ObligationId } from './deadlines';
import type { YearCalendarSettings } from './settings';
import { isWeekend, type IsoDate } from './time';
import { isDayKind, type CalendarDayEntry, type WorkingCalendar } from './working-days';
import { formatDate, parseUserDate } from '../format';

/** The longest name of a calendar day. */
export const MAX_DAY_NAME_LENGTH = 200;

/** The actions on the table. */
export const CALENDAR_ACTIONS = ['add', 'remove', 'change'] as const;

/** A change of the holiday table. `change` may give the day another date (it is then moved). */
export type CalendarChange =
  | { readonly action: 'add'; readonly entry: CalendarDayEntry }
  | { readonly action: 'remove'; readonly date: IsoDate }
  | { readonly action: 'change'; readonly date: IsoDate; readonly entry: CalendarDayEntry };

/** A change as typed in a form or sent as JSON: every value a string, dates `dd/mm/yyyy` or `yyyy-mm-dd`. */
export interface CalendarChangeInput {
  readonly action?: string;
  /** The day added, or the day removed or changed. */
  readonly date?: string;
  /** For `change`: the day's new date (empty: the same day). */
  readonly newDate?: string;
  readonly name?: string;
  readonly kind?: string;
}

/** A problem of a change, by the field it is about (`_form` for the change as a whole). */
export interface CalendarProblem {
  readonly field: 'action' | 'date' | 'newDate' | 'name' | 'kind' | '_form';
  readonly message: Message;
}

/**
 * Whether a day may be in the table: a swapped working day is a Saturday or Sunday, a compensatory or swapped
 * day off a weekday (a holiday may fall on any day).
 */
export function checkCalendarDay(entry: CalendarDayEntry): Message | undefined {
  if (entry.kind === 'WORKING_DAY' && !isWeekend(entry.date))
    return { key: 'calendar.workingDayNotWeekend', params: { date: formatDate(entry.date) } };
  if (entry.kind === 'DAY_OFF' && isWeekend(entry.date))
    return { key: 'calendar.dayOffOnWeekend', params: { date: formatDate(entry.date) } };
  return undefined;
}

function dayIn(
  field: 'date' | 'newDate',
  text: string,
  year: number,
  problems: CalendarProblem[],
): IsoDate | undefined {
  const date = parseUserDate(text);
  if (!date) {
    problems.push({
      field,
      message:
        text.trim() === ''
          ? { key: 'page.calendar.dateRequired' }
          : { key: 'calendar.invalidDate', params: { value: text.trim() } },
    });
    return undefined;
  }
  if (Number(date.slice(0, 4)) !== year) {
    problems.push({
      field,
      message: { key: 'page.calendar.otherYear', params: { date: formatDate(date), year } },
    });
    return undefined;
  }
  return date;
}

/**
 * Reads a change of the table of `year` from its fields: every problem at once (a date that does not exist or
 * lies in another year, a missing or over-long name, an unknown kind, a kind the weekday does not allow).
 * Whether the day is already in the table is {@link applyCalendarChange}'s to say.
 */
export function parseCalendarChange(
  input: CalendarChangeInput,
  year: number,
):
  | { readonly ok: true; readonly change: CalendarChange }
  | { readonly ok: false; readonly problems: readonly CalendarProblem[] } {
  const problems: CalendarProblem[] = [];
  if (!isCycleYear(year))
    return {
      ok: false,
      problems: [
        { field: '_form', message: { key: 'invalid.year', params: { value: year, ...CYCLE_YEARS } } },
      ],
    };
  const action = (input.action ?? '').trim();
  if (!(CALENDAR_ACTIONS as readonly string[]).includes(action))
    return {
      ok: false,
      problems: [{ field: 'action', message: { key: 'page.calendar.action', params: { value: action } } }],
    };
  const date = dayIn('date', input.date ?? '', year, problems);
  if (action === 'remove')
    return date && problems.length === 0 ? { ok: true, change: { action, date } } : { ok: false, problems };
  const newDateText = action === 'change' ? (input.newDate ?? '').trim() : '';
  const target = newDateText === '' ? date : dayIn('newDate', newDateText, year, problems);
  const name = (input.name ?? '').trim();
  if (name === '') problems.push({ field: 'name', message: { key: 'page.calendar.nameRequired' } });
  else if ([...name].length > MAX_DAY_NAME_LENGTH)
    problems.push({
      field: 'name',
      message: {
        key: 'page.calendar.nameTooLong',
        params: { length: [...name].length, max: MAX_DAY_NAME_LENGTH },
      },
    });
  const kind = (input.kind ?? '').trim();
  if (!isDayKind(kind))
    problems.push({ field: 'kind', message: { key: 'calendar.invalidKind', params: { value: kind } } });
  if (!date || !target || problems.length > 0) return { ok: false, problems };
  const entry: CalendarDayEntry = {
    date: target,
    kind: kind as CalendarDayEntry['kind'],
    name: name.normalize('NFC'),
  };
  const wrongDay = checkCalendarDay(entry);
  if (wrongDay) return { ok: false, problems: [{ field: 'kind', message: wrongDay }] };
  return { ok: true, change: action === 'add' ? { action, entry } : { action: 'change', date, entry } };
}

/** A change applied to the entries of its year: the entries after it, and the day it replaces or removes. */
export type AppliedChange =
  | {
      readonly ok: true;
      readonly entries: readonly CalendarDayEntry[];
      readonly before: CalendarDayEntry | undefined;
      readonly after: CalendarDayEntry | undefined;
    }
  | { readonly ok: false; readonly message: Message };

/**
 * Applies a change to a year's entries: adding a day already in the table is refused (change it instead), so
 * is removing or changing one that is not, moving a day onto another, or a change that changes nothing.
 */
export function applyCalendarChange(
  entries: readonly CalendarDayEntry[],
  change: CalendarChange,
): AppliedChange {
  const byDate = new Map(entries.map((e) => [e.date, e]));
  const sorted = (list: Iterable<CalendarDayEntry>) =>
    [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const duplicate = (existing: CalendarDayEntry): AppliedChange => ({
    ok: false,
    message: {
      key: 'page.calendar.duplicate',
      params: { date: formatDate(existing.date), name: existing.name },
    },
  });
  if (change.action === 'add') {
    const existing = byDate.get(change.entry.date);
    if (existing) return duplicate(existing);
    byDate.set(change.entry.date, change.entry);
    return { ok: true, entries: sorted(byDate.values()), before: undefined, after: change.entry };
  }
  const before = byDate.get(change.date);
  if (!before)
    return {
      ok: false,
      message: { key: 'calendar.holidays.notFound', params: { date: formatDate(change.date) } },
    };
  byDate.delete(change.date);
  if (change.action === 'remove')
    return { ok: true, entries: sorted(byDate.values()), before, after: undefined };
  const existing = byDate.get(change.entry.date);
  if (existing) return duplicate(existing);
  if (
    change.entry.date === before.date &&
    change.entry.kind === before.kind &&
    change.entry.name === before.name
  )
    return {
      ok: false,
      message: { key: 'page.calendar.unchanged', params: { date: formatDate(before.date) } },
    };
  byDate.set(change.entry.date, change.entry);
  return { ok: true, entries: sorted(byDate.values()), before, after: change.entry };
}

/** One obligation of a cycle year whose effective due day a change of the table moves. */
export interface DueMove {
  readonly cycleYear: number;
  readonly obligation: ObligationId;
  readonly statutory: IsoDate;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The obligations of a cycle year whose effective due day differs between two working calendars. */
export function dueMoves(
  cycleYear: number,
  settings: YearCalendarSettings,
  before: WorkingCalendar,
  after: WorkingCalendar,
): DueMove[] {
  return OBLIGATIONS.flatMap((obligation) => {
    const from = dueDate(cycleYear, obligation, settings, before);
    const to = dueDate(cycleYear, obligation, settings, after);
    return from.effective === to.effective
      ? []
      : [{ cycleYear, obligation, statutory: from.statutory, from: from.effective, to: to.effective }];
  });
}
