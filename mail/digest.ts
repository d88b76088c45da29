/**
 * The leadership digest: one message a working day to the provincial leadership and Ban Dân tộc listing the
 * open escalations grouped by the responsible unit, with counts and the oldest overdue item, plus the
 * messages that could not be delivered, instead of one e-mail per escalation. Sent only when something is
 * new since the previous digest. The digest is a ledger row like any message (kind DIGEST, key
 * `digest:<yyyy-mm-dd>`), delivered by the same claim-send-record path (`./deliver`).
 */
import { dayEndingAt, toLocalDate } from '../domain/calendar/time';
import { WorkingCalendar } from '../domain/calendar/working-days';
import { OPEN_STATUSES, OBLIGATION_STATUS_TO_DB, type ObligationId } from '../domain/cycle/types';
import { formatDate } from '../domain/format';
import { renderDigestMail, resolveRecipients, type DigestFailure, type DigestItem } from '../domain/mail';
import { t } from '../domain/messages';
import type { PrismaClient } from '../generated/prisma';
import { loadCalendarDays } from '../services/calendar-store';
import { owedByReadModel, standingRecipients, unitOfParty } from './compose';
import { deliverLedgerRow, type Composer, type MailDeliveryDeps } from './deliver';

/** Input of one digest run. */
export interface SendDigestInput {
  /** The instant the digest is for (the Schedule's fire time), ISO-8601 with offset. */
  readonly at: string;
  /** Send even on a day off (CLI use); default false. */
  readonly evenOnDayOff?: boolean;
}

/** Outcome of one digest run. */
export interface SendDigestResult {
  readonly status: 'sent' | 'alreadySent' | 'skipped' | 'failed';
  /** Why nothing was sent. */
  readonly reason?: 'notWorkingDay' | 'nothingNew';
  readonly idempotencyKey: string;
  readonly messageId?: string;
  readonly items?: number;
  readonly failures?: number;
}

/** The ledger key of the digest of local day `date` (yyyy-mm-dd). */
function digestKey(date: string): string {
  return `digest:${date}`;
}

/** What a digest holds, read from the database. */
interface DigestContent {
  readonly items: DigestItem[];
  readonly failures: DigestFailure[];
  /** When the previous digest's data was taken; undefined before the first digest. */
  readonly since: Date | undefined;
}

/** Ban Dân tộc in the digest's list of units, where it owes an obligation itself (O7). */
const COORDINATOR_UNIT_CODE = 'BDT';

/**
 * Reads the open escalations (obligations with an escalation level that are still owed) with their
 * responsible unit, and the failed messages since the previous digest (the last SENT digest other than
 * `excludeKey`, taken strictly before `at`).
 */
