/**
 * Where the payload codec's keys come from: `PAYLOAD_KEYS` when it is set (required with an external Temporal
 * server), otherwise, for the embedded dev server only, the key file `<DATA_DIR>/payload-keys` that `npm start`
 * generates once (mode 0600, in the form of `PAYLOAD_KEYS`). Other processes only read that file: a CLI run
 * from another folder must fail clearly, not encrypt with a key of its own that the worker cannot open.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { bilingual } from '../domain/messages';
import { parsePayloadKeys, type AppConfig } from '../worker/config';
import type { PayloadKey } from './payload-codec';

/** File name of the embedded key file in `DATA_DIR`. */
export const PAYLOAD_KEY_FILE = 'payload-keys';

/** No key is configured and the embedded key file is missing or unusable. */
export class PayloadKeysError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayloadKeysError';
  }
}

/** The path of the embedded key file. */
export function embeddedPayloadKeyFile(config: Pick<AppConfig, 'embedded'>): string {
  return path.resolve(config.embedded.dataDir, PAYLOAD_KEY_FILE);
}

/** Keys in the form of `PAYLOAD_KEYS` (`id:base64key,…`), e.g. for a child process's environment. */
export function formatPayloadKeys(keys: readonly PayloadKey[]): string {
  return keys.map((k) => `${k.id}:${Buffer.from(k.key).toString('base64')}`).join(',');
}

/** A fresh random key under a fresh ID `<prefix>-<6 hex digits>`. */
export function generatePayloadKey(prefix: string): PayloadKey {
  return { id: `${prefix}-${randomBytes(3).toString('hex')}`, key: randomBytes(32) };
}

async function readKeyFile(file: string): Promise<PayloadKey[]> {
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) {
    throw new PayloadKeysError(
      bilingual('payload.keyFileOpen', { file, mode: (stat.mode & 0o777).toString(8).padStart(3, '0') }),
    );
  }
  const parsed = parsePayloadKeys((await fs.readFile(file, 'utf8')).trim());
  if (!parsed.ok) {
    throw new PayloadKeysError(
      bilingual('payload.keyFileInvalid', { file, problem: parsed.problems.join('; ') }),
    );
  }
  return parsed.keys;
}

/**
 * The keys of this process: `PAYLOAD_KEYS`, or else the embedded key file (which must exist: only `npm start`
 * creates it, see {@link ensureEmbeddedPayloadKeys}).
 */
export async function payloadKeysOf(
  config: Pick<AppConfig, 'payloadKeys' | 'embedded'>,
): Promise<readonly PayloadKey[]> {
  if (config.payloadKeys) return config.payloadKeys;
  const file = embeddedPayloadKeyFile(config);
  try {
    return await readKeyFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new PayloadKeysError(bilingual('payload.keysMissing', { file }));
    }
    throw error;
  }
}

/**
 * For `npm start` on the embedded Temporal server: the keys of `PAYLOAD_KEYS` if set, else those of the key
 * file, created with one new key when it does not exist yet. Says whether it created the file.
 */
export async function ensureEmbeddedPayloadKeys(
  config: Pick<AppConfig, 'payloadKeys' | 'embedded'>,
): Promise<{ keys: readonly PayloadKey[]; created: boolean }> {
  if (config.payloadKeys) return { keys: config.payloadKeys, created: false };
  const file = embeddedPayloadKeyFile(config);
  try {
    return { keys: await readKeyFile(file), created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  const keys = [generatePayloadKey('embedded')];
  // Written whole under a temporary name and linked into place: link() fails if the file exists, so two
  // starts at once keep one key, and no reader ever sees half a file.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temporary, `${formatPayloadKeys(keys)}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temporary, file);
    return { keys, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { keys: await readKeyFile(file), created: false };
  } finally {
    await fs.unlink(temporary);
  }
}
