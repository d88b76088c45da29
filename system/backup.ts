/**
 * `twinning backup DIR` and `twinning restore DIR`: a copy of the embedded system's data folder (DATA_DIR) that
 * can be taken while `npm start` runs, and put back into a data folder while it does not.
 *
 * What is copied: the PGlite data directory `pglite/`, the Temporal dev server's SQLite file `temporal.db`, the
 * payload key file `payload-keys` (without it the histories cannot be read) and the caught e-mail `outbox/`.
 * Logs and the supervisor's status file are not: they describe a run, not the data.
 *
 * Consistency while the system runs:
 * - Temporal's SQLite file is copied through SQLite's online backup API (Python 3's standard `sqlite3`
 *   module, which the project already needs for its Temporal binaries): a snapshot at one instant, whatever
 *   the dev server writes meanwhile.
 * - PGlite is one PostgreSQL backend behind system/pglite-server.ts, which runs only the owner's statements
 *   while a transaction is open. The backup opens a transaction, runs CHECKPOINT (every committed page is in
 *   the files, so the copy needs no recovery) and copies the directory while every other connection waits;
 *   the pause lasts as long as the copy (a second or so for a province's year).
 * - Temporal is copied first, PostgreSQL second. Activities write the read model and the notification ledger
 *   under business keys, so a database a little ahead of the histories only sees those writes repeated
 *   harmlessly when the cycles go on after a restore; the other order could lose rows the histories think
 *   are written.
 *
 * Both commands refuse a DATA_DIR they do not manage: with DATABASE_URL or TEMPORAL_ADDRESS set, the data
 * lives in services that have their own backups.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { formatDateTime } from '../domain/format';
import { bilingual, t, type Lang, type MessageParams } from '../domain/messages';
import type { AppConfig } from '../worker/config';
import { PAYLOAD_KEY_FILE } from './payload-keys';
import { isPortInUse } from './ports';

/** The manifest file that marks a folder as a backup. */
export const BACKUP_MANIFEST = 'twinning-backup.json';
const FORMAT = 'twinning-backup';
const VERSION = 1;

/** The parts of a data folder a backup holds, as named in it and in the manifest. */
const PARTS = [
  { name: 'pglite', kind: 'dir', label: 'backup.part.pglite' },
  { name: 'temporal.db', kind: 'file', label: 'backup.part.temporal' },
  { name: PAYLOAD_KEY_FILE, kind: 'file', label: 'backup.part.keys' },
  { name: 'outbox', kind: 'dir', label: 'backup.part.outbox' },
] as const;
type PartName = (typeof PARTS)[number]['name'];
const PART_NAMES: readonly string[] = PARTS.map((p) => p.name);

/** Files of a running SQLite database beside it: restored data must not meet an old journal. */
const SQLITE_SIDE_FILES = ['temporal.db-wal', 'temporal.db-shm', 'temporal.db-journal'];

/** The contents of {@link BACKUP_MANIFEST}. */
export interface BackupManifest {
  readonly format: typeof FORMAT;
  readonly version: typeof VERSION;
  /** ISO instant the backup was taken. */
  readonly createdAt: string;
  /** Whether the system was running (the copy was taken live). */
  readonly online: boolean;
  readonly parts: readonly PartName[];
  /** The Temporal namespace of the histories (a restore into another namespace would not find them). */
  readonly namespace: string;
}

/** A backup or restore refused or failed; the message is bilingual and says what to do. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

type BackupConfig = Pick<AppConfig, 'embedded' | 'databaseUrl' | 'temporal'>;

function assertEmbedded(config: BackupConfig): void {
  if (!config.embedded.postgres)
    throw new BackupError(bilingual('backup.external', { variable: 'DATABASE_URL' }));
  if (!config.embedded.temporal)
    throw new BackupError(bilingual('backup.external', { variable: 'TEMPORAL_ADDRESS' }));
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await fs.readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    // A file of that name: taken, as a folder with contents would be.
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}

/** A message naming the parts of a backup, in Vietnamese then English. */
function withParts(
  key: 'backup.done' | 'restore.done',
  params: (lang: Lang) => MessageParams,
  parts: readonly PartName[],
): string {
  const text = (lang: Lang): string => {
    const names = PARTS.filter((p) => parts.includes(p.name)).map((p) => t(p.label, {}, lang));
    return t(key, { ...params(lang), parts: names.join(', ') }, lang);
  };
  return `${text('vi')} / ${text('en')}`;
}

const SQLITE_BACKUP = [
  'import sqlite3, sys',
  'src = sqlite3.connect(sys.argv[1], timeout=60)',
  'dst = sqlite3.connect(sys.argv[2])',
  'src.backup(dst)',
  'print(dst.execute("pragma quick_check").fetchone()[0])',
  'dst.close()',
  'src.close()',
].join('\n');

