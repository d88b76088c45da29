/**
 * Reading the messages the embedded SMTP catcher kept under `<DATA_DIR>/outbox` (one `.eml` file each), for
 * the Outbox page and `twinning mail outbox`. Parsed with mailparser, newest first.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';

/** One kept message, as listed. */
export interface OutboxEntry {
  /** The file name without `.eml` (six digits): the message's ID in URLs. */
  readonly id: string;
  readonly date: Date | undefined;
  readonly to: string;
  readonly cc: string;
  readonly subject: string;
  readonly messageId: string;
  readonly attachments: readonly string[];
}

/** One kept message with its bodies. */
export interface OutboxMessage extends OutboxEntry {
  readonly text: string;
  readonly html: string | undefined;
}

/** The outbox directory of a data directory. */
export function outboxDir(dataDir: string): string {
  return path.resolve(dataDir, 'outbox');
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

async function parse(dir: string, file: string): Promise<OutboxMessage> {
  const parsed = await simpleParser(await fs.readFile(path.join(dir, file)));
  return {
    id: file.replace(/\.eml$/, ''),
    date: parsed.date,
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    subject: parsed.subject ?? '',
    messageId: parsed.messageId ?? '',
    attachments: parsed.attachments.map((a) => a.filename ?? ''),
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : undefined,
  };
}

/** The newest `limit` messages of `dir` (none when the directory does not exist). */
export async function listOutbox(dir: string, limit = 100): Promise<OutboxEntry[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => /^\d+\.eml$/.test(f));
  } catch {
    return [];
  }
  const newest = files.sort().reverse().slice(0, limit);
  const parsed = await Promise.all(newest.map((f) => parse(dir, f)));
  return parsed.map(({ text: _text, html: _html, ...entry }) => entry);
}

/** One message by its ID, or undefined (IDs are digits only, so no path can escape the directory). */
export async function readOutboxMessage(dir: string, id: string): Promise<OutboxMessage | undefined> {
  if (!/^\d{1,12}$/.test(id)) return undefined;
  try {
    return await parse(dir, `${id}.eml`);
  } catch {
    return undefined;
  }
}
