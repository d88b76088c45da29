/**
 * Identifiers derived from idempotency keys. The Message-ID is a pure function of the ledger key, so every
 * attempt of one notification carries the same Message-ID and a receiving system can drop a duplicate; the
 * hash keeps pair codes and dates out of headers that travel beyond the province's systems.
 */
import { sha256Hex } from './sha256';

/** The domain part of every Message-ID and calendar UID the engine makes. */
const MAIL_ID_DOMAIN = 'twinning.local';

/** The 32-hex-digit (128-bit) reference of a key: its SHA-256 prefix. */
function keyReference(idempotencyKey: string): string {
  return sha256Hex(idempotencyKey).slice(0, 32);
}

/** The Message-ID of the notification with `idempotencyKey`, angle brackets included. */
export function messageIdFor(idempotencyKey: string, domain: string = MAIL_ID_DOMAIN): string {
  return `<${keyReference(idempotencyKey)}@${domain}>`;
}

/**
 * The calendar UID of one obligation's deadline: every reminder of the same deadline carries the same UID, so
 * a calendar updates one entry instead of collecting one per reminder. An extension moves the due date and
 * so starts a new entry.
 */
export function deadlineUid(workflowId: string, obligation: string, dueDate: string): string {
  return `${keyReference(`${workflowId}:${obligation}:deadline:${dueDate}`)}@${MAIL_ID_DOMAIN}`;
}

/** A short reference shown in the footer of a message (the first 12 hex digits of its key's hash). */
export function shortReference(idempotencyKey: string): string {
  return keyReference(idempotencyKey).slice(0, 12);
}
