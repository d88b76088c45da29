/**
 * The worker process: builds the Prisma client, the mail transport and the Temporal connection once, runs
 * the worker on its task queue with the payload codec (system/payload-codec.ts), and closes everything on
 * SIGINT or SIGTERM (the SDK's default shutdown signals) or when it cannot start (exit code 1). Several of
 * these may run against one task queue.
 */
import type { Client } from '@temporalio/client';
import { type NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createPrismaClient } from '../db/client';
import { createMailTransport } from '../mail/transport';
import { connectClient, connectWorker, dataConverterOf } from '../system/temporal-connection';
import { loadConfig } from './config';
import { workerTuning } from './workflow-bundle';

async function main(): Promise<void> {
  const config = loadConfig();
  // tsx turns Node's source maps on; off, workflow tasks cost much less (AppConfig.workerSourceMaps).
  process.setSourceMapsEnabled(config.workerSourceMaps);
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
  const mailer = createMailTransport(config.smtp.url, { rateLimitPerSecond: config.mail.rateLimitPerSecond });
  let connection: NativeConnection | undefined;
  let client: Promise<Client> | undefined;
  const temporalClient = (): Promise<Client> => (client ??= connectClient(config));
  try {
    const dataConverter = await dataConverterOf(config);
    connection = await connectWorker(config);
    const worker = await Worker.create({
      connection,
      dataConverter,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      ...workerTuning(config),
      activities: createActivities({ prisma, mailer, config, temporalClient }),
    });
    console.log(`worker: polling ${config.temporal.taskQueue} on ${config.temporal.address}`);
    await worker.run();
  } finally {
    // Also on a failed start, so that nothing keeps the process alive; a client that never connected has
    // nothing to close, and its error must not hide the one that stopped the worker.
    if (client) await (await client.catch(() => undefined))?.connection.close();
    await connection?.close();
    mailer.close();
    await prisma.$disconnect();
  }
}

/** How long a failed worker may take to end by itself before it is made to. */
const FAILED_EXIT_GRACE_MS = 5_000;

main().catch((error: unknown) => {
  console.error((error as Error).message);
  // Not process.exit() at once: it could cut what was just written to a pipe; main has closed what it opened.
  process.exitCode = 1;
  // But when the native worker cannot be created (e.g. an unknown TEMPORAL_NAMESPACE), Worker.create of SDK
  // 1.24 leaves the workflow threads it made just before running, and nothing can close them: a failed worker
  // would then live on and its supervisor never learn. The timer is unref'd, so it fires only in that case,
  // after the output has had the grace period to drain.
  setTimeout(() => process.exit(1), FAILED_EXIT_GRACE_MS).unref();
});
