/**
 * B5: the worker's resident memory with N open cycles, and after a deadline burst in all of them, at the
 * default workflow cache (WORKER_MAX_CACHED_WORKFLOWS). The figure is the growth over the idle worker divided
 * by the number of open cycles; there is no floor but the idle worker itself.
 */
import { awaitBurst, defaultLeadSeconds, openForBurst } from './lib/burst';
import type { BenchContext, BenchmarkOutput } from './lib/context';
import { figure } from './lib/report';
import { sleep } from './lib/util';

/** Seconds the worker is left alone before a reading, so the last tasks' garbage can be collected. */
const SETTLE_MS = 5_000;

/** Runs B5. */
export async function runB5(ctx: BenchContext): Promise<BenchmarkOutput> {
  const lead = ctx.leadSeconds ?? defaultLeadSeconds(ctx.pairs);
  const world = await ctx.world();
  try {
    const worker = world.worker!;
    await sleep(SETTLE_MS);
    const idle = worker.rssMB();
    let peak = idle;
    const sample = () => {
      peak = Math.max(peak, worker.rssMB());
    };
    const sampler = setInterval(sample, 500);
    let open: number;
    let afterBurst: number;
    let burst;
    try {
      const opened = await openForBurst(ctx, world, lead);
      await sleep(SETTLE_MS);
      open = worker.rssMB();
      const peakOpen = peak;
      burst = await awaitBurst(ctx, world, opened.fireAtMs, sample);
      await sleep(SETTLE_MS);
      afterBurst = worker.rssMB();
      const n = ctx.pairs;
      return {
        figures: [
          figure({
            name: 'worker memory per open cycle',
            unit: 'MB',
            ours: (open - idle) / n,
            better: 'lower',
            goal: { of: 'ours', op: '<=', value: 0.1 },
            note: `idle ${idle.toFixed(0)} MB, ${n} open ${open.toFixed(0)} MB`,
          }),
          figure({
            name: 'worker memory per open cycle after the deadline burst',
            unit: 'MB',
            ours: (afterBurst - idle) / n,
            better: 'lower',
            goal: { of: 'ours', op: '<=', value: 0.1 },
            note: `after ${afterBurst.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`,
          }),
          figure({ name: 'worker memory, idle', unit: 'MB', ours: idle, better: 'lower' }),
          figure({ name: 'worker memory, peak', unit: 'MB', ours: peak, better: 'lower' }),
        ],
        details: {
          idleMB: idle,
          openMB: open,
          peakWhileOpeningMB: peakOpen,
          afterBurstMB: afterBurst,
          peakMB: peak,
          workerEnv: ctx.workerEnv,
          burst,
        },
      };
    } finally {
      clearInterval(sampler);
    }
  } finally {
    await world.teardown();
  }
}
