/**
 * The cycle's write (`applyCycleEffects`) against a real PostgreSQL and a real SMTP server (the catcher): the
 * one-statement write of a timer's transition, its idempotence and ordering, the transaction of a write with
 * submissions or progress (all or nothing), and the first delivery attempt after the write.
 */
import { createCycleEffectsActivities, type CycleEffects } from '../../activities/cycle-effects';
import { endOfLocalDay } from '../../domain/calendar/time';
import type { CycleProjection, ObligationView } from '../../domain/cycle/types';
import type { MailDeliveryDeps } from '../../mail/deliver';
import { mailConfig, useMailParts, type CatcherReplies, type MailTestParts } from '../support/mail';

const replies: CatcherReplies = {};
const parts = useMailParts(replies);
let p: MailTestParts;
let deps: MailDeliveryDeps;

// 08:00 local on Monday 23 February 2026: D-7 of the needs proposal due (rolled forward) on Monday 2 March.
const NOW = new Date('2026-02-23T01:00:00.000Z');

beforeAll(() => {
  p = parts();
  deps = { prisma: p.db.prisma, mailer: p.mailer, config: mailConfig(p.catcher.port), now: () => NOW };
});

function obligation(id: ObligationView['id'], over: Partial<ObligationView> = {}): ObligationView {
  return {
    id,
    status: 'pending',
    statutoryDue: '2026-02-28',
    effectiveDue: '2026-03-02',
    escalationLevel: 0,
    extensions: 0,
    ...over,
  };
}

function projection(pairCode: string, over: Partial<CycleProjection> = {}): CycleProjection {
  return {
    workflowId: `twinning-cycle:${pairCode}:2026`,
    pairCode,
    year: 2026,
    phase: 'needsProposal',
    obligations: [
      obligation('O1', { statutoryDue: '2026-02-28', effectiveDue: '2026-03-02' }),
      obligation('O3', { statutoryDue: '2026-03-31', effectiveDue: '2026-03-31' }),
    ],
    escalationLevel: 0,
    overdue: false,
    flags: [],
    nextTimer: { timerId: 'O1:reminder-D-7', at: NOW.toISOString(), purpose: 'reminder' },
    waitingFor: ['O1'],
    waitingSince: '2026-01-01T00:00:00.000Z',
    progressEntries: 0,
    updatedAt: NOW.toISOString(),
    ...over,
  };
}

function effects(pairCode: string, sequence: number, over: Partial<CycleEffects> = {}): CycleEffects {
  const projected = over.projection ?? projection(pairCode);
  return {
    workflowId: projected.workflowId,
    pairCode,
    year: 2026,
    sequence,
    projection: projected,
    records: [],
    notifications: [],
    submissions: [],
    progress: [],
    ...over,
  };
}

async function cycleOf(workflowId: string) {
  return p.db.prisma.cycle.findUniqueOrThrow({
    where: { workflowId },
    include: { obligations: { orderBy: { obligation: 'asc' } }, notifications: true, submissions: true },
  });
}

const REMINDER = {
  kind: 'reminder',
  obligation: 'O1',
  dueDate: '2026-03-02',
  parties: ['recipient'],
  idempotencyKey: 'twinning-cycle:P02:2026:O1:reminder-D-7',
} as const;

