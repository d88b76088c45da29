/**
 * The part of a cycle's write that every transition makes: its read-model row, its obligation rows, its audit
 * events and its new notification-ledger rows, as **one statement**. One statement is atomic by itself, so a
 * write without submissions, progress or a pair change (every timer's: reminders, escalations, phase changes)
 * needs no transaction and costs one round trip on the pool instead of an interactive transaction of six; a burst
 * of 10,000 reminders makes 10,000 of them at once (BENCHMARKS.md, B2). A write with submissions runs the same
 * statement inside its transaction.
 *
 * Idempotent like every write of the cycle: the cycle row and its obligations change only when the write's
 * sequence is newer than the stored one (a retry or a stale write leaves them alone), and audit events and
 * ledger rows are inserted once by their business keys.
 */
import { randomUUID } from 'node:crypto';
import { sqlTimestamp } from '../db/plain-sql';
import { endOfLocalDay } from '../domain/calendar/time';
import { nextDeadlineOf, type DeadlineRow } from '../domain/cycle/next-deadline';
import { OBLIGATION_STATUS_TO_DB, type CycleProjection } from '../domain/cycle/types';
import { Prisma } from '../generated/prisma';
import type { NotifyParams, RecordEntry } from '../machines/cycle';

/** What the statement writes: the cycle's identity, its projection and what its transitions asked for. */
export interface ReadModelWrite {
  readonly workflowId: string;
  /** The pair's code in the roster; the statement looks its ID up. */
  readonly pairCode: string;
  readonly year: number;
  readonly sequence: number;
  readonly projection: CycleProjection;
  readonly records: readonly RecordEntry[];
  readonly notifications: readonly NotifyParams[];
  /** When the write is made: the rows' `createdAt` and `updatedAt`. */
  readonly now: Date;
}

/** The one row the statement answers with: the cycle's read-model ID (new or existing) and its pair's ID. */
export interface ReadModelRow {
  /** Null when the cycle's row could not be written (see {@link readModelStatement}). */
  readonly id: string | null;
  /** Null when no pair of the roster has the code. */
  readonly pairId: string | null;
}

const NOTIFICATION_KIND = {
  reminder: 'REMINDER',
  escalation: 'ESCALATION',
  progressReminder: 'PROGRESS_REMINDER',
  resend: 'REMINDER',
} as const;

/** An obligation of the projection as its read-model row. */
interface ObligationRow extends DeadlineRow {
  readonly statutoryDue: Date;
  readonly completedAt: Date | null;
  readonly escalationLevel: number;
}

function obligationRows(p: CycleProjection): ObligationRow[] {
  return p.obligations.map((o) => ({
    obligation: o.id,
    statutoryDue: endOfLocalDay(o.statutoryDue),
    effectiveDue: endOfLocalDay(o.effectiveDue),
    status: OBLIGATION_STATUS_TO_DB[o.status],
    completedAt: o.completedAt ? new Date(o.completedAt) : null,
    escalationLevel: o.escalationLevel,
  }));
}

/** The cycle row's columns that every newer write sets, in the order of {@link CYCLE_COLUMNS}. */
function cycleValues(w: ReadModelWrite, obligations: readonly ObligationRow[]): Prisma.Sql[] {
  const p = w.projection;
  const next = nextDeadlineOf(obligations);
  return [
    Prisma.sql`${p.phase}::text`,
    Prisma.sql`${p.escalationLevel}::int`,
    Prisma.sql`${p.overdue}::boolean`,
    Prisma.sql`${[...p.flags]}::text[]`,
    Prisma.sql`${w.sequence}::int`,
    Prisma.sql`${p.waitingFor.join(',') || null}::text`,
    sqlTimestamp(new Date(p.waitingSince)),
    sqlTimestamp(p.nextTimer ? new Date(p.nextTimer.at) : null),
    Prisma.sql`${next.nextObligation}::"Obligation"`,
    sqlTimestamp(next.nextDue),
    sqlTimestamp(w.now),
  ];
}

const CYCLE_COLUMNS = [
  'phase',
  'escalationLevel',
  'overdue',
  'flags',
  'sequence',
  'waitingFor',
  'waitingSince',
  'nextTimerAt',
  'nextObligation',
  'nextDue',
  'updatedAt',
] as const;

const quoted = (column: string) => Prisma.raw(`"${column}"`);

