/**
 * Fault injection: two workers on one task queue (as a scaled-out deployment runs them) share a burst of 1,000
 * reminders due at one instant; one of them is SIGKILLed in the middle and never comes back. The other finishes
 * the burst: every due message arrives, none is lost, and every cycle is in the state the scenario implies.
 */
import { deliveryCounts, printCounts, startFaultWorld, type FaultWorld } from '../support/fault-world';
import { eventually } from '../support/eventually';

const PAIRS = 500;
// Time for opening 500 cycles (each first workflow task on the worker) before the burst, on a loaded 2-core machine.
const LEAD_MS = 180_000;
// 16/02/2026 08:00 local: the D-14 reminders of O1 and O2.
const BURST = '2026-02-16T01:00:00.000Z';
let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld('two-workers', PAIRS);
});

afterAll(async () => {
  await world?.teardown();
});

it(`two workers on one task queue, one SIGKILLed mid-burst: the other delivers all ${2 * PAIRS}`, async () => {
  const [doomed] = await Promise.all([world.startWorker('worker-a'), world.startWorker('worker-b')]);
  const opening = Date.now();
  expect(await world.openAt(2026, new Date(Date.parse(BURST) - LEAD_MS).toISOString(), opening)).toBe(PAIRS);
  // A precondition of the scenario, not a speed claim: a cycle opened after its reminder's instant would not
  // owe that reminder, and the burst would be smaller than it says.
  expect(Date.now() - opening).toBeLessThan(LEAD_MS);
  await eventually(
    () => Promise.resolve(world.messages().length),
    (n) => n >= 300,
    LEAD_MS + 180_000,
    100,
  );
  doomed.child.kill('SIGKILL');
  const killedAt = world.messages().length;
  const counts = await eventually(
    () => deliveryCounts(world, PAIRS),
    (c) => c.due === 2 * PAIRS && c.lost === 0,
    // A message whose attempt died with its worker waits for that attempt's start-to-close timeout (2 min), the
    // first retry interval (1 min) and, if the claim is younger, the rest of its lease: minutes, not seconds.
    480_000,
    1000,
  );
  printCounts('one of two workers SIGKILLed mid-burst', counts);
  console.log(`[faults] killed after ${killedAt} of ${2 * PAIRS} messages had arrived`);
  expect(counts).toMatchObject({ due: 2 * PAIRS, delivered: 2 * PAIRS, failed: 0, lost: 0 });
  expect(await world.db.prisma.notification.count({ where: { status: { not: 'SENT' } } })).toBe(0);
  const cycles = await world.db.prisma.cycle.findMany({ select: { phase: true, nextTimerAt: true } });
  expect(cycles).toHaveLength(PAIRS);
  expect(new Set(cycles.map((c) => `${c.phase} ${c.nextTimerAt?.toISOString()}`))).toEqual(
    new Set(['needsProposal 2026-02-23T01:00:00.000Z']),
  );
}, 1_200_000);
