/**
 * B1: opening a year for N pairs with the worker running.
 *
 * Ours: `openYear` (what `twinning cycle open` and the yearly Schedule's activity call): it lists the active
 * pairs, reads the year's calendar and starts one cycle per pair, `concurrency` at a time. Floor: the same N
 * `workflow.start` calls, prepared beforehand (same inputs, same search attributes, same client concurrency),
 * against a fresh server, database and worker of the same kind. Both worlds run the cycles' first workflow
 * tasks meanwhile, so what separates the two is the opener's own overhead.
 *
 * Also measured: whether the size of the input matters (starts with and without the holiday table, to a task
 * queue no worker polls), and, on PostgreSQL, an opening through the Schedule's workflow whose worker is
 * killed part-way: the retry resumes after the last pair the server heard of.
 */
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { CYCLE_WORKFLOW } from '../domain/workflow-ids';
import {
  activePairs,
  cycleStartOptions,
  openYear,
  yearStartContext,
  type OpenYearProgress,
  type OpenYearResult,
} from '../services/cycle-opener';
import { dataConverterOf } from '../system/temporal-connection';
import { loadConfig } from '../worker/config';
import type { twinningCycleWorkflow } from '../workflows/twinning-cycle';
import { BENCH_OPENED_AT, BENCH_YEAR, type BenchContext, type BenchmarkOutput } from './lib/context';
import { figure, type Figure } from './lib/report';
import { inPool, secondsSince, sleep, until } from './lib/util';
import type { DatabaseKind, World } from './lib/world';

/** The goal of the start rate, as a ratio to the floor. */
const GOAL = { of: 'ratio', op: '>=', value: 0.8 } as const;

async function cyclesInReadModel(world: World): Promise<number> {
  return world.db.prisma.cycle.count({ where: { year: BENCH_YEAR } });
}

/** Waits until every cycle has written its read model (its first workflow task ran); returns the seconds. */
async function drained(ctx: BenchContext, world: World, label: string, startMs: number): Promise<number> {
  const bar = ctx.phase(label, ctx.pairs);
  await until(
    () => cyclesInReadModel(world),
    (n) => n >= ctx.pairs,
    {
      timeoutMs: 30 * 60_000,
      intervalMs: 500,
      what: 'every cycle in the read model',
      onValue: (n) => bar.update(n),
    },
  );
  bar.stop();
  return secondsSince(startMs);
}

/** The floor: N prepared `workflow.start` calls. */
async function floorRun(ctx: BenchContext, kind: DatabaseKind) {
  const world = await ctx.world(kind);
  try {
    const { prisma } = world.db;
    const pairs = await activePairs(prisma, BENCH_YEAR);
    const context = await yearStartContext(prisma, {
      year: BENCH_YEAR,
      taskQueue: world.taskQueue,
      openedAt: BENCH_OPENED_AT,
    });
    const starts = pairs.map((p) => cycleStartOptions(p, context));
    const bar = ctx.phase(`B1 floor: bare starts (${kind})`, starts.length);
    const t0 = performance.now();
    await inPool(
      starts,
      ctx.concurrency,
      (options) =>
        world.temporal.client.workflow.start<typeof twinningCycleWorkflow>(CYCLE_WORKFLOW, options),
      (done) => bar.update(done),
    );
    const startS = secondsSince(t0);
    bar.stop();
    const openS = await drained(ctx, world, `B1 floor: first tasks (${kind})`, t0);
    return { startS, openS, inputBytes: JSON.stringify(starts[0]?.args ?? []).length };
  } finally {
    await world.teardown();
  }
}

