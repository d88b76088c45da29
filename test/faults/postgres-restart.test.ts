/**
 * Fault injection: PostgreSQL is stopped and started again while progress entries arrive, on a PostgreSQL
 * server of this test's own (the shared test server serves other test files meanwhile). Entries are sent through
 * CycleCommands — the client the web API and the CLI send Updates with — each with a request ID, to cycles on
 * the real Temporal dev server run by a real worker process. The workflow accepts an entry and waits for the
 * read model to take it; the effects activity retries until the database is back. Afterwards every accepted
 * entry is in the read model exactly once, the outage is over for every cycle, and the reminders due are sent.
 * Through the web server, a request while the database is down answers 503 with "try again" in the reader's
 * language (page and API) and changes nothing; entries sent through the web API across the outage, each sent
 * again under its Idempotency-Key while refused, are all in the read model afterwards, each once.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createPrismaClient } from '../../db/client';
import { migrate } from '../../db/migrate';
import { t } from '../../domain/messages';
import { CycleCommands } from '../../services/cycle-commands';
import { freePort } from '../../system/ports';
import { deliveryCounts, printCounts, startFaultWorld, type FaultWorld } from '../support/fault-world';
import { eventually } from '../support/eventually';
import { startFaultWeb } from '../support/fault-web';

const PAIRS = 10;
const ROUNDS = 6;
const OUTAGE_MS = 10_000;
/** Progress entries sent through the web API across the outage. */
const WEB_ENTRIES = 8;
// 15/05/2026 09:00 local: the cycles are carrying out their programme and take progress entries.
const OPENED_AT = '2026-05-15T02:00:00.000Z';
const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);
let world: FaultWorld;
let pg: { port: string; dir: string };

/** Starts or stops this test's PostgreSQL with the repository's script (as the suite's own server). */
async function postgres(command: 'start' | 'stop'): Promise<string> {
  const { stdout } = await run('bash', [path.join(root, 'scripts', 'postgres.sh'), command], {
    env: { ...process.env, TEST_PG_PORT: pg.port, TEST_PG_DIR: pg.dir },
  });
  return stdout.trim();
}

