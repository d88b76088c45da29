/**
 * The first delivery attempt that a cycle's read-model write makes for its new ledger rows
 * (`mail/first-attempt.ts`), against a real SMTP server (the catcher), a real PostgreSQL, a refused port and a
 * real TCP server that takes the connection but never greets (a stuck SMTP server). What it settles needs no
 * activity; what it does not is left to `deliverNotification`, which then sends it once, never twice.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Transporter } from 'nodemailer';
import { createMailDeliveryActivities } from '../../activities/mail-delivery';
import { messageIdFor } from '../../domain/mail';
import { MAIL_FIRST_ATTEMPT_BUDGET_MS } from '../../domain/mail/delivery-options';
import type { MailDeliveryDeps } from '../../mail/deliver';
import { deliverFirstAttempts } from '../../mail/first-attempt';
import { createMailTransport } from '../../mail/transport';
import type { SmtpCatcher } from '../../system/smtp-catcher';
import type { TestDatabase } from '../support/db';
import {
  mailConfig,
  seedLedgerRow,
  useMailParts,
  type CatcherReplies,
  type MailTestParts,
} from '../support/mail';

const replies: CatcherReplies = {};
const parts = useMailParts(replies);
let db: TestDatabase;
let catcher: SmtpCatcher;
let mailer: Transporter;
let p01: MailTestParts['p01'];

// 08:00 local on Monday 23 February 2026: D-7 of the needs proposal due (rolled forward) on Monday 2 March.
const NOW = new Date('2026-02-23T01:00:00.000Z');

function deps(overrides: Partial<MailDeliveryDeps> = {}): MailDeliveryDeps {
  return { prisma: db.prisma, mailer, config: mailConfig(catcher.port), now: () => NOW, ...overrides };
}

let labels = 0;
/** A new PENDING reminder row of P01's O2. */
function row(): Promise<string> {
  labels += 1;
  return seedLedgerRow(db.prisma, {
    ...p01,
    obligation: 'O2',
    kind: 'REMINDER',
    label: `first-attempt-${labels}`,
    dueDate: '2026-03-02',
    createdAt: NOW,
  });
}

const ledger = (key: string) => db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
const caught = (key: string) => catcher.messages.filter((m) => m.messageId === messageIdFor(key));

beforeAll(() => {
  ({ db, catcher, mailer, p01 } = parts());
});

it('settles what the server accepts or refuses for good, in one call, and sends each message once', async () => {
  const [accepted, refused] = [await row(), await row()];
  replies.reject = (id) =>
    id === messageIdFor(refused) ? { code: 550, message: 'Mailbox unavailable' } : undefined;

  const settled = await deliverFirstAttempts(
    deps(),
    [{ idempotencyKey: accepted }, { idempotencyKey: refused }],
    MAIL_FIRST_ATTEMPT_BUDGET_MS,
  );

  expect(settled.sort()).toEqual([accepted, refused].sort());
  expect(await ledger(accepted)).toEqual(expect.objectContaining({ status: 'SENT', attempts: 1 }));
  expect(await ledger(refused)).toEqual(expect.objectContaining({ status: 'FAILED', attempts: 1 }));
  expect(caught(accepted)).toHaveLength(1);
  expect(caught(refused)).toHaveLength(0);
  // The activity the cycle would not call finds nothing left to do.
  const { deliverNotification } = createMailDeliveryActivities(deps());
  await expect(deliverNotification({ idempotencyKey: accepted })).resolves.toEqual(
    expect.objectContaining({ status: 'alreadySent' }),
  );
  expect(caught(accepted)).toHaveLength(1);
});

it('leaves a 4xx and a refused connection to the activity, which then sends the message once', async () => {
  const [busy, down] = [await row(), await row()];
  replies.reject = (id) =>
    id === messageIdFor(busy) ? { code: 451, message: 'Try again later' } : undefined;
  const dead = createMailTransport('smtp://127.0.0.1:9');
  try {
    expect(
      await deliverFirstAttempts(deps(), [{ idempotencyKey: busy }], MAIL_FIRST_ATTEMPT_BUDGET_MS),
    ).toEqual([]);
    expect(
      await deliverFirstAttempts(
        deps({ mailer: dead }),
        [{ idempotencyKey: down }],
        MAIL_FIRST_ATTEMPT_BUDGET_MS,
      ),
    ).toEqual([]);
  } finally {
    dead.close();
  }
  for (const key of [busy, down]) {
    const pending = await ledger(key);
    expect([pending.status, pending.attempts]).toEqual(['PENDING', 1]);
    expect(pending.lastError).not.toBeNull();
  }

  replies.reject = undefined;
  const { deliverNotification } = createMailDeliveryActivities(deps());
  for (const key of [busy, down]) {
    await expect(deliverNotification({ idempotencyKey: key })).resolves.toEqual(
      expect.objectContaining({ status: 'sent' }),
    );
    expect(await ledger(key)).toEqual(expect.objectContaining({ status: 'SENT', attempts: 2 }));
    expect(caught(key)).toHaveLength(1);
  }
});

describe('a server that takes the connection and never answers', () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let stuck: Transporter;

  beforeAll(async () => {
    silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    stuck = createMailTransport(`smtp://127.0.0.1:${address.port}`);
  });

  afterAll(async () => {
    stuck?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('ends the first attempt at the budget; the row keeps its claim, so the activity waits instead of sending', async () => {
    const key = await row();
    // A budget far below the transport's 10 s greeting timeout: the send is still waiting when it ends.
    const settled = await deliverFirstAttempts(deps({ mailer: stuck }), [{ idempotencyKey: key }], 200);

    expect(settled).toEqual([]);
    expect(await ledger(key)).toEqual(expect.objectContaining({ status: 'SENDING', attempts: 1 }));
    const { deliverNotification } = createMailDeliveryActivities(deps());
    await expect(deliverNotification({ idempotencyKey: key })).rejects.toMatchObject({
      type: 'MailClaimBusy',
    });
    expect(caught(key)).toHaveLength(0);
  });
});