describe('a timer transition, written in one statement', () => {
  const workflowId = 'twinning-cycle:P02:2026';

  it('creates the cycle row with its obligations, next deadline, audit event and ledger row', async () => {
    const write = effects('P02', 1, {
      records: [{ at: NOW.toISOString(), kind: 'opened', detail: { phase: 'needsProposal' } }],
      notifications: [REMINDER],
    });
    const applied = await createCycleEffectsActivities(deps).applyCycleEffects(write);
    expect(applied).toEqual({ settledDeliveries: [] });
    const cycle = await cycleOf(workflowId);
    expect(cycle).toMatchObject({
      year: 2026,
      phase: 'needsProposal',
      sequence: 1,
      flags: [],
      waitingFor: 'O1',
      waitingSince: new Date('2026-01-01T00:00:00.000Z'),
      nextTimerAt: NOW,
      nextObligation: 'O1',
      nextDue: endOfLocalDay('2026-03-02'),
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(cycle.obligations.map((o) => [o.obligation, o.status, o.statutoryDue, o.effectiveDue])).toEqual([
      ['O1', 'PENDING', endOfLocalDay('2026-02-28'), endOfLocalDay('2026-03-02')],
      ['O3', 'PENDING', endOfLocalDay('2026-03-31'), endOfLocalDay('2026-03-31')],
    ]);
    expect(cycle.notifications).toEqual([
      expect.objectContaining({
        idempotencyKey: REMINDER.idempotencyKey,
        kind: 'REMINDER',
        obligation: 'O1',
        level: null,
        dueAt: endOfLocalDay('2026-03-02'),
        scheduledFor: NOW,
        status: 'PENDING',
      }),
    ]);
    const audit = await p.db.prisma.auditEvent.findMany({ where: { entityId: workflowId } });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: 'system',
        action: 'opened',
        entityType: 'Cycle',
        after: { phase: 'needsProposal' },
        idempotencyKey: `${workflowId}:1:0`,
      }),
    ]);
  });

  it('is idempotent: a retry of the same write adds no row', async () => {
    const write = effects('P02', 1, {
      records: [{ at: NOW.toISOString(), kind: 'opened', detail: { phase: 'needsProposal' } }],
      notifications: [REMINDER],
    });
    await createCycleEffectsActivities(deps).applyCycleEffects(write);
    expect(await p.db.prisma.cycle.count({ where: { workflowId } })).toBe(1);
    expect(await p.db.prisma.notification.count({ where: { idempotencyKey: REMINDER.idempotencyKey } })).toBe(
      1,
    );
    expect(await p.db.prisma.auditEvent.count({ where: { entityId: workflowId } })).toBe(1);
  });

  it('applies a newer write: phase, escalation, flags, obligation status and the next deadline', async () => {
    const later = projection('P02', {
      phase: 'agreement',
      escalationLevel: 1,
      overdue: true,
      flags: ['overdue'],
      waitingFor: ['O3'],
      obligations: [
        obligation('O1', { status: 'submitted', completedAt: '2026-02-25T03:00:00.000Z' }),
        obligation('O3', { statutoryDue: '2026-03-31', effectiveDue: '2026-04-01', escalationLevel: 1 }),
      ],
      nextTimer: undefined,
    });
    await createCycleEffectsActivities(deps).applyCycleEffects(effects('P02', 5, { projection: later }));
    const cycle = await cycleOf(workflowId);
    expect(cycle).toMatchObject({
      phase: 'agreement',
      sequence: 5,
      escalationLevel: 1,
      overdue: true,
      flags: ['overdue'],
      waitingFor: 'O3',
      nextTimerAt: null,
      nextObligation: 'O3',
      nextDue: endOfLocalDay('2026-04-01'),
    });
    expect(cycle.obligations.map((o) => [o.obligation, o.status, o.completedAt, o.escalationLevel])).toEqual([
      ['O1', 'SUBMITTED', new Date('2026-02-25T03:00:00.000Z'), 0],
      ['O3', 'PENDING', null, 1],
    ]);
  });

  it('ignores a stale write for the cycle and its obligations, and still records its new ledger row', async () => {
    const escalation = {
      ...REMINDER,
      kind: 'escalation',
      level: 1,
      idempotencyKey: 'twinning-cycle:P02:2026:O1:escalation-1',
    } as const;
    const stale = effects('P02', 3, { notifications: [escalation] });
    await createCycleEffectsActivities(deps).applyCycleEffects(stale);
    const cycle = await cycleOf(workflowId);
    expect(cycle).toMatchObject({ phase: 'agreement', sequence: 5, nextObligation: 'O3' });
    expect(cycle.obligations.find((o) => o.obligation === 'O1')?.status).toBe('SUBMITTED');
    expect(cycle.notifications.map((n) => [n.kind, n.level]).sort()).toEqual([
      ['ESCALATION', 1],
      ['REMINDER', null],
    ]);
  });

  it('refuses a pair that is not in the roster, writing nothing', async () => {
    const write = effects('P99', 1, { notifications: [{ ...REMINDER, idempotencyKey: 'P99:reminder' }] });
    await expect(createCycleEffectsActivities(deps).applyCycleEffects(write)).rejects.toThrow(
      'pair P99 is not in the roster',
    );
    expect(await p.db.prisma.cycle.count({ where: { workflowId: 'twinning-cycle:P99:2026' } })).toBe(0);
    expect(await p.db.prisma.notification.count({ where: { idempotencyKey: 'P99:reminder' } })).toBe(0);
  });
});

