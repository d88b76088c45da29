/**
 * The mail delivery activity: a Temporal adapter over `mail/` (compose in `mail/compose.ts`, claim → send →
 * record in `mail/deliver.ts`; see docs/mail.md). Activity names are a wire contract: never rename one.
 */
import {
  deliverCycleRow,
  type CycleDelivery,
  type DeliveryResult,
  type MailDeliveryDeps,
} from '../mail/deliver';

export type { DeliveryResult } from '../mail/deliver';

/** Input of {@link MailDeliveryActivities.deliverNotification}: the row's key and who still owes it. */
export type DeliverNotificationInput = CycleDelivery;

/** The activities of this file, by name (workflows proxy them by type only). */
export interface MailDeliveryActivities {
  deliverNotification(input: DeliverNotificationInput): Promise<DeliveryResult>;
}

/** Builds the delivery activities. */
export function createMailDeliveryActivities(deps: MailDeliveryDeps): MailDeliveryActivities {
  return {
    async deliverNotification(input) {
      return deliverCycleRow(deps, input);
    },
  };
}
