/**
 * `twinning user …`: invite a user (an e-mail with a one-time link to set the password), list the users,
 * disable an account (its sessions end at once), send a password-reset link. Through `services/users.ts`,
 * like the dashboard's user pages.
 */
import type { Command } from 'commander';
import { formatDateTime } from '../../domain/format';
import { bilingual, bilingualOf, t } from '../../domain/messages';
import { createMailTransport } from '../../mail/transport';
import {
  disableUser,
  inviteUser,
  listUsers,
  sendPasswordReset,
  type UserServiceDeps,
} from '../../services/users';
import { nowOf, type CliDeps } from '../deps';

/** Runs `body` with the services' dependencies and one SMTP connection, closed afterwards. */
async function withMail<T>(deps: CliDeps, body: (services: UserServiceDeps) => Promise<T>): Promise<T> {
  const prisma = await deps.getPrisma();
  const mailer = createMailTransport(deps.config.smtp.url, { maxConnections: 1 });
  try {
    return await body({ prisma, mailer, config: deps.config, now: () => nowOf(deps) });
  } finally {
    mailer.close();
  }
}

/** Registers the `user` commands. */
export function registerUserCommands(program: Command, deps: CliDeps): void {
  const user = program.command('user').description('Người dùng và tài khoản / users and accounts');

  user
    .command('invite')
    .description('Mời người dùng: gửi thư có liên kết đặt mật khẩu / invite a user by e-mail')
    .requiredOption('--email <address>', 'e-mail address')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', 'ADMIN, LEADERSHIP, SPONSOR_OFFICER or RECIPIENT_OFFICER')
    .option('--unit <code>', "the officer's unit (required for officers)")
    .action(async (options: { email: string; name: string; role: string; unit?: string }) => {
      const result = await withMail(deps, (services) =>
        inviteUser(services, {
          email: options.email,
          name: options.name,
          role: options.role.trim().toUpperCase(),
          unitCode: options.unit,
        }),
      );
      if (!result.ok) {
        deps.err(bilingualOf(result.refusal.message));
        process.exitCode = 1;
        return;
      }
      const { user: invited, expiresAt, mailError } = result.value;
      if (mailError) {
        deps.err(bilingual('auth.user.mailFailed', { email: invited.email, error: mailError }));
        process.exitCode = 1;
        return;
      }
      deps.out(bilingual('auth.user.invited', { email: invited.email, until: formatDateTime(expiresAt) }));
    });

  user
    .command('list')
    .description('Danh sách người dùng / list the users')
    .option('--json', 'in JSON')
    .action(async (options: { json?: boolean }) => {
      const users = await listUsers(await deps.getPrisma(), nowOf(deps));
      if (options.json) {
        deps.out(JSON.stringify(users, null, 2));
        return;
      }
      if (users.length === 0) deps.out(bilingual('auth.cli.none'));
      for (const u of users) {
        const params = { until: u.lockedUntil ? formatDateTime(u.lockedUntil) : '' };
        const status = `${t(`auth.status.${u.status}`, params, 'vi')} / ${t(`auth.status.${u.status}`, params, 'en')}`;
        const last = u.lastSignInAt ? formatDateTime(u.lastSignInAt) : '-';
        deps.out(`${u.email}  ${u.name}  ${u.role}${u.unitCode ? ` ${u.unitCode}` : ''}  ${status}  ${last}`);
      }
    });

  user
    .command('disable')
    .description('Vô hiệu hoá tài khoản, kết thúc mọi phiên / disable an account and end its sessions')
    .argument('<email>', 'e-mail address')
    .action(async (email: string) => {
      const result = await disableUser(await deps.getPrisma(), email, nowOf(deps));
      if (!result.ok) {
        deps.err(bilingualOf(result.refusal.message));
        process.exitCode = 1;
        return;
      }
      deps.out(bilingual('auth.user.disabled', { email: result.value.email }));
    });

  user
    .command('reset-password')
    .description('Gửi thư có liên kết đặt lại mật khẩu / send a password-reset link by e-mail')
    .argument('<email>', 'e-mail address')
    .action(async (email: string) => {
      const result = await withMail(deps, (services) => sendPasswordReset(services, email));
      if (!result.ok) {
        deps.err(bilingualOf(result.refusal.message));
        process.exitCode = 1;
        return;
      }
      const { user: target, expiresAt, mailError } = result.value;
      if (mailError) {
        deps.err(bilingual('auth.user.mailFailed', { email: target.email, error: mailError }));
        process.exitCode = 1;
        return;
      }
      deps.out(bilingual('auth.user.resetSent', { email: target.email, until: formatDateTime(expiresAt) }));
    });
}
