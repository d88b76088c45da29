/**
 * The SMTP transport. Pooled; TLS when the URL says smtps://; `maxRequeues: 0` so a dropped connection can
 * never resend a message silently (a retry is the ledger's decision, not the transport's).
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

/** Options beyond the URL. */
export interface MailTransportOptions {
  /** Messages per second at most, for servers that throttle; undefined means no limit. */
  readonly rateLimitPerSecond?: number;
  readonly maxConnections?: number;
}

/**
 * nodemailer counts whole messages per window (`rateLimit` messages every `rateDelta` ms): 0.5/s becomes one
 * message every 2 s, 2.5/s five every 2 s.
 */
function rateOptions(perSecond: number): { rateDelta: number; rateLimit: number } {
  if (perSecond < 1) return { rateDelta: Math.round(1000 / perSecond), rateLimit: 1 };
  for (const seconds of [1, 2, 4, 5, 10]) {
    const count = perSecond * seconds;
    if (Number.isInteger(count)) return { rateDelta: seconds * 1000, rateLimit: count };
  }
  return { rateDelta: 1000, rateLimit: Math.floor(perSecond) };
}

/** A pooled transport to the SMTP server at `smtpUrl`. Close it on shutdown. */
export function createMailTransport(smtpUrl: string, options: MailTransportOptions = {}): Transporter {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  // `maxRequeues` is a real pool option (nodemailer ≥ 6.9) that the published types do not list yet.
  const poolOptions: SMTPPool.Options & { maxRequeues: number } = {
    pool: true,
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    maxConnections: options.maxConnections ?? 3,
    maxRequeues: 0,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    ...(options.rateLimitPerSecond ? rateOptions(options.rateLimitPerSecond) : {}),
    // A local catcher or a server on loopback has no certificate worth checking; anything else is checked.
    ...(['127.0.0.1', 'localhost', '::1'].includes(url.hostname) ? { ignoreTLS: !secure } : {}),
  };
  return nodemailer.createTransport(poolOptions);
}

/** `protocol//host:port` of an SMTP URL, without credentials (for messages and logs). */
export function smtpServerName(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return 'SMTP';
  }
}
