/**
 * Payloads of a workflow history as the server keeps it (the JSON of `historyToJSON`): every object with a
 * `metadata.encoding` is a payload. For the encryption tests and for recording histories in clear.
 */
import { METADATA_ENCODING_KEY, type PayloadCodec } from '@temporalio/common';
import { payloadFromJson, payloadToJson, type JsonPayload } from '../../system/payload-codec';

function isPayload(value: unknown): value is JsonPayload {
  const metadata = (value as { metadata?: unknown } | null)?.metadata;
  return typeof metadata === 'object' && metadata !== null && METADATA_ENCODING_KEY in metadata;
}

/** Every payload in `json` with its path (`events.4.markerRecordedEventAttributes…`), in document order. */
export function payloadEntries(json: unknown, at = ''): Array<{ path: string; payload: JsonPayload }> {
  if (isPayload(json)) return [{ path: at, payload: json }];
  if (typeof json !== 'object' || json === null) return [];
  return Object.entries(json).flatMap(([k, v]) => payloadEntries(v, at === '' ? k : `${at}.${k}`));
}

/** Every payload in `json`, in document order. */
export function payloadsIn(json: unknown): JsonPayload[] {
  return payloadEntries(json).map((e) => e.payload);
}

/** The `encoding` of a payload, in clear. */
export function encodingOf(payload: JsonPayload): string {
  return Buffer.from(payload.metadata?.[METADATA_ENCODING_KEY] ?? '', 'base64').toString('utf8');
}

/** A payload's data as text (UTF-8). */
export function dataText(payload: JsonPayload): string {
  return Buffer.from(payload.data ?? '', 'base64').toString('utf8');
}

/** A copy of `json` with every payload decoded by `codecs`, the last one first (as the SDK decodes). */
export async function decodePayloadsIn(json: unknown, codecs: readonly PayloadCodec[]): Promise<unknown> {
  if (isPayload(json)) {
    let payload = payloadFromJson(json);
    for (const codec of [...codecs].reverse()) {
      const [decoded] = await codec.decode([payload]);
      if (!decoded) throw new Error('a codec returned no payload');
      payload = decoded;
    }
    return payloadToJson(payload);
  }
  if (Array.isArray(json)) return Promise.all(json.map((v) => decodePayloadsIn(v, codecs)));
  if (typeof json !== 'object' || json === null) return json;
  const entries = await Promise.all(
    Object.entries(json).map(async ([k, v]) => [k, await decodePayloadsIn(v, codecs)] as const),
  );
  return Object.fromEntries(entries);
}
