/**
 * B2: N reminders due at one instant, until the SMTP server has accepted all of them.
 *
 * Ours: the whole product path from the instant (see lib/burst.ts): timers fire in N cycles, each writes its
 * ledger row and makes its first delivery attempt in that write (claim, compose from the database, pooled
 * transport, SENT). Floor: N messages of the same mean size sent by a bare pooled nodemailer transport with the
 * product's pool size (3 connections), all handed to it at once, to a fresh SMTP catcher of the same kind. Also
 * measured, without a goal: the engine floor, the same N messages each sent by a bare workflow's local activity
 * (see {@link engineFloorRun}), which says how much of the gap is Temporal's own.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { awaitBurst, defaultLeadSeconds, openForBurst } from './lib/burst';
import type { BenchContext, BenchmarkOutput } from './lib/context';
import { floorMessage, floorTransport, POOL_CONNECTIONS } from './lib/floor-mail';
import { figure } from './lib/report';
import { inPool, secondsSince, sleep, until } from './lib/util';
import { startEntryPoint, startSmtp, startTemporal } from './lib/world';
import type { sendOneMessage } from './engine-floor/workflows';

/** Sends `count` messages of about `bytes` each through a bare pooled transport; returns the seconds. */
async function floorRun(ctx: BenchContext, count: number, bytes: number) {
  const smtp = await startSmtp();
  const transport = floorTransport(smtp.port);
  try {
    const bar = ctx.phase('B2 floor: bare pooled nodemailer', count);
    let done = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        transport.sendMail(floorMessage('floor', i, bytes)).then(() => bar.update(++done)),
      ),
    );
    const seconds = secondsSince(t0);
    bar.stop();
    const ids = new Set(smtp.messages.map((m) => m.messageId));
    const meanBytes = Math.round(smtp.messages.reduce((s, m) => s + m.raw.length, 0) / Math.max(1, count));
    return { seconds, accepted: smtp.messages.length, distinct: ids.size, meanBytes };
  } finally {
    transport.close();
    await smtp.close();
  }
}

/**
 * The engine floor's lead: from the first start to the instant, time enough to start every workflow (10 s and
 * 15 ms a workflow, where bare starts run at 50–120 a second on 2 cores).
 */
function engineFloorLeadMs(count: number): number {
  return 10_000 + count * 15;
}

/**
 * The engine floor: what Temporal and nodemailer reach for a burst without our code. `count` workflows of
 * bench/engine-floor/ are started with a start delay that ends at one instant (their first workflow task is then
 * due at once, as our timers are), each running one local activity that sends one message of about `bytes`
 * through a bare pooled transport; its worker is a child process on a fresh dev server, with the product's cache
 * size and no payload codec. Timed from the instant until the SMTP catcher has accepted `count` messages.
 */
async function engineFloorRun(ctx: BenchContext, count: number, bytes: number) {
  const temporal = await startTemporal(ctx.temporalCli, ctx.dir, ctx.temporalSync);
  const smtp = await startSmtp();
  const connection = await Connection.connect({ address: temporal.address });
  let worker: Awaited<ReturnType<typeof startEntryPoint>> | undefined;
  try {
    const taskQueue = 'engine-floor';
    worker = await startEntryPoint({
      name: 'engine-floor-worker',
      script: path.join('bench', 'engine-floor', 'worker.ts'),
      env: {
        ...process.env,
        ENGINE_FLOOR_TEMPORAL_ADDRESS: temporal.address,
        ENGINE_FLOOR_TASK_QUEUE: taskQueue,
        ENGINE_FLOOR_SMTP_PORT: String(smtp.port),
      },
      logDir: ctx.dir,
      ready: /engine floor: polling/,
    });
    const client = new Client({ connection, namespace: 'default' });
    const fireAtMs = Date.now() + engineFloorLeadMs(count);
    const starts = ctx.phase('B2 engine floor: start the delayed workflows', count);
    await inPool(
      Array.from({ length: count }, (_, i) => i),
      ctx.concurrency,
      (i) =>
        client.workflow.start<typeof sendOneMessage>('sendOneMessage', {
          taskQueue,
          workflowId: `engine-floor-${i}`,
          args: [i, bytes],
          startDelay: Math.max(1, fireAtMs - Date.now()),
        }),
      (done) => starts.update(done),
    );
    starts.stop();
    if (Date.now() > fireAtMs - 1000) {
      throw new Error(
        `the engine floor's ${count} starts took longer than its lead; the machine is too loaded`,
      );
    }
    await sleep(fireAtMs - Date.now());
    const t0 = performance.now() - (Date.now() - fireAtMs);
    const bar = ctx.phase('B2 engine floor: messages accepted by SMTP', count);
    await until(
      () => smtp.messages.length,
      (n) => n >= count,
      {
        timeoutMs: 60 * 60_000,
        intervalMs: 100,
        what: "the engine floor's messages",
        onValue: (n) => bar.update(n),
      },
    );
    const seconds = secondsSince(t0);
    bar.stop();
    return {
      seconds,
      accepted: smtp.messages.length,
      distinct: new Set(smtp.messages.map((m) => m.messageId)).size,
    };
  } finally {
    await worker?.proc.stop();
    await connection.close();
    await smtp.close();
    await temporal.stop();
  }
}

/** Runs B2. */
export async function runB2(ctx: BenchContext): Promise<BenchmarkOutput> {
  const lead = ctx.leadSeconds ?? defaultLeadSeconds(ctx.pairs);
  const world = await ctx.world();
  let ours;
  let opened;
  try {
    opened = await openForBurst(ctx, world, lead);
    ours = await awaitBurst(ctx, world, opened.fireAtMs);
  } finally {
    await world.teardown();
  }
  const floor = await floorRun(ctx, ctx.pairs, ours.meanBytes);
  const engineFloor = await engineFloorRun(ctx, ctx.pairs, ours.meanBytes);
  const n = ctx.pairs;
  return {
    figures: [
      figure({
        name: 'reminders accepted by SMTP per second',
        unit: 'msg/s',
        ours: n / ours.acceptedS,
        floor: n / floor.seconds,
        better: 'higher',
        goal: { of: 'ratio', op: '>=', value: 0.7 },
        note: `ours ${ours.acceptedS.toFixed(1)} s from the instant, floor ${floor.seconds.toFixed(1)} s`,
      }),
      figure({
        name: 'the same against the engine floor (Temporal and nodemailer, no product code)',
        unit: 'msg/s',
        ours: n / ours.acceptedS,
        floor: n / engineFloor.seconds,
        better: 'higher',
        note: `engine floor ${engineFloor.seconds.toFixed(1)} s from its instant`,
      }),
      figure({
        name: 'reminders lost',
        unit: 'msg',
        ours: ours.lost,
        better: 'count',
        goal: { of: 'ours', op: '<=', value: 0 },
      }),
      figure({
        name: 'distinct Message-IDs at the server',
        unit: 'ids',
        ours: ours.distinctMessageIds,
        better: 'count',
        goal: { of: 'ours', op: '>=', value: n },
      }),
      figure({
        name: 'until every ledger row was written (timers fired, effects applied)',
        unit: 's',
        ours: ours.ledgerS,
        better: 'lower',
      }),
    ],
    details: {
      leadSeconds: lead,
      openS: opened.openS,
      ours,
      floor,
      engineFloor,
      poolConnections: POOL_CONNECTIONS,
    },
  };
}
