/**
 * Whole years of pairs' cycles on the time-skipping test server, with the real effects activity writing to a
 * real PostgreSQL. Business time of every cycle starts at 00:05 local on 1 January 2026 (see
 * test/support/cycle-harness.ts), so exact local dates and times can be asserted.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { endOfLocalDay } from '../../domain/calendar/time';
import { bilingual } from '../../domain/messages';
import type { SmtpCatcher } from '../../system/smtp-catcher';
import {
  dissolveUpdate,
  extendUpdate,
  progressUpdate,
  statusQuery,
  submitUpdate,
  waiveUpdate,
} from '../../workflows/twinning-cycle';
import {
  ledgerOf,
  maybeRecordHistory,
  recordingPrefix,
  startCycle,
  type CycleUnderTest,
} from '../support/cycle-harness';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';
import { eventually } from '../support/eventually';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];
let smtp: SmtpCatcher;
let taskQueue: string;

beforeAll(async () => {
  // A refused RECORD_HISTORIES prefix stops the run here, before a year of business time is simulated.
  recordingPrefix();
  world = await startCycleWorld('cycle-year');
  ({ env, db, smtp, taskQueue } = world);
});

afterAll(async () => {
  await world?.teardown();
});

const plan = {
  summary: 'Kế hoạch triển khai năm 2026',
  monitoringAssignment: 'Phó Chủ tịch UBND xã theo dõi',
};
const needs = { summary: 'Đề xuất hỗ trợ giống cây, bò sinh sản và tập huấn' };
const signature = (signedOn: string) => ({ signedOn, signatoryName: 'Người ký' });
const report = { summary: 'Báo cáo sơ kết năm', assessment: 'Đơn vị thực hiện tốt' };
const progress = {
  category: 'SOCIO_ECONOMIC',
  households: 12,
  amountDong: '150000000',
  modelsBuilt: 1,
  modelsReplicated: 0,
  studyTours: 1,
  description: 'Hỗ trợ bò sinh sản',
};

/** The cycle's obligation rows in the read model, by obligation. */
async function obligationRowsOf(workflowId: string) {
  const rows = await db.prisma.cycleObligation.findMany({ where: { cycle: { workflowId } } });
  return new Map(rows.map((r) => [r.obligation, r]));
}

async function submit(
  cycle: CycleUnderTest,
  obligation: 'O1' | 'O2' | 'O3' | 'O5' | 'O6',
  side: 'sponsor' | 'recipient',
  data: Record<string, unknown>,
): Promise<void> {
  await cycle.handle.executeUpdate(submitUpdate, {
    args: [{ obligation, side, actor: `test:${side}`, data }],
  });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    return ((error as WorkflowUpdateFailedError).cause as Error).message;
  }
  throw new Error('the update was accepted');
}

