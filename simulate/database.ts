/**
 * Throw-away databases: a new database with a random name on a PostgreSQL server (optionally copied from a
 * migrated template), or an in-memory PGlite served on a free loopback port. The sandbox (./sandbox.ts) and
 * the tests' own databases (test/support/db.ts) are made here.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { startPgliteServer } from '../system/embedded';
import { freePort } from '../system/ports';

/** A database that exists only for the sandbox (or a test), and how to get rid of it. */
export interface ThrowawayDatabase {
  /** Its name on the server. */
  readonly name: string;
  readonly url: string;
  /** Drops it (PostgreSQL) or stops its server (PGlite). */
  drop(): Promise<void>;
}

/** The URL of another database on the server of `url`. */
export function databaseUrlOn(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

async function onServer<T>(adminUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Options of {@link createThrowawayDatabase}. */
export interface ThrowawayDatabaseOptions {
  /** A maintenance database URL whose user may create databases. */
  readonly adminUrl: string;
  /** Copies this database (`CREATE DATABASE … TEMPLATE`) instead of creating an empty one. */
  readonly template?: string;
  /** Start of the database's name; a random suffix follows. */
  readonly prefix?: string;
}

/** Creates a database with a random name on a PostgreSQL server; nothing is migrated here. */
export async function createThrowawayDatabase(options: ThrowawayDatabaseOptions): Promise<ThrowawayDatabase> {
  const name = `${options.prefix ?? 'twinning_sandbox'}_${randomBytes(6).toString('hex')}`;
  const template = options.template ? ` TEMPLATE ${escapeIdentifier(options.template)}` : '';
  await onServer(options.adminUrl, (c) => c.query(`CREATE DATABASE ${escapeIdentifier(name)}${template}`));
  return {
    name,
    url: databaseUrlOn(options.adminUrl, name),
    async drop() {
      await onServer(options.adminUrl, (c) =>
        c.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`),
      );
    },
  };
}

/**
 * An in-memory PGlite served on a free loopback port. It runs in its own process: PGlite is WebAssembly on
 * one thread, and in this process it would stall the worker's event loop.
 */
export async function startPgliteDatabase(): Promise<ThrowawayDatabase> {
  const port = await freePort();
  const logDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-sandbox-'));
  try {
    const server = await startPgliteServer({ db: 'memory://', port, logDir });
    return {
      name: 'postgres',
      url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
      async drop() {
        await server.stop();
        await fs.rm(logDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await fs.rm(logDir, { recursive: true, force: true });
    throw error;
  }
}
