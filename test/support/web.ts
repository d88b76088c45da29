/**
 * The web server under test: a fresh database with the mail roster (P01 QN-SNN → XA-LA-DEE, P02 QN-STC →
 * XA-CA-DY, both communes under H-NAM-GIANG), one signed-up user per role, a real SMTP catcher, and the
 * Fastify instance driven with `inject` (no port). The clock is the test's: sessions, lock-outs and links read
 * it. {@link Agent} is a small browser: it keeps cookies and sends the CSRF token.
 */
import { AesGcmPayloadCodec } from '../../system/payload-codec';
import { generatePayloadKey } from '../../system/payload-keys';
import type { Transporter } from 'nodemailer';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../domain/access';
import { createMailTransport } from '../../mail/transport';
import { hashPassword } from '../../services/users';
import { startSmtpCatcher, type SmtpCatcher } from '../../system/smtp-catcher';
import { buildWebServer } from '../../web/server';
import { loadConfig } from '../../worker/config';
import { createTestDatabase, type TestDatabase } from './db';
import { seedMailRoster } from './mail';

/** The password of every seeded user. */
export const PASSWORD = 'mật khẩu đủ dài 2026';

/** One signed-up user of each role (the recipient officer is the district's, who also sees its communes). */
export const USERS: Readonly<Record<Role, { email: string; unit?: string }>> = {
  ADMIN: { email: 'bandantoc@bdt.example.gov.vn' },
  LEADERSHIP: { email: 'lanhdao@ubnd.example.gov.vn' },
  SPONSOR_OFFICER: { email: 'canbo@snn.example.gov.vn', unit: 'QN-SNN' },
  RECIPIENT_OFFICER: { email: 'canbo@namgiang.example.gov.vn', unit: 'H-NAM-GIANG' },
};

/** The payload codec of the web test world (the Temporal UI's codec endpoint decodes with it). */
export const WEB_TEST_CODEC = new AesGcmPayloadCodec([generatePayloadKey('web-test')]);

/** A test clock. */
export interface Clock {
  now(): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

function clockAt(start: string): Clock {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set: (value) => {
      at = new Date(value);
    },
    advance: (ms) => {
      at = new Date(at.getTime() + ms);
    },
  };
}

/** Everything a web test needs. */
export interface WebWorld {
  readonly db: TestDatabase;
  readonly catcher: SmtpCatcher;
  readonly mailer: Transporter;
  readonly app: FastifyInstance;
  readonly clock: Clock;
  /** A new cookie jar on the app. */
  agent(): Agent;
  close(): Promise<void>;
}

/** Options of {@link startWebWorld}. */
export interface WebWorldOptions {
  /** Environment variables for the configuration (e.g. `SIGN_IN_LOCKOUT`). */
  readonly env?: NodeJS.ProcessEnv;
  readonly signInRateLimitPerMinute?: number;
  /** Where the year-end report's PDF looks for Chromium (default Debian's). */
  readonly chromiumPath?: string;
}

/** Starts the world: database, roster, users, catcher, server. */
export async function startWebWorld(options: WebWorldOptions = {}): Promise<WebWorld> {
  const db = await createTestDatabase();
  await seedMailRoster(db.prisma);
  const passwordHash = await hashPassword(PASSWORD);
  for (const [role, user] of Object.entries(USERS) as [Role, (typeof USERS)[Role]][]) {
    const unit = user.unit ? await db.prisma.unit.findUniqueOrThrow({ where: { code: user.unit } }) : null;
    await db.prisma.user.upsert({
      where: { email: user.email },
      create: { email: user.email, name: `Người dùng ${role}`, role, unitId: unit?.id ?? null, passwordHash },
      update: { passwordHash, unitId: unit?.id ?? null },
    });
  }
  const catcher = await startSmtpCatcher({ port: 0 });
  const mailer = createMailTransport(`smtp://127.0.0.1:${catcher.port}`, { maxConnections: 1 });
  const config = loadConfig({
    DATABASE_URL: db.url,
    SMTP_URL: `smtp://127.0.0.1:${catcher.port}`,
    PUBLIC_BASE_URL: 'http://127.0.0.1:13290',
    ...options.env,
  });
  const clock = clockAt('2026-03-02T09:00:00+07:00');
  const app = buildWebServer({
    prisma: db.prisma,
    mailer,
    config,
    sessionSecret: 'a test session secret that is long enough',
    temporal: () => Promise.reject(new Error('no Temporal in web tests')),
    namespace: 'default',
    taskQueue: 'web-test',
    temporalUiUrl: 'http://127.0.0.1:18299',
    now: clock.now,
    // The codec endpoint's key: the web test world's own.
    payloadCodec: () => Promise.resolve(WEB_TEST_CODEC),
    ...(options.signInRateLimitPerMinute !== undefined
      ? { signInRateLimitPerMinute: options.signInRateLimitPerMinute }
      : {}),
    ...(options.chromiumPath !== undefined ? { chromiumPath: options.chromiumPath } : {}),
  });
  await app.ready();
  return {
    db,
    catcher,
    mailer,
    app,
    clock,
    agent: () => new Agent(app, clock.now),
    async close() {
      await app.close();
      mailer.close();
      await catcher.close();
      await db.drop();
    },
  };
}

