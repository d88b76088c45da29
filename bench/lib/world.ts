/**
 * The services a benchmark starts for itself and tears down: the Temporal dev server on a free port with its
 * own SQLite file, a throw-away database (a new database on the test PostgreSQL cluster, or an in-memory
 * PGlite), the SMTP catcher, and the product's worker (`worker/main.ts`) in a child process configured
 * through its environment only, as operators run it.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createPrismaClient, type PrismaClient } from '../../db/client';
import { migrate } from '../../db/migrate';
import { SEARCH_ATTRIBUTES } from '../../domain/cycle/search-attributes';
import { temporalSqliteArgs, type TemporalSqliteSync } from '../../system/embedded';
import { createThrowawayDatabase, startPgliteDatabase } from '../../simulate/database';
import { startProcess, waitForOutput, type ManagedProcess } from '../../system/child-process';
import { dataConverterOf } from '../../system/temporal-connection';
import { loadConfig } from '../../worker/config';
import { freePort, waitForPort } from '../../system/ports';
import { startSmtpCatcher, type SmtpCatcher } from '../../system/smtp-catcher';
import { sleep } from './util';

const root = path.resolve(__dirname, '..', '..');

/** A running dev server and a client of it. */
export interface TemporalServer {
  readonly address: string;
  /**
   * The payload keys (`PAYLOAD_KEYS`) of this server's clients and workers: one fresh key per server, as an
   * operator's server needs one (the worker refuses to start without it) and every payload is encrypted.
   */
  readonly payloadKeys: string;
  readonly client: Client;
  readonly proc: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts `temporal server start-dev` headless on a free port, its SQLite file under `dir`, with the cycle's
 * search attributes, and resolves once its default namespace answers.
 */
export async function startTemporal(
  cli: string,
  dir: string,
  sync: TemporalSqliteSync,
): Promise<TemporalServer> {
  const port = await freePort();
  const proc = startProcess({
    name: `temporal-${port}`,
    command: cli,
    args: [
      'server',
      'start-dev',
      ...temporalSqliteArgs(path.join(dir, `temporal-${port}.db`), sync),
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--headless',
      '--log-level',
      'error',
      ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', `${a.name}=${a.cliType}`]),
    ],
    logDir: dir,
  });
  const address = `127.0.0.1:${port}`;
  try {
    await waitForPort(port, '127.0.0.1', 60_000);
    const payloadKeys = `bench:${randomBytes(32).toString('base64')}`;
    const dataConverter = await dataConverterOf(
      loadConfig({ TEMPORAL_ADDRESS: address, PAYLOAD_KEYS: payloadKeys }),
    );
    const connection = await Connection.connect({ address });
    const client = new Client({ connection, namespace: 'default', dataConverter });
    // The port opens a moment before the namespace and its search attributes are usable.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.workflowService.describeNamespace({ namespace: 'default' });
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await sleep(100);
      }
    }
    return {
      address,
      payloadKeys,
      client,
      proc,
      async stop() {
        await connection.close();
        await proc.stop();
      },
    };
  } catch (error) {
    await proc.stop();
    throw error;
  }
}

/** Which database a benchmark runs against. */
export type DatabaseKind = 'postgres' | 'pglite';

/** A throw-away database with a Prisma client of the bench process. */
export interface BenchDatabase {
  readonly kind: DatabaseKind;
  readonly url: string;
  /** Connections per process on it: 1 on PGlite (it runs one query at a time), as the embedded default. */
  readonly poolSize: number;
  readonly prisma: PrismaClient;
  drop(): Promise<void>;
}

/** Options of {@link createDatabase}. */
export interface DatabaseOptions {
  /** PostgreSQL: the test cluster's maintenance URL (scripts/postgres.sh). */
  readonly adminUrl?: string;
  /** PostgreSQL: a prepared database to copy instead of migrating an empty one. */
  readonly template?: string;
}

