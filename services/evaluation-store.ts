/**
 * Reads what the year-end evaluation needs from the database — cycles of a year with their pairs, obligations,
 * progress entries (never the beneficiaries, which are personal data), stored evaluations, staff counts and the
 * year's settings — and turns it into the pure inputs of `domain/evaluation`. Shared by the evaluation
 * activities and the year-end reports, so both compute the same numbers.
 */
import { ZodError } from 'zod';
import {
  obligationStatusFromDb,
  type ObligationId,
  type ObligationStatus,
  type Side,
} from '../domain/cycle/types';
import {
  evaluateUnit,
  evaluationOverridesOf,
  resolveEvaluationSettings,
  type EvaluationSettings,
  type ProgressEntryInput,
  type UnitEvaluation,
  type UnitEvaluationInput,
} from '../domain/evaluation';
import { bilingual } from '../domain/messages';
import type { Evaluation, PrismaClient } from '../generated/prisma';

/** A unit as the evaluation shows it. */
export interface EvaluatedUnitRef {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
}

/** One obligation of a cycle with its dates. */
export interface CycleObligationData {
  readonly obligation: ObligationId;
  readonly status: ObligationStatus;
  readonly statutoryDue: Date;
  readonly effectiveDue: Date;
  readonly completedAt: Date | null;
}

/** One cycle of the year with everything the evaluation reads. */
export interface CycleData {
  readonly id: string;
  readonly workflowId: string;
  readonly pairCode: string;
  readonly phase: string;
  readonly flags: readonly string[];
  /** `false` when the pair was dissolved or re-paired during the year. */
  readonly active: boolean;
  readonly sponsor: EvaluatedUnitRef;
  readonly recipient: EvaluatedUnitRef;
  readonly obligations: readonly CycleObligationData[];
  readonly entries: readonly ProgressEntryInput[];
  readonly evaluations: readonly Evaluation[];
}

/** What one year's evaluation reads. */
export interface YearEvaluationData {
  readonly year: number;
  readonly settings: EvaluationSettings;
  readonly cycles: readonly CycleData[];
  /** Staff counts of sponsors: the year's, or the latest earlier one. */
  readonly staff: ReadonlyMap<string, { readonly count: number; readonly year: number }>;
}

/** An evaluation settings problem an administrator must fix (names the year and the key). */
export class EvaluationSettingsError extends Error {
  constructor(year: number, error: ZodError) {
    const problem = error.issues
      .map((i) => `${['evaluation', ...i.path].join('.')}: ${i.message}`)
      .join('; ');
    super(bilingual('evaluation.invalidSettings', { year, problem }));
    this.name = 'EvaluationSettingsError';
  }
}

/** The evaluation settings of `year` (defaults with `YearSettings.settings.evaluation` over them). */
export async function loadEvaluationSettings(
  prisma: Pick<PrismaClient, 'yearSettings'>,
  year: number,
): Promise<EvaluationSettings> {
  const row = await prisma.yearSettings.findUnique({ where: { year } });
  try {
    return resolveEvaluationSettings(evaluationOverridesOf(row?.settings ?? {}));
  } catch (error) {
    if (error instanceof ZodError) throw new EvaluationSettingsError(year, error);
    throw error;
  }
}

/**
 * Loads the cycles of `year`; with `unitIds`, only the cycles in which one of those units takes part (what a
 * unit's rating needs: all its pairs of the year).
 */
