/**
 * The embedded services of `npm start`: PGlite served on loopback, the Temporal dev server with its web UI
 * (SQLite file under the data directory), and the SMTP catcher. Each is started only when its variable
 * does not point at an existing service; PGlite and Temporal run as supervised parts (system/supervisor.ts).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTES } from '../domain/cycle/search-attributes';
import type { AppConfig } from '../worker/config';
import { describeExit, startProcess, type ManagedProcess } from './child-process';
import { waitForPort } from './ports';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';
import type { SupervisedPart } from './supervisor';
import { temporalCliPath } from './toolchain';

const projectRoot = path.resolve(__dirname, '..');

function logDir(config: AppConfig): string {
  return path.resolve(config.embedded.dataDir, 'logs');
}

/** Where and how the PGlite server runs. */
export interface PgliteServerOptions {
  /** A data directory, or `memory://` for a throw-away database. */
  readonly db: string;
  readonly port: number;
  readonly logDir: string;
  /** Run in a process group of its own (`npm start` stops its children itself, in order). */
  readonly ownProcessGroup?: boolean;
}

/** Spawns the PGlite server (system/pglite-server.ts) on loopback, without waiting for it. */
function spawnPgliteServer(options: PgliteServerOptions): ManagedProcess {
  return startProcess({
    name: 'pglite',
    command: process.execPath,
    args: [
      '--import',
      'tsx',
      path.join(projectRoot, 'system', 'pglite-server.ts'),
      '--db',
      options.db,
      '--host',
      '127.0.0.1',
      '--port',
      String(options.port),
    ],
    logDir: options.logDir,
    cwd: projectRoot,
    ownProcessGroup: options.ownProcessGroup ?? false,
  });
}

/** Starts the PGlite server on loopback and waits until it accepts connections. */
export async function startPgliteServer(options: PgliteServerOptions): Promise<ManagedProcess> {
  const proc = spawnPgliteServer(options);
  await Promise.race([
    waitForPort(options.port, '127.0.0.1', 120_000),
    proc.exited.then((exit) => {
      throw new Error(`embedded PostgreSQL (PGlite) exited (${describeExit(exit)}); see ${proc.logFile}`);
    }),
  ]);
  return proc;
}

/**
 * The embedded PostgreSQL as a supervised part, its data under `<dataDir>/pglite`: a restart opens the same
 * directory on the same port, so nothing committed is lost.
 */
export function embeddedPostgresPart(config: AppConfig): SupervisedPart {
  const dir = path.resolve(config.embedded.dataDir, 'pglite');
  const port = config.embedded.pgPort;
  return {
    name: 'database',
    label: 'PostgreSQL (PGlite)',
    ports: [port],
    spawn: () => {
      mkdirSync(dir, { recursive: true });
      return spawnPgliteServer({ db: dir, port, logDir: logDir(config), ownProcessGroup: true });
    },
    ready: (_proc, signal) => waitForPort(port, '127.0.0.1', 120_000, signal),
  };
}

/** How often SQLite syncs the dev server's file to disk: `full` at every commit (the embedded system's). */
export type TemporalSqliteSync = 'full' | 'normal' | 'off';

/**
 * The arguments that put the dev server's state in the SQLite file `file`, journalled ahead (WAL). With `full`
 * (the embedded system's, the default) every commit is synced before the server answers, so a crash or a power
 * cut loses no acknowledged start, Update or timer: as durable as SQLite's default rollback journal, with one
 * sync per commit instead of several (bare starts went from 33 to 50 per second on the development machine,
 * BENCHMARKS.md). `normal` and `off` sync less or never; only the benchmarks offer them, see BENCHMARKS.md.
 */
export function temporalSqliteArgs(file: string, sync: TemporalSqliteSync = 'full'): string[] {
  return [
    '--db-filename',
    file,
    '--sqlite-pragma',
    'journal_mode=wal',
    '--sqlite-pragma',
    `synchronous=${sync}`,
  ];
}

/**
 * The Temporal dev server as a supervised part (SQLite file `<dataDir>/temporal.db`, kept across restarts, so
 * every workflow and timer survives; UI on its port).
 */
export function embeddedTemporalPart(config: AppConfig): SupervisedPart {
  const port = config.embedded.temporalPort;
  const args = [
    'server',
    'start-dev',
    ...temporalSqliteArgs(path.resolve(config.embedded.dataDir, 'temporal.db')),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(config.embedded.temporalUiPort),
    // The UI decodes payloads through the dashboard, for signed-in administrators only (web/api/codec.ts).
    '--ui-codec-endpoint',
    `${config.web.publicBaseUrl}/api/v1/codec`,
    '--namespace',
    config.temporal.namespace,
    '--log-level',
    'warn',
    ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', `${a.name}=${a.cliType}`]),
  ];
  const command = temporalCliPath(config);
  return {
    name: 'temporal',
    label: 'Temporal',
    ports: [port, config.embedded.temporalUiPort],
    spawn: () => {
      mkdirSync(path.resolve(config.embedded.dataDir), { recursive: true });
      return startProcess({
        name: 'temporal',
        command,
        args,
        logDir: logDir(config),
        ownProcessGroup: true,
      });
    },
    ready: (_proc, signal) => waitForPort(port, '127.0.0.1', 120_000, signal),
  };
}

/** Starts the SMTP catcher, keeping every message under `<dataDir>/outbox`. */
export function startEmbeddedSmtp(config: AppConfig): Promise<SmtpCatcher> {
  return startSmtpCatcher({
    port: config.embedded.smtpPort,
    dir: path.resolve(config.embedded.dataDir, 'outbox'),
  });
}
