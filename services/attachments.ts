/**
 * Documents attached to submissions, kept in PostgreSQL (`Attachment`: content, SHA-256, size, the content type
 * its bytes show). A document is linked to its submission by the Update ID the submission is sent with: its
 * `submissionKey` is the submission's idempotency key `<workflowId>:<update id>`. It is written only after the
 * workflow accepted the submission, so a refused submission leaves nothing behind; and it is read only through
 * the reader's scope, so a pair the reader may not see has no documents (404 like an unknown one).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Scope } from '../domain/access';
import { checkDocument, type DocumentFile } from '../domain/attachments';
import type { SubmitRequest } from '../domain/cycle/requests';
import type { CycleProjection, Side } from '../domain/cycle/types';
import { bilingualOf, type Message } from '../domain/messages';
import { cycleWorkflowId } from '../domain/workflow-ids';
import type { PrismaClient } from '../generated/prisma';
import { pairWhere } from './access';
import type { CycleCommands, Refusal } from './cycle-commands';

/** A kept document, without its content. */
export interface StoredAttachment {
  readonly id: string;
  readonly filename: string;
  readonly contentType: string;
  readonly size: number;
  /** SHA-256 of the content, lower-case hex. */
  readonly sha256: string;
  readonly createdAt: Date;
}

/** A kept document with the submission it belongs to. */
export interface ListedAttachment extends StoredAttachment {
  readonly obligation: string;
  readonly side: Side;
}

/** A kept document with its content, to serve. */
export interface AttachmentContent extends StoredAttachment {
  readonly content: Uint8Array;
}

/** The SHA-256 of some bytes, lower-case hex. */
export function sha256Hex(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The idempotency key of the submission an Update ID makes in a pair's cycle of a year. */
export function submissionKeyOf(pairCode: string, year: number, requestId: string): string {
  return `${cycleWorkflowId(pairCode, year)}:${requestId}`;
}

function refusal(type: string, message: Message): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { type, message, text: bilingualOf(message) } };
}

const LISTED = {
  id: true,
  filename: true,
  contentType: true,
  size: true,
  sha256: true,
  createdAt: true,
  submissionKey: true,
} as const;

/**
 * Sends a submission with its document: the file is checked by its content first (a refusal sends nothing),
 * then the submission goes to the workflow under a new Update ID, and only once the workflow accepted it is the
 * document written, linked to that ID. A refusal of either kind writes nothing.
 */
export async function submitWithDocument(
  prisma: PrismaClient,
  commands: CycleCommands,
  input: {
    readonly pairCode: string;
    readonly year: number;
    readonly request: SubmitRequest;
    /** The document; none (no file chosen) is refused. */
    readonly file: DocumentFile | undefined;
    /** The user ID of who sends it. */
    readonly uploadedBy: string;
  },
): Promise<
  | { readonly ok: true; readonly value: CycleProjection; readonly attachment: StoredAttachment }
  | { readonly ok: false; readonly refusal: Refusal }
> {
  const { file } = input;
  if (!file) return refusal('InvalidPayload', { key: 'webForms.file.missing' });
  const checked = checkDocument(file);
  if (!checked.ok) return refusal('InvalidPayload', checked.message);
  const { pairCode, year } = input;
  const cycle = await prisma.cycle.findUnique({
    where: { workflowId: cycleWorkflowId(pairCode, year) },
    select: { id: true },
  });
  if (!cycle) return refusal('NotFound', { key: 'commands.notRunning', params: { pairCode, year } });
  const requestId = randomUUID();
  const result = await commands.submit(pairCode, year, input.request, { requestId });
  if (!result.ok) return result;
  const { content } = file;
  const stored = await prisma.attachment.create({
    data: {
      cycleId: cycle.id,
      submissionKey: submissionKeyOf(pairCode, year, requestId),
      filename: checked.filename,
      contentType: checked.contentType,
      size: checked.size,
      sha256: sha256Hex(content),
      content: new Uint8Array(content),
      uploadedBy: input.uploadedBy,
    },
    select: LISTED,
  });
  return { ...result, attachment: storedOf(stored) };
}

function storedOf(row: {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  createdAt: Date;
}): StoredAttachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.contentType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt,
  };
}

/**
 * The documents of a pair's cycle in a year that the scope lets the reader see, oldest first, each with the
 * obligation and side of its submission (empty when the pair is outside the scope or has no cycle that year).
 */
export async function listAttachments(
  prisma: PrismaClient,
  scope: Scope,
  pairCode: string,
  year: number,
): Promise<readonly ListedAttachment[]> {
  const rows = await prisma.attachment.findMany({
    where: {
      submissionKey: { not: null },
      cycle: { year, pair: { AND: [{ code: pairCode }, pairWhere(scope)] } },
    },
    select: LISTED,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  if (rows.length === 0) return [];
  const submissions = await prisma.submission.findMany({
    where: { idempotencyKey: { in: rows.map((r) => r.submissionKey ?? '') } },
    select: { idempotencyKey: true, obligation: true, side: true },
  });
  const byKey = new Map(submissions.map((s) => [s.idempotencyKey, s]));
  return rows.flatMap((row) => {
    const submission = byKey.get(row.submissionKey ?? '');
    // Only officers' submissions carry documents; anything else is not listed.
    if (!submission || submission.side === 'ADMIN') return [];
    const side: Side = submission.side === 'SPONSOR' ? 'sponsor' : 'recipient';
    return [{ ...storedOf(row), obligation: submission.obligation, side }];
  });
}

/** One document of a pair's cycle in a year with its content, or undefined when unknown or out of scope. */
export async function findAttachment(
  prisma: PrismaClient,
  scope: Scope,
  pairCode: string,
  year: number,
  id: string,
): Promise<AttachmentContent | undefined> {
  const row = await prisma.attachment.findFirst({
    where: {
      id,
      submissionKey: { not: null },
      cycle: { year, pair: { AND: [{ code: pairCode }, pairWhere(scope)] } },
    },
    select: { ...LISTED, content: true },
  });
  return row ? { ...storedOf(row), content: row.content } : undefined;
}
