/**
 * The messages and the transport of B2's floors: a bare pooled nodemailer transport with the product's pool size,
 * and messages of a given mean size with their own Message-IDs, the same for the bench process's floor and the
 * engine floor's worker.
 */
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

/** The product transport's pool size (mail/transport.ts), used by the floors too. */
export const POOL_CONNECTIONS = 3;

/** A bare pooled transport to the SMTP catcher on `port`. */
export function floorTransport(port: number): Transporter {
  // `maxRequeues` is a real pool option (nodemailer ≥ 6.9) that the published types do not list yet.
  const options: SMTPPool.Options & { maxRequeues: number } = {
    pool: true,
    host: '127.0.0.1',
    port,
    maxConnections: POOL_CONNECTIONS,
    maxRequeues: 0,
    ignoreTLS: true,
  };
  return nodemailer.createTransport(options);
}

/** Message `index` of the floor `label`, of about `bytes`, to two recipients as a reminder has. */
export function floorMessage(label: string, index: number, bytes: number): SendMailOptions {
  const body = 'Nhắc hạn nghĩa vụ kết nghĩa / obligation reminder. '.repeat(
    Math.max(1, Math.floor(bytes / 60)),
  );
  return {
    from: 'Ban Dân tộc tỉnh <bandantoc@example.gov.vn>',
    to: [`lanhdao@${label}-${index}.bench.example.gov.vn`, `vanphong@${label}-${index}.bench.example.gov.vn`],
    subject: `[Kết nghĩa] Nhắc hạn O3 — ${label} ${index}`,
    text: body,
    messageId: `<${label}-${index}@bench.example.gov.vn>`,
  };
}
