/**
 * One error format for the whole web server. The API answers `{ "error": { "code", "message" } }` with the
 * message in the reader's language; pages show the same message on an error page (or, for 401, send the reader
 * to the sign-in page). Bad input never becomes a 500: malformed JSON, an oversize body, a content type the
 * server does not read, a body that fails its zod schema, a missing CSRF token each get their own status.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable';
import { catalogue, t, type Lang, type Message, type MessageKey } from '../domain/messages';
import type { Refusal } from '../services/cycle-commands';
import type { UserRefusal } from '../services/users';
import { textOf } from './i18n';
import type { WebApp } from './context';

/** The `code` of an error answer. */
export type ErrorCode =
  | 'invalid_input'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'rate_limited'
  | 'locked'
  | 'unavailable'
  | 'internal';

/** An error with its HTTP status, code and catalogue message; throw it from a handler or a hook. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly text: Message,
  ) {
    super(`${code}: ${t(text.key, text.params ?? {}, 'en')}`);
    this.name = 'HttpError';
  }
}

/** 404: unknown, or outside the reader's scope (the two are never told apart). */
export function notFound(): HttpError {
  return new HttpError(404, 'not_found', { key: 'web.error.not_found' });
}

/** 401: the route needs a signed-in user. */
export function unauthorized(): HttpError {
  return new HttpError(401, 'unauthorized', { key: 'web.error.unauthorized' });
}

/** 403: the signed-in user may not do this. */
export function forbidden(): HttpError {
  return new HttpError(403, 'forbidden', { key: 'web.error.forbidden' });
}

/** 400 with a catalogue message (a form or body the handler checked itself). */
export function invalidInput(message: Message): HttpError {
  return new HttpError(400, 'invalid_input', message);
}

/**
 * 400 when a route that reads no body is sent one (JSON `null` included): the client's fields would otherwise be
 * ignored in silence while the route does its work.
 */
export function refuseBody(request: FastifyRequest): void {
  if (request.body !== undefined) throw new HttpError(400, 'invalid_input', { key: 'web.error.noBody' });
}

/**
 * The HTTP form of a workflow's refusal (`CycleCommands`' result): bad data is 400, an unknown cycle or unit
 * 404, a refusal of the workflow's rules (wrong phase, wrong party, already rated…) 409.
 */
export function refusalError(refusal: Refusal): HttpError {
  if (refusal.type === 'InvalidPayload') return new HttpError(400, 'invalid_input', refusal.message);
  if (refusal.type === 'NotFound') return new HttpError(404, 'not_found', refusal.message);
  return new HttpError(409, 'refused', refusal.message);
}

/** The HTTP form of an account operation's refusal (`services/users.ts`). */
export function userRefusalError(refusal: UserRefusal): HttpError {
  switch (refusal.kind) {
    case 'invalid':
      return new HttpError(400, 'invalid_input', refusal.message);
    case 'notFound':
      return new HttpError(404, 'not_found', refusal.message);
    default:
      return new HttpError(409, 'conflict', refusal.message);
  }
}

/** The body of an API error. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/** Whether a request is one of the API's (JSON errors) rather than a page's (HTML errors). */
export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/healthz';
}

function isCatalogueKey(text: string): text is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, text);
}

interface ValidationItem {
  readonly instancePath?: string;
  readonly keyword?: string;
  readonly message?: string;
  readonly params?: { readonly keys?: readonly string[]; readonly maximum?: unknown };
}

/**
 * The message of a failed schema: each problem as «field»: what is wrong. A zod schema whose error is a
 * catalogue key (as `domain/cycle/schemas.ts` writes them) is told in that key's words.
 */