async function readDigestContent(prisma: PrismaClient, at: Date, excludeKey: string): Promise<DigestContent> {
  const previous = await prisma.notification.findFirst({
    where: {
      kind: 'DIGEST',
      status: 'SENT',
      messageId: { not: null },
      idempotencyKey: { not: excludeKey },
      scheduledFor: { lt: at },
    },
    orderBy: { scheduledFor: 'desc' },
  });
  const since = previous?.scheduledFor;
  const open = await prisma.cycleObligation.findMany({
    where: {
      escalationLevel: { gt: 0 },
      status: { in: OPEN_STATUSES.map((s) => OBLIGATION_STATUS_TO_DB[s]) },
    },
    include: {
      cycle: {
        include: {
          pair: { include: { sponsor: true, recipient: true } },
          submissions: { where: { obligation: 'O3' }, select: { side: true } },
        },
      },
    },
  });
  const escalationRows = since
    ? await prisma.notification.findMany({
        where: { kind: 'ESCALATION', createdAt: { gt: since, lte: at } },
        select: { cycleId: true, obligation: true, level: true },
      })
    : [];
  const fresh = new Set(escalationRows.map((r) => `${r.cycleId}:${r.obligation}:${r.level}`));
  const coordinatorName = t('mail.party.coordinator', {}, 'vi');
  const items: DigestItem[] = [];
  for (const o of open) {
    const { cycle } = o;
    const obligation: ObligationId = o.obligation;
    // Before the first digest everything is new; afterwards, what was escalated (to its current level) since.
    const isNew = since === undefined || fresh.has(`${cycle.id}:${obligation}:${o.escalationLevel}`);
    for (const p of owedByReadModel(obligation, cycle.submissions)) {
      const unit = unitOfParty(cycle.pair, p);
      items.push({
        pairCode: cycle.pair.code,
        year: cycle.year,
        obligation,
        level: o.escalationLevel,
        dueDate: dayEndingAt(o.effectiveDue),
        unitCode: unit?.code ?? COORDINATOR_UNIT_CODE,
        unitName: unit?.name ?? coordinatorName,
        isNew,
      });
    }
  }
  const failedRows = await prisma.notification.findMany({
    where: {
      status: 'FAILED',
      ...(since ? { OR: [{ claimedAt: { gt: since } }, { claimedAt: null, createdAt: { gt: since } }] } : {}),
    },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
  const failures = failedRows.map((r) => ({
    subject: r.subject ?? r.idempotencyKey,
    error: r.lastError ?? '-',
  }));
  return { items, failures, since };
}

/** The composer of a DIGEST row: reads the content at the row's `scheduledFor`. */
function digestComposer(deps: Pick<MailDeliveryDeps, 'prisma' | 'config'>): Composer {
  const { prisma, config } = deps;
  return async (row) => {
    const content = await readDigestContent(prisma, row.scheduledFor, row.idempotencyKey);
    const standing = await standingRecipients(prisma, config);
    const recipients = resolveRecipients({ kind: 'digest', responsible: [], ...standing });
    const mail = renderDigestMail(
      {
        idempotencyKey: row.idempotencyKey,
        at: row.scheduledFor,
        items: content.items,
        failures: content.failures,
        dashboardUrl: `${config.web.publicBaseUrl.replace(/\/+$/, '')}/`,
      },
      config.lang,
    );
    return { kind: 'send', mail, recipients };
  };
}

/** Whether local day `date` is a working day by the holiday table (database, else the built-in seed). */
async function isWorkingDay(prisma: PrismaClient, date: string): Promise<boolean> {
  const year = Number(date.slice(0, 4));
  const days = await loadCalendarDays(prisma, [year]);
  return WorkingCalendar.fromEntries(days.entries).isWorkingDay(date);
}

/** Runs one digest: skip on a day off or when nothing is new, else record and deliver it. */
export async function sendLeadershipDigest(
  deps: MailDeliveryDeps,
  input: SendDigestInput,
): Promise<SendDigestResult> {
  const { prisma } = deps;
  const at = new Date(input.at);
  const date = toLocalDate(at);
  const idempotencyKey = digestKey(date);
  const existing = await prisma.notification.findUnique({ where: { idempotencyKey } });
  if (!existing) {
    if (!input.evenOnDayOff && !(await isWorkingDay(prisma, date))) {
      return { status: 'skipped', reason: 'notWorkingDay', idempotencyKey };
    }
    const content = await readDigestContent(prisma, at, idempotencyKey);
    if (!content.items.some((i) => i.isNew) && content.failures.length === 0) {
      return { status: 'skipped', reason: 'nothingNew', idempotencyKey };
    }
    await prisma.notification.createMany({
      data: [
        {
          idempotencyKey,
          kind: 'DIGEST',
          scheduledFor: at,
          subject: t('mail.subject.digest', { count: content.items.length, date: formatDate(date) }, 'vi'),
        },
      ],
      skipDuplicates: true,
    });
  }
  const result = await deliverLedgerRow(deps, idempotencyKey, digestComposer(deps));
  return { ...result, idempotencyKey };
}
