/**
 * Account messages (invitation, password reset) through the notification ledger: one ledger row (kind ACCOUNT,
 * key `account:<token id>`) per one-time link, claimed, sent with the Message-ID derived from the key and
 * recorded like every other message (`deliverLedgerRow`).
 *
 * The link exists only in memory and in the message: the database keeps the token's hash, the ledger row its
 * subject and recipient, and no log line carries it. So such a message cannot be composed again later: it is
 * tried once, at once, and a failure marks the row FAILED (listed by `twinning mail failures`); sending again
 * means a new link (a new token, a new row).
 */
import type { Transporter } from 'nodemailer';
import { renderAccountMail, type AccountMailData } from '../domain/mail';
import { t } from '../domain/messages';
import type { PrismaClient } from '../generated/prisma';
import { deliverLedgerRow, type DeliveryResult, type MailDeliveryConfig } from './deliver';

/** What sending an account message needs. */
export interface AccountMailDeps {
  readonly prisma: PrismaClient;
  readonly mailer: Transporter;
  readonly config: MailDeliveryConfig;
  readonly now?: () => Date;
}

/** The ledger key of the message that carries one token's link. */
export function accountMailKey(tokenId: string): string {
  return `account:${tokenId}`;
}

/**
 * Sends the message of one token to `to` and returns the delivery's outcome. Throws the delivery's failure
 * (its message names the ledger key, never the link) after marking the row FAILED.
 */
export async function sendAccountMail(
  deps: AccountMailDeps,
  message: Omit<AccountMailData, 'idempotencyKey'> & { readonly tokenId: string; readonly to: string },
): Promise<DeliveryResult> {
  const now = (deps.now ?? (() => new Date()))();
  const idempotencyKey = accountMailKey(message.tokenId);
  const mail = renderAccountMail({ ...message, idempotencyKey }, deps.config.lang);
  await deps.prisma.notification.create({
    data: {
      idempotencyKey,
      kind: 'ACCOUNT',
      scheduledFor: now,
      recipients: [message.to],
      subject: mail.subject,
    },
  });
  try {
    return await deliverLedgerRow({ ...deps, now: () => now }, idempotencyKey, () =>
      Promise.resolve({
        kind: 'send',
        mail,
        recipients: { to: [message.to], cc: [], skippedBounced: [] },
      }),
    );
  } catch (error) {
    // Nobody can retry without the link: a row left PENDING would wait for ever.
    await deps.prisma.notification.updateMany({
      where: { idempotencyKey, status: { in: ['PENDING', 'SENDING'] } },
      data: {
        status: 'FAILED',
        lastError: (error as Error).message || t('web.error.internal', {}, 'en'),
        claimedAt: now,
      },
    });
    throw error;
  }
}
