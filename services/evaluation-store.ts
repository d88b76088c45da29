/**
 * Reads what the year-end evaluation needs from the database — cycles of a year with their pairs, the communes
 * each pair covers, obligations, progress entries (never the beneficiaries, which are personal data), the
 * units' stored evaluations, staff counts and the year's settings — and turns it into the pure inputs of
 * `domain/evaluation`. Shared by the evaluation activities and the year-end reports, so both compute the same
 * numbers.
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
import { validDuring } from './validity';
import type { PrismaClient, UnitEvaluation as StoredUnitEvaluation } from '../generated/prisma';

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
  /** The communes the pair covers: the recipient commune itself, or a mountain district's communes. */
  readonly communes: readonly string[];
  readonly obligations: readonly CycleObligationData[];
  readonly entries: readonly ProgressEntryInput[];
}

/** What one year's evaluation reads. */
export interface YearEvaluationData {
  readonly year: number;
  readonly settings: EvaluationSettings;
  readonly cycles: readonly CycleData[];
  /** Staff counts of sponsors: the year's, or the latest earlier one. */
  readonly staff: ReadonlyMap<string, { readonly count: number; readonly year: number }>;
  /** The stored evaluation of each unit of the year (proposal, final rating, positive factors), by unit ID. */
  readonly unitEvaluations: ReadonlyMap<string, StoredUnitEvaluation>;
}

/** An evaluation settings problem an administrator must fix (names the year and the key). */
export class EvaluationSettingsError extends Error {
  /** Each problem as `path: message`, joined by `; `. */
  readonly problem: string;

  constructor(
    readonly year: number,
    error: ZodError,
  ) {
    const problem = error.issues
      .map((i) => `${['evaluation', ...i.path].join('.')}: ${i.message}`)
      .join('; ');
    super(bilingual('evaluation.invalidSettings', { year, problem }));
    this.name = 'EvaluationSettingsError';
    this.problem = problem;
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
          communes: true,
          sponsor: { select: { id: true, code: true, name: true, kind: true } },
          recipient: { select: { id: true, code: true, name: true, kind: true } },
        },
      },
      obligations: true,
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
          side: true,
        },
        orderBy: { submittedAt: 'asc' },
      },
    },
  });
  const communesOf = await districtCommunes(
    prisma,
    year,
    rows.filter((c) => c.pair.recipient.kind === 'MOUNTAIN_DISTRICT').map((c) => c.pair.recipient.id),
  );
  const cycles: CycleData[] = rows.map((c) => ({
    id: c.id,
    workflowId: c.workflowId,
    pairCode: c.pair.code,
    phase: c.phase,
    flags: c.flags,
    // A pair dissolved, re-paired or ended within the year no longer owes its year-end targets.
    active: !c.flags.includes('dissolved') && !c.flags.includes('repaired') && !c.flags.includes('ended'),
    sponsor: c.pair.sponsor,
    recipient: c.pair.recipient,
    communes:
      c.pair.recipient.kind !== 'MOUNTAIN_DISTRICT'
        ? [c.pair.recipient.code]
        : c.pair.communes.length > 0
          ? [...c.pair.communes].sort()
          : (communesOf.get(c.pair.recipient.id) ?? []),
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
      side: e.side === 'SPONSOR' ? 'sponsor' : e.side === 'RECIPIENT' ? 'recipient' : null,
    })),
  }));
  const sponsorIds = [...new Set(cycles.map((c) => c.sponsor.id))];
  const staffRows = await prisma.unitStaff.findMany({
    where: { unitId: { in: sponsorIds }, year: { lte: year } },
    orderBy: { year: 'desc' },
  });
  const staff = new Map<string, { count: number; year: number }>();
  // Rows come newest first: the first one seen per unit is the year's count or the latest earlier one.
  for (const s of staffRows) if (!staff.has(s.unitId)) staff.set(s.unitId, { count: s.staff, year: s.year });
  const unitIdsOfYear = [...new Set(cycles.flatMap((c) => [c.sponsor.id, c.recipient.id]))];
  const stored = await prisma.unitEvaluation.findMany({ where: { year, unitId: { in: unitIdsOfYear } } });
  const unitEvaluations = new Map(stored.map((e) => [e.unitId, e]));
  return { year, settings, cycles, staff, unitEvaluations };
}

/**
 * The communes under each mountain district that exist during `year` (by default a district's pair covers all
 * of them), sorted by code.
 */
async function districtCommunes(
  prisma: PrismaClient,
  year: number,
  districtIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (districtIds.length === 0) return new Map();
  const children = await prisma.unit.findMany({
    where: {
      parentId: { in: [...new Set(districtIds)] },
      kind: 'COMMUNE',
      ...validDuring(year),
    },
    select: { code: true, parentId: true },
    orderBy: { code: 'asc' },
  });
  const byDistrict = new Map<string, string[]>();
  for (const c of children) {
    if (!c.parentId) continue;
    byDistrict.set(c.parentId, [...(byDistrict.get(c.parentId) ?? []), c.code]);
  }
  return byDistrict;
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

/** The positive factors Ban Dân tộc recorded for a unit in the year, if any. */
export function positiveFactorsOf(group: UnitSideGroup, data: YearEvaluationData): string | null {
  const text = data.unitEvaluations.get(group.unit.id)?.positiveFactors?.trim() ?? '';
  return text.length > 0 ? text : null;
}

/** The pair codes of a unit's cycles that have not reached evaluation (or closed) yet: what its rating waits for. */
export function notYetReady(group: UnitSideGroup): string[] {
  return group.cycles.filter((c) => c.phase !== 'evaluation' && c.phase !== 'closed').map((c) => c.pairCode);
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
      counterpart: {
        code: c[counterpart].code,
        kind: c[counterpart].kind,
        ...(counterpart === 'recipient' ? { communes: c.communes } : {}),
      },
      active: c.active,
      obligations: c.obligations.map((o) => ({ obligation: o.obligation, status: o.status })),
    })),
    entries: group.cycles.flatMap((c) => c.entries),
    positiveFactors: positiveFactorsOf(group, data),
  };
}

/** Rates one unit of the year's data. */
export function evaluateGroup(group: UnitSideGroup, data: YearEvaluationData): UnitEvaluation {
  return evaluateUnit(unitInput(group, data), data.settings);
}
