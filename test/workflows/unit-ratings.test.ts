/**
 * Units are rated as units (the plan rates departments, districts and communes, not pairs), on the time-skipping
 * server with the real activities on PostgreSQL:
 * - a department with two pairs whose reports arrive on different days gets one proposal after both, and is not
 *   criticised in between;
 * - two `rate` Updates sent together: exactly one is accepted, the other refused, and the database and the
 *   workflow agree;
 * - a lowland district paired with a mountain district of three communes needs 2 models in each;
 * - a merger of communes on 01/07: the old pair's cycle ends on 30/06, its later obligations not applicable, the
 *   roster re-pairs it, and the successor pair's cycle starts on 01/07.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bilingual } from '../../domain/messages';
import { CycleCommands } from '../../services/cycle-commands';
import { statusQuery } from '../../workflows/twinning-cycle';
import type { UnitEvaluationStatus } from '../../workflows/unit-evaluation/status';
import {
  ledgerOf,
  maybeRecordHistory,
  recordingPrefix,
  startCycle,
  type CycleUnderTest,
} from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];
let taskQueue: string;
let commands: CycleCommands;

beforeAll(async () => {
  // A refused RECORD_HISTORIES prefix fails the run before any business time is simulated.
  recordingPrefix();
  world = await startCycleWorld('unit-ratings', { roster: 'unit-roster.json' });
  ({ env, db, taskQueue } = world);
  commands = new CycleCommands(env.client, db.prisma);
});

afterAll(async () => {
  await world?.teardown();
});

const plan = {
  summary: 'Kế hoạch triển khai năm 2026',
  monitoringAssignment: 'Phó Chủ tịch UBND xã theo dõi',
};
const needs = { summary: 'Đề xuất hỗ trợ giống cây, bò sinh sản và tập huấn' };
const report = { summary: 'Báo cáo sơ kết năm', assessment: 'Đơn vị thực hiện tốt' };
const signature = (signedOn: string) => ({ signedOn, signatoryName: 'Người ký' });
const entry = (values: Record<string, unknown>) => ({
  category: 'SOCIO_ECONOMIC',
  households: 0,
  amountDong: '0',
  modelsBuilt: 0,
  modelsReplicated: 0,
  studyTours: 0,
  description: 'Hỗ trợ sinh kế',
  ...values,
});

async function ok<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; refusal: { text: string } }>,
): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`refused: ${r.refusal.text}`);
  return r.value;
}

/**
 * Plays O1–O3 of the pairs on time. The pairs share the server's clock, so they move through the days together.
 */
async function agree(cycle: CycleUnderTest, ...pairs: string[]): Promise<void> {
  await cycle.at('2026-02-20T09:00:00+07:00');
  for (const pair of pairs) {
    await ok(
      commands.submit(pair, 2026, { obligation: 'O1', side: 'recipient', actor: 'test:r', data: plan }),
    );
    await ok(
      commands.submit(pair, 2026, { obligation: 'O2', side: 'recipient', actor: 'test:r', data: needs }),
    );
  }
  await cycle.at('2026-03-20T09:00:00+07:00');
  for (const pair of pairs) {
    for (const side of ['sponsor', 'recipient'] as const) {
      await ok(
        commands.submit(pair, 2026, {
          obligation: 'O3',
          side,
          actor: `test:${side}`,
          data: signature('2026-03-20'),
        }),
      );
    }
  }
}

async function reports(pair: string): Promise<void> {
  await ok(commands.submit(pair, 2026, { obligation: 'O5', side: 'sponsor', actor: 'test:s', data: report }));
  await ok(
    commands.submit(pair, 2026, { obligation: 'O6', side: 'recipient', actor: 'test:r', data: report }),
  );
}

