/**
 * Fault injection: a burst of 1,000 reminders due at one instant (500 pairs, O1 and O2 14 days before their
 * deadline) on the real Temporal dev server, with the worker — `worker/main.ts` as production runs it — killed
 * with SIGKILL in the middle of the burst and started again. Every due message arrives (distinct Message-IDs =
 * messages due), none is lost, and every cycle is in the state the scenario implies.
 */
import { deliveryCounts, printCounts, startFaultWorld, type FaultWorld } from '../support/fault-world';
import { eventually } from '../support/eventually';

const PAIRS = 500;
// Time for opening 500 cycles (each first workflow task on the worker) before the burst, on a loaded 2-core machine.
const LEAD_MS = 180_000;
// 16/02/2026 08:00 local: the D-14 reminders of O1 and O2 (due 02/03 after the roll-forward of 28/02).
const BURST = '2026-02-16T01:00:00.000Z';
let world: FaultWorld;

beforeAll(async () => {
  world = await startFaultWorld('kill-burst', PAIRS);
});

afterAll(async () => {
  await world?.teardown();
});

it(`the worker SIGKILLed during a burst of ${2 * PAIRS} reminders: every message delivered, none lost`, async () => {
  const first = await world.startWorker('worker-1');
  // Business time runs from LEAD before the burst, on one engine instant for every cycle: opening all the
  // cycles must fit in it (a cycle opened after its reminder's instant would not owe that reminder any more).
  const opening = Date.now();
  expect(await world.openAt(2026, new Date(Date.parse(BURST) - LEAD_MS).toISOString(), opening)).toBe(PAIRS);
  const openedIn = Date.now() - opening;
  console.log(`[faults] opened ${PAIRS} cycles in ${openedIn} ms`);
  // A precondition of the scenario, not a speed claim: a cycle opened after its reminder's instant would not
  // owe that reminder, and the burst would be smaller than it says.
  expect(openedIn).toBeLessThan(LEAD_MS);
  await eventually(
    () => Promise.resolve(world.messages().length),
    (n) => n >= 300,
    LEAD_MS + 180_000,
    100,
  );
  first.child.kill('SIGKILL');
  const killedAt = world.messages().length;
  await first.exited;
  await world.startWorker('worker-2');
  const counts = await eventually(
    () => deliveryCounts(world, PAIRS),
    (c) => c.due === 2 * PAIRS && c.lost === 0,
    // A message whose attempt died with its worker waits for that attempt's start-to-close timeout (2 min), the
    // first retry interval (1 min) and, if the claim is younger, the rest of its lease: minutes, not seconds.
    480_000,
    1000,
  );
  printCounts('worker SIGKILLed mid-burst', counts);
  console.log(`[faults] killed after ${killedAt} of ${2 * PAIRS} messages had arrived`);
  expect(counts).toMatchObject({ due: 2 * PAIRS, delivered: 2 * PAIRS, failed: 0, lost: 0 });
  // Every ledger row ends SENT; every cycle waits for its O1/O2 with the D-7 reminder next.
  const unsent = await world.db.prisma.notification.count({ where: { status: { not: 'SENT' } } });
  expect(unsent).toBe(0);
  const cycles = await world.db.prisma.cycle.findMany({ select: { phase: true, nextTimerAt: true } });
  expect(cycles).toHaveLength(PAIRS);
  expect(new Set(cycles.map((c) => `${c.phase} ${c.nextTimerAt?.toISOString()}`))).toEqual(
    new Set(['needsProposal 2026-02-23T01:00:00.000Z']),
  );
}, 1_200_000);
