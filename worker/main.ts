/**
 * The worker process: builds the Prisma client, the mail transport and the Temporal connection once, runs
 * the worker on its task queue, and closes everything on SIGINT or SIGTERM (the SDK's default shutdown
 * signals). Several of these may run against one task queue.
 */
import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../activities';
import { createPrismaClient } from '../db/client';
import { createMailTransport } from '../mail/transport';
import { connectClient, connectWorker } from '../system/temporal-connection';
import { loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig();
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
  const mailer = createMailTransport(config.smtp.url, { rateLimitPerSecond: config.mail.rateLimitPerSecond });
  const connection = await connectWorker(config);
  let client: Promise<Client> | undefined;
  const temporalClient = (): Promise<Client> => (client ??= connectClient(config));
  try {
    const worker = await Worker.create({
      connection,
      namespace: config.temporal.namespace,
      taskQueue: config.temporal.taskQueue,
      workflowsPath: require.resolve('../workflows'),
      ...(config.workerMaxCachedWorkflows !== undefined
        ? { maxCachedWorkflows: config.workerMaxCachedWorkflows }
        : {}),
      activities: createActivities({ prisma, mailer, config, temporalClient }),
    });
    console.log(`worker: polling ${config.temporal.taskQueue} on ${config.temporal.address}`);
    await worker.run();
  } finally {
    if (client) await (await client).connection.close();
    await connection.close();
    mailer.close();
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