/** The unit's evaluation status once `ready` holds (its effects run beside the test). */
async function unitStatus(
  unit: string,
  ready: (s: UnitEvaluationStatus) => boolean,
  timeoutMs = 30_000,
): Promise<UnitEvaluationStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await commands.unitStatus(unit, 2026);
    if (r.ok && ready(r.value)) return r.value;
    if (Date.now() > deadline) throw new Error(`unit ${unit}: ${JSON.stringify(r)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('units rated as units, 2026', () => {
  it('a department with two pairs gets one proposal once both reported, is never criticised early, and is confirmed once', async () => {
    const pa1 = await startCycle(env, taskQueue, 'PA1', { sponsorCode: 'SO-A', recipientCode: 'XA-1' });
    const pa2 = await startCycle(env, taskQueue, 'PA2', { sponsorCode: 'SO-A', recipientCode: 'XA-2' });
    await agree(pa1, 'PA1', 'PA2');
    await pa1.at('2026-04-15T09:00:00+07:00');
    // 20 staff → 4 households; each commune needs 1 model; 1 study tour: all met by the sponsor's own entries.
    await ok(
      commands.progress('PA1', 2026, {
        side: 'sponsor',
        actor: 'test:s',
        data: entry({ households: 2, modelsBuilt: 1, studyTours: 1 }),
      }),
    );
    await ok(
      commands.progress('PA2', 2026, {
        side: 'sponsor',
        actor: 'test:s',
        data: entry({ households: 2, modelsBuilt: 1 }),
      }),
    );

    await pa1.at('2026-12-05T09:00:00+07:00');
    await reports('PA1');
    expect((await pa1.handle.query(statusQuery)).phase).toBe('evaluation');
    // PA2 has not reported: SO-A waits for it, and nothing is stored that could criticise it early.
    const waiting = await unitStatus('SO-A', (s) => s.waitingFor.length > 0);
    expect([waiting.phase, waiting.waitingFor, waiting.proposal]).toEqual(['waiting', ['PA2'], undefined]);
    const soA = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'SO-A' } });
    expect(await db.prisma.unitEvaluation.count({ where: { unitId: soA.id } })).toBe(0);
    // XA-1 has one pair only: it is proposed already.
    expect((await unitStatus('XA-1', (s) => s.phase === 'proposed')).proposal?.rating).toBe('TOT');

    await pa2.at('2026-12-12T09:00:00+07:00');
    await reports('PA2');
    const proposed = await unitStatus('SO-A', (s) => s.phase === 'proposed');
    expect(proposed.proposal).toMatchObject({ rating: 'TOT', score: 100, criticised: false });
    expect([...proposed.cycles].sort()).toEqual(['twinning-cycle:PA1:2026', 'twinning-cycle:PA2:2026']);
    const stored = await db.prisma.unitEvaluation.findMany({ where: { unitId: soA.id } });
    expect(stored.map((e) => [e.year, e.proposedRating, e.criticised, e.finalRating])).toEqual([
      [2026, 'TOT', false, null],
    ]);

    // Two confirmations sent together: the first is accepted, the second is refused by its validator.
    await pa1.at('2027-01-05T09:00:00+07:00');
    const [first, second] = await Promise.all([
      commands.rateUnit('SO-A', 2026, { actor: 'test:admin', rating: 'TOT' }),
      commands.rateUnit('SO-A', 2026, { actor: 'test:admin-2', rating: 'KHA', reason: 'Ý kiến khác' }),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? 'accepted' : r.refusal.text));
    expect(outcomes.filter((o) => o === 'accepted')).toHaveLength(1);
    const accepted = first.ok ? 'TOT' : 'KHA';
    expect(outcomes.find((o) => o !== 'accepted')).toBe(
      bilingual('evaluation.unit.alreadyConfirmed', {
        unitCode: 'SO-A',
        year: 2026,
        ratingVi: accepted === 'TOT' ? 'Tốt' : 'Khá',
        ratingEn: accepted === 'TOT' ? 'Good' : 'Fair',
      }),
    );
    const confirmed = await unitStatus('SO-A', (s) => s.phase === 'confirmed');
    expect(confirmed.final?.rating).toBe(accepted);
    const final = await db.prisma.unitEvaluation.findUniqueOrThrow({
      where: { unitId_year: { unitId: soA.id, year: 2026 } },
    });
    expect([final.finalRating, final.confirmedBy]).toEqual([
      accepted,
      first.ok ? 'test:admin' : 'test:admin-2',
    ]);
    expect(
      await db.prisma.auditEvent.count({
        where: { entityId: 'SO-A:2026', action: { in: ['evaluation.confirmed', 'evaluation.overridden'] } },
      }),
    ).toBe(1);

    // Once both of a pair's units are rated, its O7 is met and the cycle closes with both ratings.
    await ok(commands.rateUnit('XA-1', 2026, { actor: 'test:admin', rating: 'TOT' }));
    const xa2 = await unitStatus('XA-2', (s) => s.phase === 'proposed');
    await ok(commands.rateUnit('XA-2', 2026, { actor: 'test:admin', rating: xa2.proposal!.rating }));
    // One result() at a time: the time-skipping server's lock is not balanced for concurrent waits.
    const r1 = await pa1.handle.result();
    const r2 = await pa2.handle.result();
    expect([r1.closedBy, r1.rating?.sponsorRating, r1.rating?.recipientRating]).toEqual([
      'rated',
      accepted,
      'TOT',
    ]);
    expect([r2.closedBy, r2.rating?.sponsorRating, r2.unitRatings]).toEqual([
      'rated',
      accepted,
      { sponsor: accepted, recipient: xa2.proposal!.rating },
    ]);
    expect(r1.obligations.find((o) => o.id === 'O7')?.status).toBe('submitted');
    await maybeRecordHistory(pa1.handle, 'department-pair-year');
    await maybeRecordHistory(
      env.client.workflow.getHandle('unit-evaluation:SO-A:2026'),
      'unit-evaluation-two-pairs',
    );
  });

  it('a lowland district with a mountain district of three communes needs 2 models in each; progress may name only those communes', async () => {
    const pl = await startCycle(env, taskQueue, 'PL', {
      sponsorCode: 'DB-L',
      recipientCode: 'H-M',
      communes: ['XA-M1', 'XA-M2', 'XA-M3'],
    });
    await agree(pl, 'PL');
    await pl.at('2026-05-10T09:00:00+07:00');
    const elsewhere = await commands.progress('PL', 2026, {
      side: 'sponsor',
      actor: 'test:s',
      data: entry({ communeCode: 'XA-1', modelsBuilt: 1 }),
    });
    expect(elsewhere.ok ? 'accepted' : elsewhere.refusal.text).toBe(
      bilingual('cycle.invalid.commune', { code: 'XA-1', communes: 'XA-M1, XA-M2, XA-M3' }),
    );
    await ok(
      commands.progress('PL', 2026, {
        side: 'sponsor',
        actor: 'test:s',
        data: entry({ households: 10, amountDong: '200000000', studyTours: 1 }),
      }),
    );
    for (const communeCode of ['XA-M1', 'XA-M2'])
      await ok(
        commands.progress('PL', 2026, {
          side: 'sponsor',
          actor: 'test:s',
          data: entry({ communeCode, modelsBuilt: 2 }),
        }),
      );
    await pl.at('2026-12-05T09:00:00+07:00');
    await reports('PL');
    const proposal = await unitStatus('DB-L', (s) => s.phase === 'proposed');
    // households 1, đồng 1, models mean(1, 1, 0) = 0.6666, tours 1, obligations 1 → 93.3 → Khá.
    expect(proposal.proposal).toMatchObject({ rating: 'KHA', score: 93.3 });
    const dbl = await db.prisma.unit.findUniqueOrThrow({ where: { code: 'DB-L' } });
    const stored = await db.prisma.unitEvaluation.findUniqueOrThrow({
      where: { unitId_year: { unitId: dbl.id, year: 2026 } },
    });
    const lines = (stored.explanation as { lines: { vi: string }[] }).lines.map((l) => l.vi);
    expect(lines).toContain('Mô hình xây dựng hoặc nhân rộng: đạt 4/6 (66,6%) — chưa đạt');
    expect(lines).toContain('Mô hình xây dựng hoặc nhân rộng tại XA-M3: đạt 0/2 (0%) — chưa đạt');
    await pl.handle.terminate('test over');
  });

  it('a merger on 01/07: the old pair ends on 30/06 with its later obligations not applicable, re-paired in the roster; the successor opens on 01/07', async () => {
    const old = await startCycle(env, taskQueue, 'PB-OLD', { sponsorCode: 'SO-B', recipientCode: 'XA-OLD' });
    await agree(old, 'PB-OLD');
    await old.at('2026-06-20T09:00:00+07:00');
    const unknown = await commands.endPeriod('PB-OLD', 2026, {
      actor: 'test:admin',
      lastDay: '2026-06-30',
      reason: 'Sáp nhập xã',
      successorPairCode: 'PB-KHONG-CO',
    });
    expect(unknown.ok ? 'accepted' : unknown.refusal.text).toBe(
      bilingual('commands.successorUnknown', { code: 'PB-KHONG-CO' }),
    );
    const ending = await ok(
      commands.endPeriod('PB-OLD', 2026, {
        actor: 'test:admin',
        lastDay: '2026-06-30',
        reason: 'Sáp nhập xã theo Nghị quyết 1/NQ',
        successorPairCode: 'PB-NEW',
        decisionNumber: '1/NQ-UBTVQH',
      }),
    );
    expect(ending.periodEndsOn).toBe('2026-06-30');
    expect(ending.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'submitted'],
      ['O2', 'submitted'],
      ['O3', 'submitted'],
      ['O4', 'notApplicable'],
      ['O5', 'notApplicable'],
      ['O6', 'notApplicable'],
      ['O7', 'notApplicable'],
    ]);
    await old.at('2026-07-02T09:00:00+07:00');
    const ended = await old.handle.result();
    expect([ended.phase, ended.closedBy, ended.successorPairCode, ended.flags]).toEqual([
      'closed',
      'repaired',
      'PB-NEW',
      ['repaired'],
    ]);
    // No reminder after the period: the last ones are O3's before its signing in March.
    const ledger = await ledgerOf(db.prisma, old.workflowId);
    expect(ledger.filter((l) => l.at.endsWith('/2026 08:00') && l.at.slice(3, 5) > '06')).toEqual([]);
    const [successorPair, oldPair] = await db.prisma.pair.findMany({
      where: { code: { in: ['PB-OLD', 'PB-NEW'] } },
      orderBy: { code: 'asc' },
    });
    expect([oldPair!.status, oldPair!.validTo?.toISOString().slice(0, 10)]).toEqual([
      'REPAIRED',
      '2026-06-30',
    ]);
    expect([successorPair!.status, successorPair!.validTo, successorPair!.predecessorId]).toEqual([
      'ACTIVE',
      null,
      oldPair!.id,
    ]);
    // The import wrote a line at real time; the re-pairing one is at the cycle's business time.
    const history = await db.prisma.pairHistory.findMany({
      where: { pairId: oldPair!.id, action: { not: 'created' } },
    });
    expect(
      history.map((h) => [h.action, h.reason, (h.after as { decisionNumber?: string }).decisionNumber]),
    ).toEqual([['repaired', 'Sáp nhập xã theo Nghị quyết 1/NQ', '1/NQ-UBTVQH']]);
    await maybeRecordHistory(old.handle, 'merger-old-pair');
    // The old commune has nothing left to rate in 2026.
    expect((await unitStatus('XA-OLD', (s) => s.phase === 'nothingToRate')).phase).toBe('nothingToRate');

    // The successor pair's cycle opens on 01/07: O1–O3 lie before it.
    const successor = await startCycle(env, taskQueue, 'PB-NEW', {
      sponsorCode: 'SO-B',
      recipientCode: 'XA-NEW',
      period: { from: '2026-07-01' },
    });
    const opened = await successor.handle.query(statusQuery);
    expect(opened.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'notApplicable'],
      ['O2', 'notApplicable'],
      ['O3', 'notApplicable'],
      ['O4', 'pending'],
      ['O5', 'pending'],
      ['O6', 'pending'],
      ['O7', 'pending'],
    ]);
    expect(opened.waitingSince).toBe('2026-06-30T17:00:00.000Z');
    await successor.at('2026-08-10T09:00:00+07:00');
    await ok(
      commands.progress('PB-NEW', 2026, {
        side: 'sponsor',
        actor: 'test:s',
        data: entry({ households: 2, modelsBuilt: 1, studyTours: 1 }),
      }),
    );
    await successor.at('2026-12-05T09:00:00+07:00');
    await reports('PB-NEW');
    // SO-B is rated on its successor pair; the old pair's obligations after 30/06 count against nobody.
    const soB = await unitStatus('SO-B', (s) => s.phase === 'proposed');
    expect(soB.proposal).toMatchObject({ criticised: false, rating: 'TOT' });
    expect(soB.cycles).toEqual(['twinning-cycle:PB-NEW:2026']);
    await successor.handle.terminate('test over');
  });
});
