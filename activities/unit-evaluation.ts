/**
 * Activities of the units' yearly evaluation: a cycle asks for its two units to be evaluated (signal-with-start
 * of each unit's evaluation workflow); a unit's evaluation computes and stores its proposal from the read model,
 * records Ban Dân tộc's final rating once, and records positive factors. Idempotent: a retry writes the same rows
 * and no second audit event.
 */
import { isDeepStrictEqual } from 'node:util';
import { activityInfo } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Side } from '../domain/cycle/types';
import { storedExplanation } from '../domain/evaluation';
import { bilingual } from '../domain/messages';
import { sideOfKind } from '../domain/units';
import {
  CYCLE_CHANGED_SIGNAL,
  UNIT_EVALUATION_WORKFLOW,
  unitEvaluationWorkflowId,
} from '../domain/workflow-ids';
import { Prisma, type PrismaClient } from '../generated/prisma';
import type {
  ComputedProposal,
  ComputeProposalParams,
  RecordFinalRatingParams,
  RecordPositiveFactorsParams,
  UnitEvaluationInput,
} from '../machines/unit-evaluation';
import {
  evaluateGroup,
  EvaluationSettingsError,
  groupByUnit,
  loadYearEvaluationData,
  notYetReady,
} from '../services/evaluation-store';

/** Input of {@link UnitEvaluationRequestActivities.requestUnitEvaluation}. */
export interface RequestUnitEvaluationInput {
  readonly cycleWorkflowId: string;
  readonly pairCode: string;
  readonly year: number;
  readonly sides: readonly Side[];
  /** The cycle's business instant (simulations run ahead of the engine's clock). */
  readonly at: string;
  /** Whether the cycle runs on a shifted business clock (simulations and tests). */
  readonly simulated?: boolean;
}

/** The activity a cycle calls (by type only). */
export interface UnitEvaluationRequestActivities {
  /** Tells the evaluation of each of the pair's units (starting it if needed) that this cycle changed. */
  requestUnitEvaluation(input: RequestUnitEvaluationInput): Promise<void>;
}

/** The activities a unit's evaluation workflow calls (by type only). */
export interface UnitEvaluationActivities {
  /** Computes the unit's proposal if all its cycles reached evaluation, and stores it. */
  computeUnitProposal(input: ComputeProposalParams): Promise<ComputedProposal>;
  /** Records the unit's final rating (once: a different second rating is refused). */
  recordUnitFinalRating(input: RecordFinalRatingParams): Promise<void>;
  /** Records (or clears) the unit's positive factors. */
  recordUnitPositiveFactors(input: RecordPositiveFactorsParams): Promise<void>;
}

const DB_SIDE = { sponsor: 'SPONSOR', recipient: 'RECIPIENT' } as const;

async function unitByCode(prisma: PrismaClient, unitCode: string) {
  const unit = await prisma.unit.findUnique({ where: { code: unitCode } });
  if (!unit)
    throw ApplicationFailure.nonRetryable(bilingual('evaluation.unit.unknown', { unitCode }), 'UnknownUnit');
  return unit;
}

