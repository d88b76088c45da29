/**
 * A throw-away world in which the real workflows and activities run: a fresh database (in-memory PGlite in its
 * own process, or a new database on a PostgreSQL server the caller names), migrated and optionally loaded with
 * a roster; an SMTP catcher; the time-skipping Temporal test server; and a Worker with every activity of the
 * product. Its client and worker encrypt payloads as the product's do, with the configured keys or a key made
 * for this sandbox alone. `twinning simulate` plays scenarios in it and the tests run cycles in it
 * (test/support/cycle-world.ts), so both share one definition of the world. `teardown()` stops all of it and
 * drops the database.
 */
import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
// The sandbox is I/O infrastructure like worker/main.ts: it hosts the activities, it does not call them.
import { createActivities } from '../activities';
import { createPrismaClient, type PrismaClient } from '../db/client';
import { migrate } from '../db/migrate';
import type { RosterFile } from '../domain/roster';
import { createMailTransport } from '../mail/transport';
import { payloadDataConverter } from '../system/payload-codec';
import { generatePayloadKey } from '../system/payload-keys';
import { importRoster } from '../roster/import';
import { silentLogger } from '../system/silent-logger';
import { startSmtpCatcher, type SmtpCatcher } from '../system/smtp-catcher';
import { temporalTestServerPath } from '../system/toolchain';
import { loadConfig, type AppConfig } from '../worker/config';
import { workflowBundleOptions } from '../worker/workflow-bundle';
import { createThrowawayDatabase, startPgliteDatabase } from './database';

/** Options of {@link startSandbox}. */
export interface SandboxOptions {
  /**
   * A PostgreSQL maintenance URL whose user may create databases: the sandbox creates a fresh database there.
   * Without it the database is an in-memory PGlite.
   */
  readonly adminUrl?: string;
  /** With `adminUrl`: an already migrated database to copy, much faster than migrating a new one. */
  readonly template?: string;
  /** A validated roster to import. */
  readonly roster?: RosterFile;
  /** The year whose staff counts the roster gives (default: the roster import's own default, this year). */
  readonly staffYear?: number;
  /** Who the roster import is recorded as in the audit trail. */
  readonly actor?: string;
  /**
   * Configuration of the activities (mail sender, addresses, rate limits…) and of the toolchain; its database
   * URL, SMTP URL and task queue are replaced by the sandbox's own. Default: the built-in defaults, not the
   * environment.
   */
  readonly config?: AppConfig;
  /** Task queue of the worker (default: a unique one). */
  readonly taskQueue?: string;
  /** `false` starts no worker: the caller runs its own (e.g. worker/main.ts in a child process). */
  readonly worker?: boolean;
}

/** A running sandbox. */
export interface Sandbox {
  readonly prisma: PrismaClient;
  readonly env: TestWorkflowEnvironment;
  readonly client: Client;
  readonly smtp: SmtpCatcher;
  readonly taskQueue: string;
  readonly databaseUrl: string;
  /**
   * The configuration the activities run with (the sandbox's database, SMTP catcher and task queue); its
   * `payloadKeys` are those of the sandbox's client and worker (a worker in a child process needs them).
   */
  readonly config: AppConfig;
  /** Stops the worker and every service and drops the database; safe to call twice. */
  teardown(): Promise<void>;
}

/** Starts a sandbox; if any part fails to start, what was already started is stopped again. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Started parts push how to stop them; teardown runs these in reverse, each even if an earlier one failed.
  const stops: Array<() => Promise<void> | void> = [];
  const teardown = async (): Promise<void> => {
    const errors: unknown[] = [];
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'sandbox teardown failed');
  };
  try {
    const base = options.config ?? loadConfig({});
    const taskQueue = options.taskQueue ?? `sandbox-${randomBytes(4).toString('hex')}`;

    const database = options.adminUrl
      ? await createThrowawayDatabase({
          adminUrl: options.adminUrl,
          ...(options.template ? { template: options.template } : {}),
        })
      : await startPgliteDatabase();
    stops.push(() => database.drop());
    if (!options.adminUrl || !options.template) await migrate(database.url);
    // PGlite runs one query at a time, and one client-side connection keeps its transactions whole.
    const prisma = createPrismaClient(database.url, { maxConnections: options.adminUrl ? 5 : 1 });
    stops.push(() => prisma.$disconnect());
    if (options.roster) {
      await importRoster(prisma, options.roster, {
        ...(options.staffYear !== undefined ? { staffYear: options.staffYear } : {}),
        actor: options.actor ?? 'sandbox',
      });
    }

    const smtp = await startSmtpCatcher({ port: 0 });
    stops.push(() => smtp.close());
    // A throw-away world gets a throw-away key, never the embedded key file of DATA_DIR.
    const payloadKeys = base.payloadKeys ?? [generatePayloadKey('sandbox')];
    const config: AppConfig = {
      ...base,
      databaseUrl: database.url,
      smtp: { ...base.smtp, url: `smtp://127.0.0.1:${smtp.port}` },
      temporal: { ...base.temporal, taskQueue },
      payloadKeys,
    };
    const dataConverter = payloadDataConverter(payloadKeys);
    // No rate limit even when one is configured: it would wait in real time while business time skips ahead.
    const mailer = createMailTransport(config.smtp.url);
    stops.push(() => mailer.close());

    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'existing-path', path: temporalTestServerPath(config) } },
      // env.client is then the sandbox's client: it time-skips and encrypts like the worker below.
      client: { dataConverter },
    });
    stops.push(() => env.teardown());
    const client = env.client;

    if (options.worker !== false) {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        dataConverter,
        taskQueue,
        workflowBundle: await bundleWorkflowCode({
          ...workflowBundleOptions({ stackTraces: config.workerWorkflowStackTraces }),
          logger: silentLogger,
        }),
        activities: createActivities({
          prisma,
          mailer,
          config,
          temporalClient: () => Promise.resolve(client),
        }),
      });
      const running = worker.run();
      // Handled here so a worker that fails mid-run is no unhandled rejection; teardown reports it.
      void running.catch(() => undefined);
      stops.push(async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
      });
    }

    return {
      prisma,
      env,
      client,
      smtp,
      taskQueue,
      databaseUrl: database.url,
      config,
      teardown,
    };
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
}
