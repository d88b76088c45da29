/**
 * The dashboard's first page for one year, within the reader's scope: cycles by phase, obligations by status,
 * on time / late / missed per obligation (chart data), the deadlines of the coming 14 days, the open escalations,
 * and the messages that could not be delivered. Every count and list is of the year's cycles in scope; `now` is
 * injected (no clock is read here).
 */
import { addDays, endOfLocalDay, toLocalDate } from '../../domain/calendar/time';
import type { Scope } from '../../domain/access';
import {
  CYCLE_PHASES,
  OBLIGATION_IDS,
  obligationStatusFromDb,
  owingParties,
  type CyclePhase,
  type ObligationId,
  type ObligationStatus,
  type Party,
  type Side,
} from '../../domain/cycle/types';
import { LIST_STATUSES } from '../../domain/dashboard/list-query';
import type { Prisma, PrismaClient } from '../../generated/prisma';
import { listBouncedContacts, listMailFailures } from '../../mail/ledger';
import { cycleWhere } from '../access';
import { dueDay, iso, type UnitRef } from './shared';

/** How many days ahead the overview lists deadlines. */
export const UPCOMING_DAYS = 14;

/** One deadline of the coming days: a pending obligation, its pair and who owes it. */
export interface UpcomingDeadline {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsor: UnitRef;
  readonly recipient: UnitRef;
  readonly obligation: ObligationId;
  /** Effective due day, yyyy-mm-dd. */
  readonly due: string;
  /** The deadline instant (24:00 local of the due day), ISO. */
  readonly at: string;
  /** Who still owes it (O3: the sides that have not signed); the coordinator has no unit. */
  readonly owing: ReadonlyArray<{ readonly party: Party; readonly unit?: UnitRef }>;
}

/** A cycle with an open escalation and the escalated obligations it still owes. */
export interface EscalatedCycle {
  readonly pairCode: string;
  readonly year: number;
  readonly sponsor: UnitRef;
  readonly recipient: UnitRef;
  readonly phase: CyclePhase;
  readonly level: number;
  readonly obligations: ReadonlyArray<{
    readonly obligation: ObligationId;
    readonly level: number;
    readonly status: ObligationStatus;
  }>;
}

/** A message that could not be delivered (no personal data beyond the addresses the reader may see). */
export interface FailedDelivery {
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly subject: string | null;
  readonly recipients: readonly string[];
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: string;
  readonly failedAt: string | null;
}

/** An address that bounced permanently. */
export interface BouncedAddress {
  readonly unitCode: string;
  readonly email: string;
  readonly bouncedAt: string;
  readonly reply: string | null;
}

/** Everything the overview page shows. */
export interface Overview {
  readonly year: number;
  /** ISO instant the overview was computed for. */
  readonly now: string;
  readonly cycles: number;
  /** Every phase in programme order, zeros included. */
  readonly byPhase: ReadonlyArray<{ readonly phase: CyclePhase; readonly count: number }>;
  /** Every obligation with a count for every status, zeros included. */
  readonly byObligation: ReadonlyArray<{
    readonly obligation: ObligationId;
    readonly counts: Readonly<Record<ObligationStatus, number>>;
  }>;
  /**
   * Chart data per obligation: on time (`submitted`), late (`late`: met after its deadline, which a late
   * submission of a missed obligation becomes) and missed (`missed`: deadline passed, still unmet). Pending,
   * waived and not applicable obligations are not counted.
   */
  readonly punctuality: ReadonlyArray<{
    readonly obligation: ObligationId;
    readonly onTime: number;
    readonly late: number;
    readonly missed: number;
  }>;
  readonly upcoming: {
    /** First and last due day of the window (yyyy-mm-dd): today and today + 14. */
    readonly from: string;
    readonly to: string;
    readonly total: number;
    /** The earliest `limit` of them, by deadline then pair code. */
    readonly items: readonly UpcomingDeadline[];
  };
  readonly escalations: {
    readonly level1: number;
    readonly level2: number;
    /** The first `limit` escalated cycles, level 2 first, then by pair code. */
    readonly cycles: readonly EscalatedCycle[];
  };
  readonly mail: {
    readonly failures: readonly FailedDelivery[];
    readonly bounced: readonly BouncedAddress[];
  };
}

/** Options of {@link overview}. */
export interface OverviewOptions {
  readonly year: number;
  readonly now: Date;
  /** Longest list of deadlines, escalated cycles and failures (default 100). */
  readonly limit?: number;
}

const PAIR_UNITS = {
  pair: {
    select: {
      code: true,
      sponsor: { select: { code: true, name: true } },
      recipient: { select: { code: true, name: true } },
    },
  },
} as const;

const DB_SIDE_TO_SIDE: Readonly<Record<string, Side>> = { SPONSOR: 'sponsor', RECIPIENT: 'recipient' };

/** Failed messages and bounced addresses the scope may see: all of them, or those of the officer's pairs and units. */
async function mailProblems(prisma: PrismaClient, scope: Scope, limit: number): Promise<Overview['mail']> {
  const officer = scope.kind === 'units';
  const failuresWhere: Prisma.NotificationWhereInput = officer ? { cycle: cycleWhere(scope) } : {};
  const [failures, bounced, ownAddresses] = await Promise.all([
    listMailFailures(prisma, limit, failuresWhere),
    listBouncedContacts(prisma, officer ? { unitId: { in: [...scope.unitIds] } } : {}),
    officer
      ? prisma.contact.findMany({ where: { unitId: { in: [...scope.unitIds] } }, select: { email: true } })
      : Promise.resolve([]),
  ]);
  // An escalation also went to the head, Ban Dân tộc and the leadership: an officer sees only its units' addresses.
  const own = new Set(ownAddresses.map((c) => c.email.toLowerCase()));
  return {
    failures: failures.map((f) => ({
      idempotencyKey: f.idempotencyKey,
      kind: f.kind,
      subject: f.subject,
      recipients: officer ? f.recipients.filter((r) => own.has(r.toLowerCase())) : f.recipients,
      attempts: f.attempts,
      lastError: f.lastError,
      createdAt: f.createdAt.toISOString(),
      failedAt: iso(f.failedAt),
    })),
    bounced: bounced.map((b) => ({
      unitCode: b.unitCode,
      email: b.email,
      bouncedAt: b.bouncedAt.toISOString(),
      reply: b.reply,
    })),
  };
}

