/**
 * Fault injection: the Temporal dev server (its SQLite file) is stopped in the middle of the year and started
 * again a while later, with reminders falling due while it was down. They fire after the restart, once each:
 * every due message arrives, none twice, and the cycles go on.
 */
import type { ManagedProcess } from '../../system/child-process';
import { deliveryCounts, printCounts, startFaultWorld, type FaultWorld } from '../support/fault-world';
import { eventually } from '../support/eventually';

const PAIRS = 20;
// 16/02/2026 08:00 local: the D-14 reminders of O1 and O2.
const BURST = '2026-02-16T01:00:00.000Z';
const LEAD_MS = 30_000;
let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld('temporal-restart', PAIRS);
});

afterAll(async () => {
  await world?.teardown();
});

it('timers due while the Temporal server was down fire after its restart, once each', async () => {
  let worker: ManagedProcess = await world.startWorker('worker-1');
  const opening = Date.now();
  expect(await world.openAt(2026, new Date(Date.parse(BURST) - LEAD_MS).toISOString(), opening)).toBe(PAIRS);
  // Every cycle has written its read model (its timers are durable in the server's SQLite file).
  await eventually(
    () => world.db.prisma.cycle.count(),
    (n) => n === PAIRS,
    60_000,
    200,
  );
  expect(world.messages()).toHaveLength(0);
  await world.stopTemporal();
  // The burst's instant passes while the server is down.
  const downUntil = opening + LEAD_MS + 15_000;
  await new Promise((r) => setTimeout(r, Math.max(0, downUntil - Date.now())));
  expect(world.messages()).toHaveLength(0);
  await world.startTemporal();
  // A worker that lost its server may have given up: start one if it did (npm start's supervisor does).
  if (worker.child.exitCode !== null || worker.child.signalCode !== null)
    worker = await world.startWorker('worker-2');
  const counts = await eventually(
    () => deliveryCounts(world, PAIRS),
    (c) => c.due === 2 * PAIRS && c.lost === 0,
    180_000,
    500,
  );
  printCounts('Temporal stopped and restarted mid-year', counts);
  expect(counts).toEqual({
    cycles: PAIRS,
    due: 2 * PAIRS,
    delivered: 2 * PAIRS,
    failed: 0,
    duplicated: 0,
    lost: 0,
  });
  const cycles = await eventually(
    () => world.db.prisma.cycle.findMany({ select: { nextTimerAt: true } }),
    (rows) => rows.every((c) => c.nextTimerAt?.toISOString() === '2026-02-23T01:00:00.000Z'),
    30_000,
    500,
  );
  expect(new Set(cycles.map((c) => c.nextTimerAt?.toISOString()))).toEqual(
    new Set(['2026-02-23T01:00:00.000Z']),
  );
}, 600_000);
