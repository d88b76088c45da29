/**
 * Fault injection: the SMTP server is down when a burst of reminders falls due, then answers 451 and 421, then
 * comes back. Every message is delivered once it is back (4xx and a refused connection are retried); a 550 for one
 * address is not retried and shows as failed with the server's reply. The time-skipping Temporal test server lets
 * hours of retries pass in seconds; the worker is a real `worker/main.ts` process.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { listBouncedContacts, listMailFailures } from '../../mail/ledger';
import { temporalTestServerPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';
import { deliveryCounts, printCounts, startFaultWorld, type FaultWorld } from '../support/fault-world';

const PAIRS = 6;
// 16/02/2026 08:00 local: the D-14 reminders of O1 and O2.
const BURST = '2026-02-16T01:00:00.000Z';
const REFUSED = 'xa3@example.gov.vn';
/** What the ledger keeps of the server's refusal, and of a message left with nobody to send to. */
const REPLY_550 = '550 5.1.1 Mailbox unavailable';
const NO_RECIPIENT = 'No valid recipient (the unit has no address, or every address has bounced).';
let env: TestWorkflowEnvironment;
let world: FaultWorld;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath(loadConfig()) } },
  });
  world = await startFaultWorld('smtp-outage', PAIRS, { temporalAddress: env.address });
});

afterAll(async () => {
  await world?.teardown();
  await env?.teardown();
});

const minutes = (n: number) => n * 60_000;

async function rows() {
  return world.db.prisma.notification.findMany({
    orderBy: { idempotencyKey: 'asc' },
    select: { idempotencyKey: true, status: true, attempts: true, lastError: true, smtpReply: true },
  });
}

it('SMTP down, then 451 and 421, then back: all delivered once; a 550 is not retried and shows as failed', async () => {
  await world.smtp('down');
  world.refuseAddress(REFUSED, { code: 550, message: '5.1.1 Mailbox unavailable' });
  await world.startWorker('worker-1');
  expect(
    await world.openAt(
      2026,
      new Date(Date.parse(BURST) - minutes(1)).toISOString(),
      await env.currentTimeMs(),
    ),
  ).toBe(PAIRS);
  await env.sleep(minutes(5));
  const whileDown = await rows();
  expect(whileDown).toHaveLength(2 * PAIRS);
  expect(whileDown.filter((r) => r.status === 'SENT')).toEqual([]);
  expect(whileDown.every((r) => r.attempts >= 2)).toBe(true);

  await world.smtp({ reply: { code: 451, message: '4.3.0 Temporary local problem' } });
  await env.sleep(minutes(20));
  await world.smtp({ reply: { code: 421, message: '4.7.0 Try again later, closing connection' } });
  await env.sleep(minutes(20));
  const while4xx = await rows();
  // The refused address fails at RCPT TO before the 4xx of the data: it is failed already; the rest still wait.
  expect(while4xx.filter((r) => r.status === 'SENT')).toEqual([]);
  expect(world.messages()).toHaveLength(0);

  await world.smtp('accept');
  await env.sleep(minutes(180));
  const after = await rows();
  const refused = after.filter((r) => r.idempotencyKey.includes(':P00003:'));
  // The first of the address's two messages meets the 550 and flags the address; the other then fails at once,
  // with nobody left to send to — or meets the 550 too when both were under way together.
  expect(refused.map((r) => r.status)).toEqual(['FAILED', 'FAILED']);
  expect(refused.filter((r) => r.lastError === REPLY_550).length).toBeGreaterThanOrEqual(1);
  expect(refused.every((r) => r.lastError === REPLY_550 || r.lastError === NO_RECIPIENT)).toBe(true);
  expect(after.filter((r) => !r.idempotencyKey.includes(':P00003:')).map((r) => r.status)).toEqual(
    Array(2 * PAIRS - 2).fill('SENT'),
  );
  const counts = await deliveryCounts(world, PAIRS);
  printCounts('SMTP down, 451, 421, back (one 550)', counts);
  expect(counts).toEqual({
    cycles: PAIRS,
    due: 2 * PAIRS,
    delivered: 2 * PAIRS - 2,
    failed: 2,
    duplicated: 0,
    lost: 0,
  });
  // Failed messages are listed for the administrators with the server's reply, and the address is flagged.
  const failures = await listMailFailures(world.db.prisma);
  expect(failures.map((f) => f.idempotencyKey).sort()).toEqual(refused.map((r) => r.idempotencyKey).sort());
  expect((await listBouncedContacts(world.db.prisma)).map((b) => [b.email, b.reply])).toEqual([
    [REFUSED, REPLY_550],
  ]);
}, 600_000);