/** Ours: `openYear`, timed from the call (listing the pairs and reading the calendar included). */
async function oursRun(ctx: BenchContext, kind: DatabaseKind) {
  const world = await ctx.world(kind);
  try {
    const bar = ctx.phase(`B1 ours: openYear (${kind})`, ctx.pairs);
    const t0 = performance.now();
    const result = await openYear(world.db.prisma, world.temporal.client, {
      year: BENCH_YEAR,
      taskQueue: world.taskQueue,
      openedAt: BENCH_OPENED_AT,
      concurrency: ctx.concurrency,
      onProgress: (done) => bar.update(done),
    });
    const startS = secondsSince(t0);
    bar.stop();
    const openS = await drained(ctx, world, `B1 ours: first tasks (${kind})`, t0);
    return { startS, openS, started: result.started.length, existing: result.existing.length };
  } finally {
    await world.teardown();
  }
}

/**
 * Whether the input's size matters: starts of the same cycles with and without the holiday table, to a task
 * queue no worker polls (so only the server and the client work), as full, minimal, full, minimal rounds.
 */
async function inputSizeRun(ctx: BenchContext) {
  const world = await ctx.world('postgres', { worker: false });
  try {
    const { prisma } = world.db;
    const pairs = await activePairs(prisma, BENCH_YEAR);
    const context = await yearStartContext(prisma, {
      year: BENCH_YEAR,
      taskQueue: 'nobody-polls',
      openedAt: BENCH_OPENED_AT,
    });
    const sample = pairs.slice(0, Math.min(pairs.length, 2000));
    const rates = { full: [] as number[], minimal: [] as number[] };
    const sizes = { full: 0, minimal: 0 };
    let round = 0;
    for (const variant of ['full', 'minimal', 'full', 'minimal'] as const) {
      round += 1;
      const starts = sample.map((p) => {
        const options = cycleStartOptions(p, variant === 'full' ? context : { ...context, calendarDays: [] });
        return { ...options, workflowId: `${options.workflowId}:input-${round}` };
      });
      sizes[variant] = JSON.stringify(starts[0]?.args ?? []).length;
      const bar = ctx.phase(`B1 input size: ${variant} (round ${round})`, starts.length);
      const t0 = performance.now();
      await inPool(
        starts,
        ctx.concurrency,
        (options) => world.temporal.client.workflow.start(CYCLE_WORKFLOW, options),
        (done) => bar.update(done),
      );
      rates[variant].push(starts.length / secondsSince(t0));
      bar.stop();
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return { full: mean(rates.full), minimal: mean(rates.minimal), sizes, sample: sample.length };
  } finally {
    await world.teardown();
  }
}

/**
 * The heartbeat details of the opener's pending activity, as the server holds them: encrypted by the payload
 * codec like every payload, so decoded with the world's keys first.
 */
async function openerProgress(world: World, workflowId: string): Promise<OpenYearProgress | undefined> {
  const described = await world.temporal.client.workflow.getHandle(workflowId).describe();
  const payload = described.raw.pendingActivities?.[0]?.heartbeatDetails?.payloads?.[0];
  if (!payload) return undefined;
  const { payloadCodecs } = await dataConverterOf(
    loadConfig({ TEMPORAL_ADDRESS: world.temporal.address, PAYLOAD_KEYS: world.temporal.payloadKeys }),
  );
  let payloads = [payload as Payload];
  for (const codec of [...payloadCodecs].reverse()) payloads = await codec.decode(payloads);
  return defaultPayloadConverter.fromPayload<OpenYearProgress>(payloads[0]!);
}

/**
 * The yearly Schedule's path (the opener workflow and its activity) with the worker killed once 40 % of the
 * pairs are handled, as the server's last heartbeat says; a new worker is started at once.
 */
async function crashRun(ctx: BenchContext) {
  const world = await ctx.world('postgres');
  try {
    const client = world.temporal.client;
    const workflowId = `open-cycle-year-bench-${BENCH_YEAR}`;
    const bar = ctx.phase('B1 opener workflow, worker killed at 40 %', ctx.pairs);
    const t0 = performance.now();
    const handle = await client.workflow.start('yearOpenerWorkflow', {
      workflowId,
      taskQueue: world.taskQueue,
      args: [{ year: BENCH_YEAR, openedAt: BENCH_OPENED_AT }],
    });
    const killAt = Math.ceil(ctx.pairs * 0.4);
    let killedAt: OpenYearProgress | undefined;
    let finishedFirst = false;
    for (;;) {
      const progress = await openerProgress(world, workflowId).catch(() => undefined);
      if (progress) bar.update(progress.done);
      if (progress && progress.done >= killAt && progress.through !== undefined) {
        killedAt = progress;
        break;
      }
      const status = (await handle.describe()).status.name;
      if (status !== 'RUNNING') {
        finishedFirst = true;
        break;
      }
      await sleep(200);
    }
    let restartS = 0;
    if (killedAt) {
      await world.worker?.kill();
      const r0 = performance.now();
      await world.startWorker('worker-after-crash', ctx.workerEnv);
      restartS = secondsSince(r0);
    }
    const result = (await handle.result()) as OpenYearResult;
    const totalS = secondsSince(t0);
    bar.stop();
    const cycles = await until(
      () => client.workflow.count(`WorkflowType = '${CYCLE_WORKFLOW}' AND TwinningYear = ${BENCH_YEAR}`),
      (c) => c.count >= ctx.pairs,
      { timeoutMs: 60_000, what: 'every cycle listed' },
    );
    return {
      totalS,
      restartS,
      finishedFirst,
      killedAt: killedAt ?? null,
      cycles: cycles.count,
      result: {
        started: result.started.length,
        existing: result.existing.length,
        resumed: result.resumed ?? null,
      },
    };
  } finally {
    await world.teardown();
  }
}

/** Runs B1. */
export async function runB1(ctx: BenchContext): Promise<BenchmarkOutput> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { concurrency: ctx.concurrency, year: BENCH_YEAR };
  for (const kind of ctx.databases) {
    const floor = await floorRun(ctx, kind);
    const ours = await oursRun(ctx, kind);
    figures.push(
      figure({
        name: `start rate, ${kind}`,
        unit: 'cycles/s',
        ours: ctx.pairs / ours.startS,
        floor: ctx.pairs / floor.startS,
        better: 'higher',
        goal: GOAL,
      }),
      figure({
        name: `until every cycle ran its first task, ${kind}`,
        unit: 's',
        ours: ours.openS,
        floor: floor.openS,
        better: 'lower',
      }),
    );
    details[kind] = { floor, ours };
  }
  const input = await inputSizeRun(ctx);
  figures.push(
    figure({
      name: `start rate with the holiday table (${input.sizes.full} B) vs without (${input.sizes.minimal} B)`,
      unit: 'starts/s',
      ours: input.full,
      floor: input.minimal,
      better: 'higher',
      note: `no worker; ${input.sample} starts per round, 2 rounds each`,
    }),
  );
  details.inputSize = input;
  if (ctx.databases.includes('postgres')) {
    const crash = await crashRun(ctx);
    figures.push(
      figure({
        name: 'opener workflow, worker killed at 40 %: cycles afterwards',
        unit: 'cycles',
        ours: crash.cycles,
        better: 'count',
        goal: { of: 'ours', op: '>=', value: ctx.pairs },
        note: crash.finishedFirst
          ? 'the opening finished before the kill point (too few pairs)'
          : `resumed after ${crash.result.resumed?.after ?? '—'}; total ${crash.totalS.toFixed(1)} s`,
      }),
    );
    if (!crash.finishedFirst) {
      const skipped = (crash.result.resumed?.started ?? 0) + (crash.result.resumed?.existing ?? 0);
      figures.push(
        figure({
          name: 'opener retry: pairs not handled again thanks to the heartbeat',
          unit: 'pairs',
          ours: skipped,
          better: 'count',
          goal: { of: 'ours', op: '>=', value: 1 },
          note: `killed with ${crash.killedAt?.done ?? 0} handled; the retry found ${crash.result.existing} already started`,
        }),
      );
    }
    details.crash = crash;
  }
  return { figures, details };
}
