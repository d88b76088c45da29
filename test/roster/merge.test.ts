/**
 * A merger of units (services/roster-merge.ts) against a real world: the roster on PostgreSQL, the cycles on the
 * time-skipping server with every activity. Two communes are merged into one on 01/07/2026, decided on
 * 20/06/2026 while the year's cycles run: the old pairs end on 30/06 and close re-paired, their successors
 * (created, or an existing pair of the same two units) run from 01/07 owing nothing before it. Also: each
 * refusal with its exact message and nothing written; the same merger again writes nothing; a Temporal server
 * that cannot be reached after the commit leaves the engine step to a second run, which finishes it.
 */
import { Client, Connection } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bilingualOf } from '../../domain/messages';
import type { MergeRequest } from '../../domain/roster';
import { CycleCommands } from '../../services/cycle-commands';
import { openYear } from '../../services/cycle-opener';
import { mergeUnits, type MergeUnitsOptions } from '../../services/roster-merge';
import { statusQuery, type twinningCycleWorkflow } from '../../workflows/twinning-cycle';
import { startCycleWorld, type CycleWorld } from '../support/cycle-world';

/** Business time at which the year's cycles open: 00:05 local on 1 January 2026. */
const BUSINESS_START = '2026-01-01T00:05:00+07:00';

let world: CycleWorld;
let env: TestWorkflowEnvironment;
let db: CycleWorld['db'];
let taskQueue: string;
/** The engine instant that stands for {@link BUSINESS_START} in every cycle of the test. */
let anchorMs: number;
let commands: CycleCommands;

beforeAll(async () => {
  world = await startCycleWorld('roster-merge', { roster: 'merge-roster.json' });
  ({ env, db, taskQueue } = world);
  commands = new CycleCommands(env.client, db.prisma);
  anchorMs = await env.currentTimeMs();
  const opened = await openYear(db.prisma, env.client, {
    year: 2026,
    taskQueue,
    searchAttributes: false,
    openedAt: BUSINESS_START,
    openedAtEngineMs: anchorMs,
  });
  expect(opened.started).toEqual(['PT-1', 'PT-2', 'PT-3', 'PT-4', 'PT-5']);
});

afterAll(async () => {
  await world?.teardown();
});

/** Advances the server until business time reaches `instant` (never backwards). */
async function at(instant: string): Promise<void> {
  const target = Date.parse(instant) - Date.parse(BUSINESS_START);
  const elapsed = (await env.currentTimeMs()) - anchorMs;
  if (target > elapsed) await env.sleep(target - elapsed);
}

function options(overrides: Partial<MergeUnitsOptions> = {}): MergeUnitsOptions {
  return {
    actor: 'cli:lan',
    temporal: () => Promise.resolve(env.client),
    taskQueue,
    // The successor pairs' cycles open on the same business clock as the year's.
    open: { openedAt: BUSINESS_START, openedAtEngineMs: anchorMs, searchAttributes: false },
    ...overrides,
  };
}

/**
 * A cycle's handle. Its state is read with the status query, not `result()`: after awaiting the results of
 * cycles that had closed, the time-skipping server was seen to keep skipping time on its own (to the next
 * timer, months ahead), and business time here must move only through {@link at}.
 */
function cycle(pair: string) {
  return env.client.workflow.getHandle<typeof twinningCycleWorkflow>(`twinning-cycle:${pair}:2026`);
}

/** What a refused merger says, each refusal in Vietnamese then English. */
async function refusals(request: MergeRequest): Promise<string[]> {
  const result = await mergeUnits(db.prisma, request, options());
  if (result.ok) throw new Error('the merger was not refused');
  return result.refusals.map(bilingualOf);
}

/**
 * Everything a merger writes: the units, the pairs it creates, its history lines (`created` ones too) and its
 * audit event. The engine's own lines (`ended`, `repaired`) and pair updates are left out: they follow the
 * cycles, not the merger.
 */
async function footprint() {
  const p = db.prisma;
  return {
    units: await p.unit.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: 'asc' } }),
    pairs: await p.pair.findMany({ select: { code: true }, orderBy: { code: 'asc' } }),
    history: await p.pairHistory.count({ where: { action: { in: ['created', 'merged', 'continued'] } } }),
    audit: await p.auditEvent.count({ where: { action: 'roster.merge' } }),
  };
}

