/**
 * Mail delivery against a real SMTP server (the catcher, smtp-server) and a real PostgreSQL: what arrives is
 * parsed with mailparser. Covers each kind of message in both languages, recipients, the calendar file,
 * transient and permanent replies, the claim, the horizon and the test message.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Transporter } from 'nodemailer';
import { createMailDeliveryActivities } from '../../activities/mail-delivery';
import { messageIdFor } from '../../domain/mail';
import { MAIL_CLAIM_LEASE_MS } from '../../domain/mail/delivery-options';
import { sendTestMessage, type MailDeliveryConfig, type MailDeliveryDeps } from '../../mail/deliver';
import { sendLeadershipDigest } from '../../mail/digest';
import { createMailTransport } from '../../mail/transport';
import type { SmtpCatcher } from '../../system/smtp-catcher';
import { createTestDatabase, type TestDatabase } from '../support/db';
import {
  ADMIN_EMAIL,
  LEADER_EMAIL,
  addressesOf,
  endOf,
  mailConfig,
  parse,
  parseIcs,
  seedCycle,
  seedLedgerRow,
  seedMailRoster,
  useMailParts,
  type CatcherReplies,
  type MailTestParts,
} from '../support/mail';

let db: TestDatabase;
let catcher: SmtpCatcher;
let mailer: Transporter;
const replies: CatcherReplies = {};
const parts = useMailParts(replies);

// 08:00 local on Monday 23 February 2026: D-7 of the needs proposal due (rolled forward) on Monday 2 March.
const NOW = new Date('2026-02-23T01:00:00.000Z');

function deps(
  overrides: Partial<MailDeliveryDeps> = {},
  config: MailDeliveryConfig = mailConfig(catcher.port),
): MailDeliveryDeps {
  return { prisma: db.prisma, mailer, config, now: () => NOW, ...overrides };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApplicationFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

let p01: MailTestParts['p01'];

beforeAll(() => {
  ({ db, catcher, mailer, p01 } = parts());
});

function caughtWith(messageId: string) {
  return catcher.messages.filter((m) => m.messageId === messageId);
}

describe('a reminder', () => {
  let key: string;
  beforeAll(async () => {
    key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-D-7',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
  });

  it('reaches the responsible unit once, in Vietnamese first, with the pair link and a calendar file', async () => {
    const { deliverNotification } = createMailDeliveryActivities(deps());
    const result = await deliverNotification({ idempotencyKey: key });
    expect(result).toEqual(expect.objectContaining({ status: 'sent', messageId: messageIdFor(key) }));
    const [caught, ...rest] = caughtWith(messageIdFor(key));
    expect(rest).toHaveLength(0);
    const mail = await parse(caught!);
    // O2 is owed by the recipient (the commune): its officer, not its head, gets the reminder.
    expect(addressesOf(mail.to)).toEqual(['vanphong@ladee.example.gov.vn']);
    expect(mail.cc).toBeUndefined();
    expect(mail.subject).toBe('[Nhắc hạn] Đề xuất nhu cầu — Xã La Dêê — hạn 02/03/2026');
    const text = mail.text ?? '';
    expect(text.indexOf('Tiếng Việt')).toBeLessThan(text.indexOf('English'));
    expect(text).toContain(
      'Xã La Dêê (Đơn vị được giúp đỡ) cần nộp đề xuất nhu cầu (O2) của cặp kết nghĩa P01 năm 2026',
    );
    expect(text).toContain('Còn 7 ngày.');
    expect(text).toContain('Hạn quy định 28/02/2026 rơi vào ngày nghỉ');
    expect(text).toContain('ngày 03/03/2026 việc chậm nộp được báo cáo Ban Dân tộc tỉnh');
    expect(text).toContain('ngày 09/03/2026 được báo cáo lãnh đạo UBND tỉnh');
    expect(text).toContain(
      'must submit the needs proposal (O2) of twinning pair P01 for 2026 by the end of 02/03/2026',
    );
    expect(text).toContain('http://127.0.0.1:3000/pairs/P01?year=2026');
    expect(mail.html).toContain('<a href="http://127.0.0.1:3000/pairs/P01?year=2026">');
    expect(mail.messageId).toBe(messageIdFor(key));
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');

    expect(mail.attachments).toHaveLength(1);
    const ics = mail.attachments[0]!;
    expect(ics.filename).toBe('Hạn nộp O2 – Xã La Dêê – 02-03-2026.ics');
    expect(ics.contentType).toBe('text/calendar');
    const raw = ics.content.toString('utf8');
    for (const line of raw.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = parseIcs(raw);
    const value = (name: string) => lines.find((l) => l.name === name)?.value;
    // The deadline instant: end of 2 March 2026 local = 17:00 UTC.
    expect(value('DTEND')).toBe('20260302T170000Z');
    expect(value('DTSTART')).toBe('20260302T010000Z');
    expect(value('SUMMARY')).toBe('Hạn nộp đề xuất nhu cầu (O2) — Xã La Dêê');
    expect(value('UID')).toMatch(/^[0-9a-f]{32}@twinning\.local$/);
    expect(lines.filter((l) => l.name === 'TRIGGER').map((l) => l.value)).toEqual([
      '20260301T010000Z',
      '20260302T010000Z',
    ]);
    expect(lines.filter((l) => l.name === 'BEGIN').map((l) => l.value)).toEqual([
      'VCALENDAR',
      'VEVENT',
      'VALARM',
      'VALARM',
    ]);

    const row = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toEqual(
      expect.objectContaining({
        status: 'SENT',
        attempts: 1,
        messageId: messageIdFor(key),
        subject: mail.subject,
      }),
    );
    expect(row.smtpReply).toMatch(/^250 /);
  });

  it('is not sent again by a retry', async () => {
    const { deliverNotification } = createMailDeliveryActivities(deps());
    const before = catcher.messages.length;
    await expect(deliverNotification({ idempotencyKey: key })).resolves.toEqual({
      status: 'alreadySent',
      messageId: messageIdFor(key),
    });
    expect(catcher.messages.length).toBe(before);
  });

  it('reads well in English when the configured language is English', async () => {
    const enKey = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-D-3',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    const { deliverNotification } = createMailDeliveryActivities(
      deps({}, mailConfig(catcher.port, {}, 'en')),
    );
    await deliverNotification({ idempotencyKey: enKey });
    const mail = await parse(caughtWith(messageIdFor(enKey))[0]!);
    expect(mail.subject).toBe('[Reminder] Needs proposal — Xã La Dêê — due 02/03/2026');
    const text = mail.text ?? '';
    expect(text.indexOf('== English ==')).toBeLessThan(text.indexOf('== Tiếng Việt'));
    expect(text).toContain('If missed: on 03/03/2026 the delay is reported to Ban Dân tộc');
    expect(mail.attachments[0]?.filename).toBe('Deadline O2 – Xã La Dêê – 02-03-2026.ics');
  });
});

describe('escalations', () => {
  it('level 1 adds the head of the unit and Ban Dân tộc; level 2 adds the provincial leadership', async () => {
    const config = mailConfig(catcher.port, {
      coordinatorEmails: ['vanthu@bdt.example.gov.vn'],
      leadershipEmails: ['chutich@ubnd.example.gov.vn'],
    });
    const { deliverNotification } = createMailDeliveryActivities(
      deps({ now: () => new Date('2026-03-09T01:00:00Z') }, config),
    );
    const k1 = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'ESCALATION',
      label: 'escalation-1',
      level: 1,
      dueDate: '2026-03-02',
      createdAt: new Date('2026-03-09T00:59:00Z'),
    });
    const k2 = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'ESCALATION',
      label: 'escalation-2',
      level: 2,
      dueDate: '2026-03-02',
      createdAt: new Date('2026-03-09T01:00:00Z'),
    });
    await deliverNotification({ idempotencyKey: k1 });
    await deliverNotification({ idempotencyKey: k2 });
    const m1 = await parse(caughtWith(messageIdFor(k1))[0]!);
    expect(addressesOf(m1.to)).toEqual(['chutich@ladee.example.gov.vn', 'vanphong@ladee.example.gov.vn']);
    expect(addressesOf(m1.cc)).toEqual([ADMIN_EMAIL, 'vanthu@bdt.example.gov.vn'].sort());
    expect(m1.subject).toBe('[Quá hạn – cấp 1] Đề xuất nhu cầu — Xã La Dêê — hạn 02/03/2026');
    expect(m1.text).toContain(
      'Nếu đến ngày 09/03/2026 vẫn chưa nộp, việc này được báo cáo lãnh đạo UBND tỉnh (cấp 2).',
    );
    expect(m1.text).toContain('escalation level 1');
    expect(m1.attachments).toHaveLength(0);
    const m2 = await parse(caughtWith(messageIdFor(k2))[0]!);
    expect(addressesOf(m2.to)).toEqual(['chutich@ladee.example.gov.vn', 'vanphong@ladee.example.gov.vn']);
    expect(addressesOf(m2.cc)).toEqual(
      [ADMIN_EMAIL, LEADER_EMAIL, 'chutich@ubnd.example.gov.vn', 'vanthu@bdt.example.gov.vn'].sort(),
    );
    expect(m2.subject).toBe('[Quá hạn – báo cáo UBND tỉnh] Đề xuất nhu cầu — Xã La Dêê — hạn 02/03/2026');
    expect(m2.text).toContain('đã quá hạn ngày 02/03/2026 (7 ngày)');
    expect(m2.text).toContain('kiểm điểm, phê bình');
  });

  it('O3 goes to the side that has not signed yet', async () => {
    const p02 = await seedCycle(db.prisma, 'P02', {
      id: 'O3',
      statutory: '2026-03-31',
      effective: '2026-03-31',
    });
    await db.prisma.submission.create({
      data: {
        cycleId: p02.cycleId,
        obligation: 'O3',
        side: 'SPONSOR',
        submittedBy: 'u1',
        submittedAt: new Date('2026-03-20T03:00:00Z'),
        payload: {},
        idempotencyKey: 'sig-P02-sponsor',
      },
    });
    const key = await seedLedgerRow(db.prisma, {
      ...p02,
      obligation: 'O3',
      kind: 'REMINDER',
      label: 'reminder-D-1',
      dueDate: '2026-03-31',
      createdAt: new Date('2026-03-30T01:00:00Z'),
    });
    const { deliverNotification } = createMailDeliveryActivities(
      deps({ now: () => new Date('2026-03-30T01:00:00Z') }),
    );
    await deliverNotification({ idempotencyKey: key });
    const mail = await parse(caughtWith(messageIdFor(key))[0]!);
    expect(addressesOf(mail.to)).toEqual(['vanphong@cady.example.gov.vn']);
    expect(mail.subject).toBe('[Nhắc hạn] Chương trình kết nghĩa đã ký — Xã Cà Dy — hạn 31/03/2026');
  });
});

describe('SMTP trouble', () => {
  it.each([
    [451, '4.3.0 Temporary local problem'],
    [421, '4.7.0 Try again later, closing connection'],
  ])('a %i reply is retried and later delivered', async (code, text) => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: `reminder-D-${code}`,
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    const { deliverNotification } = createMailDeliveryActivities(deps());
    replies.reject = (id) => (id === messageIdFor(key) ? { code, message: text } : undefined);
    const failure = await failureOf(deliverNotification({ idempotencyKey: key }));
    expect(failure.type).toBe('SmtpTransient');
    expect(failure.nonRetryable).toBe(false);
    const pending = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(pending).toEqual(expect.objectContaining({ status: 'PENDING', attempts: 1 }));
    expect(pending.lastError).toContain(String(code));
    replies.reject = undefined;
    await expect(deliverNotification({ idempotencyKey: key })).resolves.toEqual(
      expect.objectContaining({ status: 'sent' }),
    );
    expect(caughtWith(messageIdFor(key))).toHaveLength(1);
    const sent = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(sent).toEqual(expect.objectContaining({ status: 'SENT', attempts: 2 }));
  });

  it('a refused connection is transient', async () => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-down',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    const dead = createMailTransport('smtp://127.0.0.1:9');
    try {
      const failure = await failureOf(
        createMailDeliveryActivities(deps({ mailer: dead })).deliverNotification({ idempotencyKey: key }),
      );
      expect(failure.type).toBe('SmtpTransient');
    } finally {
      dead.close();
    }
  });

  it('a 550 at RCPT is not retried, fails the row and flags the address on its contact', async () => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-550',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    replies.rejectRecipient = (a) =>
      a === 'vanphong@ladee.example.gov.vn' ? { code: 550, message: '5.1.1 Mailbox unavailable' } : undefined;
    const failure = await failureOf(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    );
    expect(failure.type).toBe('SmtpPermanent');
    expect(failure.nonRetryable).toBe(true);
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toEqual(expect.objectContaining({ status: 'FAILED', attempts: 1 }));
    expect(row.lastError).toContain('550');
    const contact = await db.prisma.contact.findFirstOrThrow({
      where: { email: 'vanphong@ladee.example.gov.vn' },
    });
    expect(contact.bouncedAt).not.toBeNull();
    expect(contact.bounceReply).toContain('5.1.1');
    // A second delivery finds the row FAILED and does nothing.
    await expect(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    ).resolves.toEqual({ status: 'failed' });
    // The next reminder of the unit goes to its remaining address (the head) instead.
    replies.rejectRecipient = undefined;
    const next = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-after-bounce',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    await createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: next });
    const mail = await parse(caughtWith(messageIdFor(next))[0]!);
    expect(addressesOf(mail.to)).toEqual(['chutich@ladee.example.gov.vn']);
    await db.prisma.contact.updateMany({
      where: { email: 'vanphong@ladee.example.gov.vn' },
      data: { bouncedAt: null, bounceReply: null },
    });
  });

  it('a 554 at the end of DATA is permanent but flags no contact', async () => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-554',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    replies.reject = (id) =>
      id === messageIdFor(key) ? { code: 554, message: '5.7.1 Message refused by policy' } : undefined;
    const failure = await failureOf(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    );
    expect(failure.type).toBe('SmtpPermanent');
    expect(await db.prisma.contact.count({ where: { bouncedAt: { not: null } } })).toBe(0);
  });

  it('transient trouble past the horizon marks the row FAILED without retrying', async () => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-old',
      dueDate: '2026-03-02',
      createdAt: new Date('2026-02-19T01:00:00Z'),
    });
    const failure = await failureOf(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    );
    expect(failure.type).toBe('MailHorizonExceeded');
    expect(failure.nonRetryable).toBe(true);
    expect(caughtWith(messageIdFor(key))).toHaveLength(0);
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row.status).toBe('FAILED');
    expect(row.lastError).toContain('72 hours');
  });
});

describe('the claim', () => {
  it('a fresh claim of another attempt is left alone; a stale one is re-taken', async () => {
    const key = await seedLedgerRow(db.prisma, {
      ...p01,
      obligation: 'O2',
      kind: 'REMINDER',
      label: 'reminder-claimed',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    await db.prisma.notification.update({
      where: { idempotencyKey: key },
      data: { status: 'SENDING', attempts: 1, claimedAt: new Date(NOW.getTime() - 10_000) },
    });
    const busy = await failureOf(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    );
    expect(busy.type).toBe('MailClaimBusy');
    expect(busy.nonRetryable).toBe(false);
    // Retried when the lease of the claim (taken 10 s ago) ends, plus a second, not after the growing backoff.
    expect(busy.nextRetryDelay).toBe(MAIL_CLAIM_LEASE_MS - 10_000 + 1_000);
    expect(caughtWith(messageIdFor(key))).toHaveLength(0);
    // The attempt that claimed it was killed: after the lease the row is taken over and sent.
    const later = createMailDeliveryActivities(deps({ now: () => new Date(NOW.getTime() + 5 * 60_000) }));
    await expect(later.deliverNotification({ idempotencyKey: key })).resolves.toEqual(
      expect.objectContaining({ status: 'sent' }),
    );
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toEqual(expect.objectContaining({ status: 'SENT', attempts: 2 }));
  });

  it('skips a reminder whose obligation was met in the meantime', async () => {
    const p = await seedCycle(db.prisma, 'P02', {
      id: 'O1',
      statutory: '2026-02-28',
      effective: '2026-03-02',
      status: 'SUBMITTED',
    });
    const key = await seedLedgerRow(db.prisma, {
      ...p,
      obligation: 'O1',
      kind: 'REMINDER',
      label: 'reminder-D-1',
      dueDate: '2026-03-02',
      createdAt: NOW,
    });
    await expect(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    ).resolves.toEqual({ status: 'skipped' });
    expect(caughtWith(messageIdFor(key))).toHaveLength(0);
    await expect(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: key }),
    ).resolves.toEqual({ status: 'skipped' });
  });

  it('an unknown key is a non-retryable failure', async () => {
    const failure = await failureOf(
      createMailDeliveryActivities(deps()).deliverNotification({ idempotencyKey: 'nope' }),
    );
    expect(failure.type).toBe('NotificationNotFound');
  });
});

describe('the test message', () => {
  it('goes to the given address and is recorded as TEST', async () => {
    const result = await sendTestMessage(deps({ now: () => new Date() }), 'kiemtra@example.gov.vn');
    expect(result.smtpReply).toMatch(/^250 /);
    const mail = await parse(caughtWith(result.messageId)[0]!);
    expect(addressesOf(mail.to)).toEqual(['kiemtra@example.gov.vn']);
    expect(mail.subject).toMatch(/^\[Thử\] Kiểm tra cấu hình thư điện tử — \d\d\/\d\d\/\d{4} \d\d:\d\d$/);
    const row = await db.prisma.notification.findUniqueOrThrow({
      where: { idempotencyKey: result.idempotencyKey },
    });
    expect(row).toEqual(expect.objectContaining({ kind: 'TEST', status: 'SENT' }));
  });
});

describe('the leadership digest', () => {
  it('groups open escalations by unit with counts and the oldest item, once a day, and is skipped when nothing is new', async () => {
    const digestDeps = deps({ now: () => new Date('2026-03-12T00:30:00Z') });
    // Open escalations: P01 O2 (recipient Xã La Dêê, level 2) and O1 (level 1); P02 O5 (sponsor Sở Tài chính).
    await seedCycle(db.prisma, 'P01', {
      id: 'O2',
      statutory: '2026-02-28',
      effective: '2026-03-02',
      status: 'MISSED',
      escalationLevel: 2,
    });
    await seedCycle(db.prisma, 'P01', {
      id: 'O1',
      statutory: '2026-02-28',
      effective: '2026-03-04',
      status: 'MISSED',
      escalationLevel: 1,
    });
    await seedCycle(db.prisma, 'P02', {
      id: 'O5',
      statutory: '2026-03-06',
      effective: '2026-03-06',
      status: 'MISSED',
      escalationLevel: 1,
    });
    await db.prisma.notification.create({
      data: {
        idempotencyKey: 'failed-for-digest',
        kind: 'REMINDER',
        scheduledFor: NOW,
        status: 'FAILED',
        subject: 'Một thư',
        lastError: '550 5.1.1 unknown',
        claimedAt: new Date('2026-03-08T01:00:00Z'),
      },
    });
    // Tuesday 10 March 2026, 07:30 local.
    const first = await sendLeadershipDigest(digestDeps, { at: '2026-03-10T00:30:00.000Z' });
    expect(first).toEqual(expect.objectContaining({ status: 'sent', idempotencyKey: 'digest:2026-03-10' }));
    const mail = await parse(caughtWith(first.messageId!)[0]!);
    expect(addressesOf(mail.to)).toEqual([LEADER_EMAIL]);
    expect(addressesOf(mail.cc)).toEqual([ADMIN_EMAIL]);
    expect(mail.subject).toBe('[Tổng hợp] 3 việc quá hạn đang chuyển cấp — ngày 10/03/2026');
    const text = mail.text ?? '';
    expect(text).toContain(
      'Xã La Dêê (XA-LA-DEE): 2 việc; lâu nhất: đề xuất nhu cầu (O2) của cặp P01, quá hạn từ 02/03/2026 (8 ngày).',
    );
    expect(text).toContain(
      'Sở Tài chính (QN-STC): 1 việc; lâu nhất: báo cáo sơ kết của đơn vị giúp đỡ (O5) của cặp P02',
    );
    expect(text.indexOf('Xã La Dêê (XA-LA-DEE)')).toBeLessThan(text.indexOf('Sở Tài chính (QN-STC)'));
    expect(text).toContain('Xã La Dêê (XA-LA-DEE): 2 item(s); oldest: needs proposal (O2) of pair P01');
    // Failed messages are raised to the leadership too.
    expect(text).toContain('thư không gửi được');
    expect(text).toContain('Một thư — 550 5.1.1 unknown');

    // Same day again: already sent, nothing new goes out.
    const before = catcher.messages.length;
    await expect(sendLeadershipDigest(digestDeps, { at: '2026-03-10T00:31:00.000Z' })).resolves.toEqual(
      expect.objectContaining({ status: 'alreadySent' }),
    );
    // Next day, nothing new since: skipped, no ledger row.
    await expect(sendLeadershipDigest(digestDeps, { at: '2026-03-11T00:30:00.000Z' })).resolves.toEqual(
      expect.objectContaining({ status: 'skipped', reason: 'nothingNew' }),
    );
    expect(catcher.messages.length).toBe(before);
    expect(await db.prisma.notification.count({ where: { idempotencyKey: 'digest:2026-03-11' } })).toBe(0);

    // A new escalation the day after: the next digest marks it new.
    const p02 = await seedCycle(db.prisma, 'P02', {
      id: 'O6',
      statutory: '2026-03-09',
      effective: '2026-03-09',
      status: 'MISSED',
      escalationLevel: 1,
    });
    await seedLedgerRow(db.prisma, {
      ...p02,
      obligation: 'O6',
      kind: 'ESCALATION',
      label: 'escalation-1',
      level: 1,
      dueDate: '2026-03-09',
      createdAt: new Date('2026-03-11T01:00:00Z'),
    });
    await db.prisma.notification.updateMany({
      where: { status: 'FAILED' },
      data: { claimedAt: new Date('2026-03-01T00:00:00Z') },
    });
    const third = await sendLeadershipDigest(digestDeps, { at: '2026-03-12T00:30:00.000Z' });
    expect(third.status).toBe('sent');
    const next = await parse(caughtWith(third.messageId!)[0]!);
    expect(next.text).toContain(
      'Cặp P02 năm 2026: báo cáo kết quả của đơn vị được giúp đỡ (O6), hạn 09/03/2026, chuyển cấp 1 (mới)',
    );
    expect(next.text).toContain('1 việc mới kể từ bản tổng hợp trước');
    expect(next.text).not.toContain('thư không gửi được');
  });

  it('is skipped on a holiday', async () => {
    // Thursday 30 April 2026: Reunification Day.
    await expect(sendLeadershipDigest(deps(), { at: '2026-04-30T00:30:00.000Z' })).resolves.toEqual(
      expect.objectContaining({ status: 'skipped', reason: 'notWorkingDay' }),
    );
  });

  it('is skipped when there is nothing to report at all', async () => {
    const empty = await createTestDatabase();
    try {
      await expect(
        sendLeadershipDigest({ ...deps(), prisma: empty.prisma }, { at: '2026-03-09T00:30:00.000Z' }),
      ).resolves.toEqual(expect.objectContaining({ status: 'skipped', reason: 'nothingNew' }));
    } finally {
      await empty.drop();
    }
  });
});

describe('a reminder written before an extension', () => {
  it('keeps the ledger rows of the due instants it was given', async () => {
    // P01's O6 was due on 15 December; the D-7 reminder was written on 8 December, then an extension moved the
    // obligation to 31 December before the delayed reminder went out on 9 December. The row keeps its due day.
    const cycle = await seedCycle(db.prisma, 'P01', {
      id: 'O6',
      statutory: '2026-12-15',
      effective: '2026-12-31',
    });
    const key = await seedLedgerRow(db.prisma, {
      ...cycle,
      obligation: 'O6',
      kind: 'REMINDER',
      label: 'reminder-D-7',
      dueDate: '2026-12-15',
      createdAt: new Date('2026-12-08T01:00:00.000Z'),
    });
    const { deliverNotification } = createMailDeliveryActivities(
      deps({ now: () => new Date('2026-12-09T01:00:00.000Z') }),
    );
    expect(await deliverNotification({ idempotencyKey: key })).toEqual({
      status: 'sent',
      messageId: messageIdFor(key),
      smtpReply: '250 OK: message queued',
    });
    const mail = await parse(caughtWith(messageIdFor(key))[0]!);
    expect(addressesOf(mail.to)).toEqual(['vanphong@ladee.example.gov.vn']);
    expect(mail.subject).toBe(
      '[Nhắc hạn] Báo cáo kết quả của đơn vị được giúp đỡ — Xã La Dêê — hạn 15/12/2026',
    );
    const text = mail.text ?? '';
    expect(text).toContain(
      'Xã La Dêê (Đơn vị được giúp đỡ) cần nộp báo cáo kết quả của đơn vị được giúp đỡ (O6) của cặp kết nghĩa P01 năm 2026, chậm nhất hết ngày 15/12/2026 (24:00).',
    );
    expect(text).toContain('Còn 6 ngày.');
    expect(text).toContain(
      'Nếu quá hạn: ngày 16/12/2026 việc chậm nộp được báo cáo Ban Dân tộc tỉnh và thủ trưởng đơn vị; ngày 22/12/2026 được báo cáo lãnh đạo UBND tỉnh;',
    );
    expect(text).toContain(
      "must submit the recipient's year-end report (O6) of twinning pair P01 for 2026 by the end of 15/12/2026 (24:00).",
    );
    // Nothing in the message follows the obligation's new due day.
    expect(text).not.toContain('31/12/2026');
    const ics = parseIcs(mail.attachments[0]!.content.toString('utf8'));
    expect(ics.find((l) => l.name === 'DTEND')?.value).toBe('20261215T170000Z');
    expect(mail.attachments[0]?.filename).toBe('Hạn nộp O6 – Xã La Dêê – 15-12-2026.ics');
    const row = await db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect([row.status, row.dueAt]).toEqual(['SENT', endOf('2026-12-15')]);
  });
});

describe('who is still owed', () => {
  // A database of its own: these cases sign O3 and waive obligations, which must not reach the other cases.
  let own: TestDatabase;
  let p01own: { cycleId: string; workflowId: string };
  const at = new Date('2026-03-10T01:00:00.000Z');
  const ownDeps = (): MailDeliveryDeps => ({ ...deps({ now: () => at }), prisma: own.prisma });

  beforeAll(async () => {
    own = await createTestDatabase();
    await seedMailRoster(own.prisma);
    p01own = await seedCycle(own.prisma, 'P01', {
      id: 'O3',
      statutory: '2026-03-31',
      effective: '2026-03-31',
    });
    // Xã La Dêê (the recipient) has signed the programme; the sponsor has not.
    await own.prisma.submission.create({
      data: {
        cycleId: p01own.cycleId,
        obligation: 'O3',
        side: 'RECIPIENT',
        submittedBy: 'u2',
        submittedAt: new Date('2026-03-05T03:00:00Z'),
        payload: {},
        idempotencyKey: 'sig-P01-recipient',
      },
    });
  });

  afterAll(async () => {
    await own?.drop();
  });

  it('an O3 row without parties goes to the side that has not signed; given parties win', async () => {
    const { deliverNotification } = createMailDeliveryActivities(ownDeps());
    const old = await seedLedgerRow(own.prisma, {
      ...p01own,
      obligation: 'O3',
      kind: 'REMINDER',
      label: 'reminder-D-14',
      dueDate: '2026-03-31',
      createdAt: at,
    });
    await deliverNotification({ idempotencyKey: old });
    expect(addressesOf((await parse(caughtWith(messageIdFor(old))[0]!)).to)).toEqual([
      'ketnghia@snn.example.gov.vn',
    ]);
    const named = await seedLedgerRow(own.prisma, {
      ...p01own,
      obligation: 'O3',
      kind: 'REMINDER',
      label: 'reminder-D-7',
      dueDate: '2026-03-31',
      createdAt: at,
    });
    await deliverNotification({ idempotencyKey: named, parties: ['recipient'] });
    expect(addressesOf((await parse(caughtWith(messageIdFor(named))[0]!)).to)).toEqual([
      'vanphong@ladee.example.gov.vn',
    ]);
  });

  it('an O3 signature does not excuse the signer from another obligation', async () => {
    // O1 was missed; the recipient that owes it has signed O3, which must not take it off O1's escalation.
    const cycle = await seedCycle(own.prisma, 'P01', {
      id: 'O1',
      statutory: '2026-02-28',
      effective: '2026-03-02',
      status: 'MISSED',
    });
    const key = await seedLedgerRow(own.prisma, {
      ...cycle,
      obligation: 'O1',
      kind: 'ESCALATION',
      label: 'escalation-1',
      level: 1,
      dueDate: '2026-03-02',
      createdAt: at,
    });
    await expect(
      createMailDeliveryActivities(ownDeps()).deliverNotification({ idempotencyKey: key }),
    ).resolves.toEqual(expect.objectContaining({ status: 'sent' }));
    const mail = await parse(caughtWith(messageIdFor(key))[0]!);
    expect(addressesOf(mail.to)).toEqual(['chutich@ladee.example.gov.vn', 'vanphong@ladee.example.gov.vn']);
    expect(addressesOf(mail.cc)).toEqual([ADMIN_EMAIL]);
  });

  it('a waived or not applicable obligation gets no reminder or escalation; a late one neither', async () => {
    for (const [obligation, status] of [
      ['O5', 'WAIVED'],
      ['O6', 'NOT_APPLICABLE'],
      ['O2', 'LATE'],
    ] as const) {
      const cycle = await seedCycle(own.prisma, 'P02', {
        id: obligation,
        statutory: '2026-02-28',
        effective: '2026-03-02',
        status,
      });
      const key = await seedLedgerRow(own.prisma, {
        ...cycle,
        obligation,
        kind: 'ESCALATION',
        label: 'escalation-1',
        level: 1,
        dueDate: '2026-03-02',
        createdAt: at,
      });
      await expect(
        createMailDeliveryActivities(ownDeps()).deliverNotification({ idempotencyKey: key }),
      ).resolves.toEqual({ status: 'skipped' });
      expect(caughtWith(messageIdFor(key))).toHaveLength(0);
      const row = await own.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
      expect([row.status, row.messageId, row.smtpReply]).toEqual([
        'SENT',
        null,
        `skipped: ${obligation} is ${status}`,
      ]);
    }
  });
});
