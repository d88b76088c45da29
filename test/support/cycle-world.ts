/**
 * Everything a cycle test runs against: the simulator's sandbox (simulate/sandbox.ts) on the real test
 * PostgreSQL, in a fresh database copied from the migrated template and loaded with the cycle fixture roster,
 * with the time-skipping Temporal server, a real SMTP catcher and (unless the test runs its own) an in-process
 * worker with every activity of the product. `env.client` encrypts payloads like the worker (a key of its own).
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { PrismaClient } from '../../db/client';
import { loadRoster } from '../../roster/load';
import { startSandbox } from '../../simulate/sandbox';
import { formatPayloadKeys } from '../../system/payload-keys';
import type { SmtpCatcher } from '../../system/smtp-catcher';
import { loadConfig } from '../../worker/config';
import { adminUrl, TEMPLATE_DATABASE } from './postgres';
import { uniqueTaskQueue } from './temporal';

/** Addresses of Ban Dân tộc and UBND tỉnh in every cycle test. */
export const STANDING_EMAILS = {
  COORDINATOR_EMAILS: 'bandantoc@example.gov.vn',
  LEADERSHIP_EMAILS: 'vanphong@ubnd.example.gov.vn',
} as const;

/** A running cycle test environment. */
export interface CycleWorld {
  readonly env: TestWorkflowEnvironment;
  /** The world's database: its URL (for workers in child processes) and a client on it. */
  readonly db: { readonly url: string; readonly prisma: PrismaClient };
  readonly smtp: SmtpCatcher;
  readonly taskQueue: string;
  /** The world's payload keys as `PAYLOAD_KEYS` (for workers in child processes). */
  readonly payloadKeys: string;
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
  const loaded = await loadRoster([
    path.join(__dirname, '..', 'fixtures', options.roster ?? 'cycle-roster.json'),
  ]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  const sandbox = await startSandbox({
    adminUrl: adminUrl(),
    template: TEMPLATE_DATABASE,
    roster: loaded.roster,
    staffYear: 2026,
    // Only the standing addresses and the toolchain come from outside: nothing else of the machine's
    // environment changes what the activities do.
    config: loadConfig({
      ...STANDING_EMAILS,
      TEMPORAL_TEST_SERVER_PATH: process.env.TEMPORAL_TEST_SERVER_PATH,
    }),
    taskQueue: uniqueTaskQueue(prefix),
    worker: options.worker !== false,
  });
  return {
    env: sandbox.env,
    db: { url: sandbox.databaseUrl, prisma: sandbox.prisma },
    smtp: sandbox.smtp,
    taskQueue: sandbox.taskQueue,
    payloadKeys: formatPayloadKeys(sandbox.config.payloadKeys ?? []),
    teardown: sandbox.teardown,
  };
}
