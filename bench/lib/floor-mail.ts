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

/** What a floor message's headers take on the wire, about: its body is the rest of the size asked for. */
const HEADER_BYTES = 470;

/** One line of a floor message's body: ASCII, so that no transfer encoding makes it longer on the wire. */
const BODY_LINE = 'Nhac han nghia vu ket nghia / obligation reminder (bench floor message).';

/**
 * Message `index` of the floor `label`, of about `bytes` as the SMTP server receives it, to two recipients as a
 * reminder has. The body is ASCII in short lines, sent as 7bit: Vietnamese text would go quoted-printable, and
 * each of its letters with a diacritic would take 6 bytes instead of 2 (a floor message then came out 1.7 times
 * the size of ours, which made the floor slower than it is).
 */
export function floorMessage(label: string, index: number, bytes: number): SendMailOptions {
  const lines = Math.max(1, Math.round((bytes - HEADER_BYTES) / (BODY_LINE.length + 2)));
  return {
    from: 'Ban Dân tộc tỉnh <bandantoc@example.gov.vn>',
    to: [`lanhdao@${label}-${index}.bench.example.gov.vn`, `vanphong@${label}-${index}.bench.example.gov.vn`],
    subject: `[Kết nghĩa] Nhắc hạn O3 — ${label} ${index}`,
    text: `${BODY_LINE}\r\n`.repeat(lines),
    messageId: `<${label}-${index}@bench.example.gov.vn>`,
  };
}
