/**
 * Activities of the evaluation step (O7): propose the ratings of both sides of a cycle from the database, record
 * Ban Dân tộc's final rating (confirmation or override with a reason), and record positive factors. Idempotent:
 * a retry or a replay writes the same rows and no second audit event.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Side } from '../domain/cycle/types';
import { checkRatingConfirmation, storedExplanation, type UnitEvaluation } from '../domain/evaluation';
import { bilingual, bilingualOf, type MessageKey } from '../domain/messages';
import { Prisma, type PrismaClient } from '../generated/prisma';
import {
  evaluateGroup,
  EvaluationSettingsError,
  groupByUnit,
  loadEvaluationSettings,
  loadYearEvaluationData,
} from '../services/evaluation-store';

/** The proposal for one side, as the workflow keeps it (for its `rate` validator and its status). */
export interface ProposalSummary {
  readonly side: Side;
  readonly unitCode: string;
  /** The proposed level id (e.g. `TOT`). */
  readonly proposedRating: string;
  readonly labelVi: string;
  readonly labelEn: string;
  readonly score: number;
  readonly criticised: boolean;
  readonly proposedReward: boolean;
  /** The final rating if it was already recorded (kept by a new proposal). */
  readonly finalRating: string | null;
  /** The levels of the year's scale, best first: what `checkRatingConfirmation` needs. */
  readonly scale: readonly {
    readonly id: string;
    readonly vi: string;
    readonly en: string;
    readonly minScore: number;
  }[];
}

/** The input of {@link EvaluationActivities.recordFinalRating}. */
export interface RecordFinalRatingInput {
  readonly workflowId: string;
  readonly side: Side;
  /** A level id or label of the year's scale. */
  readonly rating: string;
  readonly reason?: string;
  readonly decisionNumber?: string;
  readonly actor: string;
  /** ISO instant of the decision (the workflow's time of the update); defaults to now. */
  readonly at?: string;
}

/** The activities of this file, by name (the workflow proxies them by type only). */
export interface EvaluationActivities {
  /** Computes and stores the proposals of both sides of the cycle `workflowId`. */
  proposeRatings(input: {
    workflowId: string;
  }): Promise<{ sponsor: ProposalSummary; recipient: ProposalSummary }>;
  /** Records the final rating of one side; refuses (non-retryable) an unknown level or an override without reason. */
  recordFinalRating(
    input: RecordFinalRatingInput,
  ): Promise<{ side: Side; finalRating: string; override: boolean }>;
  /** Records (or clears, with an empty text) the positive factors of one side; call proposeRatings afterwards. */
  recordPositiveFactors(input: {
    workflowId: string;
    side: Side;
    text: string;
    actor: string;
  }): Promise<void>;
}

const DB_SIDE = { sponsor: 'SPONSOR', recipient: 'RECIPIENT' } as const;

function refuse(key: MessageKey, params: Record<string, string | number>, type = 'EvaluationRefused'): never {
  throw ApplicationFailure.nonRetryable(bilingual(key, params), type);
}

async function findCycle(prisma: PrismaClient, workflowId: string) {
  const cycle = await prisma.cycle.findUnique({
    where: { workflowId },
    include: { pair: { select: { code: true, sponsorId: true, recipientId: true } } },
  });
  if (!cycle) refuse('evaluation.unknownCycle', { workflowId }, 'UnknownCycle');
  return cycle;
}

