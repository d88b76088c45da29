/**
 * What every benchmark is given: its size, a scratch directory, the PostgreSQL test cluster, the shared
 * generated roster (and a PostgreSQL database holding it, copied per world), progress bars and a log.
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { Client, escapeIdentifier } from 'pg';
import { createPrismaClient } from '../../db/client';
import { migrate } from '../../db/migrate';
import type { RosterFile } from '../../domain/roster';
import { importRoster } from '../../roster/import';
import { databaseUrlOn } from '../../simulate/database';
import type { Figure } from './report';
import { readRoster, writeRoster } from './roster';
import type { TemporalSqliteSync } from '../../system/embedded';
import { createDatabase, startWorld, type BenchDatabase, type DatabaseKind, type World } from './world';

const root = path.resolve(__dirname, '..', '..');

/** The cycle year every benchmark opens: its holiday table and the next year's are in the built-in seed. */
export const BENCH_YEAR = 2026;
/** The business instant the yearly Schedule opens it at (00:05 on 1 January, local time). */
export const BENCH_OPENED_AT = `${BENCH_YEAR}-01-01T00:05:00+07:00`;

/** A progress bar of one phase of a benchmark. */
export interface Phase {
  update(done: number): void;
  stop(): void;
}

/** What a benchmark returns. */
export interface BenchmarkOutput {
  readonly figures: readonly Figure[];
  readonly details: Record<string, unknown>;
}

/** The services and settings a benchmark runs with. */
export interface BenchContext {
  /** Pairs (and so cycles) to run with. */
  readonly pairs: number;
  /** Client-side concurrency of starts and queries, the same for ours and the floor. */
  readonly concurrency: number;
  /** The databases B1 (and B4) compare; the others run on PostgreSQL. */
  readonly databases: readonly DatabaseKind[];
  /** Seconds between opening the cycles of a burst and their reminders' instant (B2, B5); default by size. */
  readonly leadSeconds: number | undefined;
  /** Added to every worker's environment (`--worker-env K=V`: e.g. another cache size, for a comparison). */
  readonly workerEnv: Readonly<Record<string, string>>;
  /** The `temporal` CLI (dev server). */
  readonly temporalCli: string;
  /** How the benchmarks' dev servers sync their SQLite files (`--temporal-sync`, BENCHMARKS.md). */
  readonly temporalSync: TemporalSqliteSync;
  /** A scratch directory of this benchmark (logs, SQLite files), removed afterwards. */
  readonly dir: string;
  /** Maintenance URL of the PostgreSQL test cluster. */
  adminUrl(): string;
  /** The generated roster file of `pairs` pairs. */
  rosterFile(): Promise<string>;
  /** The generated roster, read and validated. */
  roster(): Promise<RosterFile>;
  /** A fresh database with the schema and the generated roster imported (PGlite: imported each time). */
  databaseWithRoster(kind: DatabaseKind): Promise<BenchDatabase>;
  /** A fresh, migrated, empty database. */
  emptyDatabase(kind: DatabaseKind): Promise<BenchDatabase>;
  /**
   * A world (dev server, SMTP catcher, worker) on a fresh database of `kind` holding the roster; the worker
   * runs with `workerEnv` unless `worker` is false.
   */
  world(kind?: DatabaseKind, options?: { readonly worker?: false }): Promise<World>;
  /** A progress bar for `total` steps of a phase. */
  phase(label: string, total: number): Phase;
  log(message: string): void;
}

/** Options of {@link createContext}. */
export interface ContextOptions {
  readonly pairs: number;
  readonly concurrency: number;
  readonly databases: readonly DatabaseKind[];
  readonly leadSeconds?: number;
  readonly workerEnv?: Readonly<Record<string, string>>;
  readonly temporalCli: string;
  /** Default `off` (BENCHMARKS.md explains why). */
  readonly temporalSync?: TemporalSqliteSync;
  /** Parent of the scratch directories. */
  readonly scratch: string;
  readonly quiet: boolean;
}

/** The maintenance URL of the test cluster: TEST_DATABASE_ADMIN_URL, or the one scripts/postgres.sh starts. */
function clusterUrl(): string {
  const fromEnv = process.env.TEST_DATABASE_ADMIN_URL;
  if (fromEnv) return fromEnv;
  const url = execFileSync('bash', [path.join(root, 'scripts', 'postgres.sh'), 'start'], {
    encoding: 'utf8',
  }).trim();
  process.env.TEST_DATABASE_ADMIN_URL = url;
  return url;
}

