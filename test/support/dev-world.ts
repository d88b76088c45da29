/**
 * A world on the real Temporal dev server, for the tests that need what the time-skipping server lacks (typed
 * search attributes, Schedules, dynamic config): a fresh test database loaded with a fixture roster, a real
 * SMTP catcher, the dev server and an in-process worker with every activity of the product on its own task
 * queue. The cycle tests that need no more than the time-skipping server use `cycle-world.ts`.
 */
import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../../domain/cycle/search-attributes';
import { createMailTransport } from '../../mail/transport';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { silentLogger } from '../../system/silent-logger';
import { startSmtpCatcher, type SmtpCatcher } from '../../system/smtp-catcher';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig, type AppConfig } from '../../worker/config';
import { workflowBundleOptions } from '../../worker/workflow-bundle';
import { createTestDatabase, type TestDatabase } from './db';
import { uniqueTaskQueue } from './temporal';

/** Options of {@link startDevWorld}. */
export interface DevWorldOptions {
  /** A fixture roster of test/fixtures, imported with the staff counts of `staffYear`. */
  readonly roster: string;
  readonly staffYear: number;
  /** Registers the cycles' search attributes (the opener and the CLI set them as on a real server). */
  readonly searchAttributes?: boolean;
  /** Extra arguments of `temporal server start-dev`. */
  readonly extraArgs?: readonly string[];
  /** Payload encryption for the client and the worker alike. */
  readonly dataConverter?: DataConverter;
  /** More environment for the configuration (SMTP_URL and TEMPORAL_TASK_QUEUE are the world's). */
  readonly env?: Readonly<Record<string, string>>;
}

/** A running dev-server world. */
export interface DevWorld {
  readonly env: TestWorkflowEnvironment;
  readonly db: TestDatabase;
  readonly smtp: SmtpCatcher;
  readonly taskQueue: string;
  /** The configuration the worker's activities run with (its task queue is the world's). */
  readonly config: AppConfig;
  /** Stops the worker and every service, and drops the database. */
  teardown(): Promise<void>;
}

/** Starts the world; `prefix` names its task queue. */
export async function startDevWorld(prefix: string, options: DevWorldOptions): Promise<DevWorld> {
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const db = await createTestDatabase();
    stops.push(() => db.drop());
    const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', options.roster)]);
    if (!loaded.ok) throw new Error(`fixture roster ${options.roster} invalid`);
    await importRoster(db.prisma, loaded.roster, { staffYear: options.staffYear });
    // A real SMTP server: the cycles may send mail while the tests run, and must be able to.
    const smtp = await startSmtpCatcher({ port: 0 });
    stops.push(() => smtp.close());
    const taskQueue = uniqueTaskQueue(prefix);
    const config = loadConfig({
      ...options.env,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      TEMPORAL_TASK_QUEUE: taskQueue,
    });
    const env = await TestWorkflowEnvironment.createLocal({
      ...(options.dataConverter ? { client: { dataConverter: options.dataConverter } } : {}),
      server: {
        executable: { type: 'existing-path', path: temporalCliPath(config) },
        ...(options.searchAttributes
          ? { searchAttributes: [YEAR, PHASE, SPONSOR, RECIPIENT, OVERDUE, ESCALATION_LEVEL] }
          : {}),
        ...(options.extraArgs ? { extraArgs: [...options.extraArgs] } : {}),
      },
    });
    stops.push(() => env.teardown());
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
      workflowBundle: await bundleWorkflowCode({
        ...workflowBundleOptions({ stackTraces: config.workerWorkflowStackTraces }),
        logger: silentLogger,
      }),
      activities: createActivities({
        prisma: db.prisma,
        mailer: createMailTransport(config.smtp.url),
        config,
        temporalClient: () => Promise.resolve(env.client),
      }),
    });
    const running = worker.run();
    stops.push(async () => {
      worker.shutdown();
      await running;
    });
    return { env, db, smtp, taskQueue, config, teardown };
  } catch (error) {
    await teardown();
    throw error;
  }
}
