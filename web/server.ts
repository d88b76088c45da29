/**
 * The web server (Fastify): pages (`web/routes/`), the JSON API under `/api/v1` (`web/api/`) and its OpenAPI
 * document at `/api/docs`. `buildWebServer` registers, in this order: body parsers, security headers
 * (helmet, strict CSP), cookies, server-side sessions in PostgreSQL, CSRF protection, rate limiting, the
 * reader's language and who is asking (`web/auth/access.ts`, enforcing `web/routes/policy.ts`), the error
 * handlers, the static assets, the OpenAPI document, then the route modules. docs/web.md describes the
 * conventions.
 */
import path from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import session from '@fastify/session';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerActionApi } from './api/actions';
import { registerAdminActionApi } from './api/admin-actions';
import { registerCalendarApi } from './api/calendar';
import { CODEC_PREFIX, registerCodecApi } from './api/codec';
import { registerDashboardApi } from './api/dashboard';
import { registerPairApi } from './api/pairs';
import { registerRosterApi } from './api/roster';
import { registerSessionApi } from './api/session';
import { registerSubmissionApi } from './api/submissions';
import { registerUserApi } from './api/users';
import { registerYearEndApi } from './api/year-end';
import { installAccess } from './auth/access';
import { PrismaSessionStore } from './auth/session-store';
import type { WebApp } from './context';
import type { RouteDeps, WebDeps } from './deps';
import { HttpError, installErrorHandlers } from './errors';
import { applyLang } from './i18n';
import { unreadable, type UploadedFile } from './forms';
import { errorPage } from './render';
import { registerAdminActionRoutes } from './routes/admin-actions';
import { registerAuthRoutes } from './routes/auth';
import { registerCalendarRoutes } from './routes/calendar';
import { registerCycleRoutes } from './routes/cycles';
import { registerHomeRoutes } from './routes/home';
import { registerSubmissionRoutes } from './routes/submissions';
import { registerRosterRoutes } from './routes/roster';
import { registerSystemRoutes } from './routes/system';
import { registerUnitRoutes } from './routes/units';
import { registerUserRoutes } from './routes/users';
import { registerYearEndRoutes } from './routes/year-end';

export type { WebDeps } from './deps';

/** Request bodies above this are refused with 413 (a route may allow more with its own `bodyLimit`). */
export const BODY_LIMIT = 1024 * 1024;

/** The largest file a form may upload (a scanned document): 10 MB. */
export const UPLOAD_LIMIT = 10 * 1024 * 1024;

/** The most files one form may upload. */
const UPLOAD_FILES = 5;

/** The name of the session cookie. */
export const SESSION_COOKIE = 'twinning.sid';

/** How often expired sessions are deleted. */
const SESSION_SWEEP_MS = 10 * 60_000;

/** The Content-Security-Policy of every page: nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  baseUri: ["'self'"],
};

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The CSRF token of a request: the `x-csrf-token` header for the API, the form's `_csrf` field for pages. */
function csrfTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  if (request.url.startsWith('/api/')) return undefined;
  const field = (request.body as { _csrf?: unknown } | undefined)?._csrf;
  return typeof field === 'string' ? field : undefined;
}

/** Route modules: each registers the routes of one area (pages in `routes/`, JSON in `api/`). */
const ROUTE_MODULES: readonly ((app: WebApp, deps: RouteDeps) => void)[] = [
  registerSystemRoutes,
  registerAuthRoutes,
  registerHomeRoutes,
  registerUserRoutes,
  registerSessionApi,
  registerUserApi,
  registerPairApi,
  registerDashboardApi,
  registerActionApi,
  registerCodecApi,
  registerCycleRoutes,
  registerAdminActionRoutes,
  registerAdminActionApi,
  registerUnitRoutes,
  registerSubmissionRoutes,
  registerSubmissionApi,
  registerRosterRoutes,
  registerCalendarRoutes,
  registerYearEndRoutes,
  registerRosterApi,
  registerCalendarApi,
  registerYearEndApi,
];

