/** Queries of the notification ledger shared by the CLI, the web server and the digest. */
import type { Notification, Prisma, PrismaClient } from '../generated/prisma';

/** A failed message as administrators see it (no personal data: codes, addresses of units, SMTP replies). */
export interface MailFailure {
  readonly idempotencyKey: string;
  readonly kind: Notification['kind'];
  readonly subject: string | null;
  readonly recipients: readonly string[];
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly failedAt: Date | null;
}

/** A contact whose address bounced permanently. */
export interface BouncedContact {
  readonly unitCode: string;
  readonly email: string;
  readonly bouncedAt: Date;
  readonly reply: string | null;
}

/** Failed messages, newest first; `where` narrows them (the dashboard passes a reader's scope). */
export async function listMailFailures(
  prisma: PrismaClient,
  limit = 200,
  where: Prisma.NotificationWhereInput = {},
): Promise<MailFailure[]> {
  const rows = await prisma.notification.findMany({
    where: { ...where, status: 'FAILED' },
    orderBy: { createdAt: 'desc' },
    take: limit,
  });
  return rows.map((r) => ({
    idempotencyKey: r.idempotencyKey,
    kind: r.kind,
    subject: r.subject,
    recipients: r.recipients,
    attempts: r.attempts,
    lastError: r.lastError,
    createdAt: r.createdAt,
    failedAt: r.claimedAt,
  }));
}

/** Contacts flagged as bounced; `where` narrows them (the dashboard passes a reader's units). */
export async function listBouncedContacts(
  prisma: PrismaClient,
  where: Prisma.ContactWhereInput = {},
): Promise<BouncedContact[]> {
  const rows = await prisma.contact.findMany({
    where: { ...where, bouncedAt: { not: null } },
    include: { unit: { select: { code: true } } },
    orderBy: { bouncedAt: 'desc' },
  });
  return rows.map((c) => ({
    unitCode: c.unit.code,
    email: c.email,
    bouncedAt: c.bouncedAt ?? new Date(0),
    reply: c.bounceReply,
  }));
}

/** Number of rows per status. */
export async function ledgerCounts(prisma: PrismaClient): Promise<Record<Notification['status'], number>> {
  const groups = await prisma.notification.groupBy({ by: ['status'], _count: { _all: true } });
  const counts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0 };
  for (const g of groups) counts[g.status] = g._count._all;
  return counts;
}

/** The newest ledger rows, for the Outbox page. */
export function recentLedger(prisma: PrismaClient, limit = 50): Promise<Notification[]> {
  return prisma.notification.findMany({ orderBy: { createdAt: 'desc' }, take: limit });
}