/** `INSERT … ON CONFLICT DO NOTHING` of the audit events, or nothing. */
function auditInsert(w: ReadModelWrite): Prisma.Sql {
  if (w.records.length === 0) return Prisma.sql`SELECT 1`;
  const rows = w.records.map(
    (r, i) => Prisma.sql`(${sqlTimestamp(new Date(r.at))}, ${r.actor ?? 'system'},
      ${r.obligation ? `${r.kind}:${r.obligation}` : r.kind}, 'Cycle', ${w.workflowId},
      ${JSON.stringify({ ...r.detail, ...(r.side ? { side: r.side } : {}) })}::jsonb,
      ${`${w.workflowId}:${w.sequence}:${i}`})`,
  );
  return Prisma.sql`INSERT INTO "AuditEvent" (at, actor, action, "entityType", "entityId", after, "idempotencyKey")
    VALUES ${Prisma.join(rows)} ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/** `INSERT … ON CONFLICT DO NOTHING` of the new ledger rows for the cycle in `cycle`, or nothing. */
function notificationInsert(w: ReadModelWrite): Prisma.Sql {
  if (w.notifications.length === 0) return Prisma.sql`SELECT 1`;
  const rows = w.notifications.map(
    (n) => Prisma.sql`(${randomUUID()}, ${n.idempotencyKey}, ${NOTIFICATION_KIND[n.kind]}::"NotificationKind",
      ${n.obligation}::"Obligation", ${n.level ?? null}::int, ${sqlTimestamp(endOfLocalDay(n.dueDate))},
      ${sqlTimestamp(new Date(w.projection.updatedAt))}, ${sqlTimestamp(w.now)})`,
  );
  return Prisma.sql`INSERT INTO "Notification"
      (id, "idempotencyKey", "cycleId", kind, obligation, level, "dueAt", "scheduledFor", "createdAt")
    SELECT v.id, v.key, cycle.id, v.kind, v.obligation, v.level, v.due, v.scheduled, v.created
    FROM cycle CROSS JOIN (VALUES ${Prisma.join(rows)}) AS v(id, key, kind, obligation, level, due, scheduled, created)
    ON CONFLICT ("idempotencyKey") DO NOTHING`;
}

/**
 * The statement, answering with the cycle's and the pair's IDs. A null cycle ID means its row could not be
 * written: the pair is unknown, or another write created the row at the same instant (which a retry resolves).
 *
 * The obligation upsert leaves an unchanged row untouched (a reminder changes none). A cycle of the same pair and
 * year under another workflow ID still fails on the `(pairId, year)` key, as a second cycle must.
 */
export function readModelStatement(w: ReadModelWrite): Prisma.Sql {
  const obligations = obligationRows(w.projection);
  const values = cycleValues(w, obligations);
  const assignments = CYCLE_COLUMNS.map((c, i) => Prisma.sql`${quoted(c)} = ${values[i]}`);
  const obligationValues = obligations.map(
    (
      o,
    ) => Prisma.sql`(${o.obligation}::"Obligation", ${sqlTimestamp(o.statutoryDue)}, ${sqlTimestamp(o.effectiveDue)},
      ${o.status}::"ObligationStatus", ${sqlTimestamp(o.completedAt)}, ${o.escalationLevel}::int)`,
  );
  const obligationUpsert =
    obligationValues.length === 0
      ? Prisma.sql`SELECT 1`
      : Prisma.sql`INSERT INTO "CycleObligation" AS o
          ("cycleId", obligation, "statutoryDue", "effectiveDue", status, "completedAt", "escalationLevel")
        SELECT written.id, v.* FROM written
          CROSS JOIN (VALUES ${Prisma.join(obligationValues)}) AS v(obligation, statutory, effective, status,
            completed, level)
        ON CONFLICT ("cycleId", obligation) DO UPDATE SET
          "statutoryDue" = EXCLUDED."statutoryDue", "effectiveDue" = EXCLUDED."effectiveDue",
          status = EXCLUDED.status, "completedAt" = EXCLUDED."completedAt",
          "escalationLevel" = EXCLUDED."escalationLevel"
        WHERE (o."statutoryDue", o."effectiveDue", o.status, o."completedAt", o."escalationLevel")
          IS DISTINCT FROM (EXCLUDED."statutoryDue", EXCLUDED."effectiveDue", EXCLUDED.status,
            EXCLUDED."completedAt", EXCLUDED."escalationLevel")`;
  return Prisma.sql`
    WITH pair AS (
      SELECT id FROM "Pair" WHERE code = ${w.pairCode}
    ), existing AS (
      SELECT id FROM "Cycle" WHERE "workflowId" = ${w.workflowId}
    ), created AS (
      INSERT INTO "Cycle" (id, "pairId", year, "workflowId", "createdAt", ${Prisma.join(CYCLE_COLUMNS.map(quoted))})
      SELECT ${randomUUID()}, pair.id, ${w.year}::int, ${w.workflowId}, ${sqlTimestamp(w.now)}, ${Prisma.join(values)}
      FROM pair WHERE NOT EXISTS (SELECT 1 FROM existing)
      ON CONFLICT ("workflowId") DO NOTHING
      RETURNING id
    ), updated AS (
      UPDATE "Cycle" SET ${Prisma.join(assignments)}
      WHERE "workflowId" = ${w.workflowId} AND sequence < ${w.sequence}::int
      RETURNING id
    ), cycle AS (
      SELECT id FROM created UNION ALL SELECT id FROM existing
    ), written AS (
      SELECT id FROM created UNION ALL SELECT id FROM updated
    ), obligations AS (${obligationUpsert}
    ), audit AS (${auditInsert(w)}
    ), notifications AS (${notificationInsert(w)}
    )
    SELECT (SELECT id FROM cycle) AS id, (SELECT id FROM pair) AS "pairId"`;
}
