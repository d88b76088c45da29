/**
 * `twinning backup` and `twinning restore` on the system as `npm start` runs it (scripts/start.ts, on ports and
 * data folders of this file's own): the year is opened and one obligation waived, a backup is taken while the
 * system runs, a row written after it is not in it, restore refuses while the system runs and refuses a folder
 * that is not a backup, and a restore into a fresh DATA_DIR brings back the rows and the running workflows,
 * whose encrypted histories the restored key still reads.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '../../db/client';
import { bilingual } from '../../domain/messages';
import { openYear } from '../../services/cycle-opener';
import { BACKUP_MANIFEST } from '../../system/backup';
import { connectClient } from '../../system/temporal-connection';
import { loadConfig } from '../../worker/config';
import { statusQuery } from '../../workflows/cycle/messages';
import { eventually } from '../support/eventually';
import { runTwinning, startSystem, systemVariables, type SystemEnv } from '../support/system';

const ports: Omit<SystemEnv, 'dataDir'> = {
  webPort: 13400,
  pgPort: 15844,
  temporalPort: 17533,
  temporalUiPort: 18533,
  smtpPort: 12825,
};
const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${ports.pgPort}/postgres`;
/** 09:00 on 02/02/2026 in Asia/Ho_Chi_Minh: O1 is open, its first reminder (16/02) is two weeks of timers away. */
const openedAt = '2026-02-02T02:00:00.000Z';
const pair = 'KN-2025-01';
const workflowId = `twinning-cycle:${pair}:2026`;
const reason = 'Miễn theo quyết định số 12/QĐ-UBND';

let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-backup-'));
});

afterAll(async () => {
  await fs.rm(work, { recursive: true, force: true });
});

const twinning = runTwinning;

async function withPrisma<T>(use: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  // PGlite serves one query at a time: one connection, closed at once.
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
  try {
    return await use(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** The O1 row of the pair's 2026 cycle and the number of 2026 cycles, from the read model. */
function readModel(): Promise<{ cycles: number; o1: string | undefined }> {
  return withPrisma(async (prisma) => {
    const cycles = await prisma.cycle.count({ where: { year: 2026 } });
    const o1 = await prisma.cycleObligation.findFirst({
      where: { obligation: 'O1', cycle: { workflowId } },
      select: { status: true },
    });
    return { cycles, o1: o1?.status };
  });
}

/** The cycle's status query, through a client that decrypts with the data folder's key. */
async function projection(vars: NodeJS.ProcessEnv): Promise<{ status: string; o1: string | undefined }> {
  const client = await connectClient(loadConfig(vars));
  try {
    const handle = client.workflow.getHandle(workflowId);
    const { status } = await handle.describe();
    const view = await handle.query(statusQuery);
    return { status: status.name, o1: view.obligations.find((o) => o.id === 'O1')?.status };
  } finally {
    await client.connection.close();
  }
}

describe('twinning backup and restore', () => {
  it('backs the data folder up while the system runs and restores it into a fresh DATA_DIR', async () => {
    const original = systemVariables({ ...ports, dataDir: path.join(work, 'data') });
    const fresh = systemVariables({ ...ports, dataDir: path.join(work, 'restored') });
    const backup = path.join(work, 'backup');

    const system = await startSystem(original);
    let holidayAfterBackup: Date;
    try {
      const client = await connectClient(loadConfig(original));
      try {
        const opened = await withPrisma((prisma) =>
          openYear(prisma, client, { year: 2026, taskQueue: 'twinning', openedAt }),
        );
        // The demo roster's pairs active in 2026 (the two-level government: the 2020–2025 pairs are history).
        expect(opened.started).toHaveLength(10);
      } finally {
        await client.connection.close();
      }
      const waived = await twinning(
        original,
        'cycle',
        'waive',
        pair,
        '--year',
        '2026',
        '--obligation',
        'O1',
        '--reason',
        reason,
      );
      expect(waived.stderr).toBe('');
      expect(waived.code).toBe(0);
      // Each cycle writes its read-model row from its own first workflow task, so on a busy machine some rows may
      // still be on their way when the waiver returns; the backup must be taken once all ten are there.
      expect(await eventually(readModel, (m) => m.cycles === 10 && m.o1 === 'WAIVED')).toEqual({
        cycles: 10,
        o1: 'WAIVED',
      });

      const taken = await twinning(original, 'backup', backup);
      expect(taken.stderr).toBe('');
      expect(taken.code).toBe(0);
      const parts =
        'PostgreSQL (PGlite), Temporal (SQLite), khóa mã hóa dữ liệu Temporal, thư đã bắt (outbox)';
      expect(taken.stdout.trim()).toBe(
        `Đã sao lưu ${original.DATA_DIR} vào ${backup} (trong khi hệ thống đang chạy): ${parts}. / ` +
          `Backed up ${original.DATA_DIR} into ${backup} (while the system runs): PostgreSQL (PGlite), Temporal (SQLite), Temporal payload keys, caught e-mail (outbox).`,
      );
      const manifest = JSON.parse(await fs.readFile(path.join(backup, BACKUP_MANIFEST), 'utf8')) as {
        online: boolean;
        parts: string[];
      };
      expect(manifest).toMatchObject({
        online: true,
        parts: ['pglite', 'temporal.db', 'payload-keys', 'outbox'],
      });
      expect((await fs.stat(path.join(backup, 'payload-keys'))).mode & 0o777).toBe(0o600);

      // Written after the backup: the restored data must not have it.
      holidayAfterBackup = new Date('2026-06-15T00:00:00.000Z');
      await withPrisma((prisma) =>
        prisma.calendarDay.create({
          data: { date: holidayAfterBackup, year: 2026, kind: 'HOLIDAY', name: 'sau sao lưu' },
        }),
      );

      const again = await twinning(original, 'backup', backup);
      expect(again.code).toBe(1);
      expect(again.stderr.trim()).toBe(bilingual('backup.targetNotEmpty', { dir: backup }));

      const whileRunning = await twinning(fresh, 'restore', backup);
      expect(whileRunning.code).toBe(1);
      expect(whileRunning.stderr.trim()).toBe(
        bilingual('restore.running', { service: 'PostgreSQL (PGlite)', port: ports.pgPort }),
      );
    } finally {
      expect(await system.interrupt()).toBe(0);
    }

    const notBackup = await twinning(fresh, 'restore', original.DATA_DIR!);
    expect(notBackup.code).toBe(1);
    expect(notBackup.stderr.trim()).toBe(
      bilingual('restore.noManifest', { dir: original.DATA_DIR!, manifest: BACKUP_MANIFEST }),
    );
    await expect(fs.stat(fresh.DATA_DIR!)).rejects.toMatchObject({ code: 'ENOENT' });

    const restored = await twinning(fresh, 'restore', backup);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(`Restored the backup of `);
    expect((await fs.readdir(fresh.DATA_DIR!)).sort()).toEqual([
      'outbox',
      'payload-keys',
      'pglite',
      'temporal.db',
    ]);

    const second = await startSystem(fresh);
    try {
      expect(await readModel()).toEqual({ cycles: 10, o1: 'WAIVED' });
      expect(
        await withPrisma((prisma) => prisma.calendarDay.count({ where: { date: holidayAfterBackup } })),
      ).toBe(0);
      expect(await projection(fresh)).toEqual({ status: 'RUNNING', o1: 'waived' });
    } finally {
      expect(await second.interrupt()).toBe(0);
    }
  }, 480_000);
});