describe('twinning cycle workflow, 2026', () => {
  it('a pair that does everything on time: reminders stop once each obligation is met, no escalation, its unit proposed in evaluation', async () => {
    const cycle = await startCycle(env, taskQueue, 'P01');
    await cycle.at('2026-02-24T09:00:00+07:00');
    await submit(cycle, 'O1', 'recipient', plan);
    await submit(cycle, 'O2', 'recipient', needs);
    await cycle.at('2026-03-20T09:00:00+07:00');
    await submit(cycle, 'O3', 'sponsor', signature('2026-03-20'));
    await cycle.at('2026-03-25T09:00:00+07:00');
    await submit(cycle, 'O3', 'recipient', signature('2026-03-25'));
    await cycle.at('2026-04-15T09:00:00+07:00');
    await cycle.handle.executeUpdate(progressUpdate, {
      args: [{ side: 'sponsor', actor: 'test:sponsor', data: progress }],
    });
    await cycle.at('2026-12-05T09:00:00+07:00');
    await submit(cycle, 'O5', 'sponsor', report);
    await submit(cycle, 'O6', 'recipient', report);
    expect((await cycle.handle.query(statusQuery)).phase).toBe('evaluation');
    await cycle.at('2027-01-10T09:00:00+07:00');
    // O7 is owed by Ban Dân tộc: its reminders go out until the pair's units are rated. The recipient XA-LA-DEE has
    // no other cycle in this file, so its proposal is ready; the sponsor's rating is tested with all its pairs in
    // test/workflows/unit-ratings.test.ts.
    const result = await cycle.handle.query(statusQuery);

    expect(result.phase).toBe('evaluation');
    expect(result.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'submitted'],
      ['O2', 'submitted'],
      ['O3', 'submitted'],
      ['O4', 'submitted'],
      ['O5', 'submitted'],
      ['O6', 'submitted'],
      ['O7', 'pending'],
    ]);
    expect((await ledgerOf(db.prisma, cycle.workflowId)).map((l) => [l.obligation, l.kind, l.at])).toEqual([
      ['O1', 'REMINDER', '16/02/2026 08:00'],
      ['O2', 'REMINDER', '16/02/2026 08:00'],
      ['O1', 'REMINDER', '23/02/2026 08:00'],
      ['O2', 'REMINDER', '23/02/2026 08:00'],
      ['O3', 'REMINDER', '17/03/2026 08:00'],
      ['O3', 'REMINDER', '24/03/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', '01/04/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', '01/07/2026 08:00'],
      ['O4', 'PROGRESS_REMINDER', '01/10/2026 08:00'],
      ['O5', 'REMINDER', '01/12/2026 08:00'],
      ['O6', 'REMINDER', '01/12/2026 08:00'],
      ['O7', 'REMINDER', '01/01/2027 08:00'],
      ['O7', 'REMINDER', '08/01/2027 08:00'],
    ]);
    const stored = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId: cycle.workflowId } });
    expect([stored.phase, stored.escalationLevel, stored.overdue]).toEqual(['evaluation', 0, false]);
    expect(await db.prisma.submission.count({ where: { cycleId: stored.id } })).toBe(6);
    const entries = await db.prisma.progressEntry.findMany({ where: { cycleId: stored.id } });
    expect(entries.map((e) => [e.households, e.amountDong, e.side])).toEqual([[12, 150000000n, 'SPONSOR']]);
    const recipient = await eventually(
      () => db.prisma.unitEvaluation.findFirst({ where: { year: 2026, unit: { code: 'XA-LA-DEE' } } }),
      (e) => e !== null,
    );
    expect([recipient?.proposedRating, recipient?.criticised, recipient?.finalRating]).toEqual([
      'TOT',
      false,
      null,
    ]);

    // Every ledger row was delivered exactly once to the real SMTP server, with the Message-ID of its row.
    const rows = await db.prisma.notification.findMany({ where: { cycleId: stored.id } });
    expect(
      rows.filter((r) => r.status !== 'SENT' || r.messageId === null).map((r) => r.idempotencyKey),
    ).toEqual([]);
    const caught = smtp.messages.map((m) => m.messageId);
    for (const row of rows) expect(caught.filter((id) => id === row.messageId)).toHaveLength(1);

    // With the SMTP server up, each message went out in the first attempt of the read-model write that made
    // its row: one attempt per row, and no delivery activity in the history (that is for what the first attempt
    // cannot settle; test/mail/first-attempt.test.ts and test/faults/smtp-outage.test.ts).
    expect(rows.map((r) => r.attempts)).toEqual(rows.map(() => 1));
    const history = await cycle.handle.fetchHistory();
    const activities = (history.events ?? []).flatMap(
      (e) => e.activityTaskScheduledEventAttributes?.activityType?.name ?? [],
    );
    expect(activities.filter((name) => name === 'deliverNotification')).toEqual([]);
    const length = history.events?.length ?? 0;
    console.log(`history length of an on-time pair-year up to evaluation: ${length} events`);
    expect(length).toBeLessThan(300);
    await cycle.handle.terminate('test over');
  });

  it('a pair that misses O2: reminders, level 1 on 3 March, level 2 on 9 March, recorded as missed, the year goes on', async () => {
    const cycle = await startCycle(env, taskQueue, 'P02');
    await cycle.at('2026-02-20T09:00:00+07:00');
    await submit(cycle, 'O1', 'recipient', plan);
    await cycle.at('2026-03-10T12:00:00+07:00');

    const status = await cycle.handle.query(statusQuery);
    expect(status.obligations.find((o) => o.id === 'O1')).toMatchObject({
      status: 'submitted',
      statutoryDue: '2026-02-28',
      effectiveDue: '2026-03-02',
    });
    expect(status.obligations.find((o) => o.id === 'O2')).toMatchObject({
      status: 'missed',
      escalationLevel: 2,
    });
    expect(status.phase).toBe('agreement');

    const ledger = await ledgerOf(db.prisma, cycle.workflowId);
    expect(ledger.filter((l) => l.obligation === 'O2').map((l) => [l.kind, l.level, l.at])).toEqual([
      ['REMINDER', null, '16/02/2026 08:00'],
      ['REMINDER', null, '23/02/2026 08:00'],
      ['REMINDER', null, '27/02/2026 08:00'],
      ['REMINDER', null, '01/03/2026 08:00'],
      ['REMINDER', null, '02/03/2026 08:00'],
      ['ESCALATION', 1, '03/03/2026 08:00'],
      ['ESCALATION', 2, '09/03/2026 08:00'],
    ]);
    expect(ledger.filter((l) => l.obligation === 'O1').map((l) => [l.kind, l.at])).toEqual([
      ['REMINDER', '16/02/2026 08:00'],
    ]);
    // The read model's obligations (one upsert statement per write) say what the cycle says.
    const rows = await obligationRowsOf(cycle.workflowId);
    expect(rows.get('O1')).toMatchObject({
      status: 'SUBMITTED',
      statutoryDue: endOfLocalDay('2026-02-28'),
      effectiveDue: endOfLocalDay('2026-03-02'),
      escalationLevel: 0,
    });
    expect(rows.get('O1')?.completedAt?.toISOString().slice(0, 10)).toBe('2026-02-20');
    expect(rows.get('O2')).toMatchObject({ status: 'MISSED', escalationLevel: 2, completedAt: null });
    const stored = await db.prisma.cycle.findUniqueOrThrow({
      where: { workflowId: cycle.workflowId },
      include: { obligations: true },
    });
    expect([stored.phase, stored.escalationLevel, stored.overdue]).toEqual(['agreement', 2, true]);
    expect(stored.obligations.find((o) => o.obligation === 'O2')?.status).toBe('MISSED');
    await maybeRecordHistory(cycle.handle, 'missed-o2');
    await cycle.handle.terminate('test over');
  });

  it('a pair that never signs: O3 missed, escalated on 1 and 7 April, flagged for evaluation, implementation goes on', async () => {
    const cycle = await startCycle(env, taskQueue, 'P03');
    await cycle.at('2026-02-10T09:00:00+07:00');
    await submit(cycle, 'O1', 'recipient', plan);
    await submit(cycle, 'O2', 'recipient', needs);
    await cycle.at('2026-04-10T09:00:00+07:00');
    const status = await cycle.handle.query(statusQuery);
    expect(status.phase).toBe('implementation');
    expect(status.flags).toEqual(expect.arrayContaining(['noSignedProgramme', 'overdue']));
    const ledger = await ledgerOf(db.prisma, cycle.workflowId);
    expect(ledger.filter((l) => l.kind === 'ESCALATION').map((l) => [l.obligation, l.level, l.at])).toEqual([
      ['O3', 1, '01/04/2026 08:00'],
      ['O3', 2, '07/04/2026 08:00'],
    ]);
    const stored = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId: cycle.workflowId } });
    expect(stored.flags).toContain('noSignedProgramme');
    await cycle.handle.terminate('test over');
  });

  it('2026 under the fixed policy: O2 is due on Saturday 28 February and escalates on 1 March', async () => {
    const cycle = await startCycle(env, taskQueue, 'P04', { settings: { policy: 'fixed' } });
    await cycle.at('2026-03-02T09:00:00+07:00');
    const status = await cycle.handle.query(statusQuery);
    expect(status.obligations.find((o) => o.id === 'O2')).toMatchObject({
      statutoryDue: '2026-02-28',
      effectiveDue: '2026-02-28',
      status: 'missed',
    });
    const ledger = await ledgerOf(db.prisma, cycle.workflowId);
    expect(ledger.filter((l) => l.obligation === 'O2').map((l) => [l.kind, l.at])).toEqual([
      ['REMINDER', '14/02/2026 08:00'],
      ['REMINDER', '21/02/2026 08:00'],
      ['REMINDER', '25/02/2026 08:00'],
      ['REMINDER', '27/02/2026 08:00'],
      ['REMINDER', '28/02/2026 08:00'],
      ['ESCALATION', '01/03/2026 08:00'],
    ]);
    await cycle.handle.terminate('test over');
  });

  it('an extension moves every pending reminder and escalation; a waiver cancels them; bad requests leave no trace', async () => {
    const cycle = await startCycle(env, taskQueue, 'P05');
    await cycle.at('2026-02-20T09:00:00+07:00');
    const historyBefore = (await cycle.handle.fetchHistory()).events?.length ?? 0;

    // The sponsor does not file the needs proposal.
    expect(
      await refusal(
        cycle.handle.executeUpdate(submitUpdate, {
          args: [{ obligation: 'O2', side: 'sponsor', actor: 'test:sponsor', data: needs }],
        }),
      ),
    ).toBe(
      bilingual('cycle.wrongSide', {
        sideVi: 'Đơn vị giúp đỡ',
        sideEn: 'sponsor',
        obligation: 'O2',
        obligationVi: 'đề xuất nhu cầu',
        obligationEn: 'needs proposal',
      }),
    );
    // A year-end report in February is out of its phase.
    expect(
      await refusal(
        cycle.handle.executeUpdate(submitUpdate, {
          args: [{ obligation: 'O5', side: 'sponsor', actor: 'test:sponsor', data: report }],
        }),
      ),
    ).toBe(
      bilingual('cycle.wrongPhase', {
        actionVi: 'nộp',
        actionEn: 'submit',
        phaseVi: 'Đề xuất nhu cầu',
        phaseEn: 'needs proposal',
      }),
    );
    expect(
      await refusal(
        cycle.handle.executeUpdate(submitUpdate, {
          args: [{ obligation: 'O2', side: 'recipient', actor: 'test:recipient', data: { summary: '' } }],
        }),
      ),
    ).toBe(bilingual('cycle.invalid.empty', { field: 'summary' }));
    expect(
      await refusal(
        cycle.handle.executeUpdate(extendUpdate, {
          args: [{ actor: 'test:admin', obligation: 'O2', newDate: '2026-02-30', reason: 'Lũ lụt' }],
        }),
      ),
    ).toBe(bilingual('cycle.invalid.date', { field: 'newDate' }));
    // The test server records the workflow tasks that ran the validators; nothing else may be added: no update
    // accepted or rejected, no payload of a refused request.
    const added = ((await cycle.handle.fetchHistory()).events ?? []).slice(historyBefore);
    const kinds = new Set(added.map((e) => String(e.eventType)));
    expect([...kinds].every((k) => /WORKFLOW_TASK_(SCHEDULED|STARTED|COMPLETED)|^(5|6|7)$/.test(k))).toBe(
      true,
    );
    expect(JSON.stringify(added)).not.toContain('O5');

    await cycle.handle.executeUpdate(extendUpdate, {
      args: [
        {
          actor: 'test:admin',
          obligation: 'O2',
          newDate: '2026-03-16',
          reason: 'Lũ lụt kéo dài',
          decisionNumber: '45/QĐ-BDT',
        },
      ],
    });
    await cycle.handle.executeUpdate(waiveUpdate, {
      args: [{ actor: 'test:admin', obligation: 'O1', reason: 'Đã nộp cùng đề án của huyện' }],
    });
    await cycle.at('2026-03-10T12:00:00+07:00');
    const status = await cycle.handle.query(statusQuery);
    expect(status.obligations.find((o) => o.id === 'O2')).toMatchObject({
      status: 'pending',
      statutoryDue: '2026-02-28',
      effectiveDue: '2026-03-16',
      extensions: 1,
      escalationLevel: 0,
    });
    expect(status.obligations.find((o) => o.id === 'O1')?.status).toBe('waived');
    const rows = await obligationRowsOf(cycle.workflowId);
    expect(rows.get('O2')).toMatchObject({
      status: 'PENDING',
      statutoryDue: endOfLocalDay('2026-02-28'),
      effectiveDue: endOfLocalDay('2026-03-16'),
    });
    expect(rows.get('O1')?.status).toBe('WAIVED');
    const ledger = await ledgerOf(db.prisma, cycle.workflowId);
    // The extension on 20/02 tells the recipient its new date at once; the moved D-14 and D-7 reminders follow.
    expect(ledger.map((l) => [l.obligation, l.kind, l.at])).toEqual([
      ['O1', 'REMINDER', '16/02/2026 08:00'],
      ['O2', 'REMINDER', '16/02/2026 08:00'],
      ['O2', 'REMINDER', '20/02/2026 09:00'],
      ['O2', 'REMINDER', '02/03/2026 08:00'],
      ['O2', 'REMINDER', '09/03/2026 08:00'],
    ]);
    const notice = await db.prisma.notification.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: `${cycle.workflowId}:O2:extended-1:` } },
    });
    expect(notice.idempotencyKey).toBe(`${cycle.workflowId}:O2:extended-1:2026-03-16`);
    const audit = await db.prisma.auditEvent.findMany({
      where: { entityId: cycle.workflowId },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['extended:O2', 'waived:O1']));
    await maybeRecordHistory(cycle.handle, 'extension-waiver');
    await cycle.handle.terminate('test over');
  });

  it('a pair dissolved mid-year closes at once, sends nothing more and keeps its history', async () => {
    const cycle = await startCycle(env, taskQueue, 'P06');
    await cycle.at('2026-02-24T09:00:00+07:00');
    await submit(cycle, 'O1', 'recipient', plan);
    await submit(cycle, 'O2', 'recipient', needs);
    await cycle.at('2026-06-15T09:00:00+07:00');
    const before = (await ledgerOf(db.prisma, cycle.workflowId)).length;
    await cycle.handle.executeUpdate(dissolveUpdate, {
      args: [{ actor: 'test:admin', reason: 'Sáp nhập đơn vị hành chính', successorPairCode: 'P08' }],
    });
    const result = await cycle.handle.result();
    expect(result.phase).toBe('closed');
    expect(result.closedBy).toBe('repaired');
    expect(result.successorPairCode).toBe('P08');
    const stored = await db.prisma.cycle.findUniqueOrThrow({ where: { workflowId: cycle.workflowId } });
    expect(stored.phase).toBe('closed');
    expect(stored.flags).toContain('repaired');
    const pairs = await db.prisma.pair.findMany({
      where: { code: { in: ['P06', 'P08'] } },
      orderBy: { code: 'asc' },
    });
    expect(pairs.map((p) => [p.code, p.status])).toEqual([
      ['P06', 'REPAIRED'],
      ['P08', 'ACTIVE'],
    ]);
    expect(pairs[1]!.predecessorId).toBe(pairs[0]!.id);
    const history = await db.prisma.pairHistory.findMany({
      where: { pairId: pairs[0]!.id, action: 'repaired' },
    });
    expect(history.map((h) => h.reason)).toEqual(['Sáp nhập đơn vị hành chính']);
    await cycle.at('2026-12-31T09:00:00+07:00');
    expect((await ledgerOf(db.prisma, cycle.workflowId)).length).toBe(before);
    expect(await db.prisma.submission.count({ where: { cycleId: stored.id } })).toBe(2);
    await maybeRecordHistory(cycle.handle, 'dissolved');
  });
});
