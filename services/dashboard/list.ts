/**
 * The dashboard's cycle list: filtered, sorted, paginated, and always within the reader's scope. One raw SQL
 * query for the page and one for the total (run together), because the phase in programme order is not
 * expressible in Prisma's `orderBy`, and because the plan matters at 10,000 cycles: the page's keys are found
 * first, through an index wherever one can give the order, and only the page's rows are then joined to units and
 * ratings. docs/web.md, "Read model for the dashboard", explains each sort's plan and the indexes behind them.
 */
import { plainSqlOf } from '../../db/plain-sql';
import {
  CYCLE_PHASES,
  OBLIGATION_IDS,
  OBLIGATION_STATUS_TO_DB,
  type CyclePhase,
  type ObligationId,
} from '../../domain/cycle/types';
import type { Scope } from '../../domain/access';
import type { CycleListQuery } from '../../domain/dashboard/list-query';
import type { LevelRef } from '../../domain/evaluation';
import { Prisma, type PrismaClient } from '../../generated/prisma';
import {
  dueDay,
  iso,
  levelsOfSettings,
  levelView,
  ratingLevelsByYear,
  scopeSql,
  type LevelView,
  type UnitRef,
} from './shared';

/** The ratings of one unit of the pair for the cycle's year. */
export interface UnitRatings {
  readonly proposed: LevelView | null;
  readonly final: LevelView | null;
}

/** One row of the list, ready to render. */
export interface CycleListRow {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsor: UnitRef;
  readonly recipient: UnitRef;
  readonly phase: CyclePhase;
  /** The obligations the cycle waits for now (pending in the current or an earlier phase). */
  readonly waitingFor: readonly ObligationId[];
  /** ISO instant the current phase began. */
  readonly waitingSince: string | null;
  /** The earliest pending obligation: its id, due day (yyyy-mm-dd) and deadline instant (ISO). */
  readonly nextDeadline: {
    readonly obligation: ObligationId;
    readonly due: string;
    readonly at: string;
  } | null;
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly ratings: { readonly sponsor: UnitRatings; readonly recipient: UnitRatings };
}