/** The overview of `year` for a reader with `scope`, as of `now`. */
export async function overview(
  prisma: PrismaClient,
  scope: Scope,
  options: OverviewOptions,
): Promise<Overview> {
  const { year, now } = options;
  const limit = options.limit ?? 100;
  const inYear: Prisma.CycleWhereInput = { year, ...cycleWhere(scope) };
  const from = toLocalDate(now);
  const to = addDays(from, UPCOMING_DAYS);
  const upcomingWhere: Prisma.CycleObligationWhereInput = {
    status: 'PENDING',
    effectiveDue: { gt: now, lte: endOfLocalDay(to) },
    cycle: inYear,
  };
  const escalatedWhere: Prisma.CycleWhereInput = {
    ...inYear,
    escalationLevel: { gt: 0 },
    phase: { not: 'closed' },
  };

  const [phases, statuses, upcoming, upcomingTotal, levels, escalated, mail] = await Promise.all([
    prisma.cycle.groupBy({ by: ['phase'], where: inYear, _count: { _all: true } }),
    prisma.cycleObligation.groupBy({
      by: ['obligation', 'status'],
      where: { cycle: inYear },
      _count: { _all: true },
    }),
    prisma.cycleObligation.findMany({
      where: upcomingWhere,
      orderBy: [{ effectiveDue: 'asc' }, { cycle: { pair: { code: 'asc' } } }, { obligation: 'asc' }],
      take: limit,
      select: {
        obligation: true,
        effectiveDue: true,
        cycle: {
          select: {
            year: true,
            ...PAIR_UNITS,
            submissions: { where: { obligation: 'O3' }, select: { side: true } },
          },
        },
      },
    }),
    prisma.cycleObligation.count({ where: upcomingWhere }),
    prisma.cycle.groupBy({ by: ['escalationLevel'], where: escalatedWhere, _count: { _all: true } }),
    prisma.cycle.findMany({
      where: escalatedWhere,
      orderBy: [{ escalationLevel: 'desc' }, { pair: { code: 'asc' } }],
      take: limit,
      select: {
        year: true,
        phase: true,
        escalationLevel: true,
        ...PAIR_UNITS,
        obligations: {
          where: { escalationLevel: { gt: 0 }, status: { in: ['PENDING', 'MISSED'] } },
          orderBy: { obligation: 'asc' },
          select: { obligation: true, escalationLevel: true, status: true },
        },
      },
    }),
    mailProblems(prisma, scope, limit),
  ]);

  const phaseCount = (phase: CyclePhase) => phases.find((p) => p.phase === phase)?._count._all ?? 0;
  const statusCount = (o: ObligationId, s: ObligationStatus) =>
    statuses.find((g) => g.obligation === o && obligationStatusFromDb(g.status) === s)?._count._all ?? 0;
  const byObligation = OBLIGATION_IDS.map((obligation) => ({
    obligation,
    counts: Object.fromEntries(LIST_STATUSES.map((s) => [s, statusCount(obligation, s)])) as Record<
      ObligationStatus,
      number
    >,
  }));
  return {
    year,
    now: now.toISOString(),
    cycles: CYCLE_PHASES.reduce((sum, p) => sum + phaseCount(p), 0),
    byPhase: CYCLE_PHASES.map((phase) => ({ phase, count: phaseCount(phase) })),
    byObligation,
    punctuality: byObligation.map(({ obligation, counts }) => ({
      obligation,
      onTime: counts.submitted,
      late: counts.late,
      missed: counts.missed,
    })),
    upcoming: {
      from,
      to,
      total: upcomingTotal,
      items: upcoming.map((o) => {
        const { pair } = o.cycle;
        const signed = o.cycle.submissions.flatMap((s) => DB_SIDE_TO_SIDE[s.side] ?? []);
        return {
          pairCode: pair.code,
          year: o.cycle.year,
          sponsor: pair.sponsor,
          recipient: pair.recipient,
          obligation: o.obligation,
          due: dueDay(o.effectiveDue),
          at: o.effectiveDue.toISOString(),
          owing: owingParties(o.obligation, signed).map((party) =>
            party === 'coordinator' ? { party } : { party, unit: pair[party] },
          ),
        };
      }),
    },
    escalations: {
      level1: levels.find((l) => l.escalationLevel === 1)?._count._all ?? 0,
      level2: levels.find((l) => l.escalationLevel === 2)?._count._all ?? 0,
      cycles: escalated.map((c) => ({
        pairCode: c.pair.code,
        year: c.year,
        sponsor: c.pair.sponsor,
        recipient: c.pair.recipient,
        phase: c.phase as CyclePhase,
        level: c.escalationLevel,
        obligations: c.obligations.map((o) => ({
          obligation: o.obligation,
          level: o.escalationLevel,
          status: obligationStatusFromDb(o.status),
        })),
      })),
    },
    mail,
  };
}
