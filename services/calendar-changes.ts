/**
 * Changing the holiday table from the web dashboard (`/calendar`, `/api/v1/calendar/…`): the year's days as
 * `twinning calendar holidays list` shows them, and a change (add, remove, change a day) previewed before it is
 * saved: which effective due days it moves, in the year's schedule and in the running cycles. The change is
 * saved as `holidays add|remove` saves it (`services/calendar-store.ts`: the seed of a seed-served year written
 * first, one audit event per day), in one transaction, and only if the table is still the one the preview was
 * made from (its `basis`).
 *
 * Running cycles are not re-timed: a cycle gets the holiday table when it opens (`TwinningCycleInput.calendarDays`)
 * and keeps it, and the CLI tells them nothing either. The preview lists which of their deadlines the change
 * would move so that an administrator can extend them on the pair page; cycles opened after the change (a pair
 * added during the year, the next year's opening) follow the new table.
 */
import { createHash } from 'node:crypto';
import { ZodError } from 'zod';
import { applyCalendarChange, dueMoves, type CalendarChange, type DueMove } from '../domain/calendar/changes';
import { resolveSettings } from '../domain/calendar/settings';
import { dayEndingAt, type IsoDate } from '../domain/calendar/time';
import { WorkingCalendar, type CalendarDayEntry } from '../domain/calendar/working-days';
import type { ObligationId } from '../domain/cycle/types';
import type { Message } from '../domain/messages';
import type { RawQueryClient } from '../db/plain-sql';
import type { Prisma, PrismaClient } from '../generated/prisma';
import {
  deleteCalendarDay,
  loadCalendarDays,
  loadSettingsOverrides,
  writeCalendarDay,
  type CalendarSource,
} from './calendar-store';

/** The advisory lock of a change of the holiday table (two administrators saving at once). */
const CALENDAR_LOCK = 74_112_026;

/** A year's days and where they come from, as `holidays list` shows them. */
export interface CalendarYear {
  readonly year: number;
  readonly source: CalendarSource;
  readonly days: readonly CalendarDayEntry[];
}

/** One pending obligation of a running cycle whose effective due day the change would move. */
export interface CycleMove {
  readonly pairCode: string;
  readonly cycleYear: number;
  readonly obligation: ObligationId;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** What a change would do, shown before it is saved. */
export interface CalendarPreview {
  readonly year: number;
  readonly change: CalendarChange;
  /** The day as it is in the table before the change (`change`, `remove`), and as it will be (`add`, `change`). */
  readonly before: CalendarDayEntry | undefined;
  readonly after: CalendarDayEntry | undefined;
  /** The SHA-256 of the table the preview was made from; the save is refused once it differs. */
  readonly basis: string;
  /** The effective due days of the year's schedule (cycle years `year - 1` and `year`) that move. */
  readonly schedule: readonly DueMove[];
  /** The running cycles' pending deadlines on that schedule that would move (they are not re-timed). */
  readonly cycles: readonly CycleMove[];
  /** Pending deadlines of running cycles that are not on the year's schedule (an extension moved them): not judged. */
  readonly offSchedule: number;
}

/** Why a change was refused; nothing was written. */
export interface CalendarRefusal {
  /**
   * `invalid`: a change that changes nothing; `notFound`: the day to remove or change is not in the table;
   * `conflict`: the day to add is already there, the table changed since the preview, or the year's settings
   * are broken.
   */
  readonly kind: 'invalid' | 'notFound' | 'conflict';
  readonly message: Message;
}

/** A preview or a save, or why not. */
export type CalendarResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly refusal: CalendarRefusal };

type Db = Pick<PrismaClient, 'calendarDay' | 'yearSettings' | 'cycle' | '$queryRaw'>;

/** The days of a year: from the database, else the seed, else none (weekends only). */
export async function calendarYear(prisma: RawQueryClient, year: number): Promise<CalendarYear> {
  const { entries, sources } = await loadCalendarDays(prisma, [year]);
  return { year, source: sources[year] ?? 'none', days: entries };
}

function basisOf(
  entries: readonly CalendarDayEntry[],
  sources: Readonly<Record<number, CalendarSource>>,
): string {
  return createHash('sha256').update(JSON.stringify({ entries, sources })).digest('hex');
}

/** The catalogue's message for a year whose stored calendar settings are invalid: each problem as `path: message`. */
export function invalidSettingsMessage(year: number, error: ZodError): Message {
  const problem = error.issues.map((i) => `${i.path.join('.') || '(settings)'}: ${i.message}`).join('; ');
  return { key: 'calendar.invalidSettings', params: { year, problem } };
}

