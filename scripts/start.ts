/**
 * `npm start`: the whole system on embedded defaults, in one process tree. Starts what configuration does not
 * point elsewhere (PGlite, Temporal dev server with UI, SMTP catcher), migrates, seeds the demo roster into
 * an empty database, then runs the worker and the web server. Ctrl-C stops everything; data stays in ./data.
 */
import path from 'node:path';
import { createPrismaClient } from '../db/client';
import { migrate } from '../db/migrate';
import { describeExit, startProcess, type ManagedProcess } from '../system/child-process';
import { startEmbeddedPostgres, startEmbeddedSmtp, startEmbeddedTemporal } from '../system/embedded';
import { assertPortsFree, waitForPort, type WantedPort } from '../system/ports';
import { ensureDigestSchedule } from '../schedules/digest';
import { ensureYearOpenerSchedule } from '../schedules/year-opener';
import { seedIfEmpty } from '../system/seed';
import type { SmtpCatcher } from '../system/smtp-catcher';
import { connectClient } from '../system/temporal-connection';
import { ConfigError, loadConfig, type AppConfig } from '../worker/config';

const root = path.resolve(__dirname, '..');
const log = (line: string): void => console.log(`\u001b[1m[start]\u001b[0m ${line}`);

function wantedPorts(config: AppConfig): WantedPort[] {
  const wanted: WantedPort[] = [{ port: config.web.port, service: 'web', variable: 'WEB_PORT' }];
  if (config.embedded.postgres)
    wanted.push({
      port: config.embedded.pgPort,
      service: 'PostgreSQL (PGlite)',
      variable: 'EMBEDDED_PG_PORT',
    });
  if (config.embedded.temporal) {
    wanted.push({
      port: config.embedded.temporalPort,
      service: 'Temporal',
      variable: 'EMBEDDED_TEMPORAL_PORT',
    });
    wanted.push({
      port: config.embedded.temporalUiPort,
      service: 'Temporal UI',
      variable: 'EMBEDDED_TEMPORAL_UI_PORT',
    });
  }
  if (config.embedded.smtp)
    wanted.push({ port: config.embedded.smtpPort, service: 'SMTP', variable: 'EMBEDDED_SMTP_PORT' });
  return wanted;
}

async function waitForTemporal(config: AppConfig, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const client = await connectClient(config);
      await client.workflowService.describeNamespace({ namespace: config.temporal.namespace });
      await client.connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Temporal at ${config.temporal.address}: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function startNodeChild(config: AppConfig, name: string, entry: string): ManagedProcess {
  return startProcess({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, entry)],
    logDir: path.resolve(config.embedded.dataDir, 'logs'),
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: config.databaseUrl,
      TEMPORAL_ADDRESS: config.temporal.address,
      SMTP_URL: config.smtp.url,
    },
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  await assertPortsFree(wantedPorts(config));
  const processes: ManagedProcess[] = [];
  let smtp: SmtpCatcher | undefined;
  let stopping = false;

  const shutdown = async (code: number): Promise<never> => {
    if (stopping) process.exit(code);
    stopping = true;
    log('stopping…');
    for (const p of [...processes].reverse()) {
      await p.stop();
      log(`${p.name} stopped`);
    }
    if (smtp) await smtp.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const supervise = (p: ManagedProcess): ManagedProcess => {
    processes.push(p);
    void p.exited.then((exit) => {
      if (!stopping) {
        console.error(`${p.name} exited unexpectedly (${describeExit(exit)}); its log: ${p.logFile}`);
        void shutdown(1);
      }
    });
    return p;
  };

  try {
    if (config.embedded.postgres) {
      log(
        `PostgreSQL (PGlite) on 127.0.0.1:${config.embedded.pgPort}, data in ${config.embedded.dataDir}/pglite`,
      );
      supervise(await startEmbeddedPostgres(config));
    }
    const result = await migrate(config.databaseUrl, { onApply: (name) => log(`migration ${name}`) });
    log(`database ready (${result.applied.length} migration(s) applied now)`);
    const prisma = createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
    try {
      for (const line of await seedIfEmpty(prisma)) log(line);
    } finally {
      await prisma.$disconnect();
    }

    if (config.embedded.temporal) {
      log(`Temporal dev server on ${config.temporal.address}, web UI ${config.temporal.uiUrl}`);
      supervise(await startEmbeddedTemporal(config));
    }
    await waitForTemporal(config);
    const client = await connectClient(config);
    try {
      await ensureYearOpenerSchedule(client, config.temporal.taskQueue);
      await ensureDigestSchedule(client, config);
      log('schedules ensured: year opener (01/01 00:05), leadership digest (working days)');
    } finally {
      await client.connection.close();
    }

    if (config.embedded.smtp) {
      smtp = await startEmbeddedSmtp(config);
      log(`SMTP catcher on 127.0.0.1:${smtp.port}, messages kept in ${config.embedded.dataDir}/outbox`);
    }

    supervise(startNodeChild(config, 'worker', 'worker/main.ts'));
    supervise(startNodeChild(config, 'web', 'web/main.ts'));
    await waitForPort(config.web.port, config.web.host, 60_000);
    log(
      `ready: ${config.web.publicBaseUrl}  (Temporal UI: ${config.temporal.uiUrl}; logs in ${config.embedded.dataDir}/logs)`,
    );
    log('press Ctrl-C to stop');
  } catch (error) {
    console.error(
      error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error).message}`,
    );
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
