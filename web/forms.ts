/**
 * Reading form bodies, urlencoded (`@fastify/formbody`) or with files (`@fastify/multipart`, read into memory):
 * one text value per field, never an array or an object, and files as {@link UploadedFile}; and what no request
 * may hold at all ({@link unreadable}).
 */
import type { Message } from '../domain/messages';
import { scanJson } from '../domain/text';

/** A file sent with a form: what the browser said about it, and its bytes (judged by content, not by name). */
export interface UploadedFile {
  readonly filename: string;
  readonly mimetype: string;
  readonly content: Buffer;
}

function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    Buffer.isBuffer((value as { content?: unknown }).content) &&
    typeof (value as { filename?: unknown }).filename === 'string'
  );
}

/** The file of one field of a form body (undefined when none was chosen: browsers send an empty part). */
export function formFile(body: unknown, name: string): UploadedFile | undefined {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (!isUploadedFile(first) || (first.filename === '' && first.content.length === 0)) return undefined;
  return first;
}

/** Every value of a repeated text field, in order (rows of a table in a form). */
export function formTexts(body: unknown, name: string): readonly string[] {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const all = Array.isArray(value) ? (value as unknown[]) : value === undefined ? [] : [value];
  return all.map((v) => (typeof v === 'string' ? v : ''));
}

/** The text of one field of a form body ('' when absent; the first value when a field came twice). */
export function formText(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null | undefined)?.[name];
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  return typeof first === 'string' ? first : '';
}

/** A local path to go to after a form (`next`), or the fallback when it is not one (never another site). */
export function localPath(value: string, fallback: string): string {
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : fallback;
}

/**
 * The deepest a body may nest (objects and arrays). No form or API body of the product nests more than a few
 * levels, and a value nested thousands deep, which JSON.parse reads, overflows the stack of the recursive
 * writers it would meet on its way (the Temporal client's JSON): a 500 instead of a refusal.
 */
export const BODY_DEPTH_LIMIT = 32;

/**
 * Why a request cannot be read, whatever its route, or undefined: nesting deeper than {@link BODY_DEPTH_LIMIT},
 * or a NUL character in any text (URL parameters, query, body), which PostgreSQL can neither store nor compare,
 * or half of a surrogate pair on its own (JSON's `\ud800`), which would be stored as U+FFFD, not as sent.
 * Keys count as text too; files are skipped (they are judged by their content).
 */
export function unreadable(...parts: readonly unknown[]): Message | undefined {
  // The parts as one array, one level deeper than each: the limit counts from inside it.
  const scan = scanJson(parts, BODY_DEPTH_LIMIT + 1);
  const [first] = scan.unstorable;
  if (first) return { key: first.why === 'nul' ? 'web.error.nul' : 'web.error.surrogate' };
  if (scan.tooDeep) return { key: 'web.error.tooDeep', params: { max: BODY_DEPTH_LIMIT } };
  return undefined;
}
