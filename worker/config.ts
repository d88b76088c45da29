/**
 * Configuration: the only reader of `process.env` in the product. Every value is validated with zod and a
 * wrong value stops start-up with a message that names the variable and says what is expected.
 * The reference table in README.md ("Configuration reference") documents each variable.
 */
import { z } from 'zod';
import { bilingual } from '../domain/messages';
import type { PayloadKey } from '../system/payload-codec';

const port = z.coerce
  .number({ error: 'must be a port number (1–65535)' })
  .int('must be a whole port number (1–65535)')
  .min(1, 'must be a port number (1–65535)')
  .max(65535, 'must be a port number (1–65535)');

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), {
    message: 'must be a PostgreSQL URL such as postgresql://user:password@host:5432/dbname',
  });

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/.+/.test(v), {
    message: 'must be an SMTP URL such as smtp://user:password@host:587 or smtps://host:465',
  });

const hostPort = z
  .string()
  .trim()
  .refine((v) => /^[^\s:/]+:\d{1,5}$/.test(v), { message: 'must be host:port, for example 127.0.0.1:7233' });

const timeZone = z.literal('Asia/Ho_Chi_Minh', {
  error: 'must be Asia/Ho_Chi_Minh (the only time zone whose deadline rules are implemented)',
});

const email = z.string().trim().email('must be an e-mail address such as "Ban Dân tộc <bdt@example.gov.vn>"');

const mailFrom = z
  .string()
  .trim()
  .refine((v) => email.safeParse(v.replace(/^.*<(.+)>\s*$/, '$1')).success, {
    message: 'must be an e-mail address, optionally with a display name: "Ban Dân tộc <bdt@example.gov.vn>"',
  });

// @fastify/session refuses a shorter secret.
const secret = z.string().min(32, 'must be at least 32 characters long');

/** A duration: `72h`, `3d`, `90m`, or a bare number of hours. */
const duration = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?\s*(m|h|d)?$/i, 'must be a duration such as 72h, 3d or 90m (a bare number means hours)')
  .transform((v) => {
    const match = /^(\d+(?:\.\d+)?)\s*(m|h|d)?$/i.exec(v);
    const unit = (match?.[2] ?? 'h').toLowerCase();
    const minutes = unit === 'm' ? 1 : unit === 'h' ? 60 : 24 * 60;
    return Math.round(Number(match?.[1] ?? '0') * minutes * 60_000);
  })
  .refine((ms) => ms >= 60_000, { message: 'must be at least one minute' });

/** A comma- or semicolon-separated list of e-mail addresses. */
const emailList = z
  .string()
  .trim()
  .transform((v) =>
    v
      .split(/[,;]/)
      .map((a) => a.trim())
      .filter((a) => a !== ''),
  )
  .refine((list) => list.every((a) => email.safeParse(a).success), {
    message: 'must be e-mail addresses separated by commas, such as a@example.gov.vn,b@example.gov.vn',
  });

const localTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM such as 07:30');

/** What a key ID may be: short, and safe in metadata, logs and file names. */
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** What one `PAYLOAD_KEYS` entry must look like (said in every message about a wrong one). */
const KEY_FORM = 'id:base64key, the key 32 bytes in base64 (44 characters ending in "=")';

/**
 * Parses a key list `id:base64key[,id:base64key…]` (the form of `PAYLOAD_KEYS` and of the embedded key file):
 * the first key encrypts, the others only decrypt. The problems never quote a key, only entry numbers and IDs.
 */