const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10) ?? null;

describe('roster merge: refusals', () => {
  it('refuses each bad request with its exact message, all at once, and writes nothing', async () => {
    const before = await footprint();
    expect(await refusals({ into: 'XA-KHONG-CO', from: ['XA-TRA-TAP'], on: '2026-07-01' })).toEqual([
      'Đơn vị tiếp nhận «XA-KHONG-CO» không có trong danh sách đơn vị. / The unit to merge into, "XA-KHONG-CO", is not in the roster.',
    ]);
    expect(
      await refusals({ into: 'XA-NAM-TRA-MY', from: ['XA-KHONG-CO', 'XA-NAM-TRA-MY'], on: '2026-07-01' }),
    ).toEqual([
      'Đơn vị được sáp nhập «XA-KHONG-CO» không có trong danh sách đơn vị. / The unit to merge, "XA-KHONG-CO", is not in the roster.',
      'Đơn vị «XA-NAM-TRA-MY» không thể được sáp nhập vào chính nó. / The unit "XA-NAM-TRA-MY" cannot be merged into itself.',
    ]);
    expect(await refusals({ into: 'XA-NAM-TRA-MY', from: ['P-HOI-AN'], on: '01/07/2026' })).toEqual([
      '«P-HOI-AN» (loại LOWLAND_COMMUNE) và «XA-NAM-TRA-MY» (loại COMMUNE) không cùng một bên: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa. / "P-HOI-AN" (kind LOWLAND_COMMUNE) and "XA-NAM-TRA-MY" (kind COMMUNE) are not on the same side: a sponsor merges only into a sponsor, a recipient only into a recipient.',
    ]);
    expect(await refusals({ into: 'XA-NAM-TRA-MY', from: ['XA-TRA-TAP'], on: '31/06/2026' })).toEqual([
      'Ngày sáp nhập «31/06/2026» không hợp lệ; dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy. / The merger date "31/06/2026" is invalid; use yyyy-mm-dd or dd/mm/yyyy.',
    ]);
    expect(await refusals({ into: 'XA-NAM-TRA-MY', from: ['XA-TRA-VAN'], on: '2026-07-01' })).toEqual([
      'Đơn vị «XA-TRA-VAN» đã được sáp nhập vào «XA-TRA-LENG» từ ngày 01/07/2025. / The unit "XA-TRA-VAN" was already merged into "XA-TRA-LENG" from 01/07/2025.',
    ]);
    expect(await refusals({ into: 'XA-NAM-TRA-MY', from: [' ', ''], on: '2026-07-01' })).toEqual([
      'Chưa nêu đơn vị nào được sáp nhập (--from A,B). / No unit to merge was given (--from A,B).',
    ]);
    // Before its units exist, nothing can be merged: the pairs of 2025-07-01 start on the day itself.
    expect(await refusals({ into: 'XA-NAM-TRA-MY', from: ['XA-TRA-TAP'], on: '2025-07-01' })).toEqual([
      'Đơn vị «XA-TRA-TAP» không tồn tại vào ngày 30/06/2025 (thời gian tồn tại: 01/07/2025 – …). / The unit "XA-TRA-TAP" does not exist on 30/06/2025 (it exists 01/07/2025 – …).',
    ]);
    expect(
      await refusals({ into: 'XA-KHONG-CO', from: ['P-HOI-AN', 'XA-TRA-VAN', 'SO-TC'], on: '2026-02-30' }),
    ).toEqual([
      'Ngày sáp nhập «2026-02-30» không hợp lệ; dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy. / The merger date "2026-02-30" is invalid; use yyyy-mm-dd or dd/mm/yyyy.',
      'Đơn vị tiếp nhận «XA-KHONG-CO» không có trong danh sách đơn vị. / The unit to merge into, "XA-KHONG-CO", is not in the roster.',
      'Đơn vị «XA-TRA-VAN» đã được sáp nhập vào «XA-TRA-LENG» từ ngày 01/07/2025. / The unit "XA-TRA-VAN" was already merged into "XA-TRA-LENG" from 01/07/2025.',
    ]);
    expect(await footprint()).toEqual(before);
  });
});