function validationText(items: readonly ValidationItem[], context: string | undefined, lang: Lang): string {
  const parts = items.slice(0, 5).map((item) => {
    const field = (item.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.') || (context ?? 'body');
    const message = item.message ?? '';
    let problem: string;
    if (item.keyword === 'unrecognized_keys') {
      return t(
        'web.error.field',
        { field: (item.params?.keys ?? []).join(', '), problem: t('web.error.fieldUnknown', {}, lang) },
        lang,
      );
    } else if (isCatalogueKey(message)) {
      const max = item.params?.maximum;
      problem = t(message, { field, ...(typeof max === 'number' ? { max } : {}) }, lang);
    } else if (item.keyword === 'invalid_type' && /received undefined/.test(message)) {
      problem = t('web.error.fieldRequired', {}, lang);
    } else {
      problem = t('web.error.fieldInvalid', {}, lang);
    }
    return t('web.error.field', { field, problem }, lang);
  });
  return t('web.error.invalid_input', { details: parts.join('; ') }, lang);
}

/** An error of any origin as status, code and message in the reader's language. */
export function describeError(
  error: FastifyError & { validation?: readonly ValidationItem[]; validationContext?: string },
  lang: Lang,
  bodyLimit: number,
  request: FastifyRequest,
  uploadLimit = bodyLimit,
): { status: number; code: ErrorCode; message: string } {
  if (error instanceof HttpError)
    return { status: error.statusCode, code: error.code, message: textOf(error.text, lang) };
  // The database restarting is not the request's fault and loses nothing: ask to send it again shortly.
  if (isDatabaseUnavailable(error))
    return { status: 503, code: 'unavailable', message: t('web.error.databaseUnavailable', {}, lang) };
  if (error.validation)
    return {
      status: 400,
      code: 'invalid_input',
      message: validationText(error.validation, error.validationContext, lang),
    };
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'malformed_json', message: t('web.error.malformed_json', {}, lang) };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        message: t('web.error.payload_too_large', { limit: bodyLimit }, lang),
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: t('web.error.unsupported_media_type', { type: request.headers['content-type'] ?? '' }, lang),
      };
    case 'FST_REQ_FILE_TOO_LARGE':
      return {
        status: 413,
        code: 'payload_too_large',
        message: t('web.error.file_too_large', { megabytes: uploadLimit / (1024 * 1024) }, lang),
      };
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return { status: 413, code: 'payload_too_large', message: t('web.error.too_many_parts', {}, lang) };
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return { status: 400, code: 'invalid_input', message: t('web.error.malformed_form', {}, lang) };
    case 'FST_CSRF_MISSING_SECRET':
    case 'FST_CSRF_INVALID_TOKEN':
      return { status: 403, code: 'csrf', message: t('web.error.csrf', {}, lang) };
    default:
      break;
  }
  // Other client errors of Fastify's own (a bad content length, a malformed URL…) keep their 4xx.
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return {
      status,
      code: 'invalid_input',
      message: t('web.error.invalid_input', { details: error.message }, lang),
    };
  return { status: 500, code: 'internal', message: t('web.error.internal', {}, lang) };
}

/** Renders an error page (the layout lives in the views; the handler only passes the text). */
export type ErrorPageRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: { status: number; message: string },
) => Promise<string> | string;

/** Installs the error and not-found handlers. */
export function installErrorHandlers(
  app: WebApp,
  options: { bodyLimit: number; uploadLimit?: number; renderPage: ErrorPageRenderer },
): void {
  const answer = async (
    request: FastifyRequest,
    reply: FastifyReply,
    described: { status: number; code: ErrorCode; message: string },
  ): Promise<FastifyReply> => {
    const lang = request.lang ?? 'vi';
    if (described.status === 429)
      void reply.header('retry-after', String(reply.getHeader('retry-after') ?? 60));
    if (isApiRequest(request)) {
      const body: ErrorBody = { error: { code: described.code, message: described.message } };
      return reply.code(described.status).type('application/json; charset=utf-8').send(body);
    }
    if (described.status === 401 && request.method === 'GET') {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/sign-in?next=${next}&lang=${lang}`, 303);
    }
    const page = await options.renderPage(request, reply, described);
    return reply.code(described.status).type('text/html; charset=utf-8').send(page);
  };

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const described = describeError(
      error,
      request.lang ?? 'vi',
      options.bodyLimit,
      request,
      options.uploadLimit,
    );
    // Only failures are logged, by route pattern and never by URL (links carry tokens); a part that is down
    // for the moment (503) in one line, an unexpected failure with its stack.
    const route = `${request.method} ${request.routeOptions.url ?? '?'}`;
    if (described.status === 500) console.error(`web: ${route}: ${error.stack ?? error.message}`);
    else if (described.status > 500) console.error(`web: ${route}: ${described.status} ${described.code}`);
    return answer(request, reply, described);
  });

  app.setNotFoundHandler(async (request, reply) =>
    answer(request, reply, {
      status: 404,
      code: 'not_found',
      message: t('web.error.not_found', {}, request.lang ?? 'vi'),
    }),
  );
}
