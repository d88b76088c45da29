/**
 * `twinning mail …`: failed messages and bounced addresses (`failures`), a check of the SMTP configuration
 * (`test --to`), the messages the embedded catcher kept (`outbox`), and a digest run by hand (`digest`).
 * `twinning schedules ensure` creates or updates the engine's Schedules (year opener, leadership digest).
 */
import type { Command } from 'commander';
import { formatDateTime } from '../../domain/format';
import { bilingual } from '../../domain/messages';
import { mailVocabulary } from '../../domain/messages/mail';
import { sendTestMessage } from '../../mail/deliver';
import { sendLeadershipDigest } from '../../mail/digest';
import { listBouncedContacts, listMailFailures } from '../../mail/ledger';
import { listOutbox, outboxDir } from '../../mail/outbox';
import { createMailTransport, smtpServerName } from '../../mail/transport';
import { DIGEST_SCHEDULE_ID, digestSchedule, ensureDigestSchedule } from '../../schedules/digest';
import { ensureYearOpenerSchedule, YEAR_OPENER_SCHEDULE_ID } from '../../schedules/year-opener';
import { nowOf, type CliDeps } from '../deps';

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Registers the `mail` and `schedules` commands. */
export function registerMailCommands(program: Command, deps: CliDeps): void {
  const mail = program.command('mail').description('Thư điện tử / e-mail');

  mail
    .command('failures')
    .description('Thư gửi thất bại và địa chỉ bị trả lại / failed messages and bounced addresses')
    .option('--json', 'in JSON')
    .action(async (options: { json?: boolean }) => {
      const prisma = await deps.getPrisma();
      const [failures, bounced] = await Promise.all([listMailFailures(prisma), listBouncedContacts(prisma)]);
      if (options.json) {
        deps.out(JSON.stringify({ failures, bounced }, null, 2));
        return;
      }
      if (failures.length === 0) deps.out(bilingual('mail.cli.failures.none'));
      else {
        deps.out(bilingual('mail.cli.failures.heading', { count: failures.length }));
        for (const f of failures) {
          const kind = mailVocabulary.kind[f.kind];
          deps.out(
            `- ${formatDateTime(f.failedAt ?? f.createdAt)}  ${kind.vi} / ${kind.en}  ${f.idempotencyKey}\n` +
              `  ${f.subject ?? ''}\n  → ${f.recipients.join(', ') || '-'}\n  ${f.lastError ?? ''} (${f.attempts})`,
          );
        }
      }
      if (bounced.length > 0) {
        deps.out(bilingual('mail.cli.bounced.heading', { count: bounced.length }));
        for (const b of bounced)
          deps.out(`- ${b.unitCode}  ${b.email}  ${formatDateTime(b.bouncedAt)}  ${b.reply ?? ''}`);
      }
      if (failures.length > 0) process.exitCode = 2;
    });

  mail
    .command('test')
    .description('Gửi thư thử qua SMTP_URL / send a test message through SMTP_URL')
    .requiredOption('--to <address>', 'recipient address')
    .action(async (options: { to: string }) => {
      const to = options.to.trim();
      if (!ADDRESS.test(to)) {
        deps.err(bilingual('mail.cli.test.badAddress', { value: to }));
        process.exitCode = 1;
        return;
      }
      const prisma = await deps.getPrisma();
      const mailer = createMailTransport(deps.config.smtp.url, { maxConnections: 1 });
      const server = smtpServerName(deps.config.smtp.url);
      try {
        const result = await sendTestMessage({ prisma, mailer, config: deps.config }, to);
        deps.out(
          bilingual('mail.cli.test.sent', {
            server,
            to,
            reply: result.smtpReply,
            messageId: result.messageId,
          }),
        );
      } catch (error) {
        deps.err(bilingual('mail.cli.test.failed', { server, to, error: (error as Error).message }));
        process.exitCode = 1;
      } finally {
        mailer.close();
      }
    });

  mail
    .command('outbox')
    .description('Thư do máy chủ thư cục bộ giữ lại / messages kept by the local mail catcher')
    .option('--limit <n>', 'how many, newest first', '20')
    .option('--json', 'in JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const dir = outboxDir(deps.config.embedded.dataDir);
      const entries = await listOutbox(dir, Math.max(1, Number(options.limit) || 20));
      if (options.json) {
        deps.out(JSON.stringify(entries, null, 2));
        return;
      }
      if (entries.length === 0) deps.out(bilingual('mail.cli.outbox.empty', { dir }));
      for (const e of entries) {
        deps.out(`${e.id}  ${e.date ? formatDateTime(e.date) : '-'}  ${e.to}\n        ${e.subject}`);
      }
    });

  mail
    .command('digest')
    .description('Gửi bản tổng hợp cho lãnh đạo ngay / send the leadership digest now')
    .option('--even-on-day-off', 'also on a weekend or holiday')
    .action(async (options: { evenOnDayOff?: boolean }) => {
      const prisma = await deps.getPrisma();
      const mailer = createMailTransport(deps.config.smtp.url, { maxConnections: 1 });
      try {
        const at = nowOf(deps);
        const result = await sendLeadershipDigest(
          { prisma, mailer, config: deps.config },
          { at: at.toISOString(), evenOnDayOff: options.evenOnDayOff ?? false },
        );
        const date = formatDateTime(at).slice(0, 10);
        if (result.status === 'sent') deps.out(bilingual('mail.cli.digest.sent', { date }));
        else {
          const reason = mailVocabulary.skipReason[result.reason ?? 'alreadySent'];
          deps.out(bilingual('mail.cli.digest.skipped', { date, reasonVi: reason.vi, reasonEn: reason.en }));
        }
      } finally {
        mailer.close();
      }
    });

  const schedules = program
    .command('schedules')
    .description('Lịch chạy tự động (Temporal Schedules) / schedules');
  schedules
    .command('ensure')
    .description('Tạo hoặc cập nhật các lịch / create or update the schedules')
    .action(async () => {
      const client = await deps.getTemporal();
      await ensureYearOpenerSchedule(client, deps.config.temporal.taskQueue);
      deps.out(bilingual('mail.cli.schedules.ensured', { id: YEAR_OPENER_SCHEDULE_ID, spec: '01/01 00:05' }));
      await ensureDigestSchedule(client, deps.config);
      const days = 'T2–T6 / Mon–Fri';
      deps.out(
        bilingual('mail.cli.schedules.ensured', {
          id: DIGEST_SCHEDULE_ID,
          spec: `${days} ${deps.config.mail.digestTime} (${String(digestSchedule(deps.config).spec.timezone)})`,
        }),
      );
    });
}
