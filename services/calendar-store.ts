/**
 * Reads and writes the calendar's database tables (`CalendarDay`, `YearSettings`) and turns them into the pure
 * calendar's inputs. Years without any `CalendarDay` row fall back to the built-in seed.
 */
import { plainSqlOf, type RawQueryClient } from '../db/plain-sql';
import { Prisma, type CalendarDay, type PrismaClient, type YearSettings } from '../generated/prisma';
import { seedCalendarDays } from '../domain/calendar/holidays-seed';
import { resolveSettings, type YearCalendarSettings } from '../domain/calendar/settings';
import { fromDbDate, toDbDate, type IsoDate } from '../domain/calendar/time';
import { WorkingCalendar, type CalendarDayEntry } from '../domain/calendar/working-days';

/** Where a year's calendar days came from. */
export type CalendarSource = 'database' | 'seed' | 'none';

/** Calendar days of some years, with the source of each year. */
export interface LoadedCalendarDays {
  readonly entries: CalendarDayEntry[];
  readonly sources: Readonly<Record<number, CalendarSource>>;
}

/** Everything the pure calendar needs for one cycle year. */
export interface LoadedYearCalendar {
  readonly year: number;
  readonly settings: YearCalendarSettings;
  /** The working calendar over the cycle's year and the next (O7 and roll-forwards cross the year end). */
  readonly calendar: WorkingCalendar;
  readonly sources: Readonly<Record<number, CalendarSource>>;
  /** Whether a `YearSettings` row exists for the year. */
  readonly hasStoredSettings: boolean;
}

type Db = Pick<PrismaClient, 'calendarDay' | 'yearSettings' | '$transaction'>;

/** The calendar days of `years`: the database rows, or the seed for a year with no row at all. */
export async function loadCalendarDays(
  prisma: RawQueryClient,
  years: readonly number[],
): Promise<LoadedCalendarDays> {
  // Plain statements (db/plain-sql.ts): every message a reminder sends reads its year's calendar.
  const rows = await plainSqlOf(prisma).rows<Pick<CalendarDay, 'date' | 'year' | 'kind' | 'name'>>(Prisma.sql`
    SELECT date, year, kind::text AS kind, name FROM "CalendarDay"
    WHERE year IN (${Prisma.join([...years])}) ORDER BY date`);
  const entries: CalendarDayEntry[] = [];
  const sources: Record<number, CalendarSource> = {};
  for (const year of years) {
    const stored = rows.filter((row) => row.year === year);
    if (stored.length > 0) {
      sources[year] = 'database';
      entries.push(...stored.map((row) => ({ date: fromDbDate(row.date), kind: row.kind, name: row.name })));
    } else {
      const seeded = seedCalendarDays(year);
      sources[year] = seeded.length > 0 ? 'seed' : 'none';
      entries.push(...seeded);
    }
  }
  return { entries, sources };
}

/**
 * The settings overrides stored for `year` (`YearSettings.settings` with the `policy` column laid over it), or
 * `{}` when the year has no row.
 */
export async function loadSettingsOverrides(
  prisma: RawQueryClient,
  year: number,
): Promise<{ overrides: Record<string, unknown>; stored: boolean }> {
  const [row] = await plainSqlOf(prisma).rows<Pick<YearSettings, 'policy' | 'settings'>>(
    Prisma.sql`SELECT policy, settings FROM "YearSettings" WHERE year = ${year}`,
  );
  if (!row) return { overrides: {}, stored: false };
  const json = row.settings;
  const base =
    json !== null && typeof json === 'object' && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : {};
  // The evaluation settings (targets, rating scale) share the row under their own key; they are not calendar keys.
  const { evaluation: _evaluation, ...calendar } = base;
  return { overrides: { ...calendar, policy: row.policy }, stored: true };
}

/**
 * Loads the settings and the working calendar of a cycle year; `overrides` (e.g. a `--policy` option) win over
 * the stored settings. Throws `z.ZodError` if the stored or given settings are invalid.
 */
