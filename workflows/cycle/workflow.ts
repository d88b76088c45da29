/**
 * One twinning pair's cycle for one year (`twinning-cycle:<pairCode>:<year>`): the runner holds the statechart,
 * each message handler is one line into it, and the timer loop wakes it. When the history grows long the run
 * continues as new with the machine's state (never expected in a normal year; see `continueAsNewSuggested`).
 */
import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { CycleProjection } from '../../domain/cycle/types';
import { legacyCycle } from './legacy';
import {
  dissolveUpdate,
  endPeriodUpdate,
  extendUpdate,
  positiveFactorsUpdate,
  PATCHES,
  progressUpdate,
  rateUpdate,
  resendUpdate,
  statusQuery,
  submitUpdate,
  unitRatedSignal,
  waiveUpdate,
  type DissolveRequest,
  type EndPeriodRequest,
  type ExtendRequest,
  type PositiveFactorsRequest,
  type ProgressRequest,
  type RateRequest,
  type ResendRequest,
  type SubmitRequest,
  type TwinningCycleInput,
  type WaiveRequest,
} from './messages';
import { CycleRunner } from './runner';
import { runTimerLoop } from './timer-loop';

/** Runs one pair's cycle for one year until both its units are rated, or it is dissolved or ended. */
export async function twinningCycleWorkflow(input: TwinningCycleInput): Promise<CycleProjection> {
  // Cycles started before the runner replay and finish on the code they started with.
  if (!input.continued && !patched(PATCHES.runner)) return legacyCycle(input);
  const runner = new CycleRunner(input, workflowInfo().workflowId, () => Date.now());

  setHandler(statusQuery, () => runner.status());
  setHandler(submitUpdate, (r) => runner.submit(r), {
    validator: (r: SubmitRequest) => runner.validateSubmit(r),
  });
  setHandler(progressUpdate, (r) => runner.progress(r), {
    validator: (r: ProgressRequest) => runner.validateProgress(r),
  });
  setHandler(extendUpdate, (r) => runner.extend(r), {
    validator: (r: ExtendRequest) => runner.validateExtend(r),
  });
  setHandler(waiveUpdate, (r) => runner.waive(r), {
    validator: (r: WaiveRequest) => runner.validateWaive(r),
  });
  setHandler(resendUpdate, (r) => runner.resend(r), {
    validator: (r: ResendRequest) => runner.validateResend(r),
  });
  setHandler(dissolveUpdate, (r) => runner.dissolve(r), {
    validator: (r: DissolveRequest) => runner.validateDissolve(r),
  });
  setHandler(endPeriodUpdate, (r) => runner.endPeriod(r), {
    validator: (r: EndPeriodRequest) => runner.validateEndPeriod(r),
  });
  // The Updates of cycles rated per pair answer a clear refusal instead of the SDK's "no handler".
  setHandler(rateUpdate, (_r: RateRequest) => runner.pairRating(), {
    validator: (_r: RateRequest) => runner.validatePairRating(),
  });
  setHandler(positiveFactorsUpdate, (_r: PositiveFactorsRequest) => runner.pairRating(), {
    validator: (_r: PositiveFactorsRequest) => runner.validatePairRating(),
  });
  setHandler(unitRatedSignal, (s) => runner.unitRated(s));

  const handOver = (): boolean => workflowInfo().continueAsNewSuggested;
  await runTimerLoop(runner, handOver);
  if (!runner.closed) {
    // Let Updates in flight finish and every effect be written, then go on in a fresh history.
    await condition(allHandlersFinished);
    await runner.effectsWritten();
    await continueAsNew<typeof twinningCycleWorkflow>({ ...input, continued: runner.continuation() });
  }
  await runner.settled();
  await condition(allHandlersFinished);
  return runner.status();
}
