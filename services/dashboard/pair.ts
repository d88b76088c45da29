/**
 * One pair's page: both units, every year of the pair, and for one year the obligations with their dates, what
 * the cycle waits for in plain words, the timeline, the two units' ratings with their explanations, the pair's
 * history, the Temporal link, the documents submitted and the progress entries (with the households helped:
 * personal data, shown because the reader's scope holds the pair). A pair outside the scope reads as unknown.
 */
import { fromDbDate } from '../../domain/calendar/time';
import { pairInScope, type Scope } from '../../domain/access';
import { timelineLines } from '../../domain/cycle/timeline';
import {
  OBLIGATION_IDS,
  obligationStatusFromDb,
  type CyclePhase,
  type ObligationId,
  type ObligationStatus,
  type Side,
} from '../../domain/cycle/types';
import { sidesOwing, waitingLines, type WaitingLine } from '../../domain/dashboard/waiting';
import type { ExplanationLine, LevelRef } from '../../domain/evaluation';
import type { Prisma, PrismaClient, UnitEvaluation } from '../../generated/prisma';
import { dueDay, iso, levelView, ratingLevelsByYear, type LevelView, type UnitRef } from './shared';

/** A unit of the pair. */
export interface PairUnit extends UnitRef {
  readonly kind: string;
  readonly border: boolean;
  readonly parent: UnitRef | null;
  readonly contactCount: number;
  /** The unit's addresses: only when asked for (`includeContacts`, administrators). */
  readonly contacts?: ReadonlyArray<{
    readonly email: string;
    readonly role: string;
    readonly bounced: boolean;
  }>;
}

/** One obligation of the selected year. */
export interface PairObligation {
  readonly obligation: ObligationId;
  readonly status: ObligationStatus;
  /** yyyy-mm-dd */
  readonly statutoryDue: string;
  /** yyyy-mm-dd */
  readonly effectiveDue: string;
  readonly completedAt: string | null;
  readonly escalationLevel: number;
}

/** A unit's rating for the year: the proposal with its working, and the decision. */
export interface UnitRating {
  readonly unitCode: string;
  readonly proposed: LevelView | null;
  readonly score: number | null;
  readonly proposedAt: string | null;
  readonly criticised: boolean;
  readonly proposedReward: boolean;
  readonly explanation: ReadonlyArray<Pick<ExplanationLine, 'key' | 'vi' | 'en'>>;
  readonly positiveFactors: string | null;
  readonly final: LevelView | null;
  readonly overrideReason: string | null;
  readonly decisionNumber: string | null;
  readonly confirmedBy: string | null;
  readonly confirmedAt: string | null;
}

/** A document submitted in the year, with the texts it carries. */
export interface PairSubmission {
  readonly obligation: ObligationId;
  readonly side: string;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly late: boolean;
  /** The document's texts (summary, plan, assessment, signature…) as submitted; amounts as decimal strings. */
  readonly texts: {
    readonly summary?: string;
    readonly monitoringAssignment?: string;
    readonly assessment?: string;
    readonly signedOn?: string;
    readonly signatoryName?: string;
    readonly items?: ReadonlyArray<{
      readonly category: string;
      readonly description?: string;
      readonly estimatedAmountDong: string;
    }>;
  };
}

/** A progress entry of the year. */
export interface PairProgressEntry {
  readonly id: string;
  readonly side: string | null;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly category: string;
  readonly households: number;
  /** Whole đồng as a decimal string. */
  readonly amountDong: string;
  readonly modelsBuilt: number;
  readonly modelsReplicated: number;
  readonly studyTours: number;
  readonly communeCode: string | null;
  readonly description: string | null;
  /** Names of the households helped (personal data). */
  readonly beneficiaries: readonly string[];
  /** The entry this one corrects, and whether a later entry corrects this one. */
  readonly supersedesId: string | null;
  readonly superseded: boolean;
}

