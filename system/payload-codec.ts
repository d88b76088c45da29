/**
 * The Temporal payload codec of the product: every payload a client or worker sends (workflow and activity
 * inputs and results, Update arguments, query results, failure details, memo) is encrypted with AES-256-GCM
 * before it reaches the Temporal server, so the server's history holds the households' names only as
 * ciphertext. Codecs run outside the workflow sandbox: workflow code is unchanged.
 *
 * An encoded payload has the metadata `encoding: binary/encrypted` and `encryption-key-id: <id>`, and as data
 * a random 12-byte IV, the ciphertext of the whole original payload (protobuf, metadata included) and the
 * 16-byte authentication tag (the layout of Temporal's TypeScript encryption sample). Several keys can be
 * configured for rotation: the first encrypts, every one decrypts the payloads that name its ID. Payloads
 * that are not encrypted (histories recorded before encryption) decode unchanged.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { z } from 'zod';
import { bilingual } from '../domain/messages';

/** The `encoding` metadata of an encrypted payload. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
/** The metadata entry naming the key that encrypted a payload. */
export const KEY_ID_METADATA = 'encryption-key-id';

const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/** One key of the codec: its ID (kept in each payload it encrypts) and its 32 bytes. */
export interface PayloadKey {
  readonly id: string;
  readonly key: Uint8Array;
}

/** A payload that cannot be decrypted; the message names the key ID, never the content. */
export class PayloadCodecError extends Error {
  constructor(
    message: string,
    /** The key ID the payload names, when it names one. */
    readonly keyId: string | undefined,
  ) {
    super(message);
    this.name = 'PayloadCodecError';
  }
}

const text = (bytes: Uint8Array | null | undefined): string | undefined =>
  bytes ? Buffer.from(bytes).toString('utf8') : undefined;

/** AES-256-GCM codec over a list of keys, the first of which encrypts. */
export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly keys: ReadonlyMap<string, Uint8Array>;

  constructor(keys: readonly PayloadKey[]) {
    const [current] = keys;
    if (!current) throw new Error('AesGcmPayloadCodec needs at least one key');
    for (const k of keys) {
      // A programming error (config.ts validates what operators write), so the message is for developers.
      if (k.key.length !== KEY_BYTES) throw new Error(`payload key ${k.id} must be ${KEY_BYTES} bytes`);
    }
    this.current = current;
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The ID of the key that encrypts. */
  get currentKeyId(): string {
    return this.current.id;
  }

  /** Encrypts every payload with the current key. */
  encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.resolve(payloads.map((p) => this.encrypt(p)));
  }

  /** Decrypts every encrypted payload; the others are returned unchanged. */
  decode(payloads: Payload[]): Promise<Payload[]> {
    // A refused payload is a rejection, never a synchronous throw, whatever the caller awaits.
    try {
      return Promise.resolve(payloads.map((p) => this.decrypt(p)));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(CIPHER, this.current.key, iv);
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: Buffer.from(this.current.id),
      },
      data: sealed,
    };
  }

  private decrypt(payload: Payload): Payload {
    if (text(payload.metadata?.[METADATA_ENCODING_KEY]) !== ENCRYPTED_ENCODING) return payload;
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    if (keyId === undefined) {
      throw new PayloadCodecError(bilingual('payload.noKeyId', { metadata: KEY_ID_METADATA }), undefined);
    }
    const key = this.keys.get(keyId);
    if (!key) {
      throw new PayloadCodecError(
        bilingual('payload.unknownKey', { keyId, known: [...this.keys.keys()].join(', ') }),
        keyId,
      );
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) {
      throw new PayloadCodecError(bilingual('payload.tampered', { keyId }), keyId);
    }
    // A fixed tag length: a shortened tag must not be accepted as a weaker one.
    const decipher = createDecipheriv(CIPHER, key, data.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      // final() throws when the tag does not match: the bytes were changed, or this is not the key that sealed them.
      throw new PayloadCodecError(bilingual('payload.tampered', { keyId }), keyId);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

/** The data converter option of every client and worker of the product: one codec over `keys`. */
export function payloadDataConverter(keys: readonly PayloadKey[]): { payloadCodecs: PayloadCodec[] } {
  return { payloadCodecs: [new AesGcmPayloadCodec(keys)] };
}

/** A payload as JSON (the Temporal web UI's codec requests): metadata values and data in base64. */
export interface JsonPayload {
  readonly metadata?: Readonly<Record<string, string>>;
  readonly data?: string;
}

/** The body of a codec request or answer: `{ payloads: [...] }`. */
export interface JsonPayloads {
  readonly payloads: readonly JsonPayload[];
}

/** A codec request body that is not `{ payloads: [{ metadata?, data? }…] }` with base64 strings. */
export class PayloadJsonError extends Error {
  constructor(readonly problem: string) {
    super(bilingual('payload.json.invalid', { problem }));
    this.name = 'PayloadJsonError';
  }
}

const base64 = z.string().regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'must be base64');
const jsonPayloadsSchema = z.object({
  payloads: z.array(
    z.object({ metadata: z.record(z.string(), base64).optional(), data: base64.optional() }).loose(),
  ),
});

/** A JSON payload as the SDK's payload. */
export function payloadFromJson(json: JsonPayload): Payload {
  return {
    metadata: Object.fromEntries(
      Object.entries(json.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
    ),
    ...(json.data !== undefined ? { data: Buffer.from(json.data, 'base64') } : {}),
  };
}

/** The SDK's payload as JSON. */
export function payloadToJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(
      Object.entries(payload.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
    ),
    ...(payload.data ? { data: Buffer.from(payload.data).toString('base64') } : {}),
  };
}

async function transcode(
  body: unknown,
  run: (payloads: Payload[]) => Promise<Payload[]>,
): Promise<JsonPayloads> {
  const parsed = jsonPayloadsSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new PayloadJsonError(`${issue?.path.join('.') || 'body'} ${issue?.message ?? 'is invalid'}`);
  }
  const out = await run(parsed.data.payloads.map(payloadFromJson));
  return { payloads: out.map(payloadToJson) };
}

/**
 * Decodes a codec request of the Temporal web UI (`POST …/decode`, body `{ payloads: [...] }`); for the web
 * server's codec endpoint. Throws {@link PayloadJsonError} on a malformed body and {@link PayloadCodecError}
 * on a payload no configured key opens.
 */
export function decodePayloads(codec: PayloadCodec, body: unknown): Promise<JsonPayloads> {
  return transcode(body, (p) => codec.decode(p));
}

/** Encodes a codec request of the Temporal web UI (`POST …/encode`); see {@link decodePayloads}. */
export function encodePayloads(codec: PayloadCodec, body: unknown): Promise<JsonPayloads> {
  return transcode(body, (p) => codec.encode(p));
}