/** Builds the evaluation activities with their database client. */
export function createEvaluationActivities(deps: { prisma: PrismaClient }): EvaluationActivities {
  const { prisma } = deps;

  async function guardSettings<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      // Invalid settings need an administrator, not a retry.
      if (error instanceof EvaluationSettingsError)
        throw ApplicationFailure.nonRetryable(error.message, error.name);
      throw error;
    }
  }

  return {
    async proposeRatings({ workflowId }) {
      const cycle = await findCycle(prisma, workflowId);
      const data = await guardSettings(() =>
        loadYearEvaluationData(prisma, cycle.year, {
          unitIds: [cycle.pair.sponsorId, cycle.pair.recipientId],
        }),
      );
      const groups = groupByUnit(data);
      const evaluate = (side: Side, unitId: string): UnitEvaluation => {
        const group = groups.find((g) => g.side === side && g.unit.id === unitId);
        // The cycle itself is in the data, so its two units always have a group.
        if (!group) throw new Error(`no ${side} group for ${workflowId}`);
        return evaluateGroup(group, data);
      };
      const results = {
        sponsor: { unitId: cycle.pair.sponsorId, evaluation: evaluate('sponsor', cycle.pair.sponsorId) },
        recipient: {
          unitId: cycle.pair.recipientId,
          evaluation: evaluate('recipient', cycle.pair.recipientId),
        },
      };
      const scale = data.settings.rating.levels.map((l) => ({
        id: l.id,
        vi: l.vi,
        en: l.en,
        minScore: l.minScore,
      }));
      const finals: Record<Side, string | null> = { sponsor: null, recipient: null };
      await prisma.$transaction(async (tx) => {
        for (const side of ['sponsor', 'recipient'] as const) {
          const { unitId, evaluation } = results[side];
          const values = {
            unitId,
            proposedRating: evaluation.level.id,
            proposedScore: evaluation.score,
            explanation: storedExplanation(evaluation) as unknown as Prisma.InputJsonObject,
            criticised: evaluation.criticised,
            proposedReward: evaluation.proposedReward,
          };
          const where = { cycleId_side: { cycleId: cycle.id, side: DB_SIDE[side] } };
          const before = await tx.evaluation.findUnique({ where });
          // finalRating, confirmedBy/At, overrideReason and positiveFactors are never touched here: a new proposal
          // after a confirmation keeps the decision.
          const after = await tx.evaluation.upsert({
            where,
            create: { cycleId: cycle.id, side: DB_SIDE[side], ...values },
            update: values,
          });
          finals[side] = after.finalRating;
          if (
            before?.proposedRating !== after.proposedRating ||
            before?.proposedScore !== after.proposedScore ||
            before?.criticised !== after.criticised
          ) {
            await tx.auditEvent.create({
              data: {
                actor: 'system',
                action: 'evaluation.proposed',
                entityType: 'Evaluation',
                entityId: after.id,
                before: before
                  ? {
                      proposedRating: before.proposedRating,
                      proposedScore: before.proposedScore,
                      criticised: before.criticised,
                    }
                  : Prisma.JsonNull,
                after: {
                  workflowId,
                  side,
                  proposedRating: after.proposedRating,
                  proposedScore: after.proposedScore,
                  criticised: after.criticised,
                  proposedReward: after.proposedReward,
                },
              },
            });
          }
        }
      });
      const summary = (side: Side): ProposalSummary => {
        const e = results[side].evaluation;
        return {
          side,
          unitCode: e.unitCode,
          proposedRating: e.level.id,
          labelVi: e.level.vi,
          labelEn: e.level.en,
          score: e.score,
          criticised: e.criticised,
          proposedReward: e.proposedReward,
          finalRating: finals[side],
          scale,
        };
      };
      return { sponsor: summary('sponsor'), recipient: summary('recipient') };
    },

    async recordFinalRating(input) {
      const cycle = await findCycle(prisma, input.workflowId);
      const scale = (await guardSettings(() => loadEvaluationSettings(prisma, cycle.year))).rating;
      const where = { cycleId_side: { cycleId: cycle.id, side: DB_SIDE[input.side] } };
      const before = await prisma.evaluation.findUnique({ where });
      if (!before?.proposedRating) {
        const side =
          input.side === 'sponsor'
            ? { vi: 'đơn vị giúp đỡ', en: 'sponsor' }
            : { vi: 'đơn vị được giúp đỡ', en: 'recipient' };
        refuse('evaluation.confirm.noProposal', {
          workflowId: input.workflowId,
          sideVi: side.vi,
          sideEn: side.en,
        });
      }
      const check = checkRatingConfirmation({
        proposed: before.proposedRating,
        final: input.rating,
        reason: input.reason ?? null,
        decisionNumber: input.decisionNumber ?? null,
        scale,
      });
      if (!check.ok) throw ApplicationFailure.nonRetryable(bilingualOf(check.message), 'InvalidRating');
      const at = input.at ? new Date(input.at) : new Date();
      const values = {
        finalRating: check.level.id,
        overrideReason: input.reason?.trim() || null,
        decisionNumber: input.decisionNumber?.trim() || null,
        confirmedBy: input.actor,
        confirmedAt: at,
      };
      // A retry after the write finds the same decision and writes nothing (the audit key is unique too).
      const same =
        before.finalRating === values.finalRating &&
        before.overrideReason === values.overrideReason &&
        before.decisionNumber === values.decisionNumber &&
        before.confirmedBy === values.confirmedBy;
      if (!same) {
        await prisma.$transaction([
          prisma.evaluation.update({ where, data: values }),
          prisma.auditEvent.createMany({
            data: [
              {
                at,
                actor: input.actor,
                action: check.override ? 'evaluation.overridden' : 'evaluation.confirmed',
                entityType: 'Evaluation',
                entityId: before.id,
                before: {
                  proposedRating: before.proposedRating,
                  finalRating: before.finalRating,
                  overrideReason: before.overrideReason,
                  decisionNumber: before.decisionNumber,
                },
                after: {
                  workflowId: input.workflowId,
                  side: input.side,
                  ...values,
                  confirmedAt: at.toISOString(),
                },
                idempotencyKey: `${input.workflowId}:O7:final:${input.side}:${at.toISOString()}`,
              },
            ],
            skipDuplicates: true,
          }),
        ]);
      }
      return { side: input.side, finalRating: check.level.id, override: check.override };
    },

    async recordPositiveFactors(input) {
      const cycle = await findCycle(prisma, input.workflowId);
      const unitId = input.side === 'sponsor' ? cycle.pair.sponsorId : cycle.pair.recipientId;
      const text = input.text.trim().slice(0, 2000) || null;
      const where = { cycleId_side: { cycleId: cycle.id, side: DB_SIDE[input.side] } };
      const before = await prisma.evaluation.findUnique({ where });
      if ((before?.positiveFactors ?? null) === text) return;
      await prisma.$transaction([
        prisma.evaluation.upsert({
          where,
          create: { cycleId: cycle.id, side: DB_SIDE[input.side], unitId, positiveFactors: text },
          update: { positiveFactors: text },
        }),
        prisma.auditEvent.create({
          data: {
            actor: input.actor,
            action: 'evaluation.positiveFactors',
            entityType: 'Cycle',
            entityId: input.workflowId,
            before: { side: input.side, positiveFactors: before?.positiveFactors ?? null },
            after: { side: input.side, positiveFactors: text },
          },
        }),
      ]);
    },
  };
}
