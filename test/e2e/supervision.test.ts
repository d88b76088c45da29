/**
 * Supervision under `npm start` (scripts/start.ts), on ports and a data directory of this file's own: the year
 * is opened with a business clock 40 s before a reminder instant, the worker is killed with SIGKILL before the
 * reminders fall due, and the supervisor brings it back: the restart is logged, the landing page shows it
 * (restarts 1, last exit SIGKILL) and every reminder due after the kill reaches the outbox exactly once. The
 * web server, PGlite and the Temporal dev server are then killed too, each comes back on its port, and the
 * others cope with it. Ctrl-C still stops everything cleanly.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import type { Browser } from 'playwright-core';
import { createPrismaClient } from '../../db/client';
import { formatDateTime } from '../../domain/format';
import { listOutbox, outboxDir } from '../../mail/outbox';
import { openYear } from '../../services/cycle-opener';
import { isPortInUse } from '../../system/ports';
import {
  readSupervisionStatus,
  supervisorStatusPath,
  type PartStatus,
  type SupervisedPartName,
} from '../../system/supervisor-status';
import { launchChromium } from '../support/chromium';
import { eventually as poll } from '../support/eventually';
import { startSystem, systemVariables, type RunningSystem, type SystemEnv } from '../support/system';

const env: SystemEnv = {
  dataDir: '',
  webPort: 13100,
  pgPort: 15644,
  temporalPort: 17333,
  temporalUiPort: 18333,
  smtpPort: 12625,
};
const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${env.pgPort}/postgres`;
/**
 * 08:00 on 16/02/2026 in Asia/Ho_Chi_Minh: the D-14 reminders of O1 and O2 (both due 02/03/2026, see
 * `twinning calendar show --year 2026`) for each of the demo pairs active in 2026.
 */
const reminderInstant = '2026-02-16T01:00:00.000Z';
/** demo/roster.json: the 10 `KN-2025-*` pairs from 01/07/2025 (the 6 of the district era ended on 30/06/2025). */
const pairsOf2026 = 10;
const remindersDue = pairsOf2026 * 2;
/** demo/roster.json: 16 units since 01/07/2025 and 13 of the district era kept as history. */
const demoUnits = 29;
const leadMs = 40_000;

let dataDir: string;
let browser: Browser;

/** Parts come back within seconds: read twice a second, for up to 90 s unless told. */
function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 90_000): Promise<T> {
  return poll(read, ok, timeoutMs, 500);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'twinning-supervision-'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (process.env.KEEP_SYSTEM_DATA) console.log(`system data kept in ${dataDir}`);
  else await fs.rm(dataDir, { recursive: true, force: true });
});

async function partStatus(name: SupervisedPartName): Promise<PartStatus | undefined> {
  const status = await readSupervisionStatus(supervisorStatusPath(dataDir));
  return status?.parts.find((p) => p.name === name);
}