/** Builds the activities with their clients. */
export function createUnitEvaluationActivities(deps: {
  readonly prisma: PrismaClient;
  readonly temporalClient: () => Promise<Client>;
}): UnitEvaluationRequestActivities & UnitEvaluationActivities {
  const { prisma } = deps;
  return {
    async requestUnitEvaluation(input) {
      const pair = await prisma.pair.findUnique({
        where: { code: input.pairCode },
        include: { sponsor: { select: { code: true } }, recipient: { select: { code: true } } },
      });
      if (!pair) throw new Error(`pair ${input.pairCode} is not in the roster`);
      const client = await deps.temporalClient();
      for (const side of input.sides) {
        const unitCode = pair[side].code;
        const args: UnitEvaluationInput & { businessStart?: string } = {
          workflowId: unitEvaluationWorkflowId(unitCode, input.year),
          unitCode,
          year: input.year,
          side,
          openedAt: input.at,
          ...(input.simulated ? { businessStart: input.at } : {}),
        };
        await client.workflow.signalWithStart(UNIT_EVALUATION_WORKFLOW, {
          workflowId: args.workflowId,
          // The unit's evaluation runs where the cycles run.
          taskQueue: activityInfo().taskQueue,
          args: [args],
          signal: CYCLE_CHANGED_SIGNAL,
          signalArgs: [{ workflowId: input.cycleWorkflowId, at: input.at }],
          // A finished evaluation (nothing to rate then, or confirmed) starts again for a cycle that reaches
          // evaluation later: it finds a confirmed rating stored and passes it on, or proposes.
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        });
      }
    },

    async computeUnitProposal({ unitCode, year }) {
      const unit = await unitByCode(prisma, unitCode);
      let data;
      try {
        data = await loadYearEvaluationData(prisma, year, { unitIds: [unit.id] });
      } catch (error) {
        // Invalid settings need an administrator, not a retry.
        if (error instanceof EvaluationSettingsError)
          throw ApplicationFailure.nonRetryable(error.message, error.name);
        throw error;
      }
      const side = sideOfKind(unit.kind);
      const group = groupByUnit(data).find((g) => g.side === side && g.unit.id === unit.id);
      if (!group) return { status: 'nothingToRate' };
      const waitingFor = notYetReady(group);
      if (waitingFor.length > 0) return { status: 'waiting', waitingFor };
      const awaiting = group.cycles.filter((c) => c.phase === 'evaluation');
      if (awaiting.length === 0) return { status: 'nothingToRate' };
      const scale = data.settings.rating.levels.map((l) => ({ id: l.id, vi: l.vi, en: l.en }));
      const confirmed = data.unitEvaluations.get(unit.id);
      if (confirmed?.finalRating) {
        const level = scale.find((l) => l.id === confirmed.proposedRating) ?? scale[scale.length - 1]!;
        return {
          status: 'confirmed',
          proposal: {
            rating: level.id,
            labelVi: level.vi,
            labelEn: level.en,
            score: confirmed.proposedScore ?? 0,
            criticised: confirmed.criticised,
            proposedReward: confirmed.proposedReward,
            scale,
          },
          final: {
            rating: confirmed.finalRating,
            override: confirmed.finalRating !== confirmed.proposedRating,
            actor: confirmed.confirmedBy ?? 'system',
            at: (confirmed.confirmedAt ?? new Date()).toISOString(),
            ...(confirmed.overrideReason ? { reason: confirmed.overrideReason } : {}),
            ...(confirmed.decisionNumber ? { decisionNumber: confirmed.decisionNumber } : {}),
          },
          cycles: awaiting.map((c) => c.workflowId),
        };
      }
      const evaluation = evaluateGroup(group, data);
      const values = {
        side: DB_SIDE[side],
        proposedRating: evaluation.level.id,
        proposedScore: evaluation.score,
        explanation: storedExplanation(evaluation) as unknown as Prisma.InputJsonObject,
        criticised: evaluation.criticised,
        proposedReward: evaluation.proposedReward,
      };
      await prisma.$transaction(async (tx) => {
        const where = { unitId_year: { unitId: unit.id, year } };
        const before = await tx.unitEvaluation.findUnique({ where });
        const changed =
          before?.proposedRating !== values.proposedRating ||
          before?.proposedScore !== values.proposedScore ||
          before?.criticised !== values.criticised ||
          // PostgreSQL's jsonb keeps its own key order: compare values, not text.
          !isDeepStrictEqual(before?.explanation, JSON.parse(JSON.stringify(values.explanation)));
        if (!changed) return;
        // The final rating, its reason and the positive factors are never touched here: a new proposal after a
        // confirmation keeps the decision.
        const after = await tx.unitEvaluation.upsert({
          where,
          create: { unitId: unit.id, year, ...values, proposedAt: new Date() },
          update: { ...values, proposedAt: new Date() },
        });
        await tx.auditEvent.create({
          data: {
            actor: 'system',
            action: 'evaluation.proposed',
            entityType: 'UnitEvaluation',
            entityId: `${unitCode}:${year}`,
            before: before
              ? {
                  proposedRating: before.proposedRating,
                  proposedScore: before.proposedScore,
                  criticised: before.criticised,
                }
              : Prisma.JsonNull,
            after: {
              unitCode,
              year,
              proposedRating: after.proposedRating,
              proposedScore: after.proposedScore,
              criticised: after.criticised,
              proposedReward: after.proposedReward,
            },
          },
        });
      });
      return {
        status: 'proposed',
        proposal: {
          rating: evaluation.level.id,
          labelVi: evaluation.level.vi,
          labelEn: evaluation.level.en,
          score: evaluation.score,
          criticised: evaluation.criticised,
          proposedReward: evaluation.proposedReward,
          scale,
        },
        cycles: awaiting.map((c) => c.workflowId),
      };
    },

    async recordUnitFinalRating(input) {
      const unit = await unitByCode(prisma, input.unitCode);
      const where = { unitId_year: { unitId: unit.id, year: input.year } };
      const values = {
        finalRating: input.rating,
        overrideReason: input.reason?.trim() || null,
        decisionNumber: input.decisionNumber?.trim() || null,
        confirmedBy: input.actor,
        confirmedAt: new Date(input.at),
      };
      await prisma.$transaction(async (tx) => {
        const before = await tx.unitEvaluation.findUnique({ where });
        // A retry after the write finds the same decision and writes nothing.
        if (before?.finalRating === values.finalRating && before.confirmedBy === values.confirmedBy) return;
        if (before?.finalRating) {
          throw ApplicationFailure.nonRetryable(
            bilingual('evaluation.unit.alreadyConfirmed', {
              unitCode: input.unitCode,
              year: input.year,
              ratingVi: before.finalRating,
              ratingEn: before.finalRating,
            }),
            'EvaluationRefusal',
          );
        }
        const after = await tx.unitEvaluation.upsert({
          where,
          create: { unitId: unit.id, year: input.year, side: DB_SIDE[sideOfKind(unit.kind)], ...values },
          update: values,
        });
        await tx.auditEvent.create({
          data: {
            at: values.confirmedAt,
            actor: input.actor,
            action: input.override ? 'evaluation.overridden' : 'evaluation.confirmed',
            entityType: 'UnitEvaluation',
            entityId: `${input.unitCode}:${input.year}`,
            before: { proposedRating: after.proposedRating, finalRating: null },
            after: {
              unitCode: input.unitCode,
              year: input.year,
              ...values,
              confirmedAt: values.confirmedAt.toISOString(),
            },
            idempotencyKey: `${unitEvaluationWorkflowId(input.unitCode, input.year)}:final`,
          },
        });
      });
    },

    async recordUnitPositiveFactors(input) {
      const unit = await unitByCode(prisma, input.unitCode);
      const text = input.text.trim() || null;
      const where = { unitId_year: { unitId: unit.id, year: input.year } };
      await prisma.$transaction(async (tx) => {
        const before = await tx.unitEvaluation.findUnique({ where });
        if ((before?.positiveFactors ?? null) === text) return;
        await tx.unitEvaluation.upsert({
          where,
          create: {
            unitId: unit.id,
            year: input.year,
            side: DB_SIDE[sideOfKind(unit.kind)],
            positiveFactors: text,
          },
          update: { positiveFactors: text },
        });
        await tx.auditEvent.create({
          data: {
            at: new Date(input.at),
            actor: input.actor,
            action: 'evaluation.positiveFactors',
            entityType: 'UnitEvaluation',
            entityId: `${input.unitCode}:${input.year}`,
            before: { positiveFactors: before?.positiveFactors ?? null },
            after: { positiveFactors: text },
          },
        });
      });
    },
  };
}
