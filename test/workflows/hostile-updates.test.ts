/**
 * Hostile input at the workflow, property-based (fast-check): any value sent as any Update of a running cycle on
 * the time-skipping server, through CycleCommands as the CLI and the web send it, is accepted or refused with a
 * clear catalogue message; nothing else comes back, no workflow task ever fails, the cycle keeps answering its
 * status query, and what a refused request would have written is not in the read model. The pure counterpart of
 * every validator and decision is test/properties/hostile-input.test.ts.
 */
import fc from 'fast-check';
import { CYCLE_MESSAGES } from '../../domain/workflow-ids';
import { CycleCommands } from '../../services/cycle-commands';
import { statusQuery } from '../../workflows/twinning-cycle';
import { startCycle, type CycleUnderTest } from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';
import { anyValue, expectClearMessage, hostileText } from '../support/hostile';

/** Every Update of the cycle (`rate` and `positiveFactors` are refused by cycles rated per unit). */
const UPDATES = [
  CYCLE_MESSAGES.submit,
  CYCLE_MESSAGES.progress,
  CYCLE_MESSAGES.extend,
  CYCLE_MESSAGES.waive,
  CYCLE_MESSAGES.resend,
  CYCLE_MESSAGES.endPeriod,
  CYCLE_MESSAGES.rate,
  CYCLE_MESSAGES.positiveFactors,
] as const;

let world: CycleWorld;
let cycle: CycleUnderTest;

beforeAll(async () => {
  world = await startCycleWorld('hostile-updates');
  cycle = await startCycle(world.env, world.taskQueue, 'P01', {
    sponsorCode: 'QN-SNN',
    recipientCode: 'XA-LA-DEE',
  });
  await cycle.at('2026-02-10T09:00:00+07:00');
});

afterAll(async () => {
  await world?.teardown();
});

/** A request: any value, or one shaped like a real request with hostile values in its fields. */
const request = fc.oneof(
  anyValue,
  fc.record(
    {
      obligation: fc.oneof(fc.constantFrom('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O9', ''), anyValue),
      side: fc.oneof(fc.constantFrom('sponsor', 'recipient', 'admin'), anyValue),
      actor: fc.oneof(fc.constantFrom('test:hostile', ''), anyValue),
      data: anyValue,
      newDate: fc.oneof(fc.constantFrom('2026-02-30', '1999-01-01', '2026-3-1'), anyValue),
      lastDay: fc.oneof(fc.constantFrom('2026-13-01', 'x'), anyValue),
      reason: fc.oneof(fc.constant(''), fc.constant('x'.repeat(6000)), anyValue),
      successorPairCode: fc.oneof(fc.constantFrom('P404', '../etc'), anyValue),
      rating: anyValue,
      side2: hostileText,
    },
    { requiredKeys: [] },
  ),
);

it('any value as any Update: accepted or a clear refusal, never a failed workflow task', async () => {
  const commands = new CycleCommands(world.env.client, world.db.prisma);
  // A rating per pair, well formed: this cycle's units are rated in their evaluation, and it says so.
  const rating = { actor: 'test:admin', sponsorRating: 'GOOD', recipientRating: 'GOOD' };
  for (const name of [CYCLE_MESSAGES.rate, CYCLE_MESSAGES.positiveFactors]) {
    expect(await commands.cycleUpdate('P01', 2026, name, rating, {})).toEqual({
      ok: false,
      refusal: expect.objectContaining({
        type: 'CycleRefusal',
        message: { key: 'cycle.ratedPerUnit', params: {} },
      }),
    });
  }
  const outcomes = { accepted: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...UPDATES), request, async (name, body) => {
      const result = await commands.cycleUpdate('P01', 2026, name, body, {});
      if (result.ok) {
        outcomes.accepted += 1;
      } else {
        outcomes.refused += 1;
        expect(['CycleRefusal', 'InvalidPayload']).toContain(result.refusal.type);
        expectClearMessage(result.refusal.message);
      }
    }),
    { numRuns: 120 },
  );
  // Random values are nearly always refused; what matters is that every answer was one of the two.
  expect(outcomes.accepted + outcomes.refused).toBe(120);

  // Still alive and answering, and the server never saw a workflow task fail.
  const status = await cycle.handle.query(statusQuery);
  expect(status.pairCode).toBe('P01');
  const history = await cycle.handle.fetchHistory();
  const failedTasks = (history.events ?? []).filter((e) => e.workflowTaskFailedEventAttributes);
  expect(failedTasks).toEqual([]);
  expect((await cycle.handle.describe()).status.name).toBe('RUNNING');

  // Nothing a refused request carried reached the read model: only accepted submissions are stored.
  const stored = await world.db.prisma.submission.count({
    where: { cycle: { workflowId: cycle.workflowId } },
  });
  expect(stored).toBeLessThanOrEqual(outcomes.accepted);
}, 300_000);
