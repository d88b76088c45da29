/**
 * B7: a worker restarted with N open cycles. The cycles are opened and run their first tasks on one worker,
 * which is then killed (SIGKILL: its cache is lost); a new worker is started, and every cycle's status query
 * is sent, `concurrency` at a time. Each query needs its cycle replayed from its history on the new worker.
 * Timed from the new worker's spawn (bundling included) until the last cycle answered.
 *
 * Floor: one of these cycles' histories, fetched from the server, replayed N times in this process by the
 * SDK's replay worker with the product's bundle options (Worker.runReplayHistories, which bundles the
 * workflows as a starting worker does): what replaying N cycles costs on this machine without a server.
 */
import { Worker } from '@temporalio/worker';
import { CYCLE_MESSAGES, cycleWorkflowId } from '../domain/workflow-ids';
import { dataConverterOf } from '../system/temporal-connection';
import { loadConfig } from '../worker/config';
import { workflowBundleOptions } from '../worker/workflow-bundle';
import { BENCH_OPENED_AT, BENCH_YEAR, type BenchContext, type BenchmarkOutput } from './lib/context';
import { figure } from './lib/report';
import { pairCode } from './lib/roster';
import { inPool, secondsSince, until } from './lib/util';
import { openYear } from '../services/cycle-opener';

/** Runs B7. */
export async function runB7(ctx: BenchContext): Promise<BenchmarkOutput> {
  const world = await ctx.world();
  try {
    const client = world.temporal.client;
    const open = ctx.phase('B7 open the cycles', ctx.pairs);
    await openYear(world.db.prisma, client, {
      year: BENCH_YEAR,
      taskQueue: world.taskQueue,
      openedAt: BENCH_OPENED_AT,
      concurrency: ctx.concurrency,
      onProgress: (done) => open.update(done),
    });
    open.stop();
    const first = ctx.phase('B7 first tasks', ctx.pairs);
    await until(
      () => world.db.prisma.cycle.count({ where: { year: BENCH_YEAR } }),
      (n) => n >= ctx.pairs,
      { timeoutMs: 30 * 60_000, intervalMs: 500, what: 'every cycle open', onValue: (n) => first.update(n) },
    );
    first.stop();
    await world.worker!.kill();

    const ids = Array.from({ length: ctx.pairs }, (_, i) => cycleWorkflowId(pairCode(i), BENCH_YEAR));
    const t0 = performance.now();
    const worker = await world.startWorker('worker-restarted', ctx.workerEnv);
    const bar = ctx.phase('B7 ours: status queries after the restart', ids.length);
    await inPool(
      ids,
      ctx.concurrency,
      (id) => client.workflow.getHandle(id).query(CYCLE_MESSAGES.status),
      (done) => bar.update(done),
    );
    const oursS = secondsSince(t0);
    bar.stop();

    // The floor: one saved history × N through the SDK's replayer, with the worker's start-up added.
    const history = await client.workflow.getHandle(ids[0]!).fetchHistory();
    const dataConverter = await dataConverterOf(
      loadConfig({ TEMPORAL_ADDRESS: world.temporal.address, PAYLOAD_KEYS: world.temporal.payloadKeys }),
    );
    // Bundled as the product's worker bundles them (the same shared modules, no stack traces in the sandbox).
    const { workflowsPath, preloadModules } = workflowBundleOptions();
    const replay = ctx.phase('B7 floor: replay of one history × N', ids.length);
    const r0 = performance.now();
    let replayed = 0;
    const histories = function* () {
      for (const [i, workflowId] of ids.entries()) yield { history, workflowId: `${workflowId}:replay-${i}` };
    };
    for await (const result of Worker.runReplayHistories(
      {
        workflowsPath,
        bundlerOptions: { preloadModules },
        reuseV8Context: true,
        dataConverter,
      },
      histories(),
    )) {
      if (result.error) throw result.error;
      replay.update(++replayed);
    }
    const replayS = secondsSince(r0);
    replay.stop();
    // The replayer bundles the workflows as the new worker does, so both sides include a bundling.
    const floorS = replayS;
    return {
      figures: [
        figure({
          name: `worker restart: until all ${ctx.pairs} cycles answer their status query`,
          unit: 's',
          ours: oursS,
          floor: floorS,
          better: 'lower',
          goal: { of: 'ratio', op: '>=', value: 0.5 },
          note: `worker start-up ${worker.startupS.toFixed(1)} s; replay alone ${replayS.toFixed(1)} s; ${history.events?.length ?? 0} events per history`,
        }),
      ],
      details: { startupS: worker.startupS, replayS, eventsPerHistory: history.events?.length ?? 0 },
    };
  } finally {
    await world.teardown();
  }
}
