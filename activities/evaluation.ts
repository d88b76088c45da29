/**
 * The evaluation activities of cycles started before units were rated as units (`workflows/cycle/legacy.ts`):
 * they keep their names and shapes, and work on the units' evaluations (one proposal and one final rating per
 * unit and year), so such a cycle rates its two units as the current code does. Delete with legacy.ts.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Side } from '../domain/cycle/types';
import { checkRatingConfirmation } from '../domain/evaluation';
import { bilingual, bilingualOf } from '../domain/messages';
import type { PrismaClient } from '../generated/prisma';
import { loadEvaluationSettings } from '../services/evaluation-store';
import { createUnitEvaluationActivities } from './unit-evaluation';

/** The proposal for one side, as a legacy cycle keeps it (for its `rate` validator). */
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
  /** The final rating if it was already recorded. */
  readonly finalRating: string | null;
  /** The levels of the year's scale, best first. */
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
  /** ISO instant of the decision (the workflow's time of the update). */
  readonly at?: string;
}

/** The legacy activities, by name (legacy cycles proxy them by type only). */
export interface EvaluationActivities {
  /** Computes and stores the proposals of the cycle's two units (whether or not their other cycles are ready). */
  proposeRatings(input: {
    workflowId: string;
  }): Promise<{ sponsor: ProposalSummary; recipient: ProposalSummary }>;
  /** Records the final rating of one of the cycle's units. */
  recordFinalRating(
    input: RecordFinalRatingInput,
  ): Promise<{ side: Side; finalRating: string; override: boolean }>;
  /** Records (or clears) the positive factors of one of the cycle's units. */
  recordPositiveFactors(input: {
    workflowId: string;
    side: Side;
    text: string;
    actor: string;
  }): Promise<void>;
}

/** Builds the legacy evaluation activities with their database client. */
export function createEvaluationActivities(deps: { prisma: PrismaClient }): EvaluationActivities {
  const { prisma } = deps;
  const units = createUnitEvaluationActivities({
    prisma,
    temporalClient: () => Promise.reject(new Error('legacy evaluation activities start no workflow')),
  });

  async function cycleUnits(workflowId: string) {
    const cycle = await prisma.cycle.findUnique({
      where: { workflowId },
      include: { pair: { include: { sponsor: true, recipient: true } } },
    });
    if (!cycle)
      throw ApplicationFailure.nonRetryable(
        bilingual('evaluation.unknownCycle', { workflowId }),
        'UnknownCycle',
      );
    return { year: cycle.year, sponsor: cycle.pair.sponsor, recipient: cycle.pair.recipient };
  }

  return {
    async proposeRatings({ workflowId }) {
      const cycle = await cycleUnits(workflowId);
      const scale = (await loadEvaluationSettings(prisma, cycle.year)).rating.levels;
      const summary = async (side: Side): Promise<ProposalSummary> => {
        const unit = cycle[side];
        await units.computeUnitProposal({ unitCode: unit.code, year: cycle.year });
        const stored = await prisma.unitEvaluation.findUnique({
          where: { unitId_year: { unitId: unit.id, year: cycle.year } },
        });
        const level = scale.find((l) => l.id === stored?.proposedRating) ?? scale[scale.length - 1]!;
        return {
          side,
          unitCode: unit.code,
          proposedRating: level.id,
          labelVi: level.vi,
          labelEn: level.en,
          score: stored?.proposedScore ?? 0,
          criticised: stored?.criticised ?? false,
          proposedReward: stored?.proposedReward ?? false,
          finalRating: stored?.finalRating ?? null,
          scale: scale.map((l) => ({ id: l.id, vi: l.vi, en: l.en, minScore: l.minScore })),
        };
      };
      return { sponsor: await summary('sponsor'), recipient: await summary('recipient') };
    },

    async recordFinalRating(input) {
      const cycle = await cycleUnits(input.workflowId);
      const unit = cycle[input.side];
      const scale = (await loadEvaluationSettings(prisma, cycle.year)).rating;
      const stored = await prisma.unitEvaluation.findUnique({
        where: { unitId_year: { unitId: unit.id, year: cycle.year } },
      });
      const check = checkRatingConfirmation({
        proposed: stored?.proposedRating ?? null,
        final: input.rating,
        reason: input.reason ?? null,
        decisionNumber: input.decisionNumber ?? null,
        scale,
      });
      if (!check.ok) throw ApplicationFailure.nonRetryable(bilingualOf(check.message), 'InvalidRating');
      // The unit's rating is recorded once; a second legacy pair of the same unit finds it and keeps it.
      if (!stored?.finalRating) {
        await units.recordUnitFinalRating({
          unitCode: unit.code,
          year: cycle.year,
          rating: check.level.id,
          override: check.override,
          actor: input.actor,
          at: input.at ?? new Date().toISOString(),
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
          ...(input.decisionNumber !== undefined ? { decisionNumber: input.decisionNumber } : {}),
        });
      }
      return {
        side: input.side,
        finalRating: stored?.finalRating ?? check.level.id,
        override: check.override,
      };
    },

    async recordPositiveFactors(input) {
      const cycle = await cycleUnits(input.workflowId);
      await units.recordUnitPositiveFactors({
        unitCode: cycle[input.side].code,
        year: cycle.year,
        text: input.text,
        actor: input.actor,
        at: new Date().toISOString(),
      });
    },
  };
}
