/**
 * Fixtures of the mail tests: a roster with two pairs, Ban Dân tộc and leadership users, cycles with
 * obligations in the read model, and ledger rows as the cycle workflow writes them.
 */
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { endOfLocalDay } from '../../domain/calendar/time';
import type { PrismaClient } from '../../generated/prisma';
import type { MailDeliveryConfig } from '../../mail/deliver';
import { createMailTransport } from '../../mail/transport';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import {
  startSmtpCatcher,
  type CatcherReply,
  type CaughtMessage,
  type SmtpCatcher,
} from '../../system/smtp-catcher';
import { createTestDatabase, type TestDatabase } from './db';
import { writeNextDeadlines } from './next-deadline';

/** Ban Dân tộc's user address. */
export const ADMIN_EMAIL = 'bandantoc@bdt.example.gov.vn';
/** The provincial leadership's user address. */
export const LEADER_EMAIL = 'lanhdao@ubnd.example.gov.vn';

/** The configuration the delivery reads, pointing at a catcher on `port`. */
export function mailConfig(
  port: number,
  overrides: Partial<MailDeliveryConfig['mail']> = {},
  lang: 'vi' | 'en' = 'vi',
): MailDeliveryConfig {
  return {
    smtp: { url: `smtp://127.0.0.1:${port}`, from: 'Ban Dân tộc tỉnh <bandantoc@example.gov.vn>' },
    mail: {
      retryHorizonMs: 72 * 3600_000,
      rateLimitPerSecond: undefined,
      coordinatorEmails: [],
      leadershipEmails: [],
      digestTime: '07:30',
      ...overrides,
    },
    lang,
    web: { publicBaseUrl: 'http://127.0.0.1:3000' },
  };
}

/** Loads the mail roster (two pairs) and the two users. */
export async function seedMailRoster(prisma: PrismaClient): Promise<void> {
  const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', 'mail-roster.json')]);
  if (!loaded.ok) throw new Error('mail roster fixture invalid');
  await importRoster(prisma, loaded.roster, { staffYear: 2026 });
  await prisma.user.createMany({
    data: [
      { email: ADMIN_EMAIL, name: 'Cán bộ Ban Dân tộc', role: 'ADMIN' },
      { email: LEADER_EMAIL, name: 'Lãnh đạo UBND tỉnh', role: 'LEADERSHIP' },
    ],
    skipDuplicates: true,
  });
}

/** End of local day `date` (24:00 Asia/Ho_Chi_Minh), as the read model and the ledger store due instants. */
export function endOf(date: string): Date {
  return endOfLocalDay(date);
}

/** Creates (or finds) the 2026 cycle of a pair and one obligation of it. */
export async function seedCycle(
  prisma: PrismaClient,
  pairCode: string,
  obligation: {
    id: 'O1' | 'O2' | 'O3' | 'O4' | 'O5' | 'O6' | 'O7';
    statutory: string;
    effective: string;
    status?: 'PENDING' | 'MISSED' | 'SUBMITTED' | 'LATE' | 'WAIVED' | 'NOT_APPLICABLE';
    escalationLevel?: number;
  },
): Promise<{ cycleId: string; workflowId: string }> {
  const pair = await prisma.pair.findUniqueOrThrow({ where: { code: pairCode } });
  const workflowId = `twinning-cycle:${pairCode}:2026`;
  const cycle = await prisma.cycle.upsert({
    where: { workflowId },
    create: { pairId: pair.id, year: 2026, workflowId, phase: 'needsProposal' },
    update: {},
  });
  const data = {
    statutoryDue: endOf(obligation.statutory),
    effectiveDue: endOf(obligation.effective),
    status: obligation.status ?? 'PENDING',
    escalationLevel: obligation.escalationLevel ?? 0,
  };
  await prisma.cycleObligation.upsert({
    where: { cycleId_obligation: { cycleId: cycle.id, obligation: obligation.id } },
    create: { cycleId: cycle.id, obligation: obligation.id, ...data },
    update: data,
  });
  await writeNextDeadlines(prisma, [cycle.id]);
  return { cycleId: cycle.id, workflowId };
}

