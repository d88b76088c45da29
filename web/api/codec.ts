/**
 * The codec endpoint of the Temporal web UI (`--ui-codec-endpoint …/api/v1/codec`): the UI posts the payloads it
 * shows to `…/decode` (and what a user types to `…/encode`), and an administrator signed in to the dashboard
 * sees them in clear. Only administrators: anyone else gets 401 or 403 and the UI shows ciphertext. Browsers
 * may call it only from the Temporal UI's origin (CORS with credentials, so the session cookie goes along). The
 * CSRF token is not asked for (web/server.ts): the endpoint changes nothing, it only transforms what it is sent.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  PayloadCodecError,
  PayloadJsonError,
  decodePayloads,
  encodePayloads,
} from '../../system/payload-codec';
import { requirePermission } from '../auth/access';
import type { WebApp } from '../context';
import type { RouteDeps } from '../deps';
import { HttpError } from '../errors';

/** The URL prefix of the codec endpoint; the CSRF check skips it. */
export const CODEC_PREFIX = '/api/v1/codec/';

/** The CORS answer for the Temporal UI's origin; another origin gets none, so its browser blocks the reply. */
function allowUiOrigin(deps: RouteDeps, request: FastifyRequest, reply: FastifyReply): void {
  const uiOrigin = new URL(deps.temporalUiUrl).origin;
  if (request.headers.origin !== uiOrigin) return;
  void reply
    .header('access-control-allow-origin', uiOrigin)
    .header('access-control-allow-credentials', 'true')
    .header('vary', 'Origin');
}

/** Registers `OPTIONS` (the preflight) and `POST` of `/api/v1/codec/decode` and `/encode`. */
export function registerCodecApi(app: WebApp, deps: RouteDeps): void {
  for (const op of ['decode', 'encode'] as const) {
    const url = `${CODEC_PREFIX}${op}`;
    app.options(url, { schema: { hide: true } }, async (request, reply) => {
      allowUiOrigin(deps, request, reply);
      return reply
        .header('access-control-allow-methods', 'POST')
        .header('access-control-allow-headers', 'content-type, x-namespace')
        .header('access-control-max-age', '600')
        .code(204)
        .send();
    });
    app.post(
      url,
      {
        schema: {
          tags: ['codec'],
          summary: `The Temporal web UI's codec: ${op} payloads (administrators only)`,
        },
        // Also on the 401 and 403 of the access check, so the UI can tell the user to sign in.
        onSend: (request, reply, payload, done) => {
          allowUiOrigin(deps, request, reply);
          done(null, payload);
        },
      },
      async (request) => {
        requirePermission(request, 'administer');
        if (!deps.payloadCodec)
          throw new HttpError(503, 'unavailable', { key: 'web.error.codecUnavailable' });
        const codec = await deps.payloadCodec();
        try {
          return await (op === 'decode' ? decodePayloads : encodePayloads)(codec, request.body);
        } catch (error) {
          if (error instanceof PayloadJsonError || error instanceof PayloadCodecError) {
            throw new HttpError(400, 'invalid_input', {
              key: 'web.error.codec',
              params: { problem: error.message },
            });
          }
          throw error;
        }
      },
    );
  }
}
