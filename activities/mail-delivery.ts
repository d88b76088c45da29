/**
 * The mail delivery activity: a Temporal adapter over `mail/` (compose in `mail/compose.ts`, claim → send →
 * record in `mail/deliver.ts`; see docs/mail.md). Activity names are a wire contract: never rename one.
 */
import type { Party } from '../domain/cycle/types';
import { obligationComposer } from '../mail/compose';
import { deliverLedgerRow, type DeliveryResult, type MailDeliveryDeps } from '../mail/deliver';

export type { DeliveryResult } from '../mail/deliver';

/** Input of {@link MailDeliveryActivities.deliverNotification}. */
export interface DeliverNotificationInput {
  readonly idempotencyKey: string;
  /**
   * Who still owes the obligation (the `parties` of the machine's notify action). Optional: without it (ledger
   * rows written before the machine named them) the read model says who owes it (O3: the sides not signed).
   */
  readonly parties?: readonly Party[];
}

/** The activities of this file, by name (workflows proxy them by type only). */
export interface MailDeliveryActivities {
  deliverNotification(input: DeliverNotificationInput): Promise<DeliveryResult>;
}

/** Builds the delivery activities. */
export function createMailDeliveryActivities(deps: MailDeliveryDeps): MailDeliveryActivities {
  return {
    async deliverNotification(input) {
      return deliverLedgerRow(deps, input.idempotencyKey, obligationComposer(deps, input.parties));
    },
  };
}