export function parsePayloadKeys(
  text: string,
): { ok: true; keys: PayloadKey[] } | { ok: false; problems: string[] } {
  const keys: PayloadKey[] = [];
  const problems: string[] = [];
  const entries = text.split(',').map((e) => e.trim());
  entries.forEach((entry, i) => {
    const n = i + 1;
    const colon = entry.indexOf(':');
    if (colon < 0) {
      problems.push(`entry ${n} must be ${KEY_FORM}`);
      return;
    }
    const id = entry.slice(0, colon).trim();
    const encoded = entry.slice(colon + 1).trim();
    if (!KEY_ID.test(id)) {
      problems.push(
        `entry ${n}: the key ID before the colon must be 1 to 64 letters, digits, ".", "_" or "-"`,
      );
      return;
    }
    if (keys.some((k) => k.id === id)) {
      problems.push(`key ID ${id} is listed twice`);
      return;
    }
    const key = Buffer.from(encoded, 'base64');
    // Buffer.from skips what is not base64: only a canonical encoding of exactly 32 bytes is a key.
    if (key.length !== 32 || key.toString('base64') !== encoded) {
      const decoded = /^[A-Za-z0-9+/]*={0,2}$/.test(encoded) ? ` (it decodes to ${key.length} bytes)` : '';
      problems.push(`key ${id} must be 32 bytes encoded in base64, 44 characters ending in "="${decoded}`);
      return;
    }
    keys.push({ id, key });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys };
}

const payloadKeyList = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const parsed = parsePayloadKeys(text);
    if (parsed.ok) return parsed.keys;
    for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/**
 * Cycles a worker keeps in memory by default. The SDK's own default grows with the heap limit (2,310 on a 4 GB
 * heap); bounded here so that 10,000 pairs fit a small machine. Each cached cycle holds its own instance of the
 * workflow code's modules (the SDK's reused V8 context keeps modules per workflow) and its state, a few MB of
 * resident memory (BENCHMARKS.md, B5): with 100 the worker grew by 0.56 GB over idle with 10,000 open cycles.
 * A cycle out of the cache is replayed from its history (150–520 events a year, BENCHMARKS.md B3) on its next
 * task, which costs CPU, not correctness.
 */
export const DEFAULT_MAX_CACHED_WORKFLOWS = 100;

/**
 * Threads a worker runs its workflow tasks on by default: one, the SDK's default with a reused V8 context. On
 * 2-core machines a second thread made a burst of reminders slower on one (BENCHMARKS.md, B2: 44.67 against
 * 47.4–47.6 per second) and faster on another (38.26 against 33.88), so the default stays the SDK's; a machine
 * with more cores may gain from more (`WORKER_WORKFLOW_THREADS`).
 */
export const DEFAULT_WORKFLOW_THREADS = 1;

/** The raw environment schema: variable names exactly as an operator sets them. */
const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce
    .number({ error: 'must be a whole number of connections (1–100)' })
    .int('must be a whole number of connections (1–100)')
    .min(1, 'must be a whole number of connections (1–100)')
    .max(100, 'must be a whole number of connections (1–100)')
    .optional(),
  TEMPORAL_ADDRESS: hostPort.optional(),
  USER: optionalText,
  TEMPORAL_NAMESPACE: z.string().trim().min(1, 'must not be empty').default('default'),
  TEMPORAL_TASK_QUEUE: z.string().trim().min(1, 'must not be empty').default('twinning'),
  TEMPORAL_API_KEY: optionalText,
  TEMPORAL_TLS_CERT_PATH: optionalText,
  TEMPORAL_TLS_KEY_PATH: optionalText,
  TEMPORAL_TLS_CA_PATH: optionalText,
  TEMPORAL_TLS_SERVER_NAME: optionalText,
  TEMPORAL_UI_URL: optionalText,
  TEMPORAL_CLI_PATH: optionalText,
  TEMPORAL_TEST_SERVER_PATH: optionalText,
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: mailFrom.default('Ban Dân tộc tỉnh <bandantoc@example.gov.vn>'),
  APP_TIMEZONE: timeZone.default('Asia/Ho_Chi_Minh'),
  APP_LANG: z.enum(['vi', 'en'], { error: 'must be vi or en' }).default('vi'),
  PUBLIC_BASE_URL: optionalText,
  WEB_HOST: z.string().trim().min(1).default('127.0.0.1'),
  WEB_PORT: port.default(3000),
  EMBEDDED_PG_PORT: port.default(5544),
  EMBEDDED_TEMPORAL_PORT: port.default(7233),
  EMBEDDED_TEMPORAL_UI_PORT: port.default(8233),
  EMBEDDED_SMTP_PORT: port.default(2525),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  SESSION_SECRET: secret.optional(),
  SESSION_IDLE_TIMEOUT: duration.default(30 * 60_000),
  SESSION_ABSOLUTE_TIMEOUT: duration.default(12 * 3600_000),
  SIGN_IN_MAX_FAILURES: z.coerce
    .number({ error: 'must be a whole number of wrong passwords (1–100)' })
    .int('must be a whole number of wrong passwords (1–100)')
    .min(1, 'must be a whole number of wrong passwords (1–100)')
    .max(100, 'must be a whole number of wrong passwords (1–100)')
    .default(10),
  SIGN_IN_LOCKOUT: duration.default(15 * 60_000),
  WEB_TRUST_PROXY: z
    .string()
    .trim()
    .refine((v) => v === 'true' || v === 'false' || /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/.test(v), {
      message: 'must be true, false, or proxy addresses separated by commas (127.0.0.1,10.0.0.0/8)',
    })
    .optional(),
  PAYLOAD_KEYS: payloadKeyList.optional(),
  // Read only to be refused with a pointer to its successor: a key set there would otherwise be ignored silently.
  PAYLOAD_ENCRYPTION_KEY: optionalText,
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce
    .number({ error: 'must be a whole number ≥ 0' })
    .int('must be a whole number ≥ 0')
    .min(0, 'must be a whole number ≥ 0')
    .default(DEFAULT_MAX_CACHED_WORKFLOWS),
  WORKER_WORKFLOW_THREADS: z.coerce
    .number({ error: 'must be a whole number of threads (1–16)' })
    .int('must be a whole number of threads (1–16)')
    .min(1, 'must be a whole number of threads (1–16)')
    .max(16, 'must be a whole number of threads (1–16)')
    .default(DEFAULT_WORKFLOW_THREADS),
  WORKER_SOURCE_MAPS: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  WORKER_WORKFLOW_STACK_TRACES: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  CYCLE_OPEN_CONCURRENCY: z.coerce
    .number({ error: 'must be a whole number of cycles (1–1000)' })
    .int('must be a whole number of cycles (1–1000)')
    .min(1, 'must be a whole number of cycles (1–1000)')
    .max(1000, 'must be a whole number of cycles (1–1000)')
    .optional(),
  LOG_LEVEL: z
    .enum(['error', 'warn', 'info', 'debug'], { error: 'must be error, warn, info or debug' })
    .default('info'),
  MAIL_RETRY_HORIZON: duration.default(72 * 3600 * 1000),
  MAIL_RATE_LIMIT_PER_SECOND: z.coerce
    .number({ error: 'must be a number of messages per second' })
    .positive('must be a positive number of messages per second')
    .optional(),
  COORDINATOR_EMAILS: emailList.optional(),
  LEADERSHIP_EMAILS: emailList.optional(),
  DIGEST_TIME: localTime.default('07:30'),
});

