/**
 * The real PostgreSQL that tests use. `scripts/postgres.sh` starts a throw-away cluster; an existing server
 * can be named with TEST_DATABASE_ADMIN_URL (a URL whose user may create databases).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Name of the database that holds the migrated schema every test database is copied from. */
export const TEMPLATE_DATABASE = 'twinning_test_template';

/** URL of the maintenance database on the test server, starting the throw-away cluster if needed. */
export function adminUrl(): string {
  const fromEnv = process.env.TEST_DATABASE_ADMIN_URL;
  if (fromEnv) return fromEnv;
  const script = path.resolve(__dirname, '..', '..', 'scripts', 'postgres.sh');
  const url = execFileSync('bash', [script, 'start'], { encoding: 'utf8' }).trim();
  process.env.TEST_DATABASE_ADMIN_URL = url;
  return url;
}
