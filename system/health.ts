/**
 * Health of each part of the system, as the landing page and `/healthz` show it. Each check is bounded in
 * time so one dead part cannot hang the page.
 */
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { Transporter } from 'nodemailer';
import type { PrismaClient } from '../generated/prisma';

/** The outcome of one check. */
export interface HealthResult {
  readonly part: 'database' | 'temporal' | 'worker' | 'smtp' | 'web';
  readonly ok: boolean;
  readonly detail: string;
  readonly ms: number;
}

async function timed(
  part: HealthResult['part'],
  check: () => Promise<string>,
  timeoutMs: number,
): Promise<HealthResult> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const detail = await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { part, ok: true, detail, ms: Date.now() - started };
  } catch (error) {
    return {
      part,
      ok: false,
      detail: (error as Error).message.split('\n')[0] ?? 'error',
      ms: Date.now() - started,
    };
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** What the checks talk to. */
export interface HealthDeps {
  readonly prisma: PrismaClient;
  readonly temporal: () => Promise<Client>;
  readonly mailer: Transporter;
  readonly namespace: string;
  readonly taskQueue: string;
}

/** Runs every check in parallel. */
export async function checkHealth(deps: HealthDeps, timeoutMs = 3000): Promise<HealthResult[]> {
  return Promise.all([
    timed(
      'database',
      async () => {
        const rows = await deps.prisma.$queryRaw<
          Array<{ n: bigint }>
        >`SELECT count(*) AS n FROM "_prisma_migrations"`;
        const units = await deps.prisma.unit.count();
        return `${String(rows[0]?.n ?? 0)} migrations, ${units} units`;
      },
      timeoutMs,
    ),
    timed(
      'temporal',
      async () => {
        const client = await deps.temporal();
        const info = await client.workflowService.getSystemInfo({});
        return `server ${info.serverVersion || 'unknown'}, namespace ${deps.namespace}`;
      },
      timeoutMs,
    ),
    timed(
      'worker',
      async () => {
        const client = await deps.temporal();
        const res = await client.workflowService.describeTaskQueue({
          namespace: deps.namespace,
          taskQueue: { name: deps.taskQueue },
          taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        const pollers = res.pollers ?? [];
        if (pollers.length === 0) throw new Error(`no worker polls task queue ${deps.taskQueue}`);
        // The server lists a poller for a few minutes after its last poll: identities (pid@host) tell a
        // restarted worker from the one it replaced.
        const identities = pollers.map((p) => p.identity ?? '?').join(', ');
        return `${pollers.length} poller(s) on ${deps.taskQueue}: ${identities}`;
      },
      timeoutMs,
    ),
    timed(
      'smtp',
      async () => {
        await deps.mailer.verify();
        return 'accepts connections';
      },
      timeoutMs,
    ),
    timed('web', () => Promise.resolve(`pid ${process.pid}`), timeoutMs),
  ]);
}