beforeAll(async () => {
  pg = {
    port: String(await freePort()),
    dir: path.join(os.tmpdir(), `twinning-pg-restart-${randomBytes(4).toString('hex')}`),
  };
  const url = (await postgres('start')).replace(/\/postgres$/, '/twinning');
  const { Client } = await import('pg');
  const admin = new Client({ connectionString: url.replace(/\/twinning$/, '/postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE twinning');
  await admin.end();
  await migrate(url);
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  world = await startFaultWorld('pg-restart', PAIRS, {
    database: {
      name: 'twinning',
      url,
      prisma,
      async drop() {
        await prisma.$disconnect();
        await postgres('stop');
        await run('rm', ['-rf', pg.dir]);
      },
    },
  });
});

afterAll(async () => {
  await world?.teardown();
});

it('PostgreSQL stopped and restarted while progress entries arrive: every accepted entry kept once', async () => {
  await world.startWorker('worker');
  expect(await world.openAt(2026, OPENED_AT)).toBe(PAIRS);
  const commands = new CycleCommands(await world.client(), world.db.prisma);
  const pairCodes = Array.from({ length: PAIRS }, (_, i) => `P${String(i + 1).padStart(5, '0')}`);
  const accepted: string[] = [];
  const refused: string[] = [];

  const send = async (pairCode: string, round: number): Promise<void> => {
    const requestId = `entry-${pairCode}-${round}`;
    const result = await commands.progress(
      pairCode,
      2026,
      {
        side: round % 2 === 0 ? 'sponsor' : 'recipient',
        actor: 'test:officer',
        data: {
          category: 'SOCIO_ECONOMIC',
          households: round + 1,
          amountDong: 1_000_000 * (round + 1),
          modelsBuilt: 0,
          modelsReplicated: 0,
          studyTours: 0,
          description: `Đợt ${round + 1}`,
        },
      },
      { requestId },
    );
    if (result.ok) accepted.push(requestId);
    else refused.push(`${requestId}: ${result.refusal.text}`);
  };

  // Round 0 with the database up; rounds 1.. while it stops, stays down, and comes back.
  await Promise.all(pairCodes.map((p) => send(p, 0)));
  const inFlight = (async () => {
    for (let round = 1; round < ROUNDS; round += 1) {
      await Promise.all(pairCodes.map((p) => send(p, round)));
    }
  })();
  await postgres('stop');
  // Entries sent now wait inside their cycles for the read model.
  const duringOutage = (async () => {
    for (const p of pairCodes) await send(p, ROUNDS);
  })();
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  await postgres('start');
  await Promise.all([inFlight, duringOutage]);

  expect(refused).toEqual([]);
  expect(accepted).toHaveLength(PAIRS * (ROUNDS + 1));
  // Every accepted entry is in the read model, once, under its request ID.
  const rows = await eventually(
    () => world.db.prisma.progressEntry.findMany({ select: { idempotencyKey: true } }),
    (r) => r.length >= accepted.length,
    120_000,
  );
  const keys = rows.map((r) => r.idempotencyKey);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).toHaveLength(accepted.length);
  for (const id of accepted) expect(keys.some((k) => k.includes(id))).toBe(true);
  // A request sent again after the outage (a user pressing the button twice) is the same entry, not a new one.
  await send(pairCodes[0]!, ROUNDS);
  expect(await world.db.prisma.progressEntry.count()).toBe(keys.length);
  // The cycles run on: the reminders they owed meanwhile are all delivered.
  const counts = await eventually(
    () => deliveryCounts(world, PAIRS),
    (c) => c.lost === 0,
    120_000,
  );
  printCounts('PostgreSQL stopped and restarted mid-submissions', { ...counts, submissions: keys.length });
  expect(counts).toMatchObject({ failed: 0, lost: 0 });
}, 600_000);

it('through the web: while PostgreSQL is down a request answers 503 "try again" and changes nothing; sent again it is kept once', async () => {
  await world.startWorker('web-worker');
  // The year's cycles (already there when the test above ran first: opening again starts none).
  await world.openAt(2026, OPENED_AT);
  const { prisma } = world.db;
  const web = await startFaultWeb(world);
  try {
    const officer = await web.sponsorOfficer('P00002', 'canbo@donvi.example.gov.vn');
    const token = await officer.csrf();
    const url = '/api/v1/pairs/P00002/2026/submissions';
    // The sponsor's year-end report (O5) is owed and may be filed early, during implementation.
    const body = {
      obligation: 'O5',
      data: { summary: 'Đã hoàn thành 2 km đường', assessment: 'Xã phối hợp tốt' },
    };
    const reports = () =>
      prisma.submission.count({ where: { obligation: 'O5', cycle: { pair: { code: 'P00002' } } } });
    expect(await reports()).toBe(0);

    await postgres('stop');
    const down = await officer.api('POST', url, body, { csrf: token });
    expect([down.statusCode, down.json<{ error: unknown }>().error]).toEqual([
      503,
      { code: 'unavailable', message: t('web.error.databaseUnavailable', {}, 'vi') },
    ]);
    const page = await officer.get('/home?lang=en');
    expect(page.statusCode).toBe(503);
    expect(page.body).toContain(t('web.error.databaseUnavailable', {}, 'en'));
    // Progress entries sent meanwhile, each under its own Idempotency-Key and sent again with it while the
    // answer is 503, as a client that retries does.
    const answered: number[] = [];
    let refusals = 0;
    const sendEntry = async (n: number): Promise<void> => {
      for (;;) {
        const answer = await officer.request({
          method: 'POST',
          url: '/api/v1/pairs/P00002/2026/progress',
          headers: {
            'x-csrf-token': token,
            'content-type': 'application/json',
            'idempotency-key': `web-entry-${n}`,
          },
          payload: JSON.stringify({
            data: {
              category: 'SOCIO_ECONOMIC',
              households: n + 1,
              amountDong: 1_000_000,
              modelsBuilt: 0,
              modelsReplicated: 0,
              studyTours: 0,
              description: `Đợt gửi qua web ${n}`,
            },
          }),
        });
        if (answer.statusCode !== 503) return void answered.push(answer.statusCode);
        refusals += 1;
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const entries = (async () => {
      for (let n = 0; n < WEB_ENTRIES; n += 1) await sendEntry(n);
    })();
    await new Promise((r) => setTimeout(r, OUTAGE_MS / 2));
    await postgres('start');
    await entries;
    expect(answered).toEqual(Array.from({ length: WEB_ENTRIES }, () => 200));
    expect(refusals).toBeGreaterThan(0);
    const kept = await eventually(
      () =>
        prisma.progressEntry.findMany({
          where: { description: { startsWith: 'Đợt gửi qua web ' } },
          select: { description: true },
        }),
      (rows) => rows.length >= WEB_ENTRIES,
      60_000,
    );
    expect(kept.map((r) => r.description).sort()).toEqual(
      Array.from({ length: WEB_ENTRIES }, (_, n) => `Đợt gửi qua web ${n}`).sort(),
    );
    // One entry sent once more with its key after the outage (a user pressing the button again) is not a new one.
    await sendEntry(0);
    expect(
      await prisma.progressEntry.count({ where: { description: { startsWith: 'Đợt gửi qua web ' } } }),
    ).toBe(WEB_ENTRIES);

    // The report refused during the outage, sent again: accepted, and the read model holds the one report.
    const again = await eventually(
      () => officer.api('POST', url, body, { csrf: token }),
      (r) => r.statusCode !== 503,
      60_000,
    );
    expect(again.statusCode).toBe(200);
    expect(await eventually(reports, (n) => n === 1, 60_000)).toBe(1);
  } finally {
    await web.close();
  }
}, 300_000);