/** Validated configuration of every process (worker, web, CLI, start-up). */
export interface AppConfig {
  /** PostgreSQL URL; defaults to the embedded PGlite server on loopback. */
  readonly databaseUrl: string;
  /**
   * Connections per process. PGlite runs one query at a time and queues the rest, so on the embedded database
   * each process keeps a single connection (default 1); a real PostgreSQL defaults to 10.
   */
  readonly databasePoolSize: number;
  readonly temporal: {
    /** host:port of the Temporal server or cluster; defaults to the embedded dev server. */
    readonly address: string;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly apiKey: string | undefined;
    readonly tls: { certPath: string; keyPath: string; caPath?: string; serverName?: string } | undefined;
    /** Where people open the Temporal web UI. */
    readonly uiUrl: string;
    readonly cliPath: string | undefined;
    readonly testServerPath: string | undefined;
  };
  /** SMTP URL; defaults to the embedded SMTP catcher. */
  readonly smtp: { readonly url: string; readonly from: string };
  readonly timeZone: 'Asia/Ho_Chi_Minh';
  readonly lang: 'vi' | 'en';
  /** Who runs the command-line program (the login name, `USER`): audit entries name `cli:<operator>`. */
  readonly operator: string;
  readonly web: {
    readonly host: string;
    readonly port: number;
    readonly publicBaseUrl: string;
    /** Session cookies are `Secure` when the public base URL is https. */
    readonly secureCookies: boolean;
    /**
     * Which proxies' `X-Forwarded-*` headers to believe (client address for rate limits, https): none by
     * default; `true` trusts any, a list trusts those addresses.
     */
    readonly trustProxy: boolean | readonly string[];
    /** A signed-in session ends after this long without a request, and this long after sign-in, in ms. */
    readonly session: { readonly idleTimeoutMs: number; readonly absoluteTimeoutMs: number };
    /** After `maxFailures` wrong passwords in a row an account refuses sign-in for `lockoutMs`. */
    readonly signIn: { readonly maxFailures: number; readonly lockoutMs: number };
  };
  readonly embedded: {
    /** Which embedded services `npm start` launches: those whose variable points at no existing service. */
    readonly postgres: boolean;
    readonly temporal: boolean;
    readonly smtp: boolean;
    readonly dataDir: string;
    readonly pgPort: number;
    readonly temporalPort: number;
    readonly temporalUiPort: number;
    readonly smtpPort: number;
  };
  /**
   * Signs the web session cookie (`SESSION_SECRET`). Undefined when not configured: `npm start` then keeps a
   * generated one in `<DATA_DIR>/session-secret` (system/session-secret.ts); `web/main.ts` alone refuses to start.
   */
  readonly sessionSecret: string | undefined;
  /**
   * Keys of the Temporal payload codec (`PAYLOAD_KEYS`), the first one encrypts. Undefined only when Temporal
   * is the embedded dev server: the key is then the one `npm start` keeps in `<DATA_DIR>/payload-keys`
   * (system/payload-keys.ts).
   */
  readonly payloadKeys: readonly PayloadKey[] | undefined;
  readonly logLevel: 'error' | 'warn' | 'info' | 'debug';
  /** Workflows a worker keeps in memory (0 turns sticky execution off); see {@link DEFAULT_MAX_CACHED_WORKFLOWS}. */
  readonly workerMaxCachedWorkflows: number;
  /** Threads the worker runs workflow tasks on; see {@link DEFAULT_WORKFLOW_THREADS}. */
  readonly workerWorkflowThreads: number;
  /**
   * Whether the worker maps stack traces to the TypeScript sources (`WORKER_SOURCE_MAPS`). Off by default: with
   * them on, every stack the workflow sandbox captures (the SDK records one per promise) is source-mapped, which
   * made each workflow task about 40 % dearer (BENCHMARKS.md, B7). Workflow stack traces in the Temporal UI are
   * mapped by the SDK itself either way.
   */
  readonly workerSourceMaps: boolean;
  /**
   * Whether errors and promises inside the workflow sandbox carry stack traces (`WORKER_WORKFLOW_STACK_TRACES`).
   * Off by default: the SDK captures a stack trace for every promise a workflow creates, about a fifth of the
   * workflow thread's time during a burst of reminders (BENCHMARKS.md, B2). Off, a workflow's error keeps its
   * message and type but no frames, and the UI's stack-trace query answers nothing; turn it on to debug a workflow.
   */
  readonly workerWorkflowStackTraces: boolean;
  /** Cycles the year opener starts at once (undefined: the opener's default, 32). */
  readonly cycleOpenConcurrency: number | undefined;
  /** E-mail delivery: retries, throttling, the standing recipients and the leadership digest (docs/mail.md). */
  readonly mail: {
    /** How long a transient SMTP failure is retried, counted from the ledger row's creation, in ms. */
    readonly retryHorizonMs: number;
    /** Messages per second at most; undefined means no limit. */
    readonly rateLimitPerSecond: number | undefined;
    /** Ban Dân tộc addresses, added to those of users with role ADMIN. */
    readonly coordinatorEmails: readonly string[];
    /** Provincial leadership (UBND tỉnh) addresses, added to those of users with role LEADERSHIP. */
    readonly leadershipEmails: readonly string[];
    /** Local time (Asia/Ho_Chi_Minh) of the leadership digest on working days, HH:MM. */
    readonly digestTime: string;
  };
}