describe('roster merge: two communes into one on 01/07/2026, decided on 20/06/2026 while their cycles run', () => {
  const request: MergeRequest = {
    into: 'XA-NAM-TRA-MY',
    from: ['XA-TRA-TAP', 'XA-TRA-CANG'],
    on: '2026-07-01',
  };
  const decided = { decisionNumber: '1656/NQ-UBTVQH15', reason: 'Sắp xếp đơn vị hành chính cấp xã năm 2025' };

  it('ends the old pairs on 30/06, re-pairs them from 01/07 and tells the cycles; the same merger again writes nothing', async () => {
    await at('2026-02-20T09:00:00+07:00');
    for (const obligation of ['O1', 'O2'] as const) {
      const data =
        obligation === 'O1'
          ? { summary: 'Kế hoạch năm 2026', monitoringAssignment: 'Phó Chủ tịch UBND xã theo dõi' }
          : { summary: 'Đề xuất hỗ trợ giống cây' };
      const r = await commands.submit('PT-1', 2026, { obligation, side: 'recipient', actor: 'test:r', data });
      expect(r.ok).toBe(true);
    }

    await at('2026-06-20T09:00:00+07:00');
    const result = await mergeUnits(db.prisma, request, options(decided));
    if (!result.ok) throw new Error(result.refusals.map(bilingualOf).join('\n'));
    expect(result.plan).toMatchObject({
      into: 'XA-NAM-TRA-MY',
      on: '2026-07-01',
      lastDay: '2026-06-30',
      merge: ['XA-TRA-TAP', 'XA-TRA-CANG'],
      already: [],
      intoFrom: true,
    });
    expect(result.created).toEqual([
      { pair: 'PT-1', successor: 'PT-1-XA-NAM-TRA-MY' },
      { pair: 'PT-2', successor: 'PT-2-XA-NAM-TRA-MY' },
    ]);
    // SO-YT already twins XA-NAM-TRA-MY in PT-4: that pair continues PT-3.
    expect(result.reused).toEqual([{ pair: 'PT-3', successor: 'PT-4' }]);
    expect(result.engine).toEqual({
      ok: true,
      year: 2026,
      told: ['PT-1', 'PT-2', 'PT-3'],
      alreadyTold: [],
      notRunning: [],
      refused: [],
      opened: ['PT-1-XA-NAM-TRA-MY', 'PT-2-XA-NAM-TRA-MY'],
    });

    const units = await db.prisma.unit.findMany({
      where: { code: { in: ['XA-TRA-TAP', 'XA-TRA-CANG', 'XA-NAM-TRA-MY'] } },
      include: { successor: { select: { code: true } } },
      orderBy: { code: 'asc' },
    });
    expect(units.map((u) => [u.code, day(u.validFrom), day(u.validTo), u.successor?.code ?? null])).toEqual([
      ['XA-NAM-TRA-MY', '2026-07-01', null, null],
      ['XA-TRA-CANG', '2025-07-01', '2026-06-30', 'XA-NAM-TRA-MY'],
      ['XA-TRA-TAP', '2025-07-01', '2026-06-30', 'XA-NAM-TRA-MY'],
    ]);
    const pairs = await db.prisma.pair.findMany({
      include: {
        sponsor: { select: { code: true } },
        recipient: { select: { code: true } },
        predecessor: { select: { code: true } },
      },
      orderBy: { code: 'asc' },
    });
    const row = (code: string) => {
      const p = pairs.find((x) => x.code === code)!;
      return [
        p.sponsor.code,
        p.recipient.code,
        day(p.validFrom),
        day(p.validTo),
        p.predecessor?.code ?? null,
      ];
    };
    expect(row('PT-1')).toEqual(['SO-TC', 'XA-TRA-TAP', '2025-07-01', '2026-06-30', null]);
    // The successor carries the rest of the old pair's period (PT-1 ran to 2030).
    expect(row('PT-1-XA-NAM-TRA-MY')).toEqual(['SO-TC', 'XA-NAM-TRA-MY', '2026-07-01', '2030-12-31', 'PT-1']);
    expect(row('PT-2-XA-NAM-TRA-MY')).toEqual(['P-HOI-AN', 'XA-NAM-TRA-MY', '2026-07-01', null, 'PT-2']);
    expect(row('PT-4')).toEqual(['SO-YT', 'XA-NAM-TRA-MY', '2025-07-01', null, 'PT-3']);
    expect(row('PT-5')).toEqual(['SO-TC', 'XA-TRA-DON', '2025-07-01', null, null]);

    const history = await db.prisma.pairHistory.findMany({
      where: { pair: { code: { in: ['PT-1', 'PT-1-XA-NAM-TRA-MY', 'PT-4'] } } },
      include: { pair: { select: { code: true } } },
      orderBy: [{ pair: { code: 'asc' } }, { at: 'asc' }],
    });
    expect(history.map((h) => [h.pair.code, h.action, h.reason])).toEqual([
      ['PT-1', 'created', 'roster import'],
      ['PT-1', 'merged', decided.reason],
      ['PT-1-XA-NAM-TRA-MY', 'created', decided.reason],
      ['PT-4', 'created', 'roster import'],
      ['PT-4', 'continued', decided.reason],
    ]);
    expect(history[1]?.after).toEqual({
      to: '2026-06-30',
      into: 'XA-NAM-TRA-MY',
      on: '2026-07-01',
      successorPairCode: 'PT-1-XA-NAM-TRA-MY',
      actor: 'cli:lan',
      decisionNumber: '1656/NQ-UBTVQH15',
    });
    const audit = await db.prisma.auditEvent.findMany({ where: { action: 'roster.merge' } });
    expect(audit.map((a) => [a.actor, a.entityType, a.after])).toEqual([
      [
        'cli:lan',
        'Unit',
        {
          into: 'XA-NAM-TRA-MY',
          units: ['XA-TRA-TAP', 'XA-TRA-CANG'],
          on: '2026-07-01',
          lastDay: '2026-06-30',
          reason: decided.reason,
          decisionNumber: '1656/NQ-UBTVQH15',
          pairsEnded: ['PT-1', 'PT-2', 'PT-3'],
          successorPairs: [
            { pair: 'PT-1', successor: 'PT-1-XA-NAM-TRA-MY', created: true },
            { pair: 'PT-2', successor: 'PT-2-XA-NAM-TRA-MY', created: true },
            { pair: 'PT-3', successor: 'PT-4', created: false },
          ],
        },
      ],
    ]);

    // The old cycles know their period ends on 30/06: what falls after it is not applicable.
    const ending = await cycle('PT-1').query(statusQuery);
    expect([ending.periodEndsOn, ending.obligations.map((o) => [o.id, o.status])]).toEqual([
      '2026-06-30',
      [
        ['O1', 'submitted'],
        ['O2', 'submitted'],
        ['O3', 'missed'],
        ['O4', 'notApplicable'],
        ['O5', 'notApplicable'],
        ['O6', 'notApplicable'],
        ['O7', 'notApplicable'],
      ],
    ]);
    // The successor's cycle runs from 01/07: O1–O3 fall before it.
    const successor = await cycle('PT-1-XA-NAM-TRA-MY').query(statusQuery);
    expect(successor.obligations.map((o) => [o.id, o.status])).toEqual([
      ['O1', 'notApplicable'],
      ['O2', 'notApplicable'],
      ['O3', 'notApplicable'],
      ['O4', 'pending'],
      ['O5', 'pending'],
      ['O6', 'pending'],
      ['O7', 'pending'],
    ]);

    await at('2026-07-02T09:00:00+07:00');
    const ended = await cycle('PT-1').query(statusQuery);
    expect([ended.phase, ended.closedBy, ended.successorPairCode]).toEqual([
      'closed',
      'repaired',
      'PT-1-XA-NAM-TRA-MY',
    ]);
    const ended3 = await cycle('PT-3').query(statusQuery);
    expect([ended3.phase, ended3.closedBy, ended3.successorPairCode]).toEqual(['closed', 'repaired', 'PT-4']);
    const old = await db.prisma.pair.findMany({
      where: { code: { in: ['PT-1', 'PT-2', 'PT-3'] } },
      orderBy: { code: 'asc' },
    });
    expect(old.map((p) => [p.code, p.status, day(p.validTo)])).toEqual([
      ['PT-1', 'REPAIRED', '2026-06-30'],
      ['PT-2', 'REPAIRED', '2026-06-30'],
      ['PT-3', 'REPAIRED', '2026-06-30'],
    ]);
    // The old commune's reports stay with its own pair's cycle.
    const submissions = await db.prisma.submission.findMany({
      where: { cycle: { pair: { code: 'PT-1' } } },
      orderBy: { obligation: 'asc' },
    });
    expect(submissions.map((s) => [s.obligation, s.side])).toEqual([
      ['O1', 'RECIPIENT'],
      ['O2', 'RECIPIENT'],
    ]);

    // The same merger again: nothing is written, the cycles are not told twice, nothing is started.
    const before = await footprint();
    const again = await mergeUnits(db.prisma, request, options(decided));
    if (!again.ok) throw new Error(again.refusals.map(bilingualOf).join('\n'));
    expect([again.plan.merge, again.plan.already, again.plan.pairs, again.created, again.reused]).toEqual([
      [],
      ['XA-TRA-TAP', 'XA-TRA-CANG'],
      [],
      [],
      [],
    ]);
    expect(again.engine).toEqual({
      ok: true,
      year: 2026,
      told: [],
      alreadyTold: [],
      notRunning: ['PT-1', 'PT-2', 'PT-3'],
      refused: [],
      opened: [],
    });
    expect(await footprint()).toEqual(before);
  });

  it('finishes on a second run what a Temporal server out of reach after the commit left undone', async () => {
    const request2: MergeRequest = { into: 'XA-TRA-LENG', from: ['XA-TRA-DON'], on: '01/09/2026' };
    await at('2026-08-10T09:00:00+07:00');
    const unreachable = () =>
      Connection.connect({ address: '127.0.0.1:1', connectTimeout: '1s' }).then(
        (connection) => new Client({ connection }),
      );
    const first = await mergeUnits(db.prisma, request2, options({ temporal: unreachable }));
    if (!first.ok) throw new Error(first.refusals.map(bilingualOf).join('\n'));
    expect(first.created).toEqual([{ pair: 'PT-5', successor: 'PT-5-XA-TRA-LENG' }]);
    expect(first.engine).toEqual({ ok: false, detail: 'Failed to connect before the deadline' });
    const pt5 = await db.prisma.pair.findUniqueOrThrow({ where: { code: 'PT-5' } });
    expect(day(pt5.validTo)).toBe('2026-08-31');
    expect((await cycle('PT-5').query(statusQuery)).periodEndsOn).toBeUndefined();
    await expect(cycle('PT-5-XA-TRA-LENG').describe()).rejects.toThrow();

    const before = await footprint();
    const second = await mergeUnits(db.prisma, request2, options());
    if (!second.ok) throw new Error(second.refusals.map(bilingualOf).join('\n'));
    expect([second.plan.merge, second.plan.already, second.created]).toEqual([[], ['XA-TRA-DON'], []]);
    expect(second.engine).toEqual({
      ok: true,
      year: 2026,
      told: ['PT-5'],
      alreadyTold: [],
      notRunning: [],
      refused: [],
      opened: ['PT-5-XA-TRA-LENG'],
    });
    expect(await footprint()).toEqual(before);
    expect((await cycle('PT-5').query(statusQuery)).periodEndsOn).toBe('2026-08-31');

    // A third run finds the cycle told already.
    const third = await mergeUnits(db.prisma, request2, options());
    expect(third.ok && third.engine).toMatchObject({ told: [], alreadyTold: ['PT-5'], opened: [] });

    await at('2026-09-02T09:00:00+07:00');
    const ended = await cycle('PT-5').query(statusQuery);
    expect([ended.phase, ended.closedBy, ended.successorPairCode]).toEqual([
      'closed',
      'repaired',
      'PT-5-XA-TRA-LENG',
    ]);
    const opened = await cycle('PT-5-XA-TRA-LENG').query(statusQuery);
    expect(opened.obligations.filter((o) => o.status === 'pending').map((o) => o.id)).toEqual([
      'O4',
      'O5',
      'O6',
      'O7',
    ]);
  });
});
