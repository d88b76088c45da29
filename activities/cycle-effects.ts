/**
 * The effects of one cycle transition, applied atomically: the read model (cycle and its obligations), audit
 * events and notification-ledger rows in one statement (`./cycle-read-model`), and with accepted submissions,
 * progress entries or a pair change, that statement and their rows in one transaction.
 * Idempotent: every row has a business key, and a read-model write older than the stored one is ignored,
 * so a retry or a replay after a crash changes nothing. Once the write has committed, the new ledger rows
 * get their first delivery attempt here (`mail/first-attempt.ts`), when the cycle asks for it.
 */
import { ApplicationFailure } from '@temporalio/common';
import { plainSqlOf } from '../db/plain-sql';
import { toDbDate } from '../domain/calendar/time';
import { validatePayload } from '../domain/cycle/schemas';
import type { CycleProjection } from '../domain/cycle/types';
import { bilingualOf } from '../domain/messages';
import { MAIL_FIRST_ATTEMPT_BUDGET_MS } from '../domain/mail/delivery-options';
import { Prisma } from '../generated/prisma';
import type { MailDeliveryDeps } from '../mail/deliver';
import { deliverFirstAttempts } from '../mail/first-attempt';
import type { ChangePairParams, NotifyParams, RecordEntry } from '../machines/cycle';
import { readModelStatement, type ReadModelRow } from './cycle-read-model';

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

/**
 * The cycle and pair the read-model statement wrote for, or why it could not: an unknown pair is a bug of the
 * caller (the cycle was opened for it), a missing cycle row a concurrent first write, which a retry resolves.
 */
function writtenCycle(
  rows: readonly ReadModelRow[],
  effects: CycleEffects,
): { cycleId: string; pairId: string } {
  const [row] = rows;
  if (!row?.pairId) throw new Error(`pair ${effects.pairCode} is not in the roster`);
  if (!row.id)
    throw new Error(`the read-model row of ${effects.workflowId} was being written by another attempt`);
  return { cycleId: row.id, pairId: row.pairId };
}

/** Builds the activities with their database client and mail transport. */
export function createCycleEffectsActivities(deps: MailDeliveryDeps): CycleEffectsActivities {
  const { prisma } = deps;
  return {
    async applyCycleEffects(effects) {
      const p = effects.projection;
      const statement = readModelStatement({
        workflowId: effects.workflowId,
        pairCode: effects.pairCode,
        year: effects.year,
        sequence: effects.sequence,
        projection: p,
        records: effects.records,
        notifications: effects.notifications,
        now: (deps.now ?? (() => new Date()))(),
      });
      const rare = effects.submissions.length > 0 || effects.progress.length > 0 || effects.pairChange;
      if (!rare) {
        // One statement is atomic by itself: every timer's write (a reminder's among them) needs no transaction.
        writtenCycle(await plainSqlOf(prisma).rows<ReadModelRow>(statement), effects);
      } else {
        await prisma.$transaction(async (tx) => {
          const { cycleId, pairId } = writtenCycle(
            await plainSqlOf(tx).rows<ReadModelRow>(statement),
            effects,
          );
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
          if (effects.pairChange) await changePair(tx, pairId, effects.pairChange);
        });
      }
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
