/**
 * `npm start`: the whole system on embedded defaults, in one process tree. Starts what configuration does not
 * point elsewhere (PGlite, Temporal dev server with UI, SMTP catcher), migrates, seeds the demo roster into
 * an empty database, then runs the worker and the web server. Every child is supervised: one that dies is
 * restarted with backoff (system/supervisor.ts), and the system stops only when restarts keep failing.
 * Ctrl-C stops everything; data stays in ./data.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPrismaClient } from '../db/client';
import { migrate } from '../db/migrate';
import { startProcess, waitForOutput } from '../system/child-process';
import { embeddedPostgresPart, embeddedTemporalPart, startEmbeddedSmtp } from '../system/embedded';
import { assertPortsFree, waitForPort, type WantedPort } from '../system/ports';
import { ensureDigestSchedule } from '../schedules/digest';
import { ensureYearOpenerSchedule } from '../schedules/year-opener';
import { embeddedPayloadKeyFile, ensureEmbeddedPayloadKeys, formatPayloadKeys } from '../system/payload-keys';
import { seedIfEmpty } from '../system/seed';
import { ensureSessionSecret } from '../system/session-secret';
import { firstAdministratorLink } from '../services/users';
import { formatDateTime } from '../domain/format';
import { bilingual } from '../domain/messages';
import type { SmtpCatcher } from '../system/smtp-catcher';
import { Supervisor, type SupervisedPart } from '../system/supervisor';
import {
  supervisorStatusPath,
  writeSupervisionStatus,
  type PartStatus,
  type SupervisedPartName,
} from '../system/supervisor-status';
import { connectClient } from '../system/temporal-connection';
import { ConfigError, loadConfig, type AppConfig } from '../worker/config';

const root = path.resolve(__dirname, '..');
const log = (line: string): void => console.log(`\u001b[1m[start]\u001b[0m ${line}`);
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

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

async function waitForTemporal(config: AppConfig, signal: AbortSignal, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    signal.throwIfAborted();
    try {
      const client = await connectClient(config);
      try {
        await client.workflowService.describeNamespace({ namespace: config.temporal.namespace });
        return;
      } finally {
        await client.connection.close();
      }
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`Temporal at ${config.temporal.address}: ${(error as Error).message}`);
      await sleep(500, undefined, { signal });
    }
  }
}

/** The worker or the web server (`worker/main.ts`, `web/main.ts`) as a supervised part. */
function nodePart(
  config: AppConfig,
  name: 'worker' | 'web',
  entry: string,
  extraEnv: NodeJS.ProcessEnv = {},
): SupervisedPart {
  const web = name === 'web';
  return {
    name,
    label: name,
    ...(web ? { ports: [config.web.port], host: config.web.host } : {}),
    spawn: () =>
      startProcess({
        name,
        command: process.execPath,
        args: ['--import', 'tsx', path.join(root, entry)],
        logDir: path.resolve(config.embedded.dataDir, 'logs'),
        cwd: root,
        ownProcessGroup: true,
        env: {
          ...process.env,
          DATABASE_URL: config.databaseUrl,
          TEMPORAL_ADDRESS: config.temporal.address,
          SMTP_URL: config.smtp.url,
          ...extraEnv,
          ...(config.payloadKeys ? { PAYLOAD_KEYS: formatPayloadKeys(config.payloadKeys) } : {}),
        },
      }),
    // The worker has no port: it is up once it says it polls (worker/main.ts prints that after Worker.create).
    ready: (proc, signal) =>
      web
        ? waitForPort(config.web.port, config.web.host, 60_000, signal)
        : waitForOutput(proc, /^worker: polling /m, 120_000, signal),
  };
}

