/**
 * Everything a cycle test runs against: a fresh PostgreSQL database with the cycle fixture roster, the
 * time-skipping Temporal server, a real SMTP catcher and (unless the test runs its own) an in-process worker
 * with every activity of the product.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createMailTransport } from '../../mail/transport';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { silentLogger } from '../../system/silent-logger';
import { startSmtpCatcher, type SmtpCatcher } from '../../system/smtp-catcher';
import { loadConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from './db';
import { createTimeSkippingEnv, uniqueTaskQueue } from './temporal';

/** Addresses of Ban Dân tộc and UBND tỉnh in every cycle test. */
export const STANDING_EMAILS = {
  COORDINATOR_EMAILS: 'bandantoc@example.gov.vn',
  LEADERSHIP_EMAILS: 'vanphong@ubnd.example.gov.vn',
} as const;

/** A running cycle test environment. */
export interface CycleWorld {
  readonly env: TestWorkflowEnvironment;
  readonly db: TestDatabase;
  readonly smtp: SmtpCatcher;
  readonly taskQueue: string;
  /** Stops the worker (if any) and every service, and drops the database. */
  teardown(): Promise<void>;
}

/**
 * Starts the world; `worker: false` leaves running workers to the test (e.g. in child processes); `roster` names
 * another fixture roster of test/fixtures.
 */
export async function startCycleWorld(
  prefix: string,
  options: { worker?: boolean; roster?: string } = {},
): Promise<CycleWorld> {
  const db = await createTestDatabase();
  const loaded = await loadRoster([
    path.join(__dirname, '..', 'fixtures', options.roster ?? 'cycle-roster.json'),
  ]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  await importRoster(db.prisma, loaded.roster, { staffYear: 2026 });
  const env = await createTimeSkippingEnv();
  const smtp = await startSmtpCatcher({ port: 0 });
  const taskQueue = uniqueTaskQueue(prefix);
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const config = loadConfig({ ...STANDING_EMAILS, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
  const mailer = createMailTransport(config.smtp.url);
  if (options.worker !== false) {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('../../workflows'),
        logger: silentLogger,
      }),
      activities: createActivities({
        prisma: db.prisma,
        mailer,
        config,
        temporalClient: () => Promise.resolve(env.client),
      }),
    });
    running = worker.run();
  }
  return {
    env,
    db,
    smtp,
    taskQueue,
    async teardown() {
      worker?.shutdown();
      await running;
      mailer.close();
      await env.teardown();
      await smtp.close();
      await db.drop();
    },
  };
}
