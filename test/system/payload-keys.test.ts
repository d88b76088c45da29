/**
 * Where the codec's keys come from (system/payload-keys.ts): `PAYLOAD_KEYS`, or the embedded key file that
 * `npm start` makes once in DATA_DIR with mode 0600, which other processes only read.
 */
import { mkdtempSync, promises as fs, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bilingual } from '../../domain/messages';
import {
  embeddedPayloadKeyFile,
  ensureEmbeddedPayloadKeys,
  formatPayloadKeys,
  payloadKeysOf,
  PayloadKeysError,
} from '../../system/payload-keys';
import { loadConfig } from '../../worker/config';
import { rejectionOf } from '../support/rejection';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'payload-keys-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const embedded = (): ReturnType<typeof loadConfig> => loadConfig({ DATA_DIR: path.join(dir, 'data') });

async function refusal(run: Promise<unknown>): Promise<string> {
  return (await rejectionOf(run, PayloadKeysError)).message;
}

describe('the embedded key file', () => {
  it('is made once, mode 0600, in the form of PAYLOAD_KEYS, and read back the same by every process', async () => {
    const config = embedded();
    const file = embeddedPayloadKeyFile(config);
    expect(file).toBe(path.join(dir, 'data', 'payload-keys'));

    const first = await ensureEmbeddedPayloadKeys(config);
    expect(first.created).toBe(true);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]?.id).toMatch(/^embedded-[0-9a-f]{6}$/);
    expect(first.keys[0]?.key).toHaveLength(32);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
    expect(await fs.readFile(file, 'utf8')).toBe(`${formatPayloadKeys(first.keys)}\n`);
    // Nothing but the key file is left behind.
    expect(await fs.readdir(path.dirname(file))).toEqual(['payload-keys']);

    const second = await ensureEmbeddedPayloadKeys(config);
    expect(second).toEqual({ keys: first.keys, created: false });
    expect(await payloadKeysOf(config)).toEqual(first.keys);
  });

  it('keeps one key when several starts make it at once', async () => {
    const config = embedded();
    const results = await Promise.all(Array.from({ length: 6 }, () => ensureEmbeddedPayloadKeys(config)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => formatPayloadKeys(r.keys))).size).toBe(1);
    expect(await fs.readdir(path.join(dir, 'data'))).toEqual(['payload-keys']);
  });

  it('is never made by a process other than npm start: without it, the message says what to do', async () => {
    const config = embedded();
    const file = embeddedPayloadKeyFile(config);
    expect(await refusal(payloadKeysOf(config))).toBe(bilingual('payload.keysMissing', { file }));
    await expect(fs.stat(file)).rejects.toThrow('ENOENT');
  });

  it('is refused when others may read it', async () => {
    const config = embedded();
    await ensureEmbeddedPayloadKeys(config);
    const file = embeddedPayloadKeyFile(config);
    await fs.chmod(file, 0o644);
    expect(await refusal(payloadKeysOf(config))).toBe(
      `Tệp khóa ${file} cho người khác đọc được (quyền 644): hãy chạy \`chmod 600 ${file}\`. / ` +
        `The key file ${file} can be read by others (mode 644): run \`chmod 600 ${file}\`.`,
    );
  });

  it('is refused, without quoting it, when its content is not a key list', async () => {
    const config = embedded();
    const file = embeddedPayloadKeyFile(config);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, 'embedded-1:c2hvcnQ=\n', { mode: 0o600 });
    const message = await refusal(ensureEmbeddedPayloadKeys(config));
    expect(message).toBe(
      bilingual('payload.keyFileInvalid', {
        file,
        problem:
          'key embedded-1 must be 32 bytes encoded in base64, 44 characters ending in "=" (it decodes to 5 bytes)',
      }),
    );
    expect(message).not.toContain('c2hvcnQ=');
  });
});

describe('PAYLOAD_KEYS', () => {
  it('wins over the key file, which is then neither read nor made', async () => {
    const key = Buffer.alloc(32, 5).toString('base64');
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), PAYLOAD_KEYS: `k5:${key}` });
    expect(await ensureEmbeddedPayloadKeys(config)).toEqual({ keys: config.payloadKeys, created: false });
    expect(await payloadKeysOf(config)).toBe(config.payloadKeys);
    expect(formatPayloadKeys(await payloadKeysOf(config))).toBe(`k5:${key}`);
    await expect(fs.stat(path.join(dir, 'data'))).rejects.toThrow('ENOENT');
  });
});
