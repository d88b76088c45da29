/**
 * The embedded services of `npm start`: PGlite served on loopback, the Temporal dev server with its web UI
 * (SQLite file under the data directory), and the SMTP catcher. Each is started only when its variable
 * does not point at an existing service.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import type { AppConfig } from '../worker/config';
import { describeExit, startProcess, type ManagedProcess } from './child-process';
import { waitForPort } from './ports';
import { startSmtpCatcher, type SmtpCatcher } from './smtp-catcher';
import { temporalCliPath } from './toolchain';

const projectRoot = path.resolve(__dirname, '..');

function logDir(config: AppConfig): string {
  return path.resolve(config.embedded.dataDir, 'logs');
}

/** Starts the PGlite server (system/pglite-server.ts) on loopback and waits until it accepts connections. */
export async function startPgliteServer(options: {
  /** A data directory, or `memory://` for a throw-away database. */
  readonly db: string;
  readonly port: number;
  readonly logDir: string;
}): Promise<ManagedProcess> {
  const proc = startProcess({
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
  });
  await Promise.race([
    waitForPort(options.port, '127.0.0.1', 120_000),
    proc.exited.then((exit) => {
      throw new Error(`embedded PostgreSQL (PGlite) exited (${describeExit(exit)}); see ${proc.logFile}`);
    }),
  ]);
  return proc;
}

/** Starts the embedded PostgreSQL with its data under `<dataDir>/pglite`. */
export function startEmbeddedPostgres(config: AppConfig): Promise<ManagedProcess> {
  const dir = path.resolve(config.embedded.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return startPgliteServer({ db: dir, port: config.embedded.pgPort, logDir: logDir(config) });
}

/** Starts the Temporal dev server (SQLite under `<dataDir>`, UI on its port) and waits for its frontend. */
export async function startEmbeddedTemporal(config: AppConfig): Promise<ManagedProcess> {
  mkdirSync(path.resolve(config.embedded.dataDir), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    path.resolve(config.embedded.dataDir, 'temporal.db'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(config.embedded.temporalPort),
    '--ui-port',
    String(config.embedded.temporalUiPort),
    '--namespace',
    config.temporal.namespace,
    '--log-level',
    'warn',
    ...SEARCH_ATTRIBUTES.flatMap((a) => ['--search-attribute', `${a.name}=${a.cliType}`]),
  ];
  const proc = startProcess({
    name: 'temporal',
    command: temporalCliPath(config),
    args,
    logDir: logDir(config),
  });
  await Promise.race([
    waitForPort(config.embedded.temporalPort, '127.0.0.1', 120_000),
    proc.exited.then((exit) => {
      throw new Error(`embedded Temporal dev server exited (${describeExit(exit)}); see ${proc.logFile}`);
    }),
  ]);
  return proc;
}

/** Starts the SMTP catcher, keeping every message under `<dataDir>/outbox`. */
export function startEmbeddedSmtp(config: AppConfig): Promise<SmtpCatcher> {
  return startSmtpCatcher({
    port: config.embedded.smtpPort,
    dir: path.resolve(config.embedded.dataDir, 'outbox'),
  });
}
