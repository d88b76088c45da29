/**
 * The committed migrations and `prisma/schema.prisma` describe the same database: the migrations applied one
 * after the other and the schema built from empty (`prisma migrate diff --from-empty`) give the same
 * `pg_dump --schema-only`. A schema change without its migration, or a migration that adds columns in another
 * order than the schema lists them, fails here.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { migrate } from '../../db/migrate';
import { createEmptyDatabase } from '../support/db';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..', '..');

function pgBin(name: string): string {
  const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
  const newest = versions[versions.length - 1];
  if (!newest) throw new Error('PostgreSQL is not installed: run scripts/bootstrap.sh --test');
  return path.join('/usr/lib/postgresql', newest, 'bin', name);
}

async function schemaDump(url: string): Promise<string> {
  const { stdout } = await run(
    pgBin('pg_dump'),
    ['--schema-only', '--no-owner', '--no-privileges', '--exclude-table=_prisma_migrations', url],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  // Comment lines carry the dump's date, version and the database name.
  return stdout
    .split('\n')
    .filter(
      (line) => !line.startsWith('--') && !line.startsWith('\\restrict') && !line.startsWith('\\unrestrict'),
    )
    .join('\n');
}

it('the migrations applied in order give the same schema as prisma/schema.prisma built from empty', async () => {
  const stepwise = await createEmptyDatabase();
  const fromEmpty = await createEmptyDatabase();
  try {
    await migrate(stepwise.url);
    const { stdout: script } = await run(
      'bash',
      [
        path.join(root, 'scripts', 'prisma.sh'),
        'migrate',
        'diff',
        '--from-empty',
        '--to-schema-datamodel',
        path.join(root, 'prisma', 'schema.prisma'),
        '--script',
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: fromEmpty.url }, maxBuffer: 16 * 1024 * 1024 },
    );
    const client = new Client({ connectionString: fromEmpty.url });
    await client.connect();
    try {
      await client.query(script);
    } finally {
      await client.end();
    }
    expect(await schemaDump(stepwise.url)).toEqual(await schemaDump(fromEmpty.url));
  } finally {
    await stepwise.drop();
    await fromEmpty.drop();
  }
});
