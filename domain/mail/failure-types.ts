/**
 * Failure types of mail delivery: the `type` of the `ApplicationFailure` that delivery (`mail/deliver.ts`)
 * throws. Workflows and retry policies refer to these names, so they are a wire contract: never rename one
 * casually. Plain strings, so that workflow code may import them.
 */

/** SMTP trouble that may pass: a 4yz reply, a refused or dropped connection, a timeout. Retried. */
export const SMTP_TRANSIENT = 'SmtpTransient';

/** A 5yz reply: the same message would be refused again. Not retried; the ledger row is FAILED. */
export const SMTP_PERMANENT = 'SmtpPermanent';

/** Transient failures went on past the retry horizon (MAIL_RETRY_HORIZON). Not retried; the row is FAILED. */
export const MAIL_HORIZON_EXCEEDED = 'MailHorizonExceeded';

/** The message has nobody to go to (no address in the roster, or all bounced). Not retried; the row is FAILED. */
export const MAIL_NO_RECIPIENTS = 'MailNoRecipients';

/** Another attempt holds a fresh claim on the ledger row (it may be sending right now). Retried. */
export const MAIL_CLAIM_BUSY = 'MailClaimBusy';

/** No ledger row has the idempotency key: a programming error. Not retried. */
export const NOTIFICATION_NOT_FOUND = 'NotificationNotFound';

/** Failure types that a retry cannot cure; listed in retry policies as `nonRetryableErrorTypes`. */
export const NON_RETRYABLE_MAIL_ERRORS: readonly string[] = [
  SMTP_PERMANENT,
  MAIL_HORIZON_EXCEEDED,
  MAIL_NO_RECIPIENTS,
  NOTIFICATION_NOT_FOUND,
];
