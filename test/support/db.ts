/**
 * A fresh database per test file on the real test PostgreSQL, copied from the migrated template. The databases
 * are the sandbox's throw-away databases (simulate/database.ts), so tests and the simulator make them one way.
 */
import { createPrismaClient, type PrismaClient } from '../../db/client';
import { createThrowawayDatabase, type ThrowawayDatabase } from '../../simulate/database';
import { adminUrl, TEMPLATE_DATABASE } from './postgres';

/** A database that exists for one test file. */
export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  readonly prisma: PrismaClient;
  /** Disconnects and drops the database. */
  drop(): Promise<void>;
}

/** Creates an empty database on the test server, without the schema (for migration tests). */
export function createEmptyDatabase(): Promise<ThrowawayDatabase> {
  return createThrowawayDatabase({ adminUrl: adminUrl(), prefix: 'twinning_test' });
}

/** Creates a database with every migration applied and a Prisma client connected to it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createThrowawayDatabase({
    adminUrl: adminUrl(),
    template: TEMPLATE_DATABASE,
    prefix: 'twinning_test',
  });
  const prisma = createPrismaClient(database.url, { maxConnections: 5 });
  return {
    name: database.name,
    url: database.url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      await database.drop();
    },
  };
}