/** Thrown when the environment is invalid; the message names every wrong variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates configuration from an environment (default: `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings count as unset: shells and .env files often export VAR= to mean "nothing".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) =>
        bilingual('config.invalid', { name: String(issue.path[0] ?? '?'), problem: issue.message }),
      ),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (Boolean(e.TEMPORAL_TLS_CERT_PATH) !== Boolean(e.TEMPORAL_TLS_KEY_PATH)) {
    problems.push(
      bilingual('config.invalid', {
        name: e.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH',
        problem: 'must be set together with its pair (TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH)',
      }),
    );
  }
  if (e.SESSION_ABSOLUTE_TIMEOUT < e.SESSION_IDLE_TIMEOUT) {
    problems.push(
      bilingual('config.invalid', {
        name: 'SESSION_ABSOLUTE_TIMEOUT',
        problem: 'must not be shorter than SESSION_IDLE_TIMEOUT',
      }),
    );
  }
  if (e.PAYLOAD_ENCRYPTION_KEY) {
    problems.push(
      bilingual('config.invalid', {
        name: 'PAYLOAD_ENCRYPTION_KEY',
        problem:
          'is no longer read: write the key as PAYLOAD_KEYS=<key ID>:<the same key> (see README, "Operations: payload encryption and key rotation")',
      }),
    );
  }
  if (e.TEMPORAL_ADDRESS && !e.PAYLOAD_KEYS) {
    problems.push(
      bilingual('config.invalid', {
        name: 'PAYLOAD_KEYS',
        problem:
          `must be set when TEMPORAL_ADDRESS names a Temporal server: ${KEY_FORM}, newest first ` +
          '(the key npm start generates is for its embedded server only)',
      }),
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const publicBaseUrl = e.PUBLIC_BASE_URL ?? `http://${e.WEB_HOST}:${e.WEB_PORT}`;
  const tls =
    e.TEMPORAL_TLS_CERT_PATH && e.TEMPORAL_TLS_KEY_PATH
      ? {
          certPath: e.TEMPORAL_TLS_CERT_PATH,
          keyPath: e.TEMPORAL_TLS_KEY_PATH,
          ...(e.TEMPORAL_TLS_CA_PATH ? { caPath: e.TEMPORAL_TLS_CA_PATH } : {}),
          ...(e.TEMPORAL_TLS_SERVER_NAME ? { serverName: e.TEMPORAL_TLS_SERVER_NAME } : {}),
        }
      : undefined;
  return {
    databaseUrl: e.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${e.EMBEDDED_PG_PORT}/postgres`,
    databasePoolSize: e.DATABASE_POOL_SIZE ?? (e.DATABASE_URL ? 10 : 1),
    temporal: {
      address: e.TEMPORAL_ADDRESS ?? `127.0.0.1:${e.EMBEDDED_TEMPORAL_PORT}`,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      apiKey: e.TEMPORAL_API_KEY,
      tls,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://127.0.0.1:${e.EMBEDDED_TEMPORAL_UI_PORT}`,
      cliPath: e.TEMPORAL_CLI_PATH,
      testServerPath: e.TEMPORAL_TEST_SERVER_PATH,
    },
    smtp: { url: e.SMTP_URL ?? `smtp://127.0.0.1:${e.EMBEDDED_SMTP_PORT}`, from: e.MAIL_FROM },
    timeZone: e.APP_TIMEZONE,
    lang: e.APP_LANG,
    operator: e.USER ?? 'admin',
    web: {
      host: e.WEB_HOST,
      port: e.WEB_PORT,
      publicBaseUrl,
      secureCookies: publicBaseUrl.startsWith('https://'),
      trustProxy:
        e.WEB_TRUST_PROXY === undefined || e.WEB_TRUST_PROXY === 'false'
          ? false
          : e.WEB_TRUST_PROXY === 'true'
            ? true
            : e.WEB_TRUST_PROXY.split(',').map((a) => a.trim()),
      session: { idleTimeoutMs: e.SESSION_IDLE_TIMEOUT, absoluteTimeoutMs: e.SESSION_ABSOLUTE_TIMEOUT },
      signIn: { maxFailures: e.SIGN_IN_MAX_FAILURES, lockoutMs: e.SIGN_IN_LOCKOUT },
    },
    embedded: {
      postgres: !e.DATABASE_URL,
      temporal: !e.TEMPORAL_ADDRESS,
      smtp: !e.SMTP_URL,
      dataDir: e.DATA_DIR,
      pgPort: e.EMBEDDED_PG_PORT,
      temporalPort: e.EMBEDDED_TEMPORAL_PORT,
      temporalUiPort: e.EMBEDDED_TEMPORAL_UI_PORT,
      smtpPort: e.EMBEDDED_SMTP_PORT,
    },
    sessionSecret: e.SESSION_SECRET,
    payloadKeys: e.PAYLOAD_KEYS,
    logLevel: e.LOG_LEVEL,
    workerMaxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    workerWorkflowThreads: e.WORKER_WORKFLOW_THREADS,
    workerSourceMaps: e.WORKER_SOURCE_MAPS,
    workerWorkflowStackTraces: e.WORKER_WORKFLOW_STACK_TRACES,
    cycleOpenConcurrency: e.CYCLE_OPEN_CONCURRENCY,
    mail: {
      retryHorizonMs: e.MAIL_RETRY_HORIZON,
      rateLimitPerSecond: e.MAIL_RATE_LIMIT_PER_SECOND,
      coordinatorEmails: e.COORDINATOR_EMAILS ?? [],
      leadershipEmails: e.LEADERSHIP_EMAILS ?? [],
      digestTime: e.DIGEST_TIME,
    },
  };
}
