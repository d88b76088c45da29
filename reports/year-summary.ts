/**
 * The province's year-end summary as data: per unit its targets and achievement, obligations on time / late /
 * missed, proposed and final rating with reasons, criticism and reward; totals per unit kind; the rating
 * distribution and the on-time rate of each obligation. Every renderer (xlsx, csv, html, pdf) draws from this
 * one model, so the formats cannot disagree.
 *
 * The proposed rating is recomputed from the database with the same pure function the `proposeRatings`
 * activity uses, so a unit whose cycle has not reached evaluation yet still shows a (provisional) proposal; the
 * final rating is what Ban Dân tộc recorded.
 */
import { OBLIGATION_IDS, type ObligationId, type ObligationStatus, type Side } from '../domain/cycle/types';
import type { ExplanationLine, RatingLevel, TargetResult, UnitEvaluation } from '../domain/evaluation';
import { toLocalDate } from '../domain/calendar/time';
import type { PrismaClient, UnitEvaluation as StoredUnitEvaluation } from '../generated/prisma';
import {
  evaluateGroup,
  groupByUnit,
  loadYearEvaluationData,
  type CycleData,
  type UnitSideGroup,
} from '../services/evaluation-store';

/** One evaluated unit (a unit with pairs on both sides would appear once per side). */
export interface UnitSummary {
  readonly side: Side;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly pairCodes: readonly string[];
  /** Sponsors: the staff count used and its year. */
  readonly staff: { readonly count: number; readonly year: number } | null;
  readonly evaluation: UnitEvaluation;
  /** Whole-unit target results (per-recipient model lines are in `evaluation.targets`). */
  readonly targets: Readonly<Partial<Record<TargetResult['target'], TargetResult>>>;
  /** Whether the unit's proposal is stored (false: the proposal shown is computed now, provisional). */
  readonly proposalStored: boolean;
  /** The unit's final level id shown on each of its active pairs, by pair code (empty until confirmed). */
  readonly finalByPair: Readonly<Record<string, string>>;
  /** The unit's confirmed final level; `null` until confirmed. */
  readonly finalLevel: RatingLevel | null;
  /** Text of the final rating (its Vietnamese label), or empty. */
  readonly finalText: string;
  readonly confirmed: boolean;
  readonly overrideReasons: readonly string[];
  readonly decisionNumbers: readonly string[];
  readonly positiveFactors: string | null;
}

/** One obligation of one cycle, for the obligations sheet. */
export interface ObligationRow {
  readonly pairCode: string;
  readonly sponsorCode: string;
  readonly sponsorName: string;
  readonly recipientCode: string;
  readonly recipientName: string;
  readonly obligation: ObligationId;
  /** The last day as named (yyyy-mm-dd, local). */
  readonly statutoryDue: string;
  /** The last day that counts (yyyy-mm-dd, local), after roll-forward and extensions. */
  readonly effectiveDue: string;
  readonly completedAt: Date | null;
  readonly status: ObligationStatus;
}

/** Totals of one unit kind. */
export interface KindTotals {
  readonly kind: string;
  readonly side: Side;
  readonly units: number;
  readonly confirmed: number;
  readonly criticised: number;
  readonly proposedReward: number;
  readonly averageScore: number;
  /** Achievement sums: sponsors only (`null` for recipient kinds, whose help is counted on the sponsor side). */
  readonly households: number | null;
  readonly amountDong: bigint | null;
  readonly models: number | null;
  readonly studyTours: number | null;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  /** Count per level id (final rating where recorded, else proposal). */
  readonly byLevel: Readonly<Record<string, number>>;
}

/** The on-time record of one obligation over all cycles of the year. */
export interface OnTimeRate {
  readonly obligation: ObligationId;
  readonly onTime: number;
  readonly late: number;
  readonly missed: number;
  readonly pending: number;
  readonly waived: number;
  readonly notApplicable: number;
  /** onTime / (onTime + late + missed), 0–1; `null` when none is settled. */
  readonly rate: number | null;
}

/** Count of units per level, for the distribution chart. */
export interface LevelCount {
  readonly level: RatingLevel;
  readonly final: number;
  readonly proposed: number;
}

/** The whole year-end summary. */
export interface YearSummary {
  readonly year: number;
  readonly generatedAt: Date;
  readonly levels: readonly RatingLevel[];
  readonly cycles: number;
  readonly units: readonly UnitSummary[];
  readonly obligations: readonly ObligationRow[];
  readonly totals: readonly KindTotals[];
  readonly distribution: readonly LevelCount[];
  readonly onTime: readonly OnTimeRate[];
}

/** Kinds in display order. */
export const KIND_ORDER = [
  'DEPARTMENT',
  'LOWLAND_DISTRICT',
  'LOWLAND_COMMUNE',
  'MOUNTAIN_DISTRICT',
  'COMMUNE',
] as const;

function unitSummary(
  group: UnitSideGroup,
  evaluation: UnitEvaluation,
  stored: StoredUnitEvaluation | undefined,
  levels: readonly RatingLevel[],
  staff: UnitSummary['staff'],
): UnitSummary {
  // One final rating per unit and year: every active pair of the unit shows it.
  const final = stored?.finalRating ?? null;
  const finalByPair: Record<string, string> = {};
  if (final) for (const c of group.cycles.filter((x) => x.active)) finalByPair[c.pairCode] = final;
  const finalLevel = final ? (levels.find((l) => l.id === final) ?? null) : null;
  const targets: Partial<Record<TargetResult['target'], TargetResult>> = {};
  for (const t of evaluation.targets) if (t.scope === 'total') targets[t.target] = t;
  return {
    side: group.side,
    code: group.unit.code,
    name: group.unit.name,
    kind: group.unit.kind,
    pairCodes: group.cycles.map((c) => c.pairCode),
    staff,
    evaluation,
    targets,
    proposalStored: Boolean(stored?.proposedRating),
    finalByPair,
    finalLevel,
    finalText: finalLevel?.vi ?? final ?? '',
    confirmed: final !== null,
    overrideReasons: stored?.overrideReason ? [stored.overrideReason] : [],
    decisionNumbers: stored?.decisionNumber ? [stored.decisionNumber] : [],
    positiveFactors: stored?.positiveFactors ?? null,
  };
}

