/**
 * A Temporal worker in its own process, for the crash test: `node --import tsx test/support/mail-worker.ts`.
 * Reads DATABASE_URL, SMTP_PORT, TEMPORAL_ADDRESS, TASK_QUEUE and CLAIM_LEASE_MS from the environment and
 * prints "ready" once it polls. The test kills it with SIGKILL part-way through a burst.
 */
import { NativeConnection, Worker } from '@temporalio/worker';
import { createLeadershipDigestActivities } from '../../activities/leadership-digest';
import { createMailDeliveryActivities } from '../../activities/mail-delivery';
import { createPrismaClient } from '../../db/client';
import { createMailTransport } from '../../mail/transport';
import { mailConfig } from './mail';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set`);
    return value;
  };
  const port = Number(env('SMTP_PORT'));
  const prisma = createPrismaClient(env('DATABASE_URL'), { maxConnections: 40 });
  const mailer = createMailTransport(`smtp://127.0.0.1:${port}`, { maxConnections: 5 });
  const deps = { prisma, mailer, config: mailConfig(port), claimLeaseMs: Number(env('CLAIM_LEASE_MS')) };
  const connection = await NativeConnection.connect({ address: env('TEMPORAL_ADDRESS') });
  const worker = await Worker.create({
    connection,
    taskQueue: env('TASK_QUEUE'),
    workflowsPath: require.resolve('./mail-workflows'),
    activities: { ...createMailDeliveryActivities(deps), ...createLeadershipDigestActivities(deps) },
    maxConcurrentActivityTaskExecutions: 40,
  });
  const running = worker.run();
  process.stdout.write('ready\n');
  await running;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
