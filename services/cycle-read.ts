/**
 * Reads of the cycle read model (Prisma): the list an administrator filters and the detail of one cycle.
 * The CLI and the web dashboard use these; neither asks Temporal.
 */
import type { LevelRef } from '../domain/evaluation/confirm';
import type { ObligationStatus as DbObligationStatus, Prisma, PrismaClient } from '../generated/prisma';
import { EvaluationSettingsError, loadEvaluationSettings } from './evaluation-store';

/** Filters of {@link listCycles}. */
export interface CycleFilters {
  readonly year?: number;
  readonly phase?: string;
  readonly overdue?: boolean;
  readonly sponsorCode?: string;
  readonly recipientCode?: string;
}

/** One row of the cycle list. */
export interface CycleRow {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsor: { readonly code: string; readonly name: string };
  readonly recipient: { readonly code: string; readonly name: string };
  readonly phase: string;
  readonly escalationLevel: number;
  readonly overdue: boolean;
  readonly flags: readonly string[];
  readonly waitingFor: readonly string[];
  readonly waitingSince: Date | null;
  readonly nextTimerAt: Date | null;
  readonly updatedAt: Date;
}

/** The cycles matching `filters`, by pair code. */
export async function listCycles(prisma: PrismaClient, filters: CycleFilters = {}): Promise<CycleRow[]> {
  const rows = await prisma.cycle.findMany({
    where: {
      ...(filters.year !== undefined ? { year: filters.year } : {}),
      ...(filters.phase ? { phase: filters.phase } : {}),
      ...(filters.overdue !== undefined ? { overdue: filters.overdue } : {}),
      ...(filters.sponsorCode || filters.recipientCode
        ? {
            pair: {
              ...(filters.sponsorCode ? { sponsor: { code: filters.sponsorCode } } : {}),
              ...(filters.recipientCode ? { recipient: { code: filters.recipientCode } } : {}),
            },
          }
        : {}),
    },
    include: { pair: { include: { sponsor: true, recipient: true } } },
    orderBy: [{ year: 'asc' }, { pair: { code: 'asc' } }],
  });
  return rows.map(toRow);
}

type CycleWithPair = Prisma.CycleGetPayload<{
  include: { pair: { include: { sponsor: true; recipient: true } } };
}>;

function toRow(c: CycleWithPair): CycleRow {
  return {
    pairCode: c.pair.code,
    year: c.year,
    sponsor: { code: c.pair.sponsor.code, name: c.pair.sponsor.name },
    recipient: { code: c.pair.recipient.code, name: c.pair.recipient.name },
    phase: c.phase,
    escalationLevel: c.escalationLevel,
    overdue: c.overdue,
    flags: c.flags,
    waitingFor: c.waitingFor ? c.waitingFor.split(',') : [],
    waitingSince: c.waitingSince,
    nextTimerAt: c.nextTimerAt,
    updatedAt: c.updatedAt,
  };
}

/** One obligation of a cycle's detail. */
export interface ObligationRow {
  readonly obligation: string;
  readonly status: DbObligationStatus;
  readonly statutoryDue: Date;
  readonly effectiveDue: Date;
  readonly completedAt: Date | null;
  readonly escalationLevel: number;
}

/** One event of a cycle's timeline. */
export interface TimelineRow {
  readonly at: Date;
  readonly kind: string;
  readonly actor: string;
  readonly detail: unknown;
}

/** Everything about one cycle. */
export interface CycleDetail extends CycleRow {
  readonly workflowId: string;
  readonly obligations: readonly ObligationRow[];
  readonly timeline: readonly TimelineRow[];
  readonly notifications: ReadonlyArray<{
    at: Date;
    kind: string;
    obligation: string | null;
    level: number | null;
    status: string;
  }>;
  /** The levels of the year's rating scale, to name the ratings in the timeline (empty when unreadable). */
  readonly ratingLevels: readonly LevelRef[];
}

// A broken evaluation setting must not hide a cycle: its ratings are then shown as recorded.
async function ratingLevelsOf(prisma: PrismaClient, year: number): Promise<readonly LevelRef[]> {
  try {
    return (await loadEvaluationSettings(prisma, year)).rating.levels;
  } catch (error) {
    if (error instanceof EvaluationSettingsError) return [];
    throw error;
  }
}

/** The detail of `pairCode`'s cycle in `year`, or undefined when there is none. */
export async function showCycle(
  prisma: PrismaClient,
  pairCode: string,
  year: number,
): Promise<CycleDetail | undefined> {
  const cycle = await prisma.cycle.findFirst({
    where: { year, pair: { code: pairCode } },
    include: {
      pair: { include: { sponsor: true, recipient: true } },
      obligations: { orderBy: { obligation: 'asc' } },
      notifications: { orderBy: [{ scheduledFor: 'asc' }, { idempotencyKey: 'asc' }] },
    },
  });
  if (!cycle) return undefined;
  const audit = await prisma.auditEvent.findMany({
    where: { entityType: 'Cycle', entityId: cycle.workflowId },
    orderBy: [{ at: 'asc' }, { id: 'asc' }],
  });
  return {
    ...toRow(cycle),
    workflowId: cycle.workflowId,
    obligations: cycle.obligations.map((o) => ({
      obligation: o.obligation,
      status: o.status,
      statutoryDue: o.statutoryDue,
      effectiveDue: o.effectiveDue,
      completedAt: o.completedAt,
      escalationLevel: o.escalationLevel,
    })),
    timeline: audit.map((a) => ({ at: a.at, kind: a.action, actor: a.actor, detail: a.after })),
    notifications: cycle.notifications.map((n) => ({
      at: n.scheduledFor,
      kind: n.kind,
      obligation: n.obligation,
      level: n.level,
      status: n.status,
    })),
    ratingLevels: await ratingLevelsOf(prisma, year),
  };
}
