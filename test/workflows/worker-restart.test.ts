/**
 * A worker killed (SIGKILL) mid-year and restarted: the production worker process (worker/main.ts) runs in a
 * child process against the time-skipping server and is killed twice, once idle between timers and once at
 * once after an accepted update whose effects may still be in flight. The new process replays history and
 * the year goes on: nothing is lost and nothing is sent twice, every ledger row reached the real SMTP server
 * exactly once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { SmtpCatcher } from '../../system/smtp-catcher';
import { progressUpdate, statusQuery, submitUpdate } from '../../workflows/twinning-cycle';
import { ledgerOf, startCycle } from '../support/cycle-harness';
import { STANDING_EMAILS, startCycleWorld, type CycleWorld } from '../support/cycle-world';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];
let smtp: SmtpCatcher;
let taskQueue: string;
const root = path.resolve(__dirname, '..', '..');

beforeAll(async () => {
  // The workers of this test are worker/main.ts processes started below.
  world = await startCycleWorld('worker-restart', { worker: false });
  ({ env, db, smtp, taskQueue } = world);
});

afterAll(async () => {
  await world?.teardown();
});

/** Starts worker/main.ts as operators run it, configured through its environment only. */
function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'worker', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      TEMPORAL_ADDRESS: env.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PAYLOAD_KEYS: world.payloadKeys,
      ...STANDING_EMAILS,
      // No sticky queue: the time-skipping server would hold a task for a killed worker's sticky queue on a
      // timeout it measures in server time, which does not pass while the test waits on that task.
      WORKER_MAX_CACHED_WORKFLOWS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready:\n${output}`)), 120_000);
    child.stdout?.on('data', () => {
      if (output.includes('worker: polling')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}:\n${output}`));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

it('survives two kills mid-year, one of them right after an accepted update: nothing lost, nothing sent twice', async () => {
  let worker = await startWorker();
  const cycle = await startCycle(env, taskQueue, 'P01', {
    sponsorCode: 'QN-SNN',
    recipientCode: 'XA-LA-DEE',
  });
  try {
    await cycle.at('2026-02-24T09:00:00+07:00');
    await cycle.handle.executeUpdate(submitUpdate, {
      args: [
        {
          obligation: 'O1',
          side: 'recipient',
          actor: 'test:recipient',
          data: { summary: 'Kế hoạch', monitoringAssignment: 'Phó Chủ tịch xã' },
        },
      ],
    });
    await cycle.at('2026-05-01T09:00:00+07:00');

    // Kill 1: while the worker is idle between timers. The new process has no cached state: it replays history.
    await kill(worker);
    worker = await startWorker();
    await cycle.at('2026-05-15T09:00:00+07:00');

    // Kill 2: at once after an update was accepted, while its effects (read model, ledger) may be in flight.
    await cycle.handle.executeUpdate(progressUpdate, {
      args: [
        {
          side: 'sponsor',
          actor: 'test:sponsor',
          data: {
            category: 'SOCIAL_SECURITY',
            households: 5,
            amountDong: 50_000_000,
            modelsBuilt: 0,
            modelsReplicated: 0,
            studyTours: 0,
            description: 'Hỗ trợ nhà ở',
          },
        },
      ],
    });
    await kill(worker);
    worker = await startWorker();
    await cycle.at('2026-10-02T09:00:00+07:00');

    const status = await cycle.handle.query(statusQuery);
    expect(status.obligations.find((o) => o.id === 'O2')?.status).toBe('missed');
    expect(status.progressEntries).toBe(1);
    const stored = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId: cycle.workflowId } });
    expect(await db.prisma.progressEntry.count({ where: { cycleId: stored.id } })).toBe(1);
    expect(await db.prisma.submission.count({ where: { cycleId: stored.id } })).toBe(1);

    const ledger = await ledgerOf(db.prisma, cycle.workflowId);
    const keys = ledger.map((l) => l.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(ledger.map((l) => [l.obligation, l.kind, l.level, l.at])).toEqual([
      ['O1', 'REMINDER', null, '16/02/2026 08:00'],
      ['O2', 'REMINDER', null, '16/02/2026 08:00'],
      ['O1', 'REMINDER', null, '23/02/2026 08:00'],
      ['O2', 'REMINDER', null, '23/02/2026 08:00'],
      ['O2', 'REMINDER', null, '27/02/2026 08:00'],
      ['O2', 'REMINDER', null, '01/03/2026 08:00'],
      ['O2', 'REMINDER', null, '02/03/2026 08:00'],
      ['O2', 'ESCALATION', 1, '03/03/2026 08:00'],
      ['O2', 'ESCALATION', 2, '09/03/2026 08:00'],
      ['O3', 'REMINDER', null, '17/03/2026 08:00'],
      ['O3', 'REMINDER', null, '24/03/2026 08:00'],
      ['O3', 'REMINDER', null, '28/03/2026 08:00'],
      ['O3', 'REMINDER', null, '30/03/2026 08:00'],
      ['O3', 'REMINDER', null, '31/03/2026 08:00'],
      ['O3', 'ESCALATION', 1, '01/04/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', null, '01/04/2026 08:00'],
      ['O3', 'ESCALATION', 2, '07/04/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', null, '01/07/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', null, '01/10/2026 08:00'],
    ]);
    // Delivered once each: every row SENT, and its Message-ID arrived exactly once at the SMTP server.
    const deadline = Date.now() + 30_000;
    let rows = await db.prisma.notification.findMany({ where: { cycleId: stored.id } });
    while (rows.some((r) => r.status !== 'SENT') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      rows = await db.prisma.notification.findMany({ where: { cycleId: stored.id } });
    }
    expect(rows.filter((r) => r.status !== 'SENT').map((r) => r.idempotencyKey)).toEqual([]);
    const caught = smtp.messages.map((m) => m.messageId);
    for (const row of rows) expect(caught.filter((id) => id === row.messageId)).toHaveLength(1);
    await cycle.handle.terminate('test over');
  } finally {
    await kill(worker);
  }
});
