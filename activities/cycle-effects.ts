/**
 * The effects of one cycle transition, applied in one database transaction: the read model (cycle and its
 * obligations), accepted submissions and progress entries, audit events and notification-ledger rows.
 * Idempotent: every row has a business key, and a read-model write older than the stored one is ignored,
 * so a retry or a replay after a crash changes nothing. Once the transaction has committed, the new ledger rows
 * get their first delivery attempt here (`mail/first-attempt.ts`), when the cycle asks for it.
 */
import { ApplicationFailure } from '@temporalio/common';
import { plainSqlOf } from '../db/plain-sql';
import { endOfLocalDay, toDbDate } from '../domain/calendar/time';
import { nextDeadlineOf, type DeadlineRow } from '../domain/cycle/next-deadline';
import { validatePayload } from '../domain/cycle/schemas';
import { OBLIGATION_STATUS_TO_DB, type CycleProjection } from '../domain/cycle/types';
import { bilingualOf } from '../domain/messages';
import { MAIL_FIRST_ATTEMPT_BUDGET_MS } from '../domain/mail/delivery-options';
import { Prisma } from '../generated/prisma';
import type { MailDeliveryDeps } from '../mail/deliver';
import { deliverFirstAttempts } from '../mail/first-attempt';
import type { ChangePairParams, NotifyParams, RecordEntry } from '../machines/cycle';

