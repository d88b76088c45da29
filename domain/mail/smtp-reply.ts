/**
 * What an SMTP failure means for a notification. RFC 5321: a 4yz reply is transient (try again later), a 5yz
 * reply is permanent (the same message will fail again). A failure without a reply (connection refused,
 * timeout, TLS or DNS trouble, a dropped connection) is transient: nothing says the server refused the message.
 */

/** Whether a failed attempt should be retried. */
export type SmtpFailureClass = 'transient' | 'permanent';

/** The parts of a nodemailer error that matter here (nodemailer sets `responseCode` and `code`). */
export interface SmtpErrorLike {
  readonly responseCode?: number;
  readonly code?: string;
  readonly response?: string;
  readonly message?: string;
}

/** A reply code from `error.responseCode`, or from a reply text that starts with a three-digit code. */
export function replyCodeOf(error: SmtpErrorLike): number | undefined {
  if (typeof error.responseCode === 'number' && error.responseCode >= 200 && error.responseCode < 600) {
    return error.responseCode;
  }
  const match = /^([245]\d\d)[ -]/.exec(error.response ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Classifies a failed attempt. Authentication failures (535, `EAUTH`) count as transient although their code is
 * 5yz: they say the sender's configuration is wrong, not the message, and an administrator can fix it while the
 * retries run.
 */
export function classifySmtpFailure(error: SmtpErrorLike): SmtpFailureClass {
  if (error.code === 'EAUTH') return 'transient';
  const code = replyCodeOf(error);
  if (code === undefined) return 'transient';
  if (code === 530 || code === 535 || code === 534 || code === 538) return 'transient';
  return code >= 500 ? 'permanent' : 'transient';
}

/**
 * Whether a permanent reply is about the address itself, so the contact should be flagged as bounced: a
 * rejection at RCPT TO, or an enhanced status code `5.1.x` (bad destination mailbox, RFC 3463).
 */
export function isAddressBounce(reply: string, stage: 'rcpt' | 'data'): boolean {
  const code = /^(\d{3})/.exec(reply)?.[1];
  if (!code || !code.startsWith('5')) return false;
  if (stage === 'rcpt') return true;
  return /\b5\.1\.\d{1,3}\b/.test(reply);
}

/** One line of an error for the ledger and the CLI: the server's reply when there is one, else the message. */
export function describeSmtpFailure(error: SmtpErrorLike): string {
  const text = (error.response ?? error.message ?? String(error.code ?? 'error')).replace(/\s+/g, ' ').trim();
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}
