/**
 * The migration runner against a real PostgreSQL: fresh, re-run (no-op), concurrent (one waits), and a
 * migration edited after it was applied is refused.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../../db/migrate';
import { createEmptyDatabase } from '../support/db';

async function tables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return res.rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

async function bookkeepingRows(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string }>('SELECT count(*) AS n FROM "_prisma_migrations"');
    return Number(res.rows[0]?.n);
  } finally {
    await client.end();
  }
}

describe('migration runner', () => {
  it('applies every migration to a fresh database, then does nothing on a re-run', async () => {
    const db = await createEmptyDatabase();
    try {
      const files = await readMigrations();
      expect(files.length).toBeGreaterThan(0);
      const first = await migrate(db.url);
      expect(first.applied).toEqual(files.map((f) => f.name));
      expect(first.alreadyApplied).toEqual([]);
      expect(await tables(db.url)).toEqual(expect.arrayContaining(['Unit', 'Pair', 'Cycle', 'Notification']));

      const second = await migrate(db.url);
      expect(second.applied).toEqual([]);
      expect(second.alreadyApplied).toEqual(files.map((f) => f.name));
      expect(await bookkeepingRows(db.url)).toBe(files.length);
    } finally {
      await db.drop();
    }
  });

  it('serialises two runners started together: one waits, the schema is applied once', async () => {
    const db = await createEmptyDatabase();
    try {
      const files = await readMigrations();
      const [a, b] = await Promise.all([migrate(db.url), migrate(db.url)]);
      expect([a.waited, b.waited].filter(Boolean)).toHaveLength(1);
      expect([...a.applied, ...b.applied]).toEqual(files.map((f) => f.name));
      expect(await bookkeepingRows(db.url)).toBe(files.length);
    } finally {
      await db.drop();
    }
  });

  it('refuses a migration whose file changed after it was applied', async () => {
    const db = await createEmptyDatabase();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    try {
      await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
      await migrate(db.url, { dir });
      const [first] = await readMigrations(dir);
      await fs.appendFile(path.join(dir, first!.name, 'migration.sql'), '\n-- edited\n');
      await expect(migrate(db.url, { dir })).rejects.toThrow(
        `Migration ${first!.name} was changed after it was applied.`,
      );
    } finally {
      await db.drop();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
