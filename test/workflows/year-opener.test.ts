/**
 * Opening a year on the real Temporal dev server (it has Schedules, search attributes and the list API, which
 * the time-skipping server lacks): idempotent opening, a pair added mid-year, typed search attributes, and
 * the yearly Schedule. Business time here is the real clock, so the cycles of this year open mid-year.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { TestWorkflowEnvironment as Env } from '@temporalio/testing';
import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createMailTransport } from '../../mail/transport';
import { currentYearInVietnam, importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { ensureYearOpenerSchedule, YEAR_OPENER_SCHEDULE_ID } from '../../schedules/year-opener';
import { openYear } from '../../services/cycle-opener';
import { silentLogger } from '../../system/silent-logger';
import { temporalCliPath } from '../../system/toolchain';
import { loadConfig } from '../../worker/config';
import {
  ESCALATION_LEVEL,
  OVERDUE,
  PHASE,
  RECIPIENT,
  SPONSOR,
  YEAR,
} from '../../workflows/search-attributes';
import { yearOpenerWorkflow } from '../../workflows/year-opener';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { uniqueTaskQueue } from '../support/temporal';

const year = currentYearInVietnam();
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let worker: Worker;
let running: Promise<void>;
let taskQueue: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const loaded = await loadRoster([path.join(__dirname, '..', 'fixtures', 'cycle-roster.json')]);
  if (!loaded.ok) throw new Error('fixture roster invalid');
  await importRoster(db.prisma, loaded.roster, { staffYear: year });
  const config = loadConfig({});
  env = await Env.createLocal({
    server: {
      executable: { type: 'existing-path', path: temporalCliPath(config) },
      searchAttributes: [YEAR, PHASE, SPONSOR, RECIPIENT, OVERDUE, ESCALATION_LEVEL],
    },
  });
  taskQueue = uniqueTaskQueue('year-opener');
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: silentLogger,
    }),
    activities: createActivities({
      prisma: db.prisma,
      mailer: createMailTransport('smtp://127.0.0.1:9'),
      config: { ...config, temporal: { ...config.temporal, taskQueue } },
      temporalClient: () => Promise.resolve(env.client),
    }),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
  await db?.drop();
});

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function countWorkflows(query: string): Promise<number> {
  let n = 0;
  for await (const _ of env.client.workflow.list({ query })) n += 1;
  return n;
}

describe('opening a year', () => {
  it('starts one cycle per active pair, then nothing on a second run; a pair added later gets its own', async () => {
    const first = await openYear(db.prisma, env.client, { year, taskQueue });
    expect(first.started).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']);
    expect(first.existing).toEqual([]);

    const second = await openYear(db.prisma, env.client, { year, taskQueue });
    expect(second.started).toEqual([]);
    expect(second.existing).toHaveLength(8);

    const listed = await eventually(
      () => countWorkflows(`TwinningYear = ${year}`),
      (n) => n === 8,
    );
    expect(listed).toBe(8);
    const bySponsor = await eventually(
      () => countWorkflows(`TwinningYear = ${year} AND TwinningSponsor = "QN-SNN"`),
      (n) => n === 3,
    );
    expect(bySponsor).toBe(3);

    const cycles = await eventually(
      () => db.prisma.cycle.findMany({ where: { year }, include: { obligations: true } }),
      (rows) => rows.length === 8,
    );
    expect(cycles).toHaveLength(8);

    const roster = await loadRoster([path.join(__dirname, '..', 'fixtures', 'cycle-roster.json')]);
    if (!roster.ok) throw new Error('fixture roster invalid');
    await importRoster(db.prisma, {
      ...roster.roster,
      pairs: [
        ...roster.roster.pairs,
        {
          ...roster.roster.pairs[0]!,
          code: 'P09',
          recipient: 'XA-CH-OM',
        } as (typeof roster.roster.pairs)[number],
      ],
    });
    const third = await openYear(db.prisma, env.client, { year, taskQueue });
    expect(third.started).toEqual(['P09']);
  });

  it('a cycle opened mid-year marks the obligations already past as not applicable', async () => {
    const cycle = await eventually(
      () =>
        db.prisma.cycle.findFirst({ where: { year, pair: { code: 'P01' } }, include: { obligations: true } }),
      (c) => c !== null,
    );
    const now = Date.now();
    for (const o of cycle!.obligations) {
      if (o.effectiveDue.getTime() < now)
        expect([o.obligation, o.status]).toEqual([o.obligation, 'NOT_APPLICABLE']);
    }
    const o2 = cycle!.obligations.find((o) => o.obligation === 'O2');
    expect(o2?.status).toBe('NOT_APPLICABLE');
  });

  it('the yearly Schedule fires at 00:05 on 1 January in Asia/Ho_Chi_Minh and opens the current year idempotently', async () => {
    expect(await ensureYearOpenerSchedule(env.client, taskQueue)).toBe('created');
    expect(await ensureYearOpenerSchedule(env.client, taskQueue)).toBe('updated');
    const handle = env.client.schedule.getHandle(YEAR_OPENER_SCHEDULE_ID);
    const described = await handle.describe();
    expect(described.spec.timezone).toBe('Asia/Ho_Chi_Minh');
    const next = described.info.nextActionTimes[0];
    expect(next).toBeDefined();
    const local = new Date(next!.getTime() + 7 * 3600_000);
    expect([local.getUTCMonth(), local.getUTCDate(), local.getUTCHours(), local.getUTCMinutes()]).toEqual([
      0, 1, 0, 5,
    ]);

    await handle.trigger();
    const action = await eventually(
      () => handle.describe().then((d) => d.info.recentActions[0]),
      (a) => a !== undefined,
    );
    const run = env.client.workflow.getHandle<typeof yearOpenerWorkflow>(action!.action.workflow.workflowId);
    const result = await run.result();
    expect(result.year).toBe(year);
    expect(result.started).toEqual([]);
    expect(result.existing).toHaveLength(9);
    await handle.delete();
  });
});