/** A browser of one person: keeps the cookies it is given, sends the CSRF token when asked. */
export class Agent {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    /** The world's clock: a cookie is gone once it has expired by the server's time. */
    private readonly now: () => Date,
  ) {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const gone = c.value === '' || (c.expires !== undefined && c.expires.getTime() < this.now().getTime());
      if (gone) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return response;
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  /** A request with this agent's cookies. */
  async request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
    url: string;
    headers?: Record<string, string>;
    payload?: string | Buffer | object;
  }): Promise<LightMyRequestResponse> {
    return this.remember(
      await this.app.inject({
        method: options.method,
        url: options.url,
        headers: { ...this.cookieHeader(), ...options.headers },
        ...(options.payload !== undefined ? { payload: options.payload } : {}),
      }),
    );
  }

  /** GET a URL. */
  get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url, headers });
  }

  /** The session's CSRF token (from `GET /api/v1/session`). */
  async csrf(): Promise<string> {
    const response = await this.get('/api/v1/session');
    return response.json<{ csrfToken: string }>().csrfToken;
  }

  /**
   * Posts a form; `_csrf` is added from the session unless the fields carry one (or `csrf: false`). Repeated
   * fields (rows of a table) are given as arrays.
   */
  async postForm(
    url: string,
    fields: Record<string, string | readonly string[]>,
    options: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const withToken =
      options.csrf === false || '_csrf' in fields ? fields : { ...fields, _csrf: await this.csrf() };
    const encoded = new URLSearchParams();
    for (const [name, value] of Object.entries(withToken))
      for (const one of typeof value === 'string' ? [value] : value) encoded.append(name, one);
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: encoded.toString(),
    });
  }

  /**
   * Posts a form with files (multipart/form-data, as a browser does for `<input type=file>`); `_csrf` is added
   * as for {@link postForm}, or sent in `x-csrf-token` as the API wants it (`csrf: 'header'`). Repeated fields are
   * given as arrays.
   */
  async postMultipart(
    url: string,
    fields: Record<string, string | readonly string[]>,
    files: Record<string, { filename: string; contentType: string; content: Buffer }> = {},
    options: { csrf?: boolean | 'header' } = {},
  ): Promise<LightMyRequestResponse> {
    const form = new FormData();
    const header: Record<string, string> =
      options.csrf === 'header' ? { 'x-csrf-token': await this.csrf() } : {};
    const all =
      options.csrf === false || options.csrf === 'header' || '_csrf' in fields
        ? fields
        : { ...fields, _csrf: await this.csrf() };
    for (const [name, value] of Object.entries(all))
      for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
    for (const [name, file] of Object.entries(files))
      form.append(name, new Blob([new Uint8Array(file.content)], { type: file.contentType }), file.filename);
    const encoded = new Response(form);
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': encoded.headers.get('content-type') ?? '', ...header },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  }

  /** An API call with a JSON body and the session's CSRF token in `x-csrf-token` (unless `csrf: false`). */
  async api(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS',
    url: string,
    body?: unknown,
    options: { csrf?: boolean | string } = {},
  ): Promise<LightMyRequestResponse> {
    const token =
      method === 'GET' || options.csrf === false
        ? undefined
        : typeof options.csrf === 'string'
          ? options.csrf
          : await this.csrf();
    return this.request({
      method,
      url,
      headers: {
        ...(token ? { 'x-csrf-token': token } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
  }

  /** Signs in through the page; resolves with the response (303 to /home on success). */
  signIn(email: string, password: string = PASSWORD): Promise<LightMyRequestResponse> {
    return this.postForm('/sign-in', { email, password });
  }
}

/** The text of a page with the entities `html` writes turned back into characters. */
export function pageText(body: string): string {
  return body
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The notice a page shows (after a form's redirect), in plain text; undefined when it shows none. */
export function noticeOf(body: string): string | undefined {
  const match = /data-testid="notice">\s*([\s\S]*?)\s*<\/p>/.exec(body);
  return match ? pageText(match[1]!) : undefined;
}
