/**
 * Runs the effects of the machine's actions, in order, one batch at a time: the read-model write (with the
 * audit records, ledger rows, submissions, progress entries and roster change of every transition since the
 * last write, and the first delivery attempt of its ledger rows), then the delivery activity of each row that
 * attempt did not settle, then the request to evaluate the pair's units. While
 * one batch is written the next transitions gather into the following one, so a burst of timers costs one
 * write. Each caller can wait for the batch that holds its transition (an accepted submission returns once it is
 * in the read model).
 */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { CycleEffects, CycleEffectsActivities } from '../../activities/cycle-effects';
import type { DeliverNotificationInput, MailDeliveryActivities } from '../../activities/mail-delivery';
import { MAIL_DELIVERY_ACTIVITY_OPTIONS } from '../../domain/mail/delivery-options';
import type { UnitEvaluationRequestActivities } from '../../activities/unit-evaluation';
import type { CycleProjection, Side } from '../../domain/cycle/types';
import type { CycleAction } from '../../machines/cycle';

const { applyCycleEffects } = proxyLocalActivities<CycleEffectsActivities>({
  startToCloseTimeout: '30 seconds',
  // The database may be down for a while: keep retrying, the business keys make each retry harmless.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

// A regular activity: a retry after a crash must be scheduled by the server, and 4xx retries may last days.
const { deliverNotification } = proxyActivities<MailDeliveryActivities>(MAIL_DELIVERY_ACTIVITY_OPTIONS);

const { requestUnitEvaluation } = proxyActivities<UnitEvaluationRequestActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/** Who the effects are for. */
export interface EffectsTarget {
  readonly workflowId: string;
  readonly pairCode: string;
  readonly year: number;
  /** Whether the cycle runs on a shifted business clock (simulations and tests). */
  readonly simulated: boolean;
}

interface Batch {
  effects: CycleEffects;
  deliveries: DeliverNotificationInput[];
  evaluate: Side[];
  waiters: Array<() => void>;
}

/** The ordered queue of effects of one cycle run. */
export class EffectsQueue {
  private pending: Batch | undefined;
  private draining: Promise<void> | undefined;
  private readonly deliveries = new Map<string, { input: DeliverNotificationInput; done: Promise<void> }>();

  constructor(
    private readonly target: EffectsTarget,
    /** The sequence of the last read-model write (a continued run goes on from the previous one's). */
    private sequence: number,
    /** The business instant now (for the units' evaluation requests). */
    private readonly now: () => string,
  ) {}

  /**
   * Adds a transition's actions with the projection it produced; resolves once they are written (timers are
   * the runner's: they are not effects).
   */
  add(actions: readonly CycleAction[], projection: CycleProjection): Promise<void> {
    const { simulated: _simulated, ...who } = this.target;
    const batch = (this.pending ??= {
      effects: {
        ...who,
        sequence: 0,
        projection,
        records: [],
        notifications: [],
        submissions: [],
        progress: [],
        deliverNow: true,
      },
      deliveries: [],
      evaluate: [],
      waiters: [],
    });
    batch.effects.projection = projection;
    batch.effects.sequence = ++this.sequence;
    for (const action of actions) {
      switch (action.type) {
        case 'record':
          batch.effects.records.push(action.params.entry);
          break;
        case 'notify':
          batch.effects.notifications.push(action.params);
          batch.deliveries.push({
            idempotencyKey: action.params.idempotencyKey,
            parties: action.params.parties,
          });
          break;
        case 'storeSubmission':
          batch.effects.submissions.push(action.params);
          break;
        case 'storeProgress':
          batch.effects.progress.push(action.params);
          break;
        case 'changePair':
          batch.effects.pairChange = action.params;
          break;
        case 'evaluateUnits':
          for (const side of action.params.sides)
            if (!batch.evaluate.includes(side)) batch.evaluate.push(side);
          break;
        case 'scheduleTimer':
        case 'cancelTimer':
          break;
      }
    }
    const written = new Promise<void>((resolve) => batch.waiters.push(resolve));
    // Cleared in a later microtask, never inside drain(): a drain that ends at once must not leave it set.
    this.draining ??= this.drain().finally(() => {
      this.draining = undefined;
    });
    return written;
  }

  /** The sequence of the last batch handed to the queue. */
  get lastSequence(): number {
    return this.sequence;
  }

  /** Resolves once every batch handed to the queue is written (deliveries may still be under way). */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Resolves once every delivery started so far has finished (sent, skipped or failed). */
  async deliveriesSettled(): Promise<void> {
    await Promise.all([...this.deliveries.values()].map((d) => d.done));
  }

  /** Deliveries not yet finished (handed to the next run on continue-as-new). */
  unfinishedDeliveries(): DeliverNotificationInput[] {
    return [...this.deliveries.values()].map((d) => d.input);
  }

  /** Starts deliveries again (after continue-as-new); each ledger row is claimed, so none goes twice. */
  resumeDeliveries(inputs: readonly DeliverNotificationInput[]): void {
    for (const input of inputs) this.deliver(input);
  }

  private deliver(input: DeliverNotificationInput): void {
    if (this.deliveries.has(input.idempotencyKey)) return;
    // A failed delivery is already FAILED in the ledger and shown to the administrators: it never fails the
    // cycle. Deliveries run beside the queue, so days of 4xx retries hold nothing up.
    const done = deliverNotification(input).then(
      () => undefined,
      () => undefined,
    );
    this.deliveries.set(input.idempotencyKey, { input, done });
    void done.then(() => this.deliveries.delete(input.idempotencyKey));
  }

  private async drain(): Promise<void> {
    for (let batch = this.pending; batch !== undefined; batch = this.pending) {
      this.pending = undefined;
      const applied = await applyCycleEffects(batch.effects);
      // A message the write's own first attempt settled needs no activity; one it did not (SMTP down, a 4xx,
      // a slow server) goes to the regular activity and its retries. A result recorded before the write made
      // that attempt is undefined: every row of such a batch goes to the activity, as it did then.
      const settled = new Set(applied?.settledDeliveries ?? []);
      for (const d of batch.deliveries) if (!settled.has(d.idempotencyKey)) this.deliver(d);
      // After the write: the units' evaluation reads this cycle's phase from the read model.
      if (batch.evaluate.length > 0) {
        await requestUnitEvaluation({
          cycleWorkflowId: this.target.workflowId,
          pairCode: this.target.pairCode,
          year: this.target.year,
          sides: batch.evaluate,
          at: this.now(),
          simulated: this.target.simulated,
        });
      }
      for (const resolve of batch.waiters) resolve();
    }
  }
}