export async function loadYearEvaluationData(
  prisma: PrismaClient,
  year: number,
  options: { unitIds?: readonly string[] } = {},
): Promise<YearEvaluationData> {
  const settings = await loadEvaluationSettings(prisma, year);
  const unitIds = options.unitIds ? [...options.unitIds] : undefined;
  const rows = await prisma.cycle.findMany({
    where: {
      year,
      ...(unitIds
        ? { pair: { OR: [{ sponsorId: { in: unitIds } }, { recipientId: { in: unitIds } }] } }
        : {}),
    },
    orderBy: { workflowId: 'asc' },
    include: {
      pair: {
        select: {
          code: true,
          sponsor: { select: { id: true, code: true, name: true, kind: true } },
          recipient: { select: { id: true, code: true, name: true, kind: true } },
        },
      },
      obligations: true,
      evaluations: true,
      // Beneficiaries (names of poor households) are personal data and not needed: never selected.
      progress: {
        select: {
          id: true,
          submittedBy: true,
          submittedAt: true,
          category: true,
          households: true,
          amountDong: true,
          modelsBuilt: true,
          modelsReplicated: true,
          studyTours: true,
          communeCode: true,
          supersedesId: true,
        },
        orderBy: { submittedAt: 'asc' },
      },
    },
  });
  const cycles: CycleData[] = rows.map((c) => ({
    id: c.id,
    workflowId: c.workflowId,
    pairCode: c.pair.code,
    phase: c.phase,
    flags: c.flags,
    active: !c.flags.includes('dissolved') && !c.flags.includes('repaired'),
    sponsor: c.pair.sponsor,
    recipient: c.pair.recipient,
    obligations: c.obligations
      .map((o) => ({
        obligation: o.obligation,
        status: obligationStatusFromDb(o.status),
        statutoryDue: o.statutoryDue,
        effectiveDue: o.effectiveDue,
        completedAt: o.completedAt,
      }))
      .sort((a, b) => a.obligation.localeCompare(b.obligation)),
    entries: c.progress.map((e) => ({
      id: e.id,
      pairCode: c.pair.code,
      recipientCode: c.pair.recipient.code,
      submittedBy: e.submittedBy,
      submittedAt: e.submittedAt.toISOString(),
      category: e.category,
      households: e.households,
      amountDong: e.amountDong,
      modelsBuilt: e.modelsBuilt,
      modelsReplicated: e.modelsReplicated,
      studyTours: e.studyTours,
      communeCode: e.communeCode,
      supersedesId: e.supersedesId,
    })),
    evaluations: c.evaluations,
  }));
  const sponsorIds = [...new Set(cycles.map((c) => c.sponsor.id))];
  const staffRows = await prisma.unitStaff.findMany({
    where: { unitId: { in: sponsorIds }, year: { lte: year } },
    orderBy: { year: 'desc' },
  });
  const staff = new Map<string, { count: number; year: number }>();
  // Rows come newest first: the first one seen per unit is the year's count or the latest earlier one.
  for (const s of staffRows) if (!staff.has(s.unitId)) staff.set(s.unitId, { count: s.staff, year: s.year });
  return { year, settings, cycles, staff };
}

/** The evaluated parties of a year: each (unit, side) once, with its cycles. */
export interface UnitSideGroup {
  readonly side: Side;
  readonly unit: EvaluatedUnitRef;
  readonly cycles: readonly CycleData[];
}

/** Groups a year's cycles by evaluated unit and side (sponsors first, then recipients; by code). */
export function groupByUnit(data: YearEvaluationData): UnitSideGroup[] {
  const groups = new Map<string, { side: Side; unit: EvaluatedUnitRef; cycles: CycleData[] }>();
  for (const c of data.cycles) {
    for (const side of ['sponsor', 'recipient'] as const) {
      const unit = c[side];
      const key = `${side}:${unit.id}`;
      const group = groups.get(key) ?? { side, unit, cycles: [] };
      group.cycles.push(c);
      groups.set(key, group);
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.side === b.side ? a.unit.code.localeCompare(b.unit.code) : a.side === 'sponsor' ? -1 : 1,
  );
}

/** The positive factors recorded for a unit on any of its cycles of the year (joined, without repeats). */
export function positiveFactorsOf(group: UnitSideGroup): string | null {
  const side = group.side === 'sponsor' ? 'SPONSOR' : 'RECIPIENT';
  const texts = group.cycles
    .flatMap((c) => c.evaluations.filter((e) => e.side === side && e.positiveFactors))
    .map((e) => e.positiveFactors!.trim())
    .filter((t) => t.length > 0);
  const unique = [...new Set(texts)];
  return unique.length > 0 ? unique.join('; ') : null;
}

/** The pure input of one unit's rating. */
export function unitInput(group: UnitSideGroup, data: YearEvaluationData): UnitEvaluationInput {
  const counterpart = group.side === 'sponsor' ? 'recipient' : 'sponsor';
  return {
    side: group.side,
    unitCode: group.unit.code,
    kind: group.unit.kind,
    year: data.year,
    staff: group.side === 'sponsor' ? (data.staff.get(group.unit.id) ?? null) : null,
    cycles: group.cycles.map((c) => ({
      pairCode: c.pairCode,
      counterpart: { code: c[counterpart].code, kind: c[counterpart].kind },
      active: c.active,
      obligations: c.obligations.map((o) => ({ obligation: o.obligation, status: o.status })),
    })),
    entries: group.cycles.flatMap((c) => c.entries),
    positiveFactors: positiveFactorsOf(group),
  };
}

/** Rates one unit of the year's data. */
export function evaluateGroup(group: UnitSideGroup, data: YearEvaluationData): UnitEvaluation {
  return evaluateUnit(unitInput(group, data), data.settings);
}
