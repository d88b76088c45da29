/**
 * The cycle's timer loop: one durable timer at a time, until the earliest pending timer of the machine, then
 * every timer due by then is fed to the machine in time order. The durable timer is only replaced when the
 * earliest instant changes (an extension, a submission that cancels the next reminder), so the history holds one
 * timer per wake-up and no polling.
 */
import { condition } from '@temporalio/workflow';
import type { CycleRunner } from './runner';

/** Runs the timers until the cycle closes or `stop()` says to hand over (continue-as-new). */
export async function runTimerLoop(runner: CycleRunner, stop: () => boolean): Promise<void> {
  while (!runner.closed && !stop()) {
    const next = runner.nextTimer();
    if (next === undefined) {
      const seen = runner.transitions;
      await condition(() => runner.transitions !== seen || runner.closed || stop());
      continue;
    }
    const waitMs = Date.parse(next.at) - runner.nowMs();
    if (waitMs > 0) {
      const replan = (): boolean => runner.nextTimer()?.at !== next.at || runner.closed || stop();
      if (await condition(replan, waitMs)) continue;
    }
    runner.fireDueTimers();
  }
}
