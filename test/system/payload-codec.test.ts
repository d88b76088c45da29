/**
 * The payload codec (system/payload-codec.ts): AES-256-GCM with a key ID in each payload, a fresh IV each time,
 * the tag checked, rotation over several keys, payloads in clear passed through; and the JSON form the Temporal
 * web UI's codec requests use.
 */
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { bilingual } from '../../domain/messages';
import {
  AesGcmPayloadCodec,
  decodePayloads,
  encodePayloads,
  PayloadCodecError,
  PayloadJsonError,
  payloadToJson,
} from '../../system/payload-codec';
import { rejectionOf } from '../support/rejection';

const key = (fill: number): Uint8Array => Buffer.alloc(32, fill);
const k1 = { id: 'k1', key: key(1) };
const k2 = { id: 'k2', key: key(2) };
const NAMES = ['Hồ Thị Lan', 'Y Bhiông Niê'];

const entry = (): Payload => defaultPayloadConverter.toPayload({ beneficiaries: NAMES, households: 2 });
const meta = (p: Payload, name: string): string | undefined => {
  const value = p.metadata?.[name];
  return value ? Buffer.from(value).toString('utf8') : undefined;
};

async function one(codec: AesGcmPayloadCodec, payload: Payload, how: 'encode' | 'decode'): Promise<Payload> {
  const [out] = await codec[how]([payload]);
  if (!out) throw new Error(`${how} returned nothing`);
  return out;
}

/** A copy of `payload` with one byte of its data flipped at `index` (negative: from the end). */
function flipped(payload: Payload, index: number): Payload {
  const data = Buffer.from(payload.data ?? []);
  const at = index < 0 ? data.length + index : index;
  data[at] = (data[at] ?? 0) ^ 0x01;
  return { ...payload, data };
}

async function failure(run: Promise<unknown>): Promise<PayloadCodecError> {
  const error = await rejectionOf(run, PayloadCodecError);
  expect(error.message).not.toMatch(/Hồ Thị Lan|beneficiaries/);
  return error;
}

