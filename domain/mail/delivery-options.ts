/**
 * How workflows call the mail delivery activities. Pure constants (its one outside import is a type), so that
 * workflow code can import it without pulling nodemailer or Prisma into the workflow bundle.
 */
import type { ActivityOptions } from '@temporalio/common';
import { NON_RETRYABLE_MAIL_ERRORS } from './failure-types';

/**
 * How long one attempt may take. The transport's own timeouts (connect 10 s, greeting 10 s, socket 30 s) end
 * a stuck attempt well before; the ledger's claim lease ({@link MAIL_CLAIM_LEASE_MS}) is longer than this, so
 * a retry never takes over a claim whose attempt may still be running.
 */
const MAIL_ATTEMPT_TIMEOUT_MS = 2 * 60_000;

/** A SENDING claim older than this belongs to an attempt that is over (timed out or killed): it may be re-taken. */
export const MAIL_CLAIM_LEASE_MS = MAIL_ATTEMPT_TIMEOUT_MS + 30_000;

/**
 * Recommended options for `proxyActivities<MailDeliveryActivities>` (a regular activity, not a local one: a
 * retry after a crash must be scheduled by the server). No `maximumAttempts`: the activity itself stops
 * retrying at the configured horizon (MAIL_RETRY_HORIZON) by throwing a non-retryable failure.
 */
export const MAIL_DELIVERY_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: MAIL_ATTEMPT_TIMEOUT_MS,
  retry: {
    initialInterval: '1 minute',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    nonRetryableErrorTypes: [...NON_RETRYABLE_MAIL_ERRORS],
  },
};

/**
 * How long the cycle's read-model write (`applyCycleEffects`, a local activity) waits for the first delivery
 * attempt of the rows it has just written. Short enough that the workflow task never needs a heartbeat (the
 * SDK sends one at 80 % of the task's 10 s timeout); what is not finished by then goes to the regular activity.
 */
export const MAIL_FIRST_ATTEMPT_BUDGET_MS = 5_000;