async function onServer(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A context shared by the benchmarks of one run; `close()` drops what it made. */
export interface RunContext {
  /** The context of one benchmark, with its own scratch directory. */
  forBenchmark(name: string): Promise<BenchContext & { cleanup(): Promise<void> }>;
  close(): Promise<void>;
}

/** Builds the run's context: the roster and its PostgreSQL template are made on first use and kept. */
export function createContext(options: ContextOptions): RunContext {
  let admin: string | undefined;
  const adminUrl = () => (admin ??= clusterUrl());
  let rosterFile: Promise<string> | undefined;
  let roster: Promise<RosterFile> | undefined;
  let template: Promise<string> | undefined;
  const log = (message: string) => {
    if (!options.quiet) process.stderr.write(`${message}\n`);
  };

  const getRosterFile = () =>
    (rosterFile ??= fs
      .mkdir(options.scratch, { recursive: true })
      .then(() => writeRoster(options.scratch, options.pairs)));
  const getRoster = () => (roster ??= getRosterFile().then(readRoster));

  const importInto = async (db: BenchDatabase) => {
    const roster = await getRoster();
    const bar = phase(`roster import (${db.kind})`, roster.units.length + roster.pairs.length);
    await importRoster(db.prisma, roster, {
      staffYear: BENCH_YEAR,
      actor: 'bench',
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
  };

  // A migrated database holding the roster, copied (CREATE DATABASE … TEMPLATE) by every PostgreSQL world.
  const getTemplate = () =>
    (template ??= (async () => {
      const name = `twinning_bench_template_${process.pid}_${options.pairs}`;
      await onServer(adminUrl(), `DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
      await onServer(adminUrl(), `CREATE DATABASE ${escapeIdentifier(name)}`);
      const url = databaseUrlOn(adminUrl(), name);
      await migrate(url);
      const prisma = createPrismaClient(url, { maxConnections: 2 });
      try {
        await importInto({ kind: 'postgres', url, poolSize: 2, prisma, drop: () => Promise.resolve() });
      } finally {
        await prisma.$disconnect();
      }
      return name;
    })());

  const phase = (label: string, total: number): Phase => {
    const started = performance.now();
    let done = 0;
    const bar =
      !options.quiet && process.stderr.isTTY
        ? new SingleBar({
            format: `${label.padEnd(44)} [{bar}] {percentage}% | {value}/{total} | {duration}s`,
            stream: process.stderr,
            hideCursor: true,
            barsize: 30,
          })
        : undefined;
    bar?.start(total, 0);
    // Without a terminal (a log file, CI) a line at every tenth instead of a bar, so long phases show progress.
    let tenths = 0;
    return {
      update(value) {
        done = value;
        bar?.update(Math.min(value, total));
        const reached = total > 0 ? Math.floor((10 * Math.min(value, total)) / total) : 0;
        if (!bar && !options.quiet && reached > tenths && reached < 10) {
          tenths = reached;
          log(`${label}: ${done}/${total} after ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      },
      stop() {
        bar?.stop();
        if (!bar) log(`${label}: ${done}/${total} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    };
  };

  return {
    async forBenchmark(name) {
      await fs.mkdir(options.scratch, { recursive: true });
      const dir = await fs.mkdtemp(path.join(options.scratch, `${name}-`));
      const databaseWithRoster = async (kind: DatabaseKind): Promise<BenchDatabase> => {
        if (kind === 'postgres') {
          return createDatabase('postgres', { adminUrl: adminUrl(), template: await getTemplate() });
        }
        const db = await createDatabase('pglite', {});
        try {
          await importInto(db);
        } catch (error) {
          await db.drop();
          throw error;
        }
        return db;
      };
      return {
        pairs: options.pairs,
        concurrency: options.concurrency,
        databases: options.databases,
        leadSeconds: options.leadSeconds,
        workerEnv: options.workerEnv ?? {},
        temporalCli: options.temporalCli,
        temporalSync: options.temporalSync ?? 'off',
        dir,
        adminUrl,
        rosterFile: getRosterFile,
        roster: getRoster,
        databaseWithRoster,
        emptyDatabase: (kind) => createDatabase(kind, kind === 'postgres' ? { adminUrl: adminUrl() } : {}),
        world(kind = 'postgres', worldOptions = {}) {
          return startWorld({
            temporalCli: options.temporalCli,
            temporalSync: options.temporalSync ?? 'off',
            dir,
            database: () => databaseWithRoster(kind),
            worker: worldOptions.worker === false ? false : (options.workerEnv ?? {}),
          });
        },
        phase,
        log,
        async cleanup() {
          await fs.rm(dir, { recursive: true, force: true });
        },
      };
    },
    async close() {
      if (template) {
        const name = await template.catch(() => undefined);
        if (name)
          await onServer(adminUrl(), `DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
      }
      await fs.rm(options.scratch, { recursive: true, force: true });
    },
  };
}