async function main(): Promise<void> {
  const loaded = loadConfig();
  await assertPortsFree(wantedPorts(loaded));
  // Without PAYLOAD_KEYS (only allowed on the embedded Temporal), the key kept in DATA_DIR, made on first start.
  const payload = await ensureEmbeddedPayloadKeys(loaded);
  const config: AppConfig = { ...loaded, payloadKeys: payload.keys };
  log(
    `payload encryption: key ${payload.keys[0]?.id ?? '?'}` +
      (payload.created ? `, new, kept in ${embeddedPayloadKeyFile(config)}` : ''),
  );

  mkdirSync(path.resolve(config.embedded.dataDir), { recursive: true });
  const statusFile = supervisorStatusPath(config.embedded.dataDir);
  const startedAt = new Date().toISOString();
  const statuses = new Map<SupervisedPartName, PartStatus>();
  let statusWriteFailed = false;
  const writeStatus = (status: PartStatus): void => {
    statuses.set(status.name, status);
    try {
      writeSupervisionStatus(statusFile, { pid: process.pid, startedAt, parts: [...statuses.values()] });
    } catch (error) {
      // The file is for display; a full disk must not stop the supervision itself. Said once, not per write.
      if (!statusWriteFailed) console.error(`${statusFile}: ${(error as Error).message}`);
      statusWriteFailed = true;
    }
  };

  const supervisors: Supervisor[] = [];
  const startup = new AbortController();
  let smtp: SmtpCatcher | undefined;
  let exitCode = 0;
  let stopping: Promise<void> | undefined;
  const onSignal = (): void => {
    if (stopping) {
      // A second Ctrl-C: whoever is still stopping gracefully is killed now.
      log('stopping now');
      for (const s of supervisors) s.kill();
      return;
    }
    void stopAll(0);
  };
  // No process.exit(): the process ends by itself once every child has exited, the SMTP catcher is closed
  // and these listeners are gone, so nothing is cut short.
  const stopAll = (code: number): Promise<void> => {
    exitCode = Math.max(exitCode, code);
    stopping ??= (async () => {
      startup.abort();
      log('stopping…');
      for (const s of [...supervisors].reverse()) {
        await s.stop();
        log(`${s.part.label} stopped`);
      }
      if (smtp) await smtp.close();
      for (const signal of STOP_SIGNALS) process.removeListener(signal, onSignal);
      process.exitCode = exitCode;
    })();
    return stopping;
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  const supervise = async (part: SupervisedPart): Promise<void> => {
    const supervisor = new Supervisor(part, {
      log: (line) => console.error(`\u001b[1m[start]\u001b[0m ${line}`),
      onStatus: writeStatus,
      onGiveUp: (message) => {
        console.error(message);
        void stopAll(1);
      },
    });
    supervisors.push(supervisor);
    await supervisor.start();
  };

  try {
    if (config.embedded.postgres) {
      log(
        `PostgreSQL (PGlite) on 127.0.0.1:${config.embedded.pgPort}, data in ${config.embedded.dataDir}/pglite`,
      );
      await supervise(embeddedPostgresPart(config));
    }
    const result = await migrate(config.databaseUrl, { onApply: (name) => log(`migration ${name}`) });
    log(`database ready (${result.applied.length} migration(s) applied now)`);
    const prisma = createPrismaClient(config.databaseUrl, { maxConnections: config.databasePoolSize });
    try {
      for (const line of await seedIfEmpty(prisma)) log(line);
      // The way in of a first run; printed on this terminal only (the link is in no log file or table).
      const setup = await firstAdministratorLink(prisma, config.web.publicBaseUrl, new Date());
      if (setup)
        log(
          bilingual('auth.setup.link', {
            email: setup.email,
            link: setup.link,
            until: formatDateTime(setup.expiresAt),
          }),
        );
    } finally {
      await prisma.$disconnect();
    }

    if (config.embedded.temporal) {
      log(`Temporal dev server on ${config.temporal.address}, web UI ${config.temporal.uiUrl}`);
      await supervise(embeddedTemporalPart(config));
    }
    await waitForTemporal(config, startup.signal);
    const client = await connectClient(config);
    try {
      await ensureYearOpenerSchedule(client, config.temporal.taskQueue);
      await ensureDigestSchedule(client, config);
      log('schedules ensured: year opener (01/01 00:05), leadership digest (working days)');
    } finally {
      await client.connection.close();
    }

    startup.signal.throwIfAborted();
    if (config.embedded.smtp) {
      smtp = await startEmbeddedSmtp(config);
      log(`SMTP catcher on 127.0.0.1:${smtp.port}, messages kept in ${config.embedded.dataDir}/outbox`);
    }

    await Promise.all([
      supervise(nodePart(config, 'worker', 'worker/main.ts')),
      supervise(
        nodePart(config, 'web', 'web/main.ts', {
          SESSION_SECRET: config.sessionSecret ?? ensureSessionSecret(config.embedded.dataDir),
        }),
      ),
    ]);
    log(
      `ready: ${config.web.publicBaseUrl}  (Temporal UI: ${config.temporal.uiUrl}; logs in ${config.embedded.dataDir}/logs; restarts in ${statusFile})`,
    );
    log('press Ctrl-C to stop');
  } catch (error) {
    // A stop already under way (Ctrl-C, or a part that gave up) is why start-up broke off: nothing to add.
    if (stopping) return stopping;
    console.error(
      error instanceof ConfigError ? error.message : `start-up failed: ${(error as Error).message}`,
    );
    await stopAll(1);
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
