/**
 * One unit's page for a year: the unit, its pairs that the reader may see (with the partner and the year's cycle)
 * and its rating for the year. A unit the reader has nothing to do with reads as unknown.
 */
import type { Scope } from '../../domain/access';
import type { CyclePhase } from '../../domain/cycle/types';
import type { PrismaClient } from '../../generated/prisma';
import { pairWhere } from '../access';
import { ratingOf, type UnitRating } from './pair';
import { ratingLevelsByYear, type UnitRef } from './shared';

/** One pair of the unit, as its page lists it. */
export interface UnitPair {
  readonly pairCode: string;
  readonly side: 'sponsor' | 'recipient';
  readonly partner: UnitRef;
  readonly status: string;
  /** The pair's cycle of the year, if it has one. */
  readonly cycle: {
    readonly phase: CyclePhase;
    readonly escalationLevel: number;
    readonly overdue: boolean;
  } | null;
}

/** A unit's page for one year. */
export interface UnitSummary extends UnitRef {
  readonly kind: string;
  readonly border: boolean;
  readonly parent: UnitRef | null;
  readonly year: number;
  readonly pairs: readonly UnitPair[];
  readonly rating: UnitRating | null;
}

/**
 * The unit `unitCode` in `year` for a reader with `scope`: `undefined` when the unit does not exist, or when the
 * reader is an officer of neither the unit nor any of its pairs. Only the pairs in the scope are listed.
 */
export async function unitSummary(
  prisma: PrismaClient,
  scope: Scope,
  unitCode: string,
  year: number,
): Promise<UnitSummary | undefined> {
  const unit = await prisma.unit.findUnique({
    where: { code: unitCode },
    include: { parent: { select: { code: true, name: true } } },
  });
  if (!unit) return undefined;
  const cycleOfYear = {
    cycles: { where: { year }, select: { phase: true, escalationLevel: true, overdue: true } },
  } as const;
  const [pairs, evaluation, levels] = await Promise.all([
    prisma.pair.findMany({
      where: { AND: [pairWhere(scope), { OR: [{ sponsorId: unit.id }, { recipientId: unit.id }] }] },
      include: {
        sponsor: { select: { code: true, name: true } },
        recipient: { select: { code: true, name: true } },
        ...cycleOfYear,
      },
      orderBy: { code: 'asc' },
    }),
    prisma.unitEvaluation.findUnique({ where: { unitId_year: { unitId: unit.id, year } } }),
    ratingLevelsByYear(prisma, [year]),
  ]);
  const own = scope.kind === 'all' || scope.unitIds.includes(unit.id);
  if (!own && pairs.length === 0) return undefined;
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    border: unit.border,
    parent: unit.parent,
    year,
    pairs: pairs.map((p) => {
      const side = p.sponsorId === unit.id ? 'sponsor' : 'recipient';
      const cycle = p.cycles[0];
      return {
        pairCode: p.code,
        side,
        partner: side === 'sponsor' ? p.recipient : p.sponsor,
        status: p.status,
        cycle: cycle
          ? {
              phase: cycle.phase as CyclePhase,
              escalationLevel: cycle.escalationLevel,
              overdue: cycle.overdue,
            }
          : null,
      };
    }),
    rating: ratingOf(evaluation ?? undefined, unit.code, levels.get(year) ?? []),
  };
}
