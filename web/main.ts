/**
 * The web server process: builds its clients once from configuration, serves, and closes them on SIGINT or
 * SIGTERM.
 */
import type { Client } from '@temporalio/client';
import { createPrismaClient } from '../db/client';
import { outboxDir } from '../mail/outbox';
import { createMailTransport } from '../mail/transport';
import { connectClient } from '../system/temporal-connection';
import { loadConfig } from '../worker/config';
import { buildWebServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const prisma = createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
  const mailer = createMailTransport(config.smtp.url);
  let client: Promise<Client> | undefined;
  // Connect lazily and retry after a failure: the web server must come up even while Temporal is down.
  const temporal = (): Promise<Client> => {
    client ??= connectClient(config).catch((error: unknown) => {
      client = undefined;
      throw error;
    });
    return client;
  };
  const app = buildWebServer({
    prisma,
    mailer,
    temporal,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    defaultLang: config.lang,
    temporalUiUrl: config.temporal.uiUrl,
    outboxDir: outboxDir(config.embedded.dataDir),
  });
  await app.listen({ host: config.web.host, port: config.web.port });
  console.log(`web: listening on ${config.web.publicBaseUrl}`);
  const shutdown = async (): Promise<void> => {
    await app.close();
    mailer.close();
    if (client) await (await client).connection.close().catch(() => undefined);
    await prisma.$disconnect();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
