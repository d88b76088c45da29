/**
 * Builds the Prisma client used by every process. Prisma runs without its native engines here: the JS
 * query compiler with the `pg` driver adapter (see docs/architecture.md, "Data").
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma';

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** Maximum connections in the pool; PGlite serialises them anyway, PostgreSQL benefits from a few. */
  readonly maxConnections?: number;
}

/** A Prisma client connected to the PostgreSQL at `databaseUrl`. Call `$disconnect()` on shutdown. */
export function createPrismaClient(databaseUrl: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}

export type { PrismaClient } from '../generated/prisma';
