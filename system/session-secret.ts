/**
 * The web session secret of the embedded default: `npm start` without `SESSION_SECRET` keeps a generated one in
 * `<DATA_DIR>/session-secret` (mode 0600), so sessions survive restarts of the web server. Production sets
 * `SESSION_SECRET`; `web/main.ts` started on its own refuses to run without it.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bilingual } from '../domain/messages';

/** The file of the generated secret. */
export function sessionSecretPath(dataDir: string): string {
  return path.resolve(dataDir, 'session-secret');
}

/** The secret kept in the data directory, generated (48 random bytes, base64url) on first use. */
export function ensureSessionSecret(dataDir: string): string {
  const file = sessionSecretPath(dataDir);
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
    throw new Error(bilingual('auth.secret.invalid', { file }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // No file yet: generate one below.
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  // `wx`: two starts at once must not overwrite each other's secret; the loser reads the winner's.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
}
