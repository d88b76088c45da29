/**
 * Whole years of one pair's cycle on the time-skipping test server, with the real activities writing to a
 * real PostgreSQL. Business time starts at 00:05 on 1 January 2026 (local) through the workflow's
 * `businessStart`, so 2026 can be played although the test runs later.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createCycleEffectsActivities } from '../../activities/cycle-effects';
import { seedCalendarDays } from '../../domain/calendar';
import { formatDateTime } from '../../domain/format';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import {
  cycleWorkflowId,
  statusQuery,
  submitUpdate,
  twinningCycleWorkflow,
  type TwinningCycleInput,
} from '../../workflows/twinning-cycle';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createTimeSkippingEnv, uniqueTaskQueue } from '../support/temporal';

const BUSINESS_START = '2026-01-01T00:05:00+07:00';

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let worker: Worker;
let taskQueue: string;
let runPromise: Promise<void>;

beforeAll(async () => {
  db = await createTestDatabase();
  const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', 'one-pair-roster.json')]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  await importRoster(db.prisma, loaded.roster, { staffYear: 2026 });
  env = await createTimeSkippingEnv();
  taskQueue = uniqueTaskQueue('cycle-year');
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities: createCycleEffectsActivities({ prisma: db.prisma }),
  });
  runPromise = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await runPromise;
  await env?.teardown();
  await db?.drop();
});

function input(overrides: Partial<TwinningCycleInput> = {}): TwinningCycleInput {
  return {
    pairCode: 'P01',
    year: 2026,
    sponsorCode: 'QN-SNN',
    recipientCode: 'XA-LA-DEE',
    calendarDays: [...seedCalendarDays(2026), ...seedCalendarDays(2027)],
    businessStart: BUSINESS_START,
    searchAttributes: false,
    ...overrides,
  };
}

/** Advances the test server so that business time reaches `local` (an ISO instant with offset). */
async function advanceTo(startedAtMs: number, local: string): Promise<void> {
  const target = Date.parse(local) - Date.parse(BUSINESS_START);
  const elapsed = (await env.currentTimeMs()) - startedAtMs;
  if (target > elapsed) await env.sleep(target - elapsed);
}

async function ledger(obligation: 'O1' | 'O2' | 'O3'): Promise<Array<{ key: string; kind: string; at: string; level: number | null }>> {
  const rows = await db.prisma.notification.findMany({ where: { obligation }, orderBy: { scheduledFor: 'asc' } });
  return rows.map((r) => ({ key: r.idempotencyKey, kind: r.kind, at: formatDateTime(r.scheduledFor), level: r.level }));
}

describe('twinning cycle workflow, 2026', () => {
  it('a pair that misses O2: reminders, level 1 on 3 March, level 2 on 9 March, recorded as missed, the year goes on', async () => {
    const workflowId = cycleWorkflowId('P01', 2026);
    const startedAtMs = await env.currentTimeMs();
    const handle = await env.client.workflow.start(twinningCycleWorkflow, {
      workflowId,
      taskQueue,
      args: [input()],
    });
    await advanceTo(startedAtMs, '2026-02-20T09:00:00+07:00');
    await handle.executeUpdate(submitUpdate, {
      args: [{ obligation: 'O1', side: 'recipient', actor: 'test:recipient', data: { summary: 'Kế hoạch triển khai' } }],
    });
    await advanceTo(startedAtMs, '2026-03-10T12:00:00+07:00');

    const status = await handle.query(statusQuery);
    const o1 = status.obligations.find((o) => o.id === 'O1');
    const o2 = status.obligations.find((o) => o.id === 'O2');
    expect(o1).toMatchObject({ status: 'submitted', statutoryDue: '2026-02-28', effectiveDue: '2026-03-02' });
    expect(o2).toMatchObject({ status: 'missed', escalationLevel: 2 });
    expect(status.phase).toBe('agreement');

    const o2Ledger = await ledger('O2');
    expect(o2Ledger.map((r) => [r.kind, r.level, r.at])).toEqual([
      ['REMINDER', null, '16/02/2026 08:00'],
      ['REMINDER', null, '23/02/2026 08:00'],
      ['REMINDER', null, '27/02/2026 08:00'],
      ['REMINDER', null, '01/03/2026 08:00'],
      ['REMINDER', null, '02/03/2026 08:00'],
      ['ESCALATION', 1, '03/03/2026 08:00'],
      ['ESCALATION', 2, '09/03/2026 08:00'],
    ]);
    // O1 was met on 20 February: its reminders stopped after the D-14 one, and it never escalated.
    expect((await ledger('O1')).map((r) => [r.kind, r.at])).toEqual([['REMINDER', '16/02/2026 08:00']]);

    const cycle = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId }, include: { obligations: true } });
    expect(cycle.phase).toBe('agreement');
    expect(cycle.escalationLevel).toBe(2);
    expect(cycle.overdue).toBe(true);
    expect(cycle.obligations.find((o) => o.obligation === 'O2')?.status).toBe('MISSED');
    const submissions = await db.prisma.submission.findMany({ where: { cycleId: cycle.id } });
    expect(submissions.map((s) => [s.obligation, s.side, s.late])).toEqual([['O1', 'RECIPIENT', false]]);

    const history = await handle.fetchHistory();
    console.log(`history length after 10 March: ${history.events?.length}`);
    await handle.terminate('test over');
  });
});
