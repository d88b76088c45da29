/**
 * One unit's evaluation for one year (`unit-evaluation:<unitCode>:<year>`), started by the first of its cycles
 * to reach evaluation (signal-with-start) and finished once the rating is confirmed: one proposal and one final
 * rating per unit, from the sum of its cycles, as the plan rates units and not pairs.
 */
import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  cycleChangedSignal,
  rateUnitUpdate,
  unitFactorsUpdate,
  unitStatusQuery,
  type RateUnitRequest,
  type UnitEvaluationWorkflowInput,
  type UnitFactorsRequest,
} from './messages';
import { UnitEvaluationRunner } from './runner';
import type { UnitEvaluationStatus } from './status';

/** Runs a unit's yearly evaluation until its rating is confirmed (or nothing is left to rate). */
export async function unitEvaluationWorkflow(
  input: UnitEvaluationWorkflowInput,
): Promise<UnitEvaluationStatus> {
  const runner = new UnitEvaluationRunner(input, workflowInfo().workflowId, () => Date.now());
  setHandler(unitStatusQuery, () => runner.status());
  setHandler(cycleChangedSignal, (s) => runner.cycleChanged(s));
  setHandler(rateUnitUpdate, (r) => runner.rate(r), {
    validator: (r: RateUnitRequest) => runner.validateRate(r),
  });
  setHandler(unitFactorsUpdate, (r) => runner.factors(r), {
    validator: (r: UnitFactorsRequest) => runner.validateFactors(r),
  });
  await condition(() => runner.done);
  await runner.idle();
  await condition(allHandlersFinished);
  return runner.status();
}
