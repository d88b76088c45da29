/**
 * The year opener's bounded concurrency and its resume (services/cycle-opener.ts, activities/year-opener.ts)
 * on the real Temporal dev server and PostgreSQL: every missing cycle is started exactly once with several
 * starts in flight, the result lists pairs in code order whatever order the starts finished in, a resumed run
 * skips the handled prefix, and the activity resumes from its heartbeat details. No worker runs: the cycles
 * only have to exist. The activity runs in the SDK's MockActivityEnvironment, the one way to hand it the
 * heartbeat details of an earlier attempt without crashing a worker at a chosen instant.
 */
import path from 'node:path';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { MockActivityEnvironment, TestWorkflowEnvironment } from '@temporalio/testing';
import { createYearOpenerActivities } from '../../activities/year-opener';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../../domain/cycle/search-attributes';
import { CYCLE_WORKFLOW, cycleWorkflowId } from '../../domain/workflow-ids';
import { importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import {
  activePairs,
  cycleStartOptions,
  openYear,
  yearStartContext,
  type OpenYearProgress,
} from '../../services/cycle-opener';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { uniqueTaskQueue } from '../support/temporal';

const ALL = ['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08'];
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let taskQueue: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', 'cycle-roster.json')]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  await importRoster(db.prisma, loaded.roster, { staffYear: 2026 });
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath(loadConfig({})) },
      searchAttributes: [YEAR, PHASE, SPONSOR, RECIPIENT, OVERDUE, ESCALATION_LEVEL],
    },
  });
  taskQueue = uniqueTaskQueue('year-opener-resume');
});

afterAll(async () => {
  await env?.teardown();
  await db?.drop();
});

/** A client whose starts are counted per workflow ID, with the most starts in flight at once. */
function countingClient(): { client: Client; starts: Map<string, number>; maxInFlight: () => number } {
  const client = new Client({ connection: env.connection, namespace: env.namespace ?? 'default' });
  const starts = new Map<string, number>();
  let inFlight = 0;
  let max = 0;
  const start = client.workflow.start.bind(client.workflow);
  client.workflow.start = (async (...args: Parameters<typeof start>) => {
    const id = args[1].workflowId;
    starts.set(id, (starts.get(id) ?? 0) + 1);
    inFlight += 1;
    max = Math.max(max, inFlight);
    try {
      return await start(...args);
    } finally {
      inFlight -= 1;
    }
  }) as typeof client.workflow.start;
  return { client, starts, maxInFlight: () => max };
}

/** Whether the cycle of a pair-year exists on the server. */
async function exists(pairCode: string, year: number): Promise<boolean> {
  try {
    await env.client.workflow.getHandle(cycleWorkflowId(pairCode, year)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

async function existing(year: number): Promise<string[]> {
  const found: string[] = [];
  for (const code of ALL) if (await exists(code, year)) found.push(code);
  return found;
}

describe('opening a year several cycles at a time', () => {
  it('starts every missing cycle exactly once and lists started and existing pairs in code order', async () => {
    const year = 2026;
    const openedAt = '2026-01-15T09:00:00+07:00';
    // Two cycles exist before the opening: they are found, not started again.
    const context = await yearStartContext(db.prisma, { year, taskQueue, openedAt });
    const pairs = await activePairs(db.prisma, year);
    for (const code of ['P03', 'P06']) {
      await env.client.workflow.start(
        CYCLE_WORKFLOW,
        cycleStartOptions(pairs.find((p) => p.code === code)!, context),
      );
    }
    const { client, starts, maxInFlight } = countingClient();
    const progress: OpenYearProgress[] = [];
    const result = await openYear(db.prisma, client, {
      year,
      taskQueue,
      openedAt,
      concurrency: 3,
      onProgress: (_done, _total, p) => progress.push(p),
    });
    expect(result).toEqual({
      year,
      started: ['P01', 'P02', 'P04', 'P05', 'P07', 'P08'],
      existing: ['P03', 'P06'],
    });
    // One start per pair (the two existing ones were tried once and refused), never more than 3 at once.
    expect([...starts.entries()].sort()).toEqual(ALL.map((code) => [cycleWorkflowId(code, year), 1]));
    expect(maxInFlight()).toBe(3);
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toEqual({ done: 8, total: 8, through: 'P08', started: 6, existing: 2 });
    // The handled prefix only grows, in code order.
    const throughs = progress.map((p) => p.through ?? '');
    expect(throughs).toEqual([...throughs].sort());
    expect(await existing(year)).toEqual(ALL);
  });

  it('a resumed opening neither lists nor starts the pairs up to `through`, and counts them', async () => {
    const year = 2027;
    const { client, starts } = countingClient();
    const progress: OpenYearProgress[] = [];
    const result = await openYear(db.prisma, client, {
      year,
      taskQueue,
      openedAt: '2027-01-15T09:00:00+07:00',
      concurrency: 4,
      resume: { through: 'P03', started: 2, existing: 1 },
      onProgress: (_done, _total, p) => progress.push(p),
    });
    expect(result).toEqual({
      year,
      started: ['P04', 'P05', 'P06', 'P07', 'P08'],
      existing: [],
      resumed: { after: 'P03', started: 2, existing: 1 },
    });
    expect([...starts.keys()].sort()).toEqual(
      ['P04', 'P05', 'P06', 'P07', 'P08'].map((c) => cycleWorkflowId(c, year)),
    );
    expect(progress.map((p) => p.done)).toEqual([4, 5, 6, 7, 8]);
    expect(progress.at(-1)).toEqual({ done: 8, total: 8, through: 'P08', started: 7, existing: 1 });
    expect(await existing(year)).toEqual(['P04', 'P05', 'P06', 'P07', 'P08']);
  });
});

describe('the year opener activity', () => {
  const activities = () =>
    createYearOpenerActivities({
      prisma: db.prisma,
      client: () => Promise.resolve(env.client),
      taskQueue,
      concurrency: 2,
    });

  it("resumes after the pair its earlier attempt's last heartbeat reported, and heartbeats its progress", async () => {
    const year = 2028;
    const earlier = { year, done: 5, total: 8, through: 'P05', started: 5, existing: 0 };
    const activity = new MockActivityEnvironment({ heartbeatDetails: earlier, attempt: 2 });
    const beats: unknown[] = [];
    activity.on('heartbeat', (details: unknown) => beats.push(details));
    const result = await activity.run(activities().openCycleYear, {
      year,
      openedAt: '2028-01-15T09:00:00+07:00',
    });
    expect(result).toEqual({
      year,
      started: ['P06', 'P07', 'P08'],
      existing: [],
      resumed: { after: 'P05', started: 5, existing: 0 },
    });
    // First the point it resumes from, then one heartbeat per pair.
    expect(beats[0]).toEqual(earlier);
    expect(beats.at(-1)).toEqual({ year, done: 8, total: 8, through: 'P08', started: 8, existing: 0 });
    expect(await existing(year)).toEqual(['P06', 'P07', 'P08']);
  });

  it('ignores heartbeat details of another year and opens every pair', async () => {
    const year = 2029;
    const activity = new MockActivityEnvironment({
      heartbeatDetails: { year: 2028, done: 5, total: 8, through: 'P05', started: 5, existing: 0 },
    });
    const result = await activity.run(activities().openCycleYear, {
      year,
      openedAt: '2029-01-15T09:00:00+07:00',
    });
    expect(result).toEqual({ year, started: ALL, existing: [] });
    expect(await existing(year)).toEqual(ALL);
  });
});