/** What the landing page shows: each part's health and the supervisor's row for it. */
async function landing(lang: 'vi' | 'en' = 'vi'): Promise<{
  health: Record<string, { ok: string; detail: string }>;
  supervision: Record<string, { state: string; restarts: string; lastExit: string }>;
}> {
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${env.webPort}/?lang=${lang}`);
    const health: Record<string, { ok: string; detail: string }> = {};
    for (const row of await page.locator('[data-testid=health] tbody tr').all()) {
      health[(await row.getAttribute('data-part')) ?? '?'] = {
        ok: (await row.getAttribute('data-ok')) ?? '?',
        detail: await row.locator('td').nth(2).innerText(),
      };
    }
    const supervision: Record<string, { state: string; restarts: string; lastExit: string }> = {};
    for (const row of await page.locator('[data-testid=supervision] tbody tr').all()) {
      supervision[(await row.getAttribute('data-part')) ?? '?'] = {
        state: (await row.getAttribute('data-state')) ?? '?',
        restarts: await row.locator('[data-testid=restarts]').innerText(),
        lastExit: await row.locator('[data-testid=last-exit]').innerText(),
      };
    }
    return { health, supervision };
  } catch {
    // The web server itself may be the part that is down: an empty page, asked again.
    return { health: {}, supervision: {} };
  } finally {
    await page.close();
  }
}

/** Kills a part with SIGKILL and waits until the supervisor runs it again under a new pid. */
async function killAndAwaitRestart(
  system: RunningSystem,
  name: SupervisedPartName,
  label: string,
): Promise<{ before: PartStatus; after: PartStatus; killedAt: number; restartMs: number }> {
  const before = await partStatus(name);
  if (!before?.pid) throw new Error(`${name} has no pid in the status file`);
  const killedAt = Date.now();
  process.kill(before.pid, 'SIGKILL');
  const after = await eventually(
    () => partStatus(name),
    (s) => s?.state === 'running' && s.pid !== before.pid,
  );
  const restartMs = Date.now() - killedAt;
  expect(after).toMatchObject({ state: 'running', restarts: before.restarts + 1 });
  expect(after?.lastExit).toMatchObject({ code: null, signal: 'SIGKILL' });
  const log = before.logFile ?? '';
  expect(system.output()).toContain(
    `${label} dừng bất ngờ (tín hiệu SIGKILL); sẽ khởi động lại sau 1 giây. Nhật ký: ${log} / ` +
      `${label} exited unexpectedly (signal SIGKILL); restarting in 1 s. Log: ${log}`,
  );
  expect(system.output()).toContain(
    `${label} is running again (restart ${before.restarts + 1}, pid ${after?.pid})`,
  );
  return { before, after: after!, killedAt, restartMs };
}

/** Every reminder ledger row of the instant, and the Message-IDs the outbox holds (with repeats). */
async function deliveries(): Promise<{
  due: Array<{ messageId: string | null; status: string }>;
  caught: string[];
}> {
  // PGlite serves one query at a time: one connection, closed at once.
  const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
  try {
    // A ledger row's scheduledFor is the business instant its timer fired: the reminder instant, plus the
    // milliseconds the timer took.
    const from = Date.parse(reminderInstant);
    const due = await prisma.notification.findMany({
      where: { kind: 'REMINDER', scheduledFor: { gte: new Date(from), lt: new Date(from + 60_000) } },
      select: { messageId: true, status: true },
    });
    const caught = (await listOutbox(outboxDir(dataDir), 100_000)).map((m) => m.messageId);
    return { due, caught };
  } finally {
    await prisma.$disconnect();
  }
}

describe('npm start supervises its parts', () => {
  it('brings back a killed worker that then delivers each reminder due after the kill once; web, database and Temporal come back too', async () => {
    const vars = systemVariables({ ...env, dataDir });
    const system = await startSystem(vars);
    try {
      const first = await eventually(landing, (l) => Object.values(l.health).every((h) => h.ok === 'true'));
      expect(Object.fromEntries(Object.entries(first.health).map(([k, v]) => [k, v.ok]))).toEqual({
        database: 'true',
        temporal: 'true',
        worker: 'true',
        smtp: 'true',
        web: 'true',
      });
      expect(first.supervision).toEqual({
        database: { state: 'running', restarts: '0', lastExit: 'Chưa lần nào' },
        temporal: { state: 'running', restarts: '0', lastExit: 'Chưa lần nào' },
        worker: { state: 'running', restarts: '0', lastExit: 'Chưa lần nào' },
        web: { state: 'running', restarts: '0', lastExit: 'Chưa lần nào' },
      });

      // The year opens on the injected business clock, 40 s before the reminders fall due.
      const openedAt = new Date(Date.parse(reminderInstant) - leadMs).toISOString();
      const connection = await Connection.connect({ address: `127.0.0.1:${env.temporalPort}` });
      const prisma = createPrismaClient(databaseUrl, { maxConnections: 1 });
      const openStarted = Date.now();
      try {
        const opened = await openYear(prisma, new Client({ connection, namespace: 'default' }), {
          year: 2026,
          taskQueue: 'twinning',
          openedAt,
        });
        expect(opened.started).toHaveLength(pairsOf2026);
      } finally {
        await prisma.$disconnect();
        await connection.close();
      }
      // The first cycle started reaches the reminder instant first: the kill must come before that.
      const firstDueAt = openStarted + leadMs;

      const worker = await killAndAwaitRestart(system, 'worker', 'worker');
      expect(worker.killedAt).toBeLessThan(firstDueAt);
      const seen = await eventually(
        landing,
        (l) =>
          l.supervision.worker?.restarts === '1' &&
          l.health.worker?.detail.includes(`${worker.after.pid}@`) === true,
      );
      expect(seen.supervision.worker).toEqual({
        state: 'running',
        restarts: '1',
        lastExit: `${formatDateTime(worker.after.lastExit!.at)}, tín hiệu SIGKILL`,
      });
      expect(seen.health.worker?.ok).toBe('true');
      expect(seen.health.worker?.detail).toContain(`${worker.after.pid}@`);
      expect((await landing('en')).supervision.worker?.lastExit).toBe(
        `${formatDateTime(worker.after.lastExit!.at)}, signal SIGKILL`,
      );

      // Every reminder of the instant reaches the outbox, each Message-ID once.
      const mail = await eventually(
        deliveries,
        (d) =>
          d.due.length === remindersDue &&
          d.due.every((r) => r.status === 'SENT' && r.messageId !== null && d.caught.includes(r.messageId)),
        150_000,
      );
      const delivered = mail.due.filter(
        (r) => r.messageId !== null && mail.caught.includes(r.messageId),
      ).length;
      const duplicated = mail.caught.length - new Set(mail.caught).size;
      console.log(
        `supervision: worker back in ${worker.restartMs} ms; reminders due after the kill ${mail.due.length}, ` +
          `delivered ${delivered}, duplicated Message-IDs ${duplicated}`,
      );
      expect([mail.due.length, delivered, duplicated]).toEqual([remindersDue, remindersDue, 0]);
      expect(mail.due.every((r) => r.status === 'SENT')).toBe(true);

      // The web server comes back on its port.
      const web = await killAndAwaitRestart(system, 'web', 'web');
      const afterWeb = await eventually(
        landing,
        (l) => l.health.web?.detail.startsWith(`pid ${web.after.pid}`) === true,
      );
      expect(afterWeb.supervision.web).toMatchObject({ state: 'running', restarts: '1' });
      console.log(`supervision: web back in ${web.restartMs} ms`);

      // The database comes back with its data, and the web server reads from it again.
      await killAndAwaitRestart(system, 'database', 'PostgreSQL (PGlite)');
      const afterDb = await eventually(
        landing,
        (l) => l.health.database?.ok === 'true' && l.supervision.database?.restarts === '1',
      );
      expect(afterDb.health.database?.detail).toMatch(new RegExp(`^\\d+ migrations, ${demoUnits} units`));
      expect((await deliveries()).due).toHaveLength(remindersDue);

      // Temporal comes back with its history, and the restarted worker polls the new server.
      await killAndAwaitRestart(system, 'temporal', 'Temporal');
      const afterTemporal = await eventually(
        landing,
        (l) =>
          l.health.temporal?.ok === 'true' &&
          l.health.worker?.detail.includes(`${worker.after.pid}@`) === true &&
          l.supervision.temporal?.restarts === '1',
      );
      expect(afterTemporal.health.worker?.ok).toBe('true');
      expect(afterTemporal.health.worker?.detail).toContain(`${worker.after.pid}@`);
      expect(system.output()).not.toContain('stopping');
    } finally {
      expect(await system.interrupt()).toBe(0);
    }
    for (const port of [env.webPort, env.pgPort, env.temporalPort, env.temporalUiPort, env.smtpPort]) {
      expect(await isPortInUse(port)).toBe(false);
    }
    const stopped = await readSupervisionStatus(supervisorStatusPath(dataDir));
    expect(stopped?.parts.map((p) => [p.name, p.state, p.restarts])).toEqual([
      ['database', 'stopped', 1],
      ['temporal', 'stopped', 1],
      ['worker', 'stopped', 1],
      ['web', 'stopped', 1],
    ]);
  }, 420_000);
});
