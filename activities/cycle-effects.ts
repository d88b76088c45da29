/**
 * The effects of one cycle transition, applied in one database transaction: the read model (cycle and its
 * obligations), accepted submissions and progress entries, audit events and notification-ledger rows.
 * Idempotent: every row has a business key, and a read-model write older than the stored one is ignored,
 * so a retry or a replay after a crash changes nothing.
 */
import type { Payload } from '../domain/cycle/schemas';
import { OBLIGATION_STATUS_TO_DB, type CycleProjection } from '../domain/cycle/types';
import { Prisma, type PrismaClient } from '../generated/prisma';
import type { NotifyParams, RecordEntry } from '../machines/cycle';

/** A submission accepted by the cycle, with its payload. */
export interface SubmissionEffect {
  readonly idempotencyKey: string;
  readonly obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6';
  readonly side: 'sponsor' | 'recipient';
  readonly actor: string;
  readonly at: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A progress entry accepted by the cycle (already validated and normalised by the workflow). */
export interface ProgressEffect {
  readonly idempotencyKey: string;
  readonly actor: string;
  readonly at: string;
  readonly data: Payload<'progressEntry'>;
}

/** Everything one transition asks the database to record. */
export interface CycleEffects {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** Increases with every transition of the cycle: orders read-model writes. */
  readonly sequence: number;
  readonly projection: CycleProjection;
  readonly records: RecordEntry[];
  readonly notifications: NotifyParams[];
  readonly submissions: readonly SubmissionEffect[];
  readonly progress: readonly ProgressEffect[];
}

/** The activities of this file, by name (the workflow proxies them by type only). */
export interface CycleEffectsActivities {
  applyCycleEffects(effects: CycleEffects): Promise<void>;
}

const NOTIFICATION_KIND = {
  reminder: 'REMINDER',
  escalation: 'ESCALATION',
  progressReminder: 'PROGRESS_REMINDER',
  resend: 'REMINDER',
} as const;

/** End of a yyyy-mm-dd day in Asia/Ho_Chi_Minh (24:00 local = 17:00 UTC). */
function endOfDay(date: string): Date {
  return new Date(`${date}T17:00:00.000Z`);
}

/** Builds the activities with their database client. */
export function createCycleEffectsActivities(deps: { prisma: PrismaClient }): CycleEffectsActivities {
  const { prisma } = deps;
  return {
    async applyCycleEffects(effects) {
      const pair = await prisma.pair.findUnique({ where: { code: effects.pairCode }, select: { id: true } });
      if (!pair) throw new Error(`pair ${effects.pairCode} is not in the roster`);
      const p = effects.projection;
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
        if (!existing || existing.sequence < effects.sequence) {
          for (const o of p.obligations) {
            const data = {
              statutoryDue: endOfDay(o.statutoryDue),
              effectiveDue: endOfDay(o.effectiveDue),
              status: OBLIGATION_STATUS_TO_DB[o.status],
              completedAt: o.completedAt ? new Date(o.completedAt) : null,
              escalationLevel: o.escalationLevel,
            };
            await tx.cycleObligation.upsert({
              where: { cycleId_obligation: { cycleId, obligation: o.id } },
              create: { cycleId, obligation: o.id, ...data },
              update: data,
            });
          }
        }
        if (effects.submissions.length > 0) {
          await tx.submission.createMany({
            data: effects.submissions.map((s) => ({
              cycleId,
              obligation: s.obligation,
              side: s.side === 'sponsor' ? 'SPONSOR' : 'RECIPIENT',
              submittedBy: s.actor,
              submittedAt: new Date(s.at),
              late: p.obligations.find((o) => o.id === s.obligation)?.status === 'late',
              payload: s.data as Prisma.InputJsonObject,
              idempotencyKey: s.idempotencyKey,
            })),
            skipDuplicates: true,
          });
        }
        for (const e of effects.progress) {
          const d = e.data;
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
              },
            ],
            skipDuplicates: true,
          });
        }
        // A dissolution or re-pairing also changes the roster: the pair stops being active, its successor (when
        // units merged) records where it came from, and the pair's history says why. Done once: a retry finds
        // the pair no longer ACTIVE.
        const dissolved = effects.records.find((r) => r.kind === 'dissolved');
        if (dissolved) {
          const current = await tx.pair.findUniqueOrThrow({ where: { id: pair.id } });
          if (current.status === 'ACTIVE') {
            const successorCode =
              typeof dissolved.detail.successorPairCode === 'string'
                ? dissolved.detail.successorPairCode
                : null;
            const status = successorCode ? 'REPAIRED' : 'DISSOLVED';
            await tx.pair.update({ where: { id: pair.id }, data: { status } });
            if (successorCode) {
              await tx.pair.updateMany({
                where: { code: successorCode, predecessorId: null, NOT: { id: pair.id } },
                data: { predecessorId: pair.id },
              });
            }
            await tx.pairHistory.create({
              data: {
                pairId: pair.id,
                at: new Date(dissolved.at),
                action: status === 'REPAIRED' ? 'repaired' : 'dissolved',
                reason: typeof dissolved.detail.reason === 'string' ? dissolved.detail.reason : null,
                before: { status: 'ACTIVE' },
                after: {
                  status,
                  ...(successorCode ? { successorPairCode: successorCode } : {}),
                  actor: dissolved.actor ?? 'system',
                },
              },
            });
          }
        }
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
              dueAt: endOfDay(n.dueDate),
              scheduledFor: new Date(p.updatedAt),
            })),
            skipDuplicates: true,
          });
        }
      });
    },
  };
}
