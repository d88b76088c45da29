/**
 * Applies the committed `prisma/migrations/<name>/migration.sql` files in order, keeping Prisma's
 * `_prisma_migrations` bookkeeping. `prisma migrate deploy` cannot be used through the pg adapter (an open
 * upstream bug), so this small runner does the same under a PostgreSQL advisory lock: two runners started
 * together serialise, and the second finds nothing left to do.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** Arbitrary but fixed key of the advisory lock that serialises migration runners. */
const MIGRATION_LOCK_KEY = 727_001;

/** Where committed migrations live. */
export const MIGRATIONS_DIR = path.resolve(__dirname, '..', 'prisma', 'migrations');

/** One migration file on disk. */
export interface MigrationFile {
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

/** What a run did. */
export interface MigrationResult {
  readonly applied: string[];
  readonly alreadyApplied: string[];
  /** True when another runner held the lock and this one waited for it. */
  readonly waited: boolean;
}

/** Raised when the database disagrees with the committed migrations; nothing is applied then. */
class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/** Reads the migration files in name order (their names start with a timestamp). */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const sql = await fs.readFile(path.join(dir, name, 'migration.sql'), 'utf8');
    files.push({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

const BOOKKEEPING_DDL = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Options for {@link migrate}. */
export interface MigrateOptions {
  readonly dir?: string;
  /** Told when another runner holds the lock, before this one waits. */
  readonly onWaiting?: () => void;
  /** Told before each migration is applied. */
  readonly onApply?: (name: string) => void;
}

/** Brings the database at `databaseUrl` up to date with the committed migrations. */
export async function migrate(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationResult> {
  const files = await readMigrations(options.dir);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let waited = false;
  try {
    const tryLock = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (!tryLock.rows[0]?.locked) {
      waited = true;
      options.onWaiting?.();
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    try {
      return { ...(await applyPending(client, files, options)), waited };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(
  client: Client,
  files: readonly MigrationFile[],
  options: MigrateOptions,
): Promise<Omit<MigrationResult, 'waited'>> {
  await client.query(BOOKKEEPING_DDL);
  const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
  for (const row of done.rows) {
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} started earlier but did not finish; inspect the database before retrying.`,
      );
    }
    const file = files.find((f) => f.name === row.migration_name);
    if (!file) {
      throw new MigrationError(
        `The database has migration ${row.migration_name}, which this version of the code does not know.`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was changed after it was applied.`);
    }
  }
  const applied: string[] = [];
  const alreadyApplied: string[] = [];
  for (const file of files) {
    if (byName.has(file.name)) {
      alreadyApplied.push(file.name);
      continue;
    }
    options.onApply?.(file.name);
    // DDL is transactional in PostgreSQL: a failing migration leaves no half-applied schema behind.
    await client.query('BEGIN');
    try {
      await client.query(file.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), file.checksum, file.name],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
    }
    applied.push(file.name);
  }
  return { applied, alreadyApplied };
}