/** The selected year of the pair. */
export interface PairYear {
  readonly year: number;
  readonly phase: CyclePhase;
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly flags: readonly string[];
  readonly waitingSince: string | null;
  readonly nextTimerAt: string | null;
  readonly obligations: readonly PairObligation[];
  /** "Waiting on <unit> for <document> since <date>", one line per party and owed obligation. */
  readonly waiting: readonly WaitingLine[];
  /** Whether each side still owes something this year. */
  readonly owes: Readonly<Record<Side, boolean>>;
  readonly timeline: ReadonlyArray<{ readonly at: string; readonly vi: string; readonly en: string }>;
  readonly ratings: { readonly sponsor: UnitRating | null; readonly recipient: UnitRating | null };
  /** What the page needs to link the workflow in the Temporal web UI: `/namespaces/<ns>/workflows/<id>`. */
  readonly temporal: { readonly namespace: string; readonly workflowId: string };
  readonly submissions: readonly PairSubmission[];
  readonly progress: readonly PairProgressEntry[];
}

/** Everything about one pair. */
export interface PairDetail {
  readonly code: string;
  readonly status: string;
  /** yyyy-mm-dd */
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly communes: readonly string[];
  readonly sponsor: PairUnit;
  readonly recipient: PairUnit;
  readonly predecessor: string | null;
  readonly successors: readonly string[];
  readonly history: ReadonlyArray<{
    readonly at: string;
    readonly action: string;
    readonly reason: string | null;
    readonly before: unknown;
    readonly after: unknown;
  }>;
  /** Every year the pair has a cycle, newest first, with its phase. */
  readonly years: ReadonlyArray<{ readonly year: number; readonly phase: CyclePhase }>;
  /** The selected year (the asked one, else the latest); undefined when the pair has no cycle for it. */
  readonly selected: PairYear | undefined;
}

/** Options of {@link pairDetail}. */
export interface PairDetailOptions {
  /** The year to show (default: the pair's latest cycle). */
  readonly year?: number;
  readonly now: Date;
  /** Show the units' addresses (administrators only). */
  readonly includeContacts: boolean;
  /** The Temporal namespace of the cycles (configuration's `temporal.namespace`). */
  readonly temporalNamespace: string;
}

const UNIT_INCLUDE = {
  parent: { select: { code: true, name: true } },
  _count: { select: { contacts: true } },
  contacts: { orderBy: [{ role: 'asc' }, { email: 'asc' }] },
} satisfies Prisma.UnitInclude;

function unitOf(
  unit: {
    code: string;
    name: string;
    kind: string;
    border: boolean;
    parent: UnitRef | null;
    _count: { contacts: number };
    contacts: ReadonlyArray<{ email: string; role: string; bouncedAt: Date | null }>;
  },
  includeContacts: boolean,
): PairUnit {
  return {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    border: unit.border,
    parent: unit.parent,
    contactCount: unit._count.contacts,
    ...(includeContacts
      ? {
          contacts: unit.contacts.map((c) => ({
            email: c.email,
            role: c.role,
            bounced: c.bouncedAt !== null,
          })),
        }
      : {}),
  };
}

function explanationLines(value: unknown): UnitRating['explanation'] {
  const lines = (value as { lines?: unknown } | null)?.lines;
  if (!Array.isArray(lines)) return [];
  return lines.flatMap((l: unknown) => {
    const line = l as Partial<ExplanationLine> | null;
    return line && typeof line.vi === 'string' && typeof line.en === 'string' && typeof line.key === 'string'
      ? [{ key: line.key, vi: line.vi, en: line.en }]
      : [];
  });
}