/** Writes a ledger row as `applyCycleEffects` does; returns its key. */
export async function seedLedgerRow(
  prisma: PrismaClient,
  row: {
    workflowId: string;
    cycleId: string;
    obligation: 'O1' | 'O2' | 'O3' | 'O4' | 'O5' | 'O6' | 'O7';
    kind: 'REMINDER' | 'ESCALATION' | 'PROGRESS_REMINDER';
    label: string;
    dueDate: string;
    level?: number;
    createdAt: Date;
  },
): Promise<string> {
  const idempotencyKey = `${row.workflowId}:${row.obligation}:${row.label}:${row.dueDate}`;
  await prisma.notification.create({
    data: {
      idempotencyKey,
      cycleId: row.cycleId,
      kind: row.kind,
      obligation: row.obligation,
      level: row.level ?? null,
      dueAt: endOf(row.dueDate),
      scheduledFor: row.createdAt,
      createdAt: row.createdAt,
    },
  });
  return idempotencyKey;
}

/** Parses a caught message with mailparser. */
export function parse(message: CaughtMessage): Promise<ParsedMail> {
  return simpleParser(message.raw);
}

/** Addresses of a parsed To or Cc header, lower-cased and sorted. */
export function addressesOf(field: ParsedMail['to']): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field])
    .flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()))
    .sort();
}

/** Content lines of an iCalendar text, unfolded: `{ name, params, value }`. */
export function parseIcs(text: string): Array<{ name: string; params: string; value: string }> {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const semi = head.indexOf(';');
      return {
        name: semi < 0 ? head : head.slice(0, semi),
        params: semi < 0 ? '' : head.slice(semi + 1),
        value: line.slice(colon + 1),
      };
    });
}

/** Replies a test wants the catcher to give instead of accepting; the test sets and clears them as it goes. */
export interface CatcherReplies {
  reject?: (messageId: string) => CatcherReply | undefined;
  rejectRecipient?: (address: string) => CatcherReply | undefined;
}

/** What a mail test runs on. */
export interface MailTestParts {
  /** A database with the mail roster ({@link seedMailRoster}). */
  readonly db: TestDatabase;
  /** A real SMTP server on a free port, answering as `replies` say. */
  readonly catcher: SmtpCatcher;
  /** The product's pooled transport to it. */
  readonly mailer: Transporter;
  /** P01's 2026 cycle, with O2 due on Saturday 28 February, rolled forward to Monday 2 March. */
  readonly p01: { cycleId: string; workflowId: string };
  stop(): Promise<void>;
}

/** Starts the parts of a mail test; `replies` is read at every message, so the test may change it at any time. */
export async function startMailParts(replies: CatcherReplies): Promise<MailTestParts> {
  const db = await createTestDatabase();
  await seedMailRoster(db.prisma);
  const catcher = await startSmtpCatcher({
    port: 0,
    reject: (m) => replies.reject?.(m.messageId),
    rejectRecipient: (a) => replies.rejectRecipient?.(a),
  });
  const mailer = createMailTransport(`smtp://127.0.0.1:${catcher.port}`);
  const p01 = await seedCycle(db.prisma, 'P01', {
    id: 'O2',
    statutory: '2026-02-28',
    effective: '2026-03-02',
  });
  return {
    db,
    catcher,
    mailer,
    p01,
    async stop() {
      mailer.close();
      await catcher.close();
      await db.drop();
    },
  };
}

/**
 * Starts the parts before the file's tests and stops them after, and clears `replies` before each test (jest
 * hooks of the calling file). The parts are there from the file's first `beforeAll` that comes after this call.
 */
export function useMailParts(replies: CatcherReplies): () => MailTestParts {
  let parts: MailTestParts | undefined;
  beforeAll(async () => {
    parts = await startMailParts(replies);
  });
  afterAll(async () => {
    await parts?.stop();
  });
  beforeEach(() => {
    delete replies.reject;
    delete replies.rejectRecipient;
  });
  return () => {
    if (!parts) throw new Error('the mail parts are not started yet');
    return parts;
  };
}
