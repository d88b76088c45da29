/**
 * The web server process: builds its clients once from configuration, serves, and closes them on SIGINT or
 * SIGTERM, or when it cannot start (exit code 1); the process then ends by itself.
 */
import type { Client } from '@temporalio/client';
import { createPrismaClient } from '../db/client';
import { outboxDir } from '../mail/outbox';
import { createMailTransport } from '../mail/transport';
import { supervisorStatusPath } from '../system/supervisor-status';
import { AesGcmPayloadCodec } from '../system/payload-codec';
import { payloadKeysOf } from '../system/payload-keys';
import { connectClient } from '../system/temporal-connection';
import { bilingual } from '../domain/messages';
import { loadConfig } from '../worker/config';
import { buildWebServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  // `npm start` passes the secret it keeps in DATA_DIR; a web server run on its own must be given one.
  const sessionSecret = config.sessionSecret;
  if (!sessionSecret) throw new Error(bilingual('auth.secret.missing'));
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
    config,
    sessionSecret,
    temporalUiUrl: config.temporal.uiUrl,
    payloadCodec: async () => new AesGcmPayloadCodec(await payloadKeysOf(config)),
    outboxDir: outboxDir(config.embedded.dataDir),
    supervisionStatusFile: supervisorStatusPath(config.embedded.dataDir),
  });
  // Everything main opened, closed once: on a failed start and on SIGINT or SIGTERM. A Temporal client that
  // never connected has nothing to close.
  const close = async (): Promise<void> => {
    await app.close();
    mailer.close();
    if (client) await (await client.catch(() => undefined))?.connection.close().catch(() => undefined);
    await prisma.$disconnect();
  };
  try {
    await app.listen({ host: config.web.host, port: config.web.port });
  } catch (error) {
    await close();
    throw error;
  }
  // No process.exit() after closing: with everything closed the process ends by itself, once its output is out.
  // The handlers come before the line that says the server is ready, which a supervisor may answer at once.
  process.once('SIGINT', () => void close());
  process.once('SIGTERM', () => void close());
  console.log(`web: listening on ${config.web.publicBaseUrl}`);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
