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

/** How many cycles the server has started a timer for: their first workflow task is recorded. */
async function cyclesWithDurableTimers(): Promise<number> {
  const client = await world.client();
  const cycles = await world.db.prisma.cycle.findMany({ select: { workflowId: true } });
  let durable = 0;
  for (const { workflowId } of cycles) {
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    if (history.events?.some((e) => e.timerStartedEventAttributes)) durable += 1;
  }
  return durable;
}

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
  // Every cycle's first workflow task is recorded by the server, so its timers are durable in the SQLite file. Its
  // read-model row alone is not enough: the row is written inside that task, before the server has its result,
  // and under load the server could be stopped in between.
  await eventually(
    () => cyclesWithDurableTimers(),
    (n) => n === PAIRS,
    120_000,
    500,
  );
  expect(world.messages()).toHaveLength(0);
  await world.stopTemporal();
  // The burst's instant passes while the server is down.
  const downUntil = opening + LEAD_MS + 15_000;
  await new Promise((r) => setTimeout(r, Math.max(0, downUntil - Date.now())));
  expect(world.messages()).toHaveLength(0);
  await world.startTemporal();
  // A worker that lost its server may give up, now or a little later: start another if it does (npm start's
  // supervisor does).
  let replaced = false;
  const counts = await eventually(
    async () => {
      if (!replaced && (worker.child.exitCode !== null || worker.child.signalCode !== null)) {
        replaced = true;
        worker = await world.startWorker('worker-2');
      }
      return deliveryCounts(world, PAIRS);
    },
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
