/**
 * What the dashboard's reads share: the scope as SQL (raw queries) next to `services/access.ts`'s Prisma filters,
 * the rating scales of years, and the forms dates and levels are handed to the view in.
 */
import { dayEndingAt } from '../../domain/calendar/time';
import type { Scope } from '../../domain/access';
import { findLevel, type LevelRef } from '../../domain/evaluation';
import { evaluationOverridesOf, resolveEvaluationSettings } from '../../domain/evaluation/settings';
import { Prisma, type PrismaClient } from '../../generated/prisma';

/** A rating level as the view shows it: its id and both labels (the id twice when the scale does not know it). */
export interface LevelView {
  readonly id: string;
  readonly vi: string;
  readonly en: string;
}

/** A unit as lists name it. */
export interface UnitRef {
  readonly code: string;
  readonly name: string;
}

/**
 * The scope as an SQL condition on the pair aliased `p`: the raw-SQL twin of `pairWhere` (services/access.ts),
 * for the queries Prisma cannot express. An officer without units sees nothing.
 */
export function scopeSql(scope: Scope): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`TRUE`;
  if (scope.unitIds.length === 0) return Prisma.sql`FALSE`;
  const column = scope.side === 'sponsor' ? Prisma.raw('p."sponsorId"') : Prisma.raw('p."recipientId"');
  return Prisma.sql`${column} = ANY(${[...scope.unitIds]}::text[])`;
}

/** The level of `id` in `levels`, or the bare id when the scale does not know it; null stays null. */
export function levelView(levels: readonly LevelRef[], id: string | null | undefined): LevelView | null {
  if (id === null || id === undefined) return null;
  // Stored ratings are level IDs: the exact look-up finds them without findLevel's normalising of every label
  // (four ratings on each of a page's rows).
  const level = levels.find((l) => l.id === id) ?? findLevel({ levels }, id);
  return level ? { id: level.id, vi: level.vi, en: level.en } : { id, vi: id, en: id };
}

/**
 * The rating levels of each year asked for, in one query. A year whose settings do not parse gets no levels (its
 * ratings are then shown by id): a broken setting must not hide the dashboard.
 */
export async function ratingLevelsByYear(
  prisma: Pick<PrismaClient, 'yearSettings'>,
  years: readonly number[],
): Promise<ReadonlyMap<number, readonly LevelRef[]>> {
  const unique = [...new Set(years)];
  const result = new Map<number, readonly LevelRef[]>();
  if (unique.length === 0) return result;
  const rows = await prisma.yearSettings.findMany({ where: { year: { in: unique } } });
  for (const year of unique) {
    const row = rows.find((r) => r.year === year);
    result.set(year, levelsOfSettings(row?.settings ?? {}));
  }
  return result;
}

/** Scales already resolved, by their settings' JSON text: most requests of a busy list ask for the same one. */
const resolvedScales = new Map<string, readonly LevelRef[]>();
const RESOLVED_SCALES_KEPT = 64;

/**
 * The rating levels of a year's stored settings. Resolving validates the whole evaluation settings (a few ms of
 * CPU, on every list request), so the result is kept by the settings' text: a changed setting is a new key, and
 * nothing stale can be served.
 */
export function levelsOfSettings(settings: unknown): readonly LevelRef[] {
  const overrides = evaluationOverridesOf(settings);
  const key = JSON.stringify(overrides);
  const kept = resolvedScales.get(key);
  if (kept) return kept;
  let levels: readonly LevelRef[];
  try {
    levels = resolveEvaluationSettings(overrides).rating.levels;
  } catch {
    levels = [];
  }
  if (resolvedScales.size >= RESOLVED_SCALES_KEPT) resolvedScales.clear();
  resolvedScales.set(key, levels);
  return levels;
}

/** An instant as an ISO string, or null. */
export function iso(value: Date | null | undefined): string | null {
  return value ? value.toISOString() : null;
}

/** The due day (yyyy-mm-dd, local) whose end is the stored deadline instant. */
export function dueDay(deadline: Date): string {
  return dayEndingAt(deadline);
}