/** Copies a live SQLite database file into `to` through SQLite's online backup API, and checks the copy. */
async function copySqlite(from: string, to: string): Promise<void> {
  try {
    const { stdout } = await promisify(execFile)('python3', ['-c', SQLITE_BACKUP, from, to], {
      timeout: 600_000,
    });
    if (stdout.trim() !== 'ok') throw new Error(`quick_check: ${stdout.trim()}`);
  } catch (error) {
    const reason = ((error as { stderr?: string }).stderr || (error as Error).message).trim();
    throw new BackupError(bilingual('backup.sqliteFailed', { file: from, reason }));
  }
}

/**
 * Runs `copy` while the embedded PGlite server runs nobody else's statements: inside a transaction of this
 * connection, after a CHECKPOINT (see the module comment).
 */
async function whileDatabaseHolds<T>(databaseUrl: string, copy: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('CHECKPOINT');
    return await copy();
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** Refuses a folder name no file system takes (empty, or with a NUL byte). */
function checkedDir(dir: string): string {
  if (dir.trim() === '' || dir.includes('\0')) throw new BackupError(bilingual('backup.invalidDir', { dir }));
  return path.resolve(dir);
}

/** Runs `work`, turning a file system failure (no permission, not a folder, disk full) into one clear message. */
async function withFileErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError || typeof (error as NodeJS.ErrnoException).code !== 'string')
      throw error;
    throw new BackupError(bilingual('backup.fileError', { reason: (error as Error).message }));
  }
}

/** What {@link backupDataDir} did. */
export interface BackupResult {
  readonly dir: string;
  readonly manifest: BackupManifest;
  /** The bilingual line to print. */
  readonly message: string;
}

/**
 * Copies the embedded data folder into `target`, a new or empty folder outside it, whether or not the system
 * runs. The copy is written under a temporary name beside `target` and renamed into place at the end, so a
 * failed backup leaves no folder that looks like a backup.
 */
export function backupDataDir(
  config: BackupConfig,
  target: string,
  now: () => Date = () => new Date(),
): Promise<BackupResult> {
  return withFileErrors(() => backUp(config, target, now));
}

async function backUp(config: BackupConfig, target: string, now: () => Date): Promise<BackupResult> {
  assertEmbedded(config);
  const dataDir = path.resolve(config.embedded.dataDir);
  const dir = checkedDir(target);
  if (dir === dataDir || dir.startsWith(`${dataDir}${path.sep}`))
    throw new BackupError(bilingual('backup.insideData', { dir, dataDir }));
  if (!(await isEmptyOrMissing(dir))) throw new BackupError(bilingual('backup.targetNotEmpty', { dir }));
  const present: PartName[] = [];
  for (const part of PARTS) if (await exists(path.join(dataDir, part.name))) present.push(part.name);
  if (!present.includes('pglite') && !present.includes('temporal.db'))
    throw new BackupError(
      bilingual('backup.noData', { dataDir, pglite: 'pglite/', temporal: 'temporal.db' }),
    );

  const online = await isPortInUse(config.embedded.pgPort);
  const createdAt = now().toISOString();
  await fs.mkdir(path.dirname(dir), { recursive: true });
  const staging = path.join(
    path.dirname(dir),
    `.${path.basename(dir)}.partial-${randomBytes(4).toString('hex')}`,
  );
  await fs.mkdir(staging);
  try {
    for (const name of present) {
      if (name === 'temporal.db' || name === 'pglite') continue;
      // The outbox only grows by whole new files and the key file changes only by hand: a plain copy will do.
      await fs.cp(path.join(dataDir, name), path.join(staging, name), {
        recursive: true,
        preserveTimestamps: true,
      });
    }
    if (present.includes('temporal.db'))
      await copySqlite(path.join(dataDir, 'temporal.db'), path.join(staging, 'temporal.db'));
    if (present.includes('pglite')) {
      const copy = (): Promise<void> =>
        fs.cp(path.join(dataDir, 'pglite'), path.join(staging, 'pglite'), { recursive: true });
      await (online ? whileDatabaseHolds(config.databaseUrl, copy) : copy());
    }
    const manifest: BackupManifest = {
      format: FORMAT,
      version: VERSION,
      createdAt,
      online,
      parts: present,
      namespace: config.temporal.namespace,
    };
    await fs.writeFile(path.join(staging, BACKUP_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    });
    // The backup holds the payload key: it is as secret as the key file itself.
    await fs.chmod(staging, 0o700);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(staging, dir);
    const mode = online ? 'backup.mode.online' : 'backup.mode.offline';
    const message = withParts('backup.done', (lang) => ({ dataDir, dir, mode: t(mode, {}, lang) }), present);
    return { dir, manifest, message };
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Reads and checks a backup's manifest and its parts; refuses a folder that is not a complete backup. */
export async function readBackup(source: string): Promise<BackupManifest> {
  const dir = path.resolve(source);
  const manifestFile = BACKUP_MANIFEST;
  const refuse = (key: 'restore.noManifest' | 'restore.badManifest'): BackupError =>
    new BackupError(bilingual(key, { dir, manifest: manifestFile }));
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, BACKUP_MANIFEST), 'utf8');
  } catch {
    throw refuse('restore.noManifest');
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    throw refuse('restore.badManifest');
  }
  const m = (typeof manifest === 'object' && manifest !== null ? manifest : {}) as Partial<
    Record<keyof BackupManifest, unknown>
  >;
  if (
    m.format !== FORMAT ||
    m.version !== VERSION ||
    !Array.isArray(m.parts) ||
    !m.parts.every((p) => typeof p === 'string' && PART_NAMES.includes(p)) ||
    typeof m.createdAt !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T/.test(m.createdAt) ||
    Number.isNaN(Date.parse(m.createdAt)) ||
    typeof m.namespace !== 'string' ||
    typeof m.online !== 'boolean'
  )
    throw refuse('restore.badManifest');
  for (const name of m.parts as PartName[]) {
    const kind = PARTS.find((p) => p.name === name)!.kind;
    const stat = await fs.stat(path.join(dir, name)).catch(() => undefined);
    if (!stat || (kind === 'dir' ? !stat.isDirectory() : !stat.isFile()))
      throw new BackupError(bilingual('restore.missingPart', { dir, part: name, manifest: manifestFile }));
  }
  return manifest as BackupManifest;
}