/**
 * The local last day of a deadline stored as its end instant (24:00 local = 17:00 UTC of the day): the day that
 * contains the instant one millisecond before it.
 */
export function dueDay(end: Date): string {
  return toLocalDate(new Date(end.getTime() - 1));
}

function obligationRows(cycles: readonly CycleData[]): ObligationRow[] {
  return cycles.flatMap((c) =>
    c.obligations.map((o) => ({
      pairCode: c.pairCode,
      sponsorCode: c.sponsor.code,
      sponsorName: c.sponsor.name,
      recipientCode: c.recipient.code,
      recipientName: c.recipient.name,
      obligation: o.obligation,
      statutoryDue: dueDay(o.statutoryDue),
      effectiveDue: dueDay(o.effectiveDue),
      completedAt: o.completedAt,
      status: o.status,
    })),
  );
}

/** The level a unit counts under in distributions: the final one where recorded, else the proposal. */
export function countedLevel(unit: UnitSummary): RatingLevel {
  return unit.finalLevel ?? unit.evaluation.level;
}

function kindTotals(units: readonly UnitSummary[]): KindTotals[] {
  const out: KindTotals[] = [];
  for (const kind of KIND_ORDER) {
    const of = units.filter((u) => u.kind === kind);
    if (of.length === 0) continue;
    const byLevel: Record<string, number> = {};
    for (const u of of) byLevel[countedLevel(u).id] = (byLevel[countedLevel(u).id] ?? 0) + 1;
    const sum = (f: (u: UnitSummary) => number) => of.reduce((s, u) => s + f(u), 0);
    const sponsor = of[0]!.side === 'sponsor';
    out.push({
      kind,
      side: of[0]!.side,
      units: of.length,
      confirmed: of.filter((u) => u.confirmed).length,
      criticised: of.filter((u) => u.evaluation.criticised).length,
      proposedReward: of.filter((u) => u.evaluation.proposedReward).length,
      averageScore: Math.round((sum((u) => u.evaluation.score) / of.length) * 10) / 10,
      // Progress belongs to both sides of a pair: summing it for recipients too would count it twice.
      households: sponsor ? sum((u) => u.evaluation.progress.total.households) : null,
      amountDong: sponsor ? of.reduce((s, u) => s + u.evaluation.progress.total.amountDong, 0n) : null,
      models: sponsor ? sum((u) => u.evaluation.progress.total.models) : null,
      studyTours: sponsor ? sum((u) => u.evaluation.progress.total.studyTours) : null,
      onTime: sum((u) => u.evaluation.tally.onTime),
      late: sum((u) => u.evaluation.tally.late),
      missed: sum((u) => u.evaluation.tally.missed),
      byLevel,
    });
  }
  return out;
}

function onTimeRates(rows: readonly ObligationRow[]): OnTimeRate[] {
  return OBLIGATION_IDS.map((obligation) => {
    const of = rows.filter((r) => r.obligation === obligation);
    const n = (s: ObligationStatus) => of.filter((r) => r.status === s).length;
    const onTime = n('submitted');
    const late = n('late');
    const missed = n('missed');
    const settled = onTime + late + missed;
    return {
      obligation,
      onTime,
      late,
      missed,
      pending: n('pending'),
      waived: n('waived'),
      notApplicable: n('notApplicable'),
      rate: settled === 0 ? null : onTime / settled,
    };
  });
}

/** Builds the year-end summary of `year` from the database. */
export async function buildYearSummary(
  prisma: PrismaClient,
  year: number,
  options: { now?: Date } = {},
): Promise<YearSummary> {
  const data = await loadYearEvaluationData(prisma, year);
  const levels = data.settings.rating.levels;
  const units = groupByUnit(data).map((group) =>
    unitSummary(
      group,
      evaluateGroup(group, data),
      data.unitEvaluations.get(group.unit.id),
      levels,
      group.side === 'sponsor' ? (data.staff.get(group.unit.id) ?? null) : null,
    ),
  );
  units.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind as (typeof KIND_ORDER)[number]) -
        KIND_ORDER.indexOf(b.kind as (typeof KIND_ORDER)[number]) || a.code.localeCompare(b.code),
  );
  const obligations = obligationRows(data.cycles);
  return {
    year,
    generatedAt: options.now ?? new Date(),
    levels,
    cycles: data.cycles.length,
    units,
    obligations,
    totals: kindTotals(units),
    distribution: levels.map((level) => ({
      level,
      final: units.filter((u) => u.finalLevel?.id === level.id).length,
      proposed: units.filter((u) => u.evaluation.level.id === level.id).length,
    })),
    onTime: onTimeRates(obligations),
  };
}

/** The explanation lines of a unit in one language. */
export function explanationText(lines: readonly ExplanationLine[], lang: 'vi' | 'en' = 'vi'): string[] {
  return lines.map((l) => l[lang]);
}