/** A submission accepted by the cycle, with its payload (the machine's `storeSubmission`). */
export interface SubmissionEffect {
  readonly idempotencyKey: string;
  readonly obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6';
  readonly side: 'sponsor' | 'recipient';
  readonly actor: string;
  readonly at: string;
  /** Whether it met the obligation late (cycles started before the runner leave it to the projection). */
  readonly late?: boolean;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A progress entry accepted by the cycle (the machine's `storeProgress`; validated by the workflow). */
export interface ProgressEffect {
  readonly idempotencyKey: string;
  readonly actor: string;
  readonly side?: 'sponsor' | 'recipient';
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Everything the transitions since the last write ask the database to record. A plain object the workflow
 * fills batch by batch (hence mutable).
 */
export interface CycleEffects {
  workflowId: string;
  pairCode: string;
  year: number;
  /** Increases with every transition of the cycle: orders read-model writes. */
  sequence: number;
  projection: CycleProjection;
  records: RecordEntry[];
  notifications: NotifyParams[];
  submissions: SubmissionEffect[];
  progress: ProgressEffect[];
  /** The pair was dissolved, re-paired or its period ended (the machine's `changePair`). */
  pairChange?: ChangePairParams;
  /**
   * Whether to make the first delivery attempt of `notifications` after the write. Set by the runner's cycles,
   * which schedule the regular delivery activity only for the rows not settled then; the cycles started before
   * the runner (`workflows/cycle/legacy.ts`) leave it unset and deliver every row by activity.
   */
  deliverNow?: boolean;
}

/** What {@link CycleEffectsActivities.applyCycleEffects} tells the cycle. */
export interface AppliedEffects {
  /** Keys of the notifications whose delivery needs no further attempt (sent, skipped or failed for good). */
  readonly settledDeliveries: readonly string[];
}

/** The activities of this file, by name (the workflow proxies them by type only). */
export interface CycleEffectsActivities {
  /**
   * Applies the effects and, when asked, tries their deliveries once. Histories recorded before it answered
   * hold no result (`undefined`): every delivery of those batches went to the regular activity.
   */
  applyCycleEffects(effects: CycleEffects): Promise<AppliedEffects | undefined>;
}

const NOTIFICATION_KIND = {
  reminder: 'REMINDER',
  escalation: 'ESCALATION',
  progressReminder: 'PROGRESS_REMINDER',
  resend: 'REMINDER',
} as const;

const DB_SIDE = { sponsor: 'SPONSOR', recipient: 'RECIPIENT' } as const;

/** The validated payload of a progress entry (validated by the workflow already: a failure is a bug). */
function progressData(effect: ProgressEffect) {
  const result = validatePayload('progressEntry', effect.data);
  if (!result.ok) throw ApplicationFailure.nonRetryable(bilingualOf(result.message), 'InvalidPayload');
  return result.value;
}

type Tx = Prisma.TransactionClient;

const PAIR_STATUS = { DISSOLVED: 'DISSOLVED', REPAIRED: 'REPAIRED', ENDED: 'ACTIVE' } as const;
const HISTORY_ACTION = { DISSOLVED: 'dissolved', REPAIRED: 'repaired', ENDED: 'ended' } as const;

/**
 * The roster learns what the cycle decided: a dissolved or re-paired pair stops being active and ends on its
 * last day, an ended pair's period ends then; the successor (after a merger) records where it came from, and the
 * pair's history says why. Done once: a retry finds the history line already there.
 */
async function changePair(tx: Tx, pairId: string, change: ChangePairParams): Promise<void> {
  const action = HISTORY_ACTION[change.status];
  const done = await tx.pairHistory.findFirst({ where: { pairId, action, at: new Date(change.at) } });
  if (done) return;
  const current = await tx.pair.findUniqueOrThrow({ where: { id: pairId } });
  const lastDay = toDbDate(change.lastDay);
  const status = change.status === 'ENDED' ? current.status : PAIR_STATUS[change.status];
  const validTo = current.validTo && current.validTo < lastDay ? current.validTo : lastDay;
  await tx.pair.update({ where: { id: pairId }, data: { status, validTo } });
  if (change.successorPairCode) {
    await tx.pair.updateMany({
      where: { code: change.successorPairCode, predecessorId: null, NOT: { id: pairId } },
      data: { predecessorId: pairId },
    });
  }
  await tx.pairHistory.create({
    data: {
      pairId,
      at: new Date(change.at),
      action,
      reason: change.reason,
      before: { status: current.status, validTo: current.validTo?.toISOString().slice(0, 10) ?? null },
      after: {
        status,
        validTo: change.lastDay,
        ...(change.successorPairCode ? { successorPairCode: change.successorPairCode } : {}),
        ...(change.decisionNumber ? { decisionNumber: change.decisionNumber } : {}),
        actor: change.actor,
      },
    },
  });
}

/** A timestamp column's value: Prisma keeps UTC in `timestamp(3)`, and PostgreSQL ignores the `Z` of the text. */
function timestamp(instant: Date | null): Prisma.Sql {
  return instant ? Prisma.sql`${instant.toISOString()}::timestamp(3)` : Prisma.sql`NULL::timestamp(3)`;
}

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

/**
 * The cycle's obligation rows in one statement: an upsert of every row, which leaves a row that did not change
 * untouched. One statement instead of one upsert per obligation, because a burst of reminders writes thousands of
 * cycles at once and each of Prisma's upserts was a round trip and a compiled query of its own.
 */
async function writeObligations(tx: Tx, cycleId: string, rows: readonly ObligationRow[]) {
  if (rows.length === 0) return;
  const values = rows.map(
    (o) => Prisma.sql`(${cycleId}, ${o.obligation}::"Obligation", ${timestamp(o.statutoryDue)},
      ${timestamp(o.effectiveDue)}, ${o.status}::"ObligationStatus", ${timestamp(o.completedAt)},
      ${o.escalationLevel}::int)`,
  );
  await tx.$executeRaw`
    INSERT INTO "CycleObligation" AS o
      ("cycleId", obligation, "statutoryDue", "effectiveDue", status, "completedAt", "escalationLevel")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("cycleId", obligation) DO UPDATE SET
      "statutoryDue" = EXCLUDED."statutoryDue", "effectiveDue" = EXCLUDED."effectiveDue", status = EXCLUDED.status,
      "completedAt" = EXCLUDED."completedAt", "escalationLevel" = EXCLUDED."escalationLevel"
    WHERE (o."statutoryDue", o."effectiveDue", o.status, o."completedAt", o."escalationLevel")
      IS DISTINCT FROM (EXCLUDED."statutoryDue", EXCLUDED."effectiveDue", EXCLUDED.status,
        EXCLUDED."completedAt", EXCLUDED."escalationLevel")`;
}

/** Builds the activities with their database client and mail transport. */
export function createCycleEffectsActivities(deps: MailDeliveryDeps): CycleEffectsActivities {
  const { prisma } = deps;
  return {
    async applyCycleEffects(effects) {
      // A plain statement on the pool: every write of every cycle asks it (db/plain-sql.ts).
      const [pair] = await plainSqlOf(prisma).rows<{ id: string }>(
        Prisma.sql`SELECT id FROM "Pair" WHERE code = ${effects.pairCode}`,
      );
      if (!pair) throw new Error(`pair ${effects.pairCode} is not in the roster`);
      const p = effects.projection;
      const obligations = obligationRows(p);
      await prisma.$transaction(async (tx) => {
        const existing = await tx.cycle.findUnique({ where: { workflowId: effects.workflowId } });
        const cycleData = {
          phase: p.phase,
          escalationLevel: p.escalationLevel,
          overdue: p.overdue,
          flags: [...p.flags],
          sequence: effects.sequence,
          waitingFor: p.waitingFor.join(',') || null,
          waitingSince: new Date(p.waitingSince),
          nextTimerAt: p.nextTimer ? new Date(p.nextTimer.at) : null,
          ...nextDeadlineOf(obligations),
        };
        let cycleId: string;
        if (!existing) {
          const created = await tx.cycle.create({
            data: { pairId: pair.id, year: effects.year, workflowId: effects.workflowId, ...cycleData },
          });
          cycleId = created.id;
        } else {
          cycleId = existing.id;
          // Stale write (a retry of an earlier transition after a later one landed): keep the newer state.
          if (existing.sequence < effects.sequence) {
            await tx.cycle.update({ where: { id: cycleId }, data: cycleData });
          }
        }
        if (!existing || existing.sequence < effects.sequence)
          await writeObligations(tx, cycleId, obligations);
        if (effects.submissions.length > 0) {
          await tx.submission.createMany({
            data: effects.submissions.map((s) => ({
              cycleId,
              obligation: s.obligation,
              side: DB_SIDE[s.side],
              submittedBy: s.actor,
              submittedAt: new Date(s.at),
              late: s.late ?? p.obligations.find((o) => o.id === s.obligation)?.status === 'late',
              payload: s.data as Prisma.InputJsonObject,
              idempotencyKey: s.idempotencyKey,
            })),
            skipDuplicates: true,
          });
        }
        for (const e of effects.progress) {
          const d = progressData(e);
          // A correction names the entry it supersedes by its update ID; the earlier row is kept, never edited.
          const superseded = d.supersedes
            ? await tx.progressEntry.findUnique({
                where: { idempotencyKey: `${effects.workflowId}:${d.supersedes}` },
                select: { id: true },
              })
            : null;
          await tx.progressEntry.createMany({
            data: [
              {
                cycleId,
                submittedBy: e.actor,
                submittedAt: new Date(e.at),
                category: d.category,
                households: d.households,
                amountDong: BigInt(d.amountDong),
                modelsBuilt: d.modelsBuilt,
                modelsReplicated: d.modelsReplicated,
                studyTours: d.studyTours,
                communeCode: d.communeCode ?? null,
                description: d.description,
                beneficiaries: d.beneficiaries ?? Prisma.JsonNull,
                supersedesId: superseded?.id ?? null,
                idempotencyKey: e.idempotencyKey,
                side: e.side ? DB_SIDE[e.side] : null,
              },
            ],
            skipDuplicates: true,
          });
        }
        if (effects.pairChange) await changePair(tx, pair.id, effects.pairChange);
        if (effects.records.length > 0) {
          await tx.auditEvent.createMany({
            data: effects.records.map((r, i) => ({
              at: new Date(r.at),
              actor: r.actor ?? 'system',
              action: r.obligation ? `${r.kind}:${r.obligation}` : r.kind,
              entityType: 'Cycle',
              entityId: effects.workflowId,
              after: { ...r.detail, ...(r.side ? { side: r.side } : {}) },
              idempotencyKey: `${effects.workflowId}:${effects.sequence}:${i}`,
            })),
            skipDuplicates: true,
          });
        }
        if (effects.notifications.length > 0) {
          await tx.notification.createMany({
            data: effects.notifications.map((n) => ({
              idempotencyKey: n.idempotencyKey,
              cycleId,
              kind: NOTIFICATION_KIND[n.kind],
              obligation: n.obligation,
              level: n.level ?? null,
              dueAt: endOfLocalDay(n.dueDate),
              scheduledFor: new Date(p.updatedAt),
            })),
            skipDuplicates: true,
          });
        }
      });
      if (!effects.deliverNow) return { settledDeliveries: [] };
      // A notify action names its row's key and who owes it: it is the delivery's input as it stands.
      const settledDeliveries = await deliverFirstAttempts(
        deps,
        effects.notifications,
        MAIL_FIRST_ATTEMPT_BUDGET_MS,
      );
      return { settledDeliveries };
    },
  };
}
