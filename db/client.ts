/**
 * Builds the Prisma client used by every process. Prisma runs without its native engines here: the JS
 * query compiler with the `pg` driver adapter (see docs/architecture.md, "Data"). The adapter's pool is made
 * here, so that the few statements of every web request can use it directly (`./plain-sql`).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma';
import { registerPool } from './plain-sql';

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** Maximum connections in the pool; PGlite serialises them anyway, PostgreSQL benefits from a few. */
  readonly maxConnections?: number;
}

/** A Prisma client connected to the PostgreSQL at `databaseUrl`. Call `$disconnect()` on shutdown. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  // An idle connection the server dropped (a restart) must not crash the process: the next query reports it.
  pool.on('error', () => undefined);
  // `$disconnect` ends the pool, as it does the one the adapter makes for itself.
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  registerPool(client, pool);
  // A client that only ran plain SQL never connected its adapter, so the adapter would not end the pool.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ending) await pool.end();
  };
  return client;
}

export type { PrismaClient } from '../generated/prisma';