describe('a write with submissions or progress, in one transaction', () => {
  it('writes the submission with the cycle row', async () => {
    const submitted = projection('P01', {
      obligations: [obligation('O1', { status: 'submitted', completedAt: NOW.toISOString() })],
      waitingFor: [],
    });
    await createCycleEffectsActivities(deps).applyCycleEffects(
      effects('P01', 2, {
        projection: submitted,
        submissions: [
          {
            idempotencyKey: 'twinning-cycle:P01:2026:req-1',
            obligation: 'O1',
            side: 'recipient',
            actor: 'user-1',
            at: NOW.toISOString(),
            data: { summary: 'Nhu cầu hỗ trợ' },
          },
        ],
      }),
    );
    const cycle = await cycleOf('twinning-cycle:P01:2026');
    expect(cycle.sequence).toBe(2);
    expect(cycle.obligations.find((o) => o.obligation === 'O1')?.status).toBe('SUBMITTED');
    expect(cycle.submissions).toEqual([
      expect.objectContaining({
        obligation: 'O1',
        side: 'RECIPIENT',
        late: false,
        payload: { summary: 'Nhu cầu hỗ trợ' },
      }),
    ]);
  });

  it('writes nothing when a progress entry cannot be stored: the cycle row is not moved on alone', async () => {
    const before = await cycleOf('twinning-cycle:P01:2026');
    const write = effects('P01', 9, {
      projection: projection('P01', { phase: 'implementation' }),
      notifications: [{ ...REMINDER, idempotencyKey: 'twinning-cycle:P01:2026:never' }],
      progress: [
        {
          idempotencyKey: 'twinning-cycle:P01:2026:req-2',
          actor: 'user-1',
          at: NOW.toISOString(),
          data: { households: -3 },
        },
      ],
    });
    await expect(createCycleEffectsActivities(deps).applyCycleEffects(write)).rejects.toThrow();
    const after = await cycleOf('twinning-cycle:P01:2026');
    expect(after).toMatchObject({ phase: before.phase, sequence: before.sequence });
    expect(
      await p.db.prisma.notification.count({ where: { idempotencyKey: 'twinning-cycle:P01:2026:never' } }),
    ).toBe(0);
  });
});

describe('the first delivery attempt after the write', () => {
  it('sends a new reminder once and reports it settled; a retry of the write sends nothing more', async () => {
    const key = 'twinning-cycle:P02:2026:O1:reminder-D-3';
    // The first P02 reminder above was written without an attempt: this one is asked to go out now.
    const write = effects('P02', 6, {
      projection: projection('P02', { phase: 'agreement' }),
      notifications: [{ ...REMINDER, idempotencyKey: key }],
      deliverNow: true,
    });
    const activities = createCycleEffectsActivities(deps);
    expect(await activities.applyCycleEffects(write)).toEqual({ settledDeliveries: [key] });
    const row = await p.db.prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row.status).toBe('SENT');
    expect(p.catcher.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
    expect(await activities.applyCycleEffects(write)).toEqual({ settledDeliveries: [key] });
    expect(p.catcher.messages.filter((m) => m.messageId === row.messageId)).toHaveLength(1);
  });
});