/** Builds the Fastify instance with every plugin and route; the caller listens (or injects) and closes it. */
export function buildWebServer(deps: WebDeps): FastifyInstance {
  const now = deps.now ?? (() => new Date());
  const routeDeps: RouteDeps = { ...deps, now };
  const { web } = deps.config;
  const app: WebApp = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT,
    trustProxy: web.trustProxy === true ? true : web.trustProxy === false ? false : [...web.trustProxy],
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // JSON (Fastify's own), forms, and forms with files; nothing else is read, so text/plain and the rest get 415.
  app.removeContentTypeParser('text/plain');
  void app.register(formbody);
  // Files are read into memory before the CSRF check (so its `_csrf` field is in the body) and given to the
  // handler as `UploadedFile` (web/forms.ts); the handler checks what the content is, never the name.
  void app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: UPLOAD_LIMIT, files: UPLOAD_FILES, fields: 200, parts: 300 },
    onFile: async (part) => {
      const file: UploadedFile = {
        filename: part.filename,
        mimetype: part.mimetype,
        content: await part.toBuffer(),
      };
      (part as unknown as { value: UploadedFile }).value = file;
    },
  });

  void app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    // Same-origin only; no referrer leaves the site (one-time links carry tokens in their query).
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: web.secureCookies,
  });
  void app.register(cookie);
  // The reader's language before the session is loaded, so that even a failing session store (the database
  // restarting) is answered in the reader's language.
  void app.register(
    fp((root: WebApp, _options, done) => {
      root.decorateRequest('lang', 'vi');
      root.addHook('onRequest', (request, reply, next) => {
        applyLang(request, reply, deps.config.lang);
        next();
      });
      done();
    }),
  );
  const store = new PrismaSessionStore(deps.prisma, web.session, now);
  void app.register(session, {
    secret: deps.sessionSecret,
    store,
    cookieName: SESSION_COOKIE,
    saveUninitialized: false,
    rolling: false,
    // No Max-Age: the cookie ends with the browser; the server enforces the idle and absolute timeouts.
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: web.secureCookies },
  });
  void app.register(csrf, { sessionPlugin: '@fastify/session', getToken: csrfTokenOf });
  void app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', {
        key: 'web.error.rate_limited',
        params: { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) },
      }),
  });

  void app.register(
    fp((root: WebApp, _options, done) => {
      installAccess(root, { timeouts: web.session, now });
      // After the access check (onRequest) and the body parser, before the body's schema is checked.
      root.addHook('preValidation', (request, reply, next) => {
        if (!STATE_CHANGING.has(request.method) || request.is404) return next();
        // The Temporal UI cannot send our token; the codec endpoint changes nothing (see web/api/codec.ts).
        if (request.url.startsWith(CODEC_PREFIX)) return next();
        root.csrfProtection(request, reply, next);
      });
      root.addHook('preValidation', (request, _reply, next) => {
        const problem = unreadable(request.params, request.query, request.body);
        next(problem === undefined ? undefined : new HttpError(400, 'invalid_input', problem));
      });
      installErrorHandlers(root, { bodyLimit: BODY_LIMIT, uploadLimit: UPLOAD_LIMIT, renderPage: errorPage });
      const sweep = setInterval(() => void store.sweep().catch(() => undefined), SESSION_SWEEP_MS);
      sweep.unref();
      root.addHook('onClose', (_instance, closed) => {
        clearInterval(sweep);
        closed();
      });
      done();
    }),
  );

  void app.register(fastifyStatic, {
    root: path.join(__dirname, 'assets'),
    prefix: '/assets/',
    maxAge: '1h',
    // The route is in the table (/assets/*); no directory listing, no index.
    index: false,
  });

  void app.register(swagger, {
    openapi: {
      info: {
        title: 'Twinning programme API / API chương trình kết nghĩa',
        description:
          'JSON API of the dashboard. Sign in with POST /api/v1/session; send the CSRF token of GET /api/v1/session in the x-csrf-token header with every POST, PUT, PATCH and DELETE. See docs/web.md.',
        version: '1',
      },
    },
    transform: jsonSchemaTransform,
  });
  void app.register(swaggerUi, { routePrefix: '/api/docs' });

  void app.register((child: WebApp, _options, done) => {
    for (const register of ROUTE_MODULES) register(child, routeDeps);
    done();
  });

  return app;
}
