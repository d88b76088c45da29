/**
 * Opening a year on the real Temporal dev server (it has Schedules, search attributes and the list API, which
 * the time-skipping server lacks): idempotent opening, a pair added mid-year, typed search attributes, and
 * the yearly Schedule. The opener's clock is injected (`openedAt`), so each outcome holds on any day the suite
 * runs: cycles opened on 15 January owe everything, cycles opened on 1 December owe only the year end.
 */
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { currentYearInVietnam, importRoster } from '../../roster/import';
import { loadRoster } from '../../roster/load';
import { ensureYearOpenerSchedule, YEAR_OPENER_SCHEDULE_ID } from '../../schedules/year-opener';
import { openYear } from '../../services/cycle-opener';
import { statusQuery, type twinningCycleWorkflow } from '../../workflows/twinning-cycle';
import { yearOpenerWorkflow } from '../../workflows/year-opener';
import type { TestDatabase } from '../support/db';
import { startDevWorld, type DevWorld } from '../support/dev-world';

/** Cycles opened on 15 January of this year (every obligation still ahead). */
const year = 2026;
const openedInJanuary = '2026-01-15T09:00:00+07:00';
/** Cycles of this year are opened on 1 December, through the opener workflow (the year comes from its clock). */
const lateYear = 2025;
const openedInDecember = '2025-12-01T09:00:00+07:00';
let world: DevWorld;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let taskQueue: string;

beforeAll(async () => {
  world = await startDevWorld('year-opener', {
    roster: 'cycle-roster.json',
    staffYear: year,
    searchAttributes: true,
  });
  ({ env, db, taskQueue } = world);
});

afterAll(async () => {
  await world?.teardown();
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

function cycleHandle(pairCode: string, cycleYear: number) {
  return env.client.workflow.getHandle<typeof twinningCycleWorkflow>(
    `twinning-cycle:${pairCode}:${cycleYear}`,
  );
}

describe('opening a year', () => {
  it('starts one cycle per active pair, then nothing on a second run; a pair added later gets its own', async () => {
    const first = await openYear(db.prisma, env.client, { year, taskQueue, openedAt: openedInJanuary });
    expect(first.started).toEqual(['P01', 'P02', 'P03', 'P04', 'P05', 'P06', 'P07', 'P08']);
    expect(first.existing).toEqual([]);

    const second = await openYear(db.prisma, env.client, { year, taskQueue, openedAt: openedInJanuary });
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
    // The new pair is added in the middle of the year: its cycle opens on 15 June.
    const third = await openYear(db.prisma, env.client, {
      year,
      taskQueue,
      openedAt: '2026-06-15T09:00:00+07:00',
    });
    expect(third.started).toEqual(['P09']);
    const p09 = await cycleHandle('P09', year).query(statusQuery);
    expect(p09.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'notApplicable'],
      ['O2', 'notApplicable'],
      ['O3', 'notApplicable'],
      ['O4', 'pending'],
      ['O5', 'pending'],
      ['O6', 'pending'],
      ['O7', 'pending'],
    ]);
  });

  it('a cycle opened on 15 January owes every obligation, with its reminders ahead', async () => {
    const status = await cycleHandle('P01', year).query(statusQuery);
    expect(status.phase).toBe('needsProposal');
    expect(status.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'pending'],
      ['O2', 'pending'],
      ['O3', 'pending'],
      ['O4', 'pending'],
      ['O5', 'pending'],
      ['O6', 'pending'],
      ['O7', 'pending'],
    ]);
    // 28/02/2026 is a Saturday: O1 and O2 roll forward to Monday 02/03; the first timer is O1's D-14 reminder
    // at 08:00 local on 16/02.
    expect(status.obligations.find((o) => o.id === 'O2')?.effectiveDue).toBe('2026-03-02');
    expect(status.nextTimer).toEqual({
      timerId: 'O1:reminder:D-14',
      at: '2026-02-16T01:00:00.000Z',
      purpose: 'reminder',
    });
    const cycle = await eventually(
      () =>
        db.prisma.cycle.findFirst({ where: { year, pair: { code: 'P01' } }, include: { obligations: true } }),
      (c) => c !== null && c.obligations.length === 7,
    );
    expect(cycle!.obligations.map((o) => o.status)).toEqual(Array(7).fill('PENDING'));
    expect(cycle!.nextTimerAt?.toISOString()).toBe('2026-02-16T01:00:00.000Z');
  });

  it('a year opened on 1 December by the opener workflow: O1–O3 are not applicable, the year end is owed', async () => {
    const run = await env.client.workflow.start(yearOpenerWorkflow, {
      workflowId: `open-cycle-year-test-${lateYear}`,
      taskQueue,
      args: [{ openedAt: openedInDecember }],
    });
    const result = await run.result();
    // The year comes from the injected clock, not from today's date.
    expect(result.year).toBe(lateYear);
    expect(result.started).toHaveLength(9);
    const status = await cycleHandle('P01', lateYear).query(statusQuery);
    // O5's D-14 reminder (01/12 08:00) is already past at 09:00: the year-end window is open.
    expect(status.phase).toBe('yearEndReporting');
    expect(status.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'notApplicable'],
      ['O2', 'notApplicable'],
      ['O3', 'notApplicable'],
      ['O4', 'pending'],
      ['O5', 'pending'],
      ['O6', 'pending'],
      ['O7', 'pending'],
    ]);
    // 15/12/2025 is a Monday; the next timer is the D-7 reminder of O5 on 08/12 (D-14 was already past).
    expect(status.nextTimer).toEqual({
      timerId: 'O5:reminder:D-7',
      at: '2025-12-08T01:00:00.000Z',
      purpose: 'reminder',
    });
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

    // Triggered by hand, the Schedule opens the year the engine's clock is in: whichever year that is, every
    // one of the 9 pairs has a cycle afterwards, and a second trigger starts none.
    const runOnce = async () => {
      const before = (await handle.describe()).info.recentActions.length;
      await handle.trigger();
      const action = await eventually(
        () => handle.describe().then((d) => d.info.recentActions[before]),
        (a) => a !== undefined,
      );
      return env.client.workflow
        .getHandle<typeof yearOpenerWorkflow>(action!.action.workflow.workflowId)
        .result();
    };
    const first = await runOnce();
    expect(first.year).toBe(currentYearInVietnam());
    expect(first.started.length + first.existing.length).toBe(9);
    const second = await runOnce();
    expect([second.year, second.started, second.existing.length]).toEqual([first.year, [], 9]);
    await handle.delete();
  });
});