/** A page of the list and the number of rows of every page. */
export interface CycleListPage {
  readonly rows: readonly CycleListRow[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  /** Number of pages (at least 1). */
  readonly pages: number;
}

/** The count's answer: the number of matches and, when the query names its year, that year's settings. */
interface CountRow {
  readonly n: number;
  readonly settings?: unknown;
}

interface RawRow {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsorCode: string;
  readonly sponsorName: string;
  readonly recipientCode: string;
  readonly recipientName: string;
  readonly phase: string;
  readonly waitingFor: string | null;
  readonly waitingSince: Date | null;
  readonly nextObligation: string | null;
  readonly nextDue: Date | null;
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly sponsorProposed: string | null;
  readonly sponsorFinal: string | null;
  readonly recipientProposed: string | null;
  readonly recipientFinal: string | null;
}

const { join, sql, raw, empty } = Prisma;

/** Whether the query needs the pair `p` to decide which cycles match. */
function needsPair(scope: Scope, q: CycleListQuery): boolean {
  return (
    scope.kind !== 'all' ||
    q.sponsor !== undefined ||
    q.recipient !== undefined ||
    q.district !== undefined ||
    q.rating !== undefined
  );
}

/**
 * The conditions of the filters and the scope, on the cycle `c` and its pair `p`; `shape` says whether they serve
 * a page (which stops early) or the count (which reads every match).
 */
function conditions(scope: Scope, q: CycleListQuery, shape: 'page' | 'count'): Prisma.Sql {
  const where: Prisma.Sql[] = [scopeSql(scope)];
  if (q.year !== undefined) where.push(sql`c.year = ${q.year}`);
  if (q.phase !== undefined) where.push(sql`c.phase = ${q.phase}`);
  if (q.overdue !== undefined) where.push(sql`c.overdue = ${q.overdue}`);
  if (q.escalation !== undefined) where.push(sql`c."escalationLevel" = ${q.escalation}`);
  // A code is turned into its unit's ID by a sub-select, so the pair's foreign-key index does the rest.
  if (q.sponsor !== undefined)
    where.push(sql`p."sponsorId" = (SELECT u.id FROM "Unit" u WHERE u.code = ${q.sponsor})`);
  if (q.recipient !== undefined)
    where.push(sql`p."recipientId" = (SELECT u.id FROM "Unit" u WHERE u.code = ${q.recipient})`);
  if (q.district !== undefined) {
    where.push(sql`p."recipientId" IN (
      SELECT u.id FROM "Unit" u
      WHERE u.code = ${q.district} OR u."parentId" = (SELECT d.id FROM "Unit" d WHERE d.code = ${q.district}))`);
  }
  if (q.status !== undefined) {
    const status = OBLIGATION_STATUS_TO_DB[q.status];
    const obligation =
      q.obligation !== undefined ? sql`AND f.obligation = ${q.obligation}::"Obligation"` : empty;
    where.push(sql`EXISTS (SELECT 1 FROM "CycleObligation" f
      WHERE f."cycleId" = c.id AND f.status = ${status}::"ObligationStatus" ${obligation})`);
  }
  if (q.rating !== undefined) {
    const match =
      q.ratingStage === 'proposed'
        ? sql`e."proposedRating" = ${q.rating}`
        : q.ratingStage === 'final'
          ? sql`e."finalRating" = ${q.rating}`
          : sql`(e."proposedRating" = ${q.rating} OR e."finalRating" = ${q.rating})`;
    if (shape === 'count') {
      // A count looks at every candidate: uncorrelated sub-selects under an OR become two hashed look-ups of
      // the few matching evaluations instead of one index probe per cycle. With the year known, the look-up is
      // of unit IDs alone, which hashes and compares faster than (year, unit) rows.
      if (q.year !== undefined) {
        const rated = sql`(SELECT e."unitId" FROM "UnitEvaluation" e WHERE e.year = ${q.year} AND ${match})`;
        where.push(sql`(p."sponsorId" IN ${rated} OR p."recipientId" IN ${rated})`);
      } else {
        const rated = sql`(SELECT e.year, e."unitId" FROM "UnitEvaluation" e WHERE ${match})`;
        where.push(sql`((c.year, p."sponsorId") IN ${rated} OR (c.year, p."recipientId") IN ${rated})`);
      }
    } else {
      // A page stops at its end: a probe per candidate in the sort's order is cheaper than hashing (and the
      // planner, misjudging the hashed form's selectivity, would then read every cycle).
      where.push(sql`EXISTS (SELECT 1 FROM "UnitEvaluation" e
        WHERE e."unitId" IN (p."sponsorId", p."recipientId") AND e.year = c.year AND ${match})`);
    }
  }
  return join(where, ' AND ');
}

/** Which rows a query returns: one page (`LIMIT`/`OFFSET`), or every row (the export). */
type Window = { readonly limit: number; readonly offset: number } | undefined;

/**
 * The SELECT of the keys of the window's cycles: `id` and the sort keys `k1` (ascending: the branch of a sort
 * made of several) and `k2`…`k4` (in the query's direction), already ordered and limited.
 */
function keysSql(scope: Scope, q: CycleListQuery, window: Window): Prisma.Sql {
  const where = conditions(scope, q, 'page');
  const dir = raw(q.dir === 'desc' ? 'DESC' : 'ASC');
  const pair = needsPair(scope, q) ? sql`JOIN "Pair" p ON p.id = c."pairId"` : empty;
  const page = window ? sql`LIMIT ${window.limit} OFFSET ${window.offset}` : empty;
  // A branch of a sort made of several needs no more rows than the window's end: the final sort then works on
  // a few hundred rows at most, and each branch stops early on its index.
  const branchLimit = window ? sql`LIMIT ${window.offset + window.limit}` : empty;
  const branches = (parts: readonly Prisma.Sql[]) =>
    sql`SELECT * FROM (${join(
      parts.map((part) => sql`(${part} ${branchLimit})`),
      ' UNION ALL ',
    )}) AS b ORDER BY k1, k2 ${dir}, k3 ${dir} ${page}`;
  switch (q.sort) {
    case 'pair':
      // Pair_code_key gives the order; each pair's cycle of the year is one probe of Cycle_pairId_year_key.
      return sql`SELECT c.id, 0 AS k1, p.code AS k2, c.year AS k3, 0 AS k4
        FROM "Cycle" c JOIN "Pair" p ON p.id = c."pairId" WHERE ${where}
        ORDER BY p.code ${dir}, c.year ${dir} ${page}`;
    case 'sponsor':
    case 'recipient': {
      // Unit_code_key, then the pair's foreign-key index, then Cycle_pairId_year_key.
      const side = raw(q.sort === 'sponsor' ? 'p."sponsorId"' : 'p."recipientId"');
      return sql`SELECT c.id, 0 AS k1, u.code AS k2, p.code AS k3, c.year AS k4
        FROM "Cycle" c JOIN "Pair" p ON p.id = c."pairId" JOIN "Unit" u ON u.id = ${side} WHERE ${where}
        ORDER BY u.code ${dir}, p.code ${dir}, c.year ${dir} ${page}`;
    }
    case 'escalation':
    case 'waitingSince': {
      // Ties go by workflow ID (twinning-cycle:<pair>:<year>), so that the indexes on (year, escalationLevel,
      // workflowId) and (year, waitingSince, workflowId) give the whole order without a sort.
      const column = raw(q.sort === 'escalation' ? 'c."escalationLevel"' : 'c."waitingSince"');
      return sql`SELECT c.id, 0 AS k1, ${column} AS k2, c."workflowId" AS k3, 0 AS k4
        FROM "Cycle" c ${pair} WHERE ${where}
        ORDER BY ${column} ${dir}, c."workflowId" ${dir} ${page}`;
    }
    case 'phase': {
      // One branch per phase, in the programme's order (not the alphabet's), each a range of the index on
      // (year, phase, workflowId).
      const phases = q.dir === 'desc' ? [...CYCLE_PHASES].reverse() : CYCLE_PHASES;
      return branches(
        phases.map(
          (phase, i) => sql`SELECT c.id, ${i}::int AS k1, c."workflowId" AS k2, ''::text AS k3, 0 AS k4
            FROM "Cycle" c ${pair} WHERE ${where} AND c.phase = ${phase} ORDER BY c."workflowId" ${dir}`,
        ),
      );
    }
    case 'deadline':
      // A cycle's next deadline is kept on its row (domain/cycle/next-deadline.ts): the index on (year, nextDue,
      // workflowId) gives the order, ties by workflow ID. Cycles with nothing pending come last in either
      // direction, so they are a branch of their own: the same index's range of nulls, ordered by the null
      // column too, or the planner, which does not take `IS NULL` as fixing the column, would sort them.
      return branches([
        sql`SELECT c.id, 0 AS k1, c."nextDue" AS k2, c."workflowId" AS k3, 0 AS k4
          FROM "Cycle" c ${pair} WHERE ${where} AND c."nextDue" IS NOT NULL
          ORDER BY c."nextDue" ${dir}, c."workflowId" ${dir}`,
        sql`SELECT c.id, 1 AS k1, NULL::timestamp(3) AS k2, c."workflowId" AS k3, 0 AS k4
          FROM "Cycle" c ${pair} WHERE ${where} AND c."nextDue" IS NULL
          ORDER BY c."nextDue" ${dir}, c."workflowId" ${dir}`,
      ]);
  }
}

/**
 * The SQL of the rows of a window, in the query's order. The units and ratings of the window's rows are
 * LATERAL look-ups behind `OFFSET 0`, which the planner keeps as they are written (one index probe each per
 * row): as plain joins, the search for the best order of seven relations took longer to plan than the whole
 * page took to run (0.9 ms of planning against 0.35 ms, on every request; BENCHMARKS.md, B4).
 */
function rowsSql(scope: Scope, q: CycleListQuery, window: Window): Prisma.Sql {
  const dir = raw(q.dir === 'desc' ? 'DESC' : 'ASC');
  const unit = (side: Prisma.Sql) => sql`(SELECT u.code, u.name FROM "Unit" u WHERE u.id = ${side} OFFSET 0)`;
  const ratings = (
    side: Prisma.Sql,
  ) => sql`(SELECT e."proposedRating", e."finalRating" FROM "UnitEvaluation" e
      WHERE e."unitId" = ${side} AND e.year = c.year OFFSET 0)`;
  const sponsor = raw('p."sponsorId"');
  const recipient = raw('p."recipientId"');
  return sql`
    SELECT p.code AS "pairCode", c.year, s.code AS "sponsorCode", s.name AS "sponsorName",
      r.code AS "recipientCode", r.name AS "recipientName", c.phase, c."waitingFor", c."waitingSince",
      c."nextObligation"::text AS "nextObligation", c."nextDue" AS "nextDue",
      c."escalationLevel", c.overdue,
      se."proposedRating" AS "sponsorProposed", se."finalRating" AS "sponsorFinal",
      re."proposedRating" AS "recipientProposed", re."finalRating" AS "recipientFinal"
    FROM (${keysSql(scope, q, window)}) AS k
    JOIN "Cycle" c ON c.id = k.id
    JOIN "Pair" p ON p.id = c."pairId"
    CROSS JOIN LATERAL ${unit(sponsor)} AS s
    CROSS JOIN LATERAL ${unit(recipient)} AS r
    LEFT JOIN LATERAL ${ratings(sponsor)} AS se ON TRUE
    LEFT JOIN LATERAL ${ratings(recipient)} AS re ON TRUE
    ORDER BY k.k1, k.k2 ${dir}, k.k3 ${dir}, k.k4 ${dir}`;
}

/**
 * The SQL of the number of matching cycles, joining the pair only when a filter needs it. When the query names
 * its year, the year's stored settings (its rating scale) come along in the same answer, which spares every list
 * request a query of its own.
 */
function countSql(scope: Scope, q: CycleListQuery): Prisma.Sql {
  const pair = needsPair(scope, q) ? sql`JOIN "Pair" p ON p.id = c."pairId"` : empty;
  const settings =
    q.year !== undefined
      ? sql`, (SELECT s.settings FROM "YearSettings" s WHERE s.year = ${q.year}) AS settings`
      : empty;
  return sql`SELECT count(*)::int AS n ${settings}
    FROM "Cycle" c ${pair} WHERE ${conditions(scope, q, 'count')}`;
}

function obligationsOf(list: string | null): ObligationId[] {
  return (list ?? '')
    .split(',')
    .filter((id): id is ObligationId => (OBLIGATION_IDS as readonly string[]).includes(id));
}

function toRow(r: RawRow, levels: LevelsByYear): CycleListRow {
  const scale = levels.get(r.year) ?? [];
  return {
    pairCode: r.pairCode,
    year: r.year,
    sponsor: { code: r.sponsorCode, name: r.sponsorName },
    recipient: { code: r.recipientCode, name: r.recipientName },
    phase: r.phase as CyclePhase,
    waitingFor: obligationsOf(r.waitingFor),
    waitingSince: iso(r.waitingSince),
    nextDeadline:
      r.nextObligation !== null && r.nextDue !== null
        ? {
            obligation: r.nextObligation as ObligationId,
            due: dueDay(r.nextDue),
            at: r.nextDue.toISOString(),
          }
        : null,
    escalationLevel: r.escalationLevel,
    overdue: r.overdue,
    ratings: {
      sponsor: { proposed: levelView(scale, r.sponsorProposed), final: levelView(scale, r.sponsorFinal) },
      recipient: {
        proposed: levelView(scale, r.recipientProposed),
        final: levelView(scale, r.recipientFinal),
      },
    },
  };
}

type LevelsByYear = ReadonlyMap<number, readonly LevelRef[]>;

/** The export's rating scale of the query's year, read alongside its rows; none when it spans every year. */
function levelsOfYear(prisma: PrismaClient, query: CycleListQuery): Promise<LevelsByYear | undefined> {
  return query.year !== undefined ? ratingLevelsByYear(prisma, [query.year]) : Promise.resolve(undefined);
}

/** The scale of the query's year from the count's answer (no stored settings: the defaults). */
function levelsOfCount(query: CycleListQuery, count: CountRow | undefined): LevelsByYear | undefined {
  return query.year !== undefined
    ? new Map([[query.year, levelsOfSettings(count?.settings ?? {})]])
    : undefined;
}

/** The rows with their levels named: from the scale read alongside, else from the scales of the rows' years. */
async function withLevels(
  prisma: PrismaClient,
  rows: readonly RawRow[],
  early: LevelsByYear | undefined,
): Promise<CycleListRow[]> {
  const rated = rows.filter(
    (r) => r.sponsorProposed ?? r.sponsorFinal ?? r.recipientProposed ?? r.recipientFinal,
  );
  const levels =
    early ??
    (await ratingLevelsByYear(
      prisma,
      rated.map((r) => r.year),
    ));
  return rows.map((r) => toRow(r, levels));
}

/**
 * A page of the cycles in `scope` that match `query` (validated by `cycleListQuerySchema`), and the total. The
 * page and the count run at the same time on two connections; the count brings the year's rating scale when the
 * query names its year.
 */
export async function listCycles(
  prisma: PrismaClient,
  scope: Scope,
  query: CycleListQuery,
): Promise<CycleListPage> {
  const offset = (query.page - 1) * query.pageSize;
  // On the pool, not through $queryRaw: a list request's Node CPU is what ten readers wait for (db/plain-sql.ts).
  const sqlRows = plainSqlOf(prisma);
  const [rows, [count]] = await Promise.all([
    sqlRows.rows<RawRow>(rowsSql(scope, query, { limit: query.pageSize, offset })),
    sqlRows.rows<CountRow>(countSql(scope, query)),
  ]);
  const total = count?.n ?? 0;
  return {
    rows: await withLevels(prisma, rows, levelsOfCount(query, count)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** Every row matching `query` (all pages, in its order): what the export writes. */
export async function allCycleRows(
  prisma: PrismaClient,
  scope: Scope,
  query: CycleListQuery,
): Promise<CycleListRow[]> {
  const [rows, levels] = await Promise.all([
    prisma.$queryRaw<RawRow[]>(rowsSql(scope, query, undefined)),
    levelsOfYear(prisma, query),
  ]);
  return withLevels(prisma, rows, levels);
}

/** The SQL of a page's rows and of the count, exactly as {@link listCycles} runs them (for EXPLAIN). */
export function listSql(scope: Scope, query: CycleListQuery): { rows: Prisma.Sql; count: Prisma.Sql } {
  const offset = (query.page - 1) * query.pageSize;
  return { rows: rowsSql(scope, query, { limit: query.pageSize, offset }), count: countSql(scope, query) };
}