/** Creates and migrates a throw-away database of `kind`. */
export async function createDatabase(kind: DatabaseKind, options: DatabaseOptions): Promise<BenchDatabase> {
  const database =
    kind === 'postgres'
      ? await createThrowawayDatabase({
          adminUrl: required(options.adminUrl, 'adminUrl'),
          prefix: 'twinning_bench',
          ...(options.template ? { template: options.template } : {}),
        })
      : await startPgliteDatabase();
  try {
    if (kind === 'pglite' || !options.template) await migrate(database.url);
    const poolSize = kind === 'pglite' ? 1 : 10;
    const prisma = createPrismaClient(database.url, { maxConnections: poolSize });
    return {
      kind,
      url: database.url,
      poolSize,
      prisma,
      async drop() {
        await prisma.$disconnect();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
}

/** The SMTP catcher on a free port. */
export function startSmtp(): Promise<SmtpCatcher> {
  return startSmtpCatcher({ port: 0 });
}

/** A worker process of the product. */
export interface WorkerProcess {
  readonly pid: number;
  readonly proc: ManagedProcess;
  /** Seconds from spawn until it printed that it polls (bundling the workflows is most of it). */
  readonly startupS: number;
  /** Resident memory now, in MB. */
  rssMB(): number;
  /** SIGTERM and wait (the SDK's graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

/** Where a worker connects, and anything to add to its environment. */
export interface WorkerOptions {
  readonly name: string;
  readonly logDir: string;
  readonly database: Pick<BenchDatabase, 'url' | 'poolSize'>;
  readonly temporalAddress: string;
  /** The server's `PAYLOAD_KEYS`. */
  readonly payloadKeys: string;
  readonly taskQueue: string;
  readonly smtpUrl: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Resident set size of a process in MB (Linux /proc). */
export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
  return kb === undefined ? Number.NaN : Number(kb) / 1024;
}

/**
 * Starts an entry point (the product's `worker/main.ts` or `web/main.ts`, or a bench's own worker) in a child
 * process, configured through `env` only, and resolves once it prints `ready` (its log's tail is in the error
 * if it exits first).
 */
export async function startEntryPoint(options: {
  readonly name: string;
  readonly script: string;
  readonly env: NodeJS.ProcessEnv;
  readonly logDir: string;
  readonly ready: RegExp;
}): Promise<{ proc: ManagedProcess; pid: number; startupS: number }> {
  const started = performance.now();
  const proc = startProcess({
    name: options.name,
    command: process.execPath,
    args: ['--import', 'tsx', path.join(root, options.script)],
    cwd: root,
    env: options.env,
    logDir: options.logDir,
  });
  const pid = proc.child.pid;
  // Aborted once either side settles, so the watch's timer does not keep the bench process alive.
  const watch = new AbortController();
  try {
    await Promise.race([
      waitForOutput(proc, options.ready, 180_000, watch.signal),
      proc.exited.then(async (exit) => {
        const log = await readFile(proc.logFile, 'utf8').catch(() => '');
        throw new Error(
          `${options.script} exited (${JSON.stringify(exit)}) before it was ready:\n${log.split('\n').slice(-15).join('\n')}`,
        );
      }),
    ]);
  } catch (error) {
    await proc.stop();
    throw error;
  } finally {
    watch.abort();
  }
  if (pid === undefined) throw new Error(`${options.script} has no pid`);
  return { proc, pid, startupS: (performance.now() - started) / 1000 };
}

/** Starts `worker/main.ts` in a child process and resolves once it polls. */
export async function startWorker(options: WorkerOptions): Promise<WorkerProcess> {
  const { proc, pid, startupS } = await startEntryPoint({
    name: options.name,
    script: path.join('worker', 'main.ts'),
    env: {
      ...process.env,
      DATABASE_URL: options.database.url,
      DATABASE_POOL_SIZE: String(options.database.poolSize),
      TEMPORAL_ADDRESS: options.temporalAddress,
      PAYLOAD_KEYS: options.payloadKeys,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      SMTP_URL: options.smtpUrl,
      ...options.env,
    },
    logDir: options.logDir,
    ready: /worker: polling/,
  });
  return {
    pid,
    proc,
    startupS,
    rssMB: () => rssOf(pid),
    stop: () => proc.stop(30_000),
    async kill() {
      proc.child.kill('SIGKILL');
      await proc.exited;
    },
  };
}

/** A web server process of the product and its address. */
export interface WebServerProcess {
  readonly baseUrl: string;
  readonly proc: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts `web/main.ts` in a child process on a free port, as operators run it (configured through its
 * environment only), and resolves once it listens. Temporal is never reached by the read API it serves: the
 * address given is only configuration (the web server connects lazily).
 */
export async function startWebServer(options: {
  readonly name: string;
  readonly logDir: string;
  readonly database: Pick<BenchDatabase, 'url' | 'poolSize'>;
  readonly smtpUrl: string;
  readonly env?: Readonly<Record<string, string>>;
}): Promise<WebServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { proc } = await startEntryPoint({
    name: options.name,
    script: path.join('web', 'main.ts'),
    env: {
      ...process.env,
      DATABASE_URL: options.database.url,
      DATABASE_POOL_SIZE: String(options.database.poolSize),
      SMTP_URL: options.smtpUrl,
      WEB_HOST: '127.0.0.1',
      WEB_PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      SESSION_SECRET: randomBytes(32).toString('base64'),
      PAYLOAD_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      DATA_DIR: options.logDir,
      ...options.env,
    },
    logDir: options.logDir,
    ready: /web: listening/,
  });
  return { baseUrl, proc, stop: () => proc.stop(30_000) };
}

/** A whole world of the product for one benchmark run: server, database, SMTP catcher and a worker. */
export interface World {
  readonly temporal: TemporalServer;
  readonly db: BenchDatabase;
  readonly smtp: SmtpCatcher;
  readonly taskQueue: string;
  worker: WorkerProcess | undefined;
  /** Starts (another) worker of the product on the world's task queue. */
  startWorker(name: string, env?: Readonly<Record<string, string>>): Promise<WorkerProcess>;
  teardown(): Promise<void>;
}

/** Starts a world; `worker: false` leaves the worker to the caller. */
export async function startWorld(options: {
  readonly temporalCli: string;
  /** How the dev server syncs its SQLite file (`--temporal-sync`). */
  readonly temporalSync: TemporalSqliteSync;
  readonly dir: string;
  readonly database: () => Promise<BenchDatabase>;
  readonly worker?: false | Readonly<Record<string, string>>;
}): Promise<World> {
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    const temporal = await startTemporal(options.temporalCli, options.dir, options.temporalSync);
    stops.push(() => temporal.stop());
    const db = await options.database();
    stops.push(() => db.drop());
    const smtp = await startSmtp();
    stops.push(() => smtp.close());
    const taskQueue = 'twinning';
    const workers: WorkerProcess[] = [];
    stops.push(async () => {
      for (const w of workers) await w.kill();
    });
    const world: World = {
      temporal,
      db,
      smtp,
      taskQueue,
      worker: undefined,
      async startWorker(name, env) {
        const worker = await startWorker({
          name,
          logDir: options.dir,
          database: db,
          temporalAddress: temporal.address,
          payloadKeys: temporal.payloadKeys,
          taskQueue,
          smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
          ...(env ? { env } : {}),
        });
        workers.push(worker);
        world.worker = worker;
        return worker;
      },
      teardown,
    };
    if (options.worker !== false) await world.startWorker('worker', options.worker ?? {});
    return world;
  } catch (error) {
    await teardown();
    throw error;
  }
}
