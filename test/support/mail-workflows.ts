/**
 * Workflows of the mail tests (a worker's `workflowsPath`): a burst of deliveries as the cycle workflows would
 * make them, and the product's digest workflow so that the Schedule's runs have a worker.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { DeliveryResult, MailDeliveryActivities } from '../../activities/mail-delivery';
import { MAIL_DELIVERY_ACTIVITY_OPTIONS } from '../../domain/mail/delivery-options';

export { leadershipDigestWorkflow } from '../../workflows/leadership-digest';

// The product's options with test timings: a killed attempt is retried after 10 s instead of 2 minutes.
const { deliverNotification } = proxyActivities<MailDeliveryActivities>({
  ...MAIL_DELIVERY_ACTIVITY_OPTIONS,
  startToCloseTimeout: '10 seconds',
  retry: {
    ...MAIL_DELIVERY_ACTIVITY_OPTIONS.retry,
    initialInterval: '1 second',
    maximumInterval: '4 seconds',
  },
});

/** Delivers every key at once, as 500 cycles whose reminders fall due at the same instant would. */
export async function deliverBurstWorkflow(keys: readonly string[]): Promise<DeliveryResult['status'][]> {
  const results = await Promise.all(keys.map((idempotencyKey) => deliverNotification({ idempotencyKey })));
  return results.map((r) => r.status);
}

/** Delivers one key with the product's retry policy as given (for retry tests on the time-skipping server). */
export async function deliverOneWorkflow(idempotencyKey: string): Promise<DeliveryResult> {
  const { deliverNotification: deliver } = proxyActivities<MailDeliveryActivities>(
    MAIL_DELIVERY_ACTIVITY_OPTIONS,
  );
  return deliver({ idempotencyKey });
}