describe('AesGcmPayloadCodec', () => {
  const codec = new AesGcmPayloadCodec([k1]);

  it('encrypts a payload under the current key ID and decrypts it to the same payload', async () => {
    const plain = entry();
    const sealed = await one(codec, plain, 'encode');
    expect(meta(sealed, METADATA_ENCODING_KEY)).toBe('binary/encrypted');
    expect(meta(sealed, 'encryption-key-id')).toBe('k1');
    expect(Object.keys(sealed.metadata ?? {}).sort()).toEqual(['encoding', 'encryption-key-id']);
    // IV, ciphertext of the whole payload (metadata included), tag.
    expect(sealed.data?.length).toBe(12 + temporal.api.common.v1.Payload.encode(plain).finish().length + 16);
    expect(Buffer.from(sealed.data ?? []).toString('utf8')).not.toContain('Hồ Thị Lan');
    expect(Buffer.from(sealed.data ?? []).toString('utf8')).not.toContain('json/plain');

    const opened = await one(codec, sealed, 'decode');
    expect(meta(opened, METADATA_ENCODING_KEY)).toBe('json/plain');
    expect(Buffer.from(opened.data ?? []).equals(Buffer.from(plain.data ?? []))).toBe(true);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual({ beneficiaries: NAMES, households: 2 });
  });

  it('keeps every payload of a list in its place', async () => {
    const list = [1, 'hai', null, { ba: 3 }].map((v) => defaultPayloadConverter.toPayload(v));
    const opened = await codec.decode(await codec.encode(list));
    expect(opened.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([1, 'hai', null, { ba: 3 }]);
  });

  it('draws a new 12-byte IV for every payload', async () => {
    const [a, b] = await codec.encode([entry(), entry()]);
    const again = await one(codec, entry(), 'encode');
    const ivs = [a, b, again].map((p) =>
      Buffer.from(p?.data ?? [])
        .subarray(0, 12)
        .toString('hex'),
    );
    expect(new Set(ivs).size).toBe(3);
    expect(Buffer.from(a?.data ?? []).equals(Buffer.from(b?.data ?? []))).toBe(false);
  });

  it('refuses a payload whose ciphertext, tag or IV was changed, naming the key ID', async () => {
    const sealed = await one(codec, entry(), 'encode');
    const expected = bilingual('payload.tampered', { keyId: 'k1' });
    for (const index of [20, -1, 0]) {
      const error = await failure(codec.decode([flipped(sealed, index)]));
      expect(error.message).toBe(expected);
      expect(error.keyId).toBe('k1');
    }
    // Too short to hold an IV and a tag.
    const cut = { ...sealed, data: Buffer.from(sealed.data ?? []).subarray(0, 27) };
    expect((await failure(codec.decode([cut]))).message).toBe(expected);
  });

  it('refuses a payload relabelled with another configured key ID', async () => {
    const sealed = await one(codec, entry(), 'encode');
    const both = new AesGcmPayloadCodec([k2, k1]);
    const relabelled = {
      ...sealed,
      metadata: { ...sealed.metadata, 'encryption-key-id': Buffer.from('k2') },
    };
    expect((await failure(both.decode([relabelled]))).message).toBe(
      bilingual('payload.tampered', { keyId: 'k2' }),
    );
  });

  it('rotates: once k2 is current and k1 listed as old, payloads of k1 still decrypt and new ones use k2', async () => {
    const before = await one(new AesGcmPayloadCodec([k1]), entry(), 'encode');
    const rotated = new AesGcmPayloadCodec([k2, k1]);
    expect(rotated.currentKeyId).toBe('k2');
    expect(defaultPayloadConverter.fromPayload(await one(rotated, before, 'decode'))).toEqual({
      beneficiaries: NAMES,
      households: 2,
    });
    const after = await one(rotated, entry(), 'encode');
    expect(meta(after, 'encryption-key-id')).toBe('k2');
    // A process not yet given k2 cannot open what the rotated ones write: the message says which key to add.
    const error = await failure(new AesGcmPayloadCodec([k1]).decode([after]));
    expect(error.message).toBe(bilingual('payload.unknownKey', { keyId: 'k2', known: 'k1' }));
    expect(error.message).toBe(
      'Không giải mã được dữ liệu Temporal: dữ liệu được mã hóa bằng khóa «k2», khóa này không có trong các khóa đã cấu hình (k1). Hãy thêm lại khóa cũ «k2» vào cuối PAYLOAD_KEYS. / ' +
        'Cannot decrypt a Temporal payload: it was encrypted with key "k2", which is not among the configured keys (k1). Add the old key "k2" back at the end of PAYLOAD_KEYS.',
    );
    expect(error.keyId).toBe('k2');
  });

  it('refuses a payload encrypted with a key that was dropped, naming its ID', async () => {
    const old = await one(new AesGcmPayloadCodec([k1]), entry(), 'encode');
    const error = await failure(new AesGcmPayloadCodec([k2]).decode([old]));
    expect(error.message).toBe(bilingual('payload.unknownKey', { keyId: 'k1', known: 'k2' }));
  });

  it('refuses an encrypted payload that names no key', async () => {
    const sealed = await one(codec, entry(), 'encode');
    const nameless = { ...sealed, metadata: { encoding: Buffer.from('binary/encrypted') } };
    const error = await failure(codec.decode([nameless]));
    expect(error.message).toBe(bilingual('payload.noKeyId', { metadata: 'encryption-key-id' }));
    expect(error.keyId).toBeUndefined();
  });

  it('passes payloads that are not encrypted through unchanged (histories from before encryption)', async () => {
    const plain = [
      entry(),
      defaultPayloadConverter.toPayload(undefined),
      defaultPayloadConverter.toPayload(new Uint8Array([1, 2])),
    ];
    const out = await codec.decode(plain);
    expect(out).toHaveLength(3);
    out.forEach((p, i) => expect(p).toBe(plain[i]));
  });

  it('needs at least one key of 32 bytes', () => {
    expect(() => new AesGcmPayloadCodec([])).toThrow('AesGcmPayloadCodec needs at least one key');
    expect(() => new AesGcmPayloadCodec([{ id: 'short', key: Buffer.alloc(16) }])).toThrow(
      'payload key short must be 32 bytes',
    );
  });
});

describe('the JSON form of the web UI codec requests', () => {
  const codec = new AesGcmPayloadCodec([k2, k1]);
  const body = {
    payloads: [payloadToJson(entry()), payloadToJson(defaultPayloadConverter.toPayload('xin chào'))],
  };

  it('encodes and decodes { payloads: [...] } with base64 metadata and data', async () => {
    const encoded = await encodePayloads(codec, body);
    expect(encoded.payloads).toHaveLength(2);
    for (const p of encoded.payloads) {
      expect(Buffer.from(p.metadata?.encoding ?? '', 'base64').toString()).toBe('binary/encrypted');
      expect(Buffer.from(p.metadata?.['encryption-key-id'] ?? '', 'base64').toString()).toBe('k2');
      expect(Buffer.from(p.data ?? '', 'base64').toString()).not.toContain('Hồ Thị Lan');
    }
    expect(await decodePayloads(codec, JSON.parse(JSON.stringify(encoded)))).toEqual(body);
  });

  it('decodes payloads in clear as they are', async () => {
    expect(await decodePayloads(codec, body)).toEqual(body);
  });

  it('refuses a body of another shape with a clear message', async () => {
    const refused = async (value: unknown): Promise<string> =>
      (await rejectionOf(decodePayloads(codec, value), PayloadJsonError)).problem;
    expect(await refused({})).toBe('payloads Invalid input: expected array, received undefined');
    expect(await refused({ payloads: [{ data: 'không phải base64!' }] })).toBe(
      'payloads.0.data must be base64',
    );
    expect(await refused({ payloads: [{ metadata: { encoding: 7 } }] })).toBe(
      'payloads.0.metadata.encoding Invalid input: expected string, received number',
    );
  });

  it('says which key is missing when the UI sends a payload no key opens', async () => {
    const [sealed] = await new AesGcmPayloadCodec([{ id: 'k0', key: key(9) }]).encode([entry()]);
    if (!sealed) throw new Error('nothing encoded');
    await expect(decodePayloads(codec, { payloads: [payloadToJson(sealed)] })).rejects.toThrow(
      bilingual('payload.unknownKey', { keyId: 'k0', known: 'k2, k1' }),
    );
  });
});
