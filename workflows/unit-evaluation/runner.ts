/**
 * The unit evaluation runner: holds the statechart's snapshot, feeds it the cycles' signals, the administrator's
 * Updates and the computed proposals, and runs the actions it returns one after the other (activities, and the
 * signals to the unit's cycles). Like the cycle runner it decides nothing: validators and handlers ask the same
 * pure decision of `machines/unit-evaluation/requests.ts`, and a handler makes its transition before it awaits,
 * so of two `rate` Updates delivered together the second is refused by its validator.
 */
import {
  ApplicationFailure,
  getExternalWorkflowHandle,
  proxyActivities,
  workflowInfo,
} from '@temporalio/workflow';
import { initialTransition, transition } from 'xstate';
import type { UnitEvaluationActivities } from '../../activities/unit-evaluation';
import { bilingualOf } from '../../domain/messages';
import {
  decideRateUnit,
  decideUnitFactors,
  unitEvaluationActions,
  unitEvaluationMachine,
  unitPhaseOf,
  type RateUnitRequest,
  type UnitDecision,
  type UnitEvaluationAction,
  type UnitEvaluationEvent,
  type UnitEvaluationSnapshot,
  type UnitFactorsRequest,
} from '../../machines/unit-evaluation';
import { unitRatedSignal } from '../cycle/messages';
import type { CycleChangedSignal, UnitEvaluationWorkflowInput } from './messages';
import type { UnitEvaluationStatus } from './status';

const activities = proxyActivities<UnitEvaluationActivities>({
  startToCloseTimeout: '2 minutes',
  // The database may be down for a while: keep retrying; every write is idempotent.
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/** One unit's evaluation for one year, as the workflow runs it. */
export class UnitEvaluationRunner {
  private snapshot: UnitEvaluationSnapshot;
  private readonly queue: UnitEvaluationAction[] = [];
  private draining: Promise<void> | undefined;
  private readonly offsetMs: number;

  constructor(
    input: UnitEvaluationWorkflowInput,
    workflowId: string,
    private readonly engineNowMs: () => number,
  ) {
    // Anchored on the run's start time, as the cycle's business clock is.
    this.offsetMs =
      input.businessStart !== undefined
        ? Date.parse(input.businessStart) - workflowInfo().runStartTime.getTime()
        : 0;
    const [initial, actions] = initialTransition(unitEvaluationMachine, {
      workflowId,
      unitCode: input.unitCode,
      year: input.year,
      side: input.side,
      openedAt: this.now(),
    });
    this.snapshot = initial;
    void this.run(unitEvaluationActions(actions));
  }

  /** Business time now (engine time, shifted in simulations). */
  now(): string {
    return new Date(this.engineNowMs() + this.offsetMs).toISOString();
  }

  /** Whether the evaluation is over (confirmed, or nothing to rate). */
  get done(): boolean {
    const phase = unitPhaseOf(this.snapshot);
    return phase === 'confirmed' || phase === 'nothingToRate';
  }

  /** The status query's answer. */
  status(): UnitEvaluationStatus {
    const ctx = this.snapshot.context;
    return {
      unitCode: ctx.unitCode,
      year: ctx.year,
      side: ctx.side,
      phase: unitPhaseOf(this.snapshot),
      ...(ctx.proposal !== undefined ? { proposal: ctx.proposal } : {}),
      waitingFor: ctx.waitingFor,
      cycles: ctx.cycles,
      positiveFactors: ctx.positiveFactors,
      ...(ctx.final !== undefined ? { final: ctx.final } : {}),
    };
  }

  /** Resolves once every action handed out so far has run. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** One of the unit's cycles changed. */
  cycleChanged(signal: CycleChangedSignal): void {
    void this.step({ type: 'CYCLES_CHANGED', at: this.now(), workflowId: signal.workflowId });
  }

  validateRate(request: RateUnitRequest): void {
    this.accept(decideRateUnit(this.snapshot, request, this.now()));
  }
  rate(request: RateUnitRequest): Promise<UnitEvaluationStatus> {
    return this.step(this.accept(decideRateUnit(this.snapshot, request, this.now())));
  }

  validateFactors(request: UnitFactorsRequest): void {
    this.accept(decideUnitFactors(this.snapshot, request, this.now()));
  }
  factors(request: UnitFactorsRequest): Promise<UnitEvaluationStatus> {
    return this.step(this.accept(decideUnitFactors(this.snapshot, request, this.now())));
  }

  private accept<E extends UnitEvaluationEvent>(decision: UnitDecision<E>): E {
    // The catalogue message travels as the failure's detail, so a caller can show it in its reader's language.
    if (!decision.ok)
      throw ApplicationFailure.nonRetryable(bilingualOf(decision.message), decision.type, decision.message);
    return decision.event;
  }

  /** One transition, then its actions; resolves once they have run. */
  private async step(event: UnitEvaluationEvent): Promise<UnitEvaluationStatus> {
    const [next, actions] = transition(unitEvaluationMachine, this.snapshot, event);
    this.snapshot = next;
    await this.run(unitEvaluationActions(actions));
    return this.status();
  }

  private async run(actions: readonly UnitEvaluationAction[]): Promise<void> {
    for (const action of actions) {
      // A computation already waiting its turn will read the same read model: one is enough.
      if (action.type === 'computeProposal' && this.queue.some((a) => a.type === 'computeProposal')) continue;
      this.queue.push(action);
    }
    if (this.queue.length === 0 && !this.draining) return;
    // Cleared in a later microtask, never inside drain(): a drain that ends at once must not leave it set.
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (let action = this.queue.shift(); action !== undefined; action = this.queue.shift()) {
      await this.execute(action);
    }
  }

  /** Maps one action kind to its activity or signal. */
  private async execute(action: UnitEvaluationAction): Promise<void> {
    switch (action.type) {
      case 'computeProposal': {
        const result = await activities.computeUnitProposal(action.params);
        void this.step({ type: 'PROPOSAL_COMPUTED', at: this.now(), result });
        return;
      }
      case 'recordPositiveFactors':
        await activities.recordUnitPositiveFactors(action.params);
        return;
      case 'recordFinalRating':
        await activities.recordUnitFinalRating(action.params);
        return;
      case 'notifyCycles': {
        const { final } = action.params;
        for (const workflowId of action.params.workflowIds) {
          // A cycle closed meanwhile (dissolved) has nothing to rate: its signal fails, and that is fine.
          await getExternalWorkflowHandle(workflowId)
            .signal(unitRatedSignal, {
              side: action.params.side,
              unitCode: action.params.unitCode,
              rating: final.rating,
              actor: final.actor,
              at: final.at,
              ...(final.reason !== undefined ? { reason: final.reason } : {}),
              ...(final.decisionNumber !== undefined ? { decisionNumber: final.decisionNumber } : {}),
            })
            .catch(() => undefined);
        }
        return;
      }
    }
  }
}