/** What {@link restoreDataDir} did. */
export interface RestoreResult {
  readonly manifest: BackupManifest;
  /** Where the data folder's previous contents went, if it had any. */
  readonly movedAside: string | undefined;
  readonly message: string;
}

/**
 * Puts a backup into the data folder, refusing while the system runs there (its database or Temporal port
 * answers). Whatever the folder held of the parts a backup covers is moved into `before-restore-<instant>/`
 * inside it, never deleted; the backup is first copied beside them, so a failed copy changes nothing.
 */
export function restoreDataDir(
  config: BackupConfig,
  source: string,
  now: () => Date = () => new Date(),
): Promise<RestoreResult> {
  return withFileErrors(() => restore(config, source, now));
}

async function restore(config: BackupConfig, source: string, now: () => Date): Promise<RestoreResult> {
  assertEmbedded(config);
  for (const [service, port] of [
    ['PostgreSQL (PGlite)', config.embedded.pgPort],
    ['Temporal', config.embedded.temporalPort],
  ] as const) {
    if (await isPortInUse(port)) throw new BackupError(bilingual('restore.running', { service, port }));
  }
  const dir = checkedDir(source);
  const manifest = await readBackup(dir);
  const dataDir = path.resolve(config.embedded.dataDir);
  await fs.mkdir(dataDir, { recursive: true });
  const staging = path.join(dataDir, `.restore-${randomBytes(4).toString('hex')}`);
  await fs.mkdir(staging);
  try {
    for (const name of manifest.parts)
      await fs.cp(path.join(dir, name), path.join(staging, name), {
        recursive: true,
        preserveTimestamps: true,
      });
    if (manifest.parts.includes(PAYLOAD_KEY_FILE))
      await fs.chmod(path.join(staging, PAYLOAD_KEY_FILE), 0o600);
  } catch (error) {
    await fs.rm(staging, { recursive: true, force: true });
    throw error;
  }
  const old: string[] = [];
  for (const name of [...PART_NAMES, ...SQLITE_SIDE_FILES])
    if (await exists(path.join(dataDir, name))) old.push(name);
  let movedAside: string | undefined;
  if (old.length > 0) {
    movedAside = path.join(dataDir, `before-restore-${now().toISOString().replace(/[:.]/g, '-')}`);
    await fs.mkdir(movedAside);
    for (const name of old) await fs.rename(path.join(dataDir, name), path.join(movedAside, name));
  }
  for (const name of manifest.parts) await fs.rename(path.join(staging, name), path.join(dataDir, name));
  await fs.rm(staging, { recursive: true, force: true });
  const createdAt = formatDateTime(manifest.createdAt);
  const done = withParts('restore.done', () => ({ createdAt, dataDir }), manifest.parts);
  const message = movedAside ? `${done}\n${bilingual('restore.movedAside', { dir: movedAside })}` : done;
  return { manifest, movedAside, message };
}
