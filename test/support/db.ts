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

/**
 * Each table's row count and the MD5 of all its rows (in a stable order): two equal results mean nothing in those
 * tables was written in between, not even a row changed in place.
 */
export async function tableDigests(
  prisma: PrismaClient,
  tables: readonly string[],
): Promise<Record<string, string>> {
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${t}" x`,
    )
    .join(' UNION ALL ');
  const rows = await prisma.$queryRawUnsafe<{ name: string; rows: number; digest: string }[]>(sql);
  return Object.fromEntries(rows.map((r) => [r.name, `${r.rows} rows, ${r.digest}`]));
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