function settingsProblem(year: number, error: ZodError): CalendarRefusal {
  return { kind: 'conflict', message: invalidSettingsMessage(year, error) };
}

/** Computes the preview of `change` on the table of `year` as `db` holds it (a transaction when saving). */
async function previewIn(
  db: Db,
  year: number,
  change: CalendarChange,
): Promise<CalendarResult<CalendarPreview>> {
  const years = [year - 1, year, year + 1];
  const { entries, sources } = await loadCalendarDays(db, years);
  const ofYear = entries.filter((e) => Number(e.date.slice(0, 4)) === year);
  const applied = applyCalendarChange(ofYear, change);
  if (!applied.ok) {
    const key = applied.message.key;
    const kind =
      key === 'calendar.holidays.notFound'
        ? 'notFound'
        : key === 'page.calendar.duplicate'
          ? 'conflict'
          : 'invalid';
    return { ok: false, refusal: { kind, message: applied.message } };
  }
  const others = entries.filter((e) => Number(e.date.slice(0, 4)) !== year);
  const before = WorkingCalendar.fromEntries(entries);
  const after = WorkingCalendar.fromEntries([...others, ...applied.entries]);
  // The change's year holds the deadlines of its own cycles and O7 (January) of the year before's.
  const cycleYears = [year - 1, year];
  const schedule: DueMove[] = [];
  for (const cycleYear of cycleYears) {
    const stored = await loadSettingsOverrides(db, cycleYear);
    let settings;
    try {
      settings = resolveSettings(cycleYear, stored.overrides);
    } catch (error) {
      if (error instanceof ZodError) return { ok: false, refusal: settingsProblem(cycleYear, error) };
      throw error;
    }
    schedule.push(...dueMoves(cycleYear, settings, before, after));
  }
  const running = await db.cycle.findMany({
    where: { year: { in: cycleYears }, phase: { not: 'closed' } },
    select: {
      year: true,
      pair: { select: { code: true } },
      obligations: { where: { status: 'PENDING' }, select: { obligation: true, effectiveDue: true } },
    },
    orderBy: [{ year: 'asc' }, { workflowId: 'asc' }],
  });
  const cycles: CycleMove[] = [];
  let offSchedule = 0;
  for (const cycle of running) {
    for (const o of cycle.obligations) {
      const due = dayEndingAt(o.effectiveDue);
      const move = schedule.find((m) => m.cycleYear === cycle.year && m.obligation === o.obligation);
      if (move && due === move.from)
        cycles.push({
          pairCode: cycle.pair.code,
          cycleYear: cycle.year,
          obligation: o.obligation,
          from: move.from,
          to: move.to,
        });
      else if (move) offSchedule += 1;
    }
  }
  cycles.sort(
    (a, b) =>
      a.cycleYear - b.cycleYear ||
      a.pairCode.localeCompare(b.pairCode) ||
      a.obligation.localeCompare(b.obligation),
  );
  return {
    ok: true,
    value: {
      year,
      change,
      before: applied.before,
      after: applied.after,
      basis: basisOf(entries, sources),
      schedule,
      cycles,
      offSchedule,
    },
  };
}

/** What `change` would do to the table of `year` (nothing is written). */
export function previewCalendarChange(
  prisma: Db,
  year: number,
  change: CalendarChange,
): Promise<CalendarResult<CalendarPreview>> {
  return previewIn(prisma, year, change);
}

/**
 * Saves `change` in one transaction, if the table is still the one of the preview (`basis`); each day written
 * or removed gets its audit event naming `actor`, as `twinning calendar holidays add|remove` writes them.
 * Resolves the preview of what was saved.
 */
export async function saveCalendarChange(
  prisma: PrismaClient,
  year: number,
  change: CalendarChange,
  options: { readonly basis: string; readonly actor: string },
): Promise<CalendarResult<CalendarPreview>> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CALENDAR_LOCK})`);
    const preview = await previewIn(tx, year, change);
    if (!preview.ok) return preview;
    if (preview.value.basis !== options.basis)
      return { ok: false, refusal: { kind: 'conflict', message: { key: 'page.calendar.stale' } } };
    await write(tx, change, options.actor);
    return preview;
  });
}

async function write(tx: Prisma.TransactionClient, change: CalendarChange, actor: string): Promise<void> {
  if (change.action === 'add') return writeCalendarDay(tx, change.entry, actor);
  if (change.action === 'remove') {
    await deleteCalendarDay(tx, change.date, actor);
    return;
  }
  if (change.entry.date !== change.date) await deleteCalendarDay(tx, change.date, actor);
  await writeCalendarDay(tx, change.entry, actor);
}