export async function loadYearCalendar(
  prisma: RawQueryClient,
  year: number,
  overrides: Record<string, unknown> = {},
): Promise<LoadedYearCalendar> {
  const [days, stored] = await Promise.all([
    loadCalendarDays(prisma, [year, year + 1]),
    loadSettingsOverrides(prisma, year),
  ]);
  const settings = resolveSettings(year, { ...stored.overrides, ...overrides });
  return {
    year,
    settings,
    calendar: WorkingCalendar.fromEntries(days.entries),
    sources: days.sources,
    hasStoredSettings: stored.stored,
  };
}

/**
 * Adds or replaces the calendar day `entry.date`, with an audit event. When the year had no rows yet (it was
 * served from the seed), the seed of that year is written first, so adding one day does not hide the others.
 */
export async function upsertCalendarDay(
  prisma: Db & Pick<PrismaClient, 'auditEvent'>,
  entry: CalendarDayEntry,
  actor: string,
): Promise<void> {
  await prisma.$transaction((tx) => writeCalendarDay(tx, entry, actor));
}

/**
 * Removes the calendar day `date`, with an audit event; resolves `false` if there was none. A year still served
 * from the seed is written to the database first, so the removal sticks.
 */
export async function removeCalendarDay(
  prisma: Db & Pick<PrismaClient, 'auditEvent'>,
  date: IsoDate,
  actor: string,
): Promise<boolean> {
  return prisma.$transaction((tx) => deleteCalendarDay(tx, date, actor));
}

/** {@link upsertCalendarDay} inside the caller's transaction (a change of several days stays one change). */
export async function writeCalendarDay(
  tx: Prisma.TransactionClient,
  entry: CalendarDayEntry,
  actor: string,
): Promise<void> {
  const year = Number(entry.date.slice(0, 4));
  await materialiseSeedYear(tx, year);
  const before = await tx.calendarDay.findUnique({ where: { date: toDbDate(entry.date) } });
  const data = { date: toDbDate(entry.date), year, kind: entry.kind, name: entry.name };
  await tx.calendarDay.upsert({ where: { date: data.date }, create: data, update: data });
  await tx.auditEvent.create({
    data: {
      actor,
      action: before ? 'calendar.day.update' : 'calendar.day.add',
      entityType: 'CalendarDay',
      entityId: entry.date,
      before: before ? { kind: before.kind, name: before.name } : undefined,
      after: { kind: entry.kind, name: entry.name },
    },
  });
}

/** {@link removeCalendarDay} inside the caller's transaction. */
export async function deleteCalendarDay(
  tx: Prisma.TransactionClient,
  date: IsoDate,
  actor: string,
): Promise<boolean> {
  const year = Number(date.slice(0, 4));
  await materialiseSeedYear(tx, year);
  const before = await tx.calendarDay.findUnique({ where: { date: toDbDate(date) } });
  if (!before) return false;
  await tx.calendarDay.delete({ where: { date: toDbDate(date) } });
  await tx.auditEvent.create({
    data: {
      actor,
      action: 'calendar.day.remove',
      entityType: 'CalendarDay',
      entityId: date,
      before: { kind: before.kind, name: before.name },
    },
  });
  return true;
}

/** Writes the seed into `CalendarDay` for every seeded year that has no row yet; returns the rows written. */
export async function seedCalendarTable(prisma: Pick<PrismaClient, 'calendarDay'>): Promise<number> {
  const present = await prisma.calendarDay.groupBy({ by: ['year'] });
  const skip = new Set(present.map((row) => row.year));
  const rows = seedCalendarDays()
    .filter((entry) => !skip.has(Number(entry.date.slice(0, 4))))
    .map((entry) => ({
      date: toDbDate(entry.date),
      year: Number(entry.date.slice(0, 4)),
      kind: entry.kind,
      name: entry.name,
    }));
  if (rows.length === 0) return 0;
  const result = await prisma.calendarDay.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

async function materialiseSeedYear(tx: Prisma.TransactionClient, year: number): Promise<void> {
  const count = await tx.calendarDay.count({ where: { year } });
  if (count > 0) return;
  const rows = seedCalendarDays(year).map((entry) => ({
    date: toDbDate(entry.date),
    year,
    kind: entry.kind,
    name: entry.name,
  }));
  if (rows.length > 0) await tx.calendarDay.createMany({ data: rows, skipDuplicates: true });
}