/** A unit's stored evaluation as the pages show it (null when none is stored). */
export function ratingOf(
  row: UnitEvaluation | undefined,
  unitCode: string,
  levels: readonly LevelRef[],
): UnitRating | null {
  if (!row) return null;
  return {
    unitCode,
    proposed: levelView(levels, row.proposedRating),
    score: row.proposedScore,
    proposedAt: iso(row.proposedAt),
    criticised: row.criticised,
    proposedReward: row.proposedReward,
    explanation: explanationLines(row.explanation),
    positiveFactors: row.positiveFactors,
    final: levelView(levels, row.finalRating),
    overrideReason: row.overrideReason,
    decisionNumber: row.decisionNumber,
    confirmedBy: row.confirmedBy,
    confirmedAt: iso(row.confirmedAt),
  };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The texts of a submitted document, whatever its kind (the schemas of domain/cycle/schemas.ts). */
function textsOf(payload: unknown): PairSubmission['texts'] {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const items = Array.isArray(p.items)
    ? p.items.map((raw: unknown) => {
        const item = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
        const description = str(item.description);
        return {
          category: str(item.category) ?? '',
          ...(description !== undefined ? { description } : {}),
          // Validated as a whole number of đồng when submitted (a number or a digit string).
          estimatedAmountDong:
            typeof item.estimatedAmountDong === 'number' || typeof item.estimatedAmountDong === 'string'
              ? String(item.estimatedAmountDong)
              : '0',
        };
      })
    : undefined;
  const texts: Record<string, unknown> = {
    summary: str(p.summary),
    monitoringAssignment: str(p.monitoringAssignment),
    assessment: str(p.assessment),
    signedOn: str(p.signedOn),
    signatoryName: str(p.signatoryName),
    items,
  };
  return Object.fromEntries(
    Object.entries(texts).filter(([, v]) => v !== undefined),
  ) as PairSubmission['texts'];
}

function beneficiariesOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const SIDE_OF_DB: Readonly<Record<string, Side>> = { SPONSOR: 'sponsor', RECIPIENT: 'recipient' };

/** When the cycle entered each phase: its `opened` entry for the first, each `phaseChanged` for the others. */
function phaseEntries(
  audit: ReadonlyArray<{ at: Date; action: string; after: unknown }>,
): Partial<Record<CyclePhase, string>> {
  const entered: Partial<Record<CyclePhase, string>> = {};
  for (const a of audit) {
    if (a.action === 'opened') entered.needsProposal ??= a.at.toISOString();
    if (a.action === 'phaseChanged') {
      const to = (a.after as { to?: unknown } | null)?.to;
      if (typeof to === 'string') entered[to as CyclePhase] ??= a.at.toISOString();
    }
  }
  return entered;
}

async function yearOf(
  prisma: PrismaClient,
  cycleId: string,
  pair: { sponsor: UnitRef & { id: string }; recipient: UnitRef & { id: string } },
  options: PairDetailOptions,
): Promise<PairYear | undefined> {
  const cycle = await prisma.cycle.findUnique({
    where: { id: cycleId },
    include: {
      obligations: true,
      notifications: { orderBy: [{ scheduledFor: 'asc' }, { idempotencyKey: 'asc' }] },
      submissions: { orderBy: [{ submittedAt: 'asc' }, { idempotencyKey: 'asc' }] },
      progress: { orderBy: [{ submittedAt: 'asc' }, { idempotencyKey: 'asc' }] },
    },
  });
  if (!cycle) return undefined;
  const [audit, evaluations, levelsByYear] = await Promise.all([
    prisma.auditEvent.findMany({
      where: { entityType: 'Cycle', entityId: cycle.workflowId },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
    }),
    prisma.unitEvaluation.findMany({
      where: { year: cycle.year, unitId: { in: [pair.sponsor.id, pair.recipient.id] } },
    }),
    ratingLevelsByYear(prisma, [cycle.year]),
  ]);
  const levels = levelsByYear.get(cycle.year) ?? [];
  const byId = new Map(cycle.obligations.map((o) => [o.obligation, o]));
  const obligations = OBLIGATION_IDS.flatMap((id): PairObligation[] => {
    const o = byId.get(id);
    return o
      ? [
          {
            obligation: id,
            status: obligationStatusFromDb(o.status),
            statutoryDue: dueDay(o.statutoryDue),
            effectiveDue: dueDay(o.effectiveDue),
            completedAt: iso(o.completedAt),
            escalationLevel: o.escalationLevel,
          },
        ]
      : [];
  });
  const phase = cycle.phase as CyclePhase;
  const waiting = waitingLines({
    phase,
    waitingFor: (cycle.waitingFor ?? '')
      .split(',')
      .filter((id): id is ObligationId => byId.has(id as ObligationId)),
    obligations: obligations.map((o) => ({
      id: o.obligation,
      status: o.status,
      effectiveDue: o.effectiveDue,
    })),
    signed: cycle.submissions.filter((s) => s.obligation === 'O3').flatMap((s) => SIDE_OF_DB[s.side] ?? []),
    phaseEntered: phaseEntries(audit),
    waitingSince: (cycle.waitingSince ?? cycle.createdAt).toISOString(),
    sponsor: pair.sponsor,
    recipient: pair.recipient,
    now: options.now.toISOString(),
  });
  const supersededIds = new Set(cycle.progress.flatMap((p) => (p.supersedesId ? [p.supersedesId] : [])));
  return {
    year: cycle.year,
    phase,
    escalationLevel: cycle.escalationLevel,
    overdue: cycle.overdue,
    flags: cycle.flags,
    waitingSince: iso(cycle.waitingSince),
    nextTimerAt: iso(cycle.nextTimerAt),
    obligations,
    waiting,
    owes: sidesOwing(waiting),
    timeline: timelineLines(
      {
        timeline: audit.map((a) => ({ at: a.at, kind: a.action, actor: a.actor, detail: a.after })),
        notifications: cycle.notifications.map((n) => ({
          at: n.scheduledFor,
          kind: n.kind,
          obligation: n.obligation,
          level: n.level,
          status: n.status,
        })),
      },
      { levels },
    ).map((l) => ({ at: l.at.toISOString(), vi: l.vi, en: l.en })),
    ratings: {
      sponsor: ratingOf(
        evaluations.find((e) => e.unitId === pair.sponsor.id),
        pair.sponsor.code,
        levels,
      ),
      recipient: ratingOf(
        evaluations.find((e) => e.unitId === pair.recipient.id),
        pair.recipient.code,
        levels,
      ),
    },
    temporal: { namespace: options.temporalNamespace, workflowId: cycle.workflowId },
    submissions: cycle.submissions.map((s) => ({
      obligation: s.obligation,
      side: s.side,
      submittedBy: s.submittedBy,
      submittedAt: s.submittedAt.toISOString(),
      late: s.late,
      texts: textsOf(s.payload),
    })),
    progress: cycle.progress.map((p) => ({
      id: p.id,
      side: p.side,
      submittedBy: p.submittedBy,
      submittedAt: p.submittedAt.toISOString(),
      category: p.category,
      households: p.households,
      amountDong: p.amountDong.toString(),
      modelsBuilt: p.modelsBuilt,
      modelsReplicated: p.modelsReplicated,
      studyTours: p.studyTours,
      communeCode: p.communeCode,
      description: p.description,
      beneficiaries: beneficiariesOf(p.beneficiaries),
      supersedesId: p.supersedesId,
      superseded: supersededIds.has(p.id),
    })),
  };
}

/**
 * The page of the pair `pairCode` for a reader with `scope`; `undefined` when no such pair exists or the scope
 * does not hold it (the caller answers 404 to both, so a code outside the scope reveals nothing).
 */
export async function pairDetail(
  prisma: PrismaClient,
  scope: Scope,
  pairCode: string,
  options: PairDetailOptions,
): Promise<PairDetail | undefined> {
  const pair = await prisma.pair.findUnique({
    where: { code: pairCode },
    include: {
      sponsor: { include: UNIT_INCLUDE },
      recipient: { include: UNIT_INCLUDE },
      predecessor: { select: { code: true } },
      successors: { select: { code: true }, orderBy: { code: 'asc' } },
      history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
      cycles: { select: { id: true, year: true, phase: true }, orderBy: { year: 'desc' } },
    },
  });
  if (!pair || !pairInScope(scope, pair)) return undefined;
  const chosen =
    options.year === undefined ? pair.cycles[0] : pair.cycles.find((c) => c.year === options.year);
  return {
    code: pair.code,
    status: pair.status,
    validFrom: fromDbDate(pair.validFrom),
    validTo: pair.validTo ? fromDbDate(pair.validTo) : null,
    communes: pair.communes,
    sponsor: unitOf(pair.sponsor, options.includeContacts),
    recipient: unitOf(pair.recipient, options.includeContacts),
    predecessor: pair.predecessor?.code ?? null,
    successors: pair.successors.map((s) => s.code),
    history: pair.history.map((h) => ({
      at: h.at.toISOString(),
      action: h.action,
      reason: h.reason,
      before: h.before,
      after: h.after,
    })),
    years: pair.cycles.map((c) => ({ year: c.year, phase: c.phase as CyclePhase })),
    selected: chosen ? await yearOf(prisma, chosen.id, pair, options) : undefined,
  };
}
