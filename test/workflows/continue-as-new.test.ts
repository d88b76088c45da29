/**
 * Continue-as-new on a real Temporal dev server whose history limit is made small (the server's dynamic config
 * `limit.historyCount.suggestContinueAsNew`), so a cycle with many progress entries is told to continue as new:
 * the next run carries the machine's state on (obligations, timers, progress count, the read model's sequence)
 * and keeps accepting submissions. Client and worker encrypt payloads as in production.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { seedCalendarDays } from '../../domain/calendar';
import { CycleCommands } from '../../services/cycle-commands';
import { payloadDataConverter } from '../../system/payload-codec';
import { generatePayloadKey } from '../../system/payload-keys';
import { cycleWorkflowId, statusQuery, twinningCycleWorkflow } from '../../workflows/twinning-cycle';
import type { TestDatabase } from '../support/db';
import { startDevWorld, type DevWorld } from '../support/dev-world';
import { eventually } from '../support/eventually';

const HISTORY_LIMIT = 60;
let world: DevWorld;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let taskQueue: string;

beforeAll(async () => {
  world = await startDevWorld('continue-as-new', {
    roster: 'unit-roster.json',
    staffYear: 2026,
    extraArgs: ['--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${HISTORY_LIMIT}`],
    // Encrypted as in production: the snapshot carried into the new run goes through the codec too.
    dataConverter: payloadDataConverter([generatePayloadKey('test')]),
  });
  ({ env, db, taskQueue } = world);
});

afterAll(async () => {
  await world?.teardown();
});

const entry = (n: number) => ({
  category: 'SOCIO_ECONOMIC',
  households: 1,
  amountDong: String(n * 1000),
  modelsBuilt: 0,
  modelsReplicated: 0,
  studyTours: 0,
  description: `Lần ${n}`,
});

it('a cycle told to continue as new carries its state on and keeps accepting submissions', async () => {
  const workflowId = cycleWorkflowId('PA1', 2026);
  // Business time mid-implementation (the roster has O1–O3 long past): progress is accepted at once.
  await env.client.workflow.start(twinningCycleWorkflow, {
    workflowId,
    taskQueue,
    args: [
      {
        pairCode: 'PA1',
        year: 2026,
        sponsorCode: 'SO-A',
        recipientCode: 'XA-1',
        calendarDays: [...seedCalendarDays(2026), ...seedCalendarDays(2027)],
        businessStart: '2026-05-10T09:00:00+07:00',
        searchAttributes: false,
      },
    ],
  });
  const commands = new CycleCommands(env.client, db.prisma);
  const first = (await env.client.workflow.getHandle(workflowId).describe()).runId;
  let sent = 0;
  // Each accepted entry adds a handful of events: well before 30 entries the server suggests continuing.
  while (sent < 30) {
    sent += 1;
    const r = await commands.progress('PA1', 2026, { side: 'sponsor', actor: 'test:s', data: entry(sent) });
    if (!r.ok) throw new Error(r.refusal.text);
  }
  const continued = await eventually(
    () => env.client.workflow.getHandle(workflowId).describe(),
    (d) => d.runId !== first,
    30_000,
    200,
  );
  expect(continued.runId).not.toBe(first);
  const firstRun = await env.client.workflow.getHandle(workflowId, first).describe();
  expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');
  const firstHistory = await env.client.workflow.getHandle(workflowId, first).fetchHistory();
  console.log(`first run continued as new after ${firstHistory.events?.length ?? 0} events`);

  // The new run goes on where the old one was: same obligations, timers and count.
  const status = await env.client.workflow.getHandle(workflowId).query(statusQuery);
  expect([status.phase, status.progressEntries]).toEqual(['implementation', 30]);
  expect(status.obligations.find((o) => o.id === 'O4')?.status).toBe('submitted');
  expect(status.nextTimer?.purpose).toBe('progressReminder');
  const r = await commands.progress('PA1', 2026, { side: 'sponsor', actor: 'test:s', data: entry(31) });
  expect(r.ok && r.value.progressEntries).toBe(31);
  // Nothing was lost or written twice in the read model, and its sequence went on increasing.
  const stored = await eventually(
    () => db.prisma.cycle.findUniqueOrThrow({ where: { workflowId }, include: { progress: true } }),
    (c) => c.progress.length === 31,
    10_000,
    200,
  );
  expect(stored.progress.map((p) => p.description).sort()).toEqual(
    Array.from({ length: 31 }, (_, i) => `Lần ${i + 1}`).sort(),
  );
  expect(stored.sequence).toBeGreaterThan(31);
  await env.client.workflow.getHandle(workflowId).terminate('test over');
});
