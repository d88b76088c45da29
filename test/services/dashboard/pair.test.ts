/**
 * One pair's page and one unit's page on the hand-built data set of fixture.ts (real PostgreSQL): scope (an
 * unknown pair and a pair outside the scope both read as undefined), addresses only when asked for, the
 * obligations and the "waiting on" lines, the timeline, ratings, submissions, progress with its households, the
 * pair's history and the Temporal link.
 */
import type { Scope } from '../../../domain/access';
import { pairDetail, type PairDetailOptions } from '../../../services/dashboard/pair';
import { unitSummary } from '../../../services/dashboard/unit';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { local, UNIT_IDS, writeFixture } from './fixture';

let db: TestDatabase;
const ALL: Scope = { kind: 'all' };
const SO_A: Scope = { kind: 'units', side: 'sponsor', unitIds: [UNIT_IDS['SO-A']!] };
const XA_3: Scope = { kind: 'units', side: 'recipient', unitIds: [UNIT_IDS['XA-3']!] };
const options: PairDetailOptions = {
  now: local('2026-03-20T10:00:00'),
  includeContacts: false,
  temporalNamespace: 'twinning-test',
};

beforeAll(async () => {
  db = await createTestDatabase();
  await writeFixture(db.prisma);
});

afterAll(async () => {
  await db?.drop();
});

describe('pair detail', () => {
  it('is undefined for an unknown pair and for a pair outside the scope', async () => {
    expect(await pairDetail(db.prisma, ALL, 'NOPE', options)).toBeUndefined();
    expect(await pairDetail(db.prisma, SO_A, 'P03', options)).toBeUndefined();
    expect((await pairDetail(db.prisma, XA_3, 'P03', options))?.code).toBe('P03');
    expect((await pairDetail(db.prisma, SO_A, 'P02', options))?.code).toBe('P02');
  });

  it('shows both units, their addresses only when asked for', async () => {
    const officer = await pairDetail(db.prisma, SO_A, 'P02', options);
    expect(officer?.sponsor).toEqual({
      code: 'SO-A',
      name: 'Sở Nông nghiệp',
      kind: 'DEPARTMENT',
      border: false,
      parent: null,
      contactCount: 2,
    });
    expect(officer?.recipient).toEqual({
      code: 'XA-2',
      name: 'Xã Đắc Tôi',
      kind: 'COMMUNE',
      border: false,
      parent: { code: 'H-NG', name: 'Huyện Nam Giang' },
      contactCount: 1,
    });
    const admin = await pairDetail(db.prisma, ALL, 'P02', { ...options, includeContacts: true });
    expect(admin?.sponsor.contacts).toEqual([
      { email: 'so-a@example.gov.vn', role: 'OFFICER', bounced: false },
      { email: 'giamdoc@so-a.example.gov.vn', role: 'HEAD', bounced: false },
    ]);
    expect(admin?.recipient.contacts).toEqual([
      { email: 'xa2@example.gov.vn', role: 'OFFICER', bounced: true },
    ]);
  });

  it('gives the year’s obligations, what it waits for in both languages, and whether each side owes', async () => {
    const detail = await pairDetail(db.prisma, ALL, 'P02', options);
    expect(detail?.years).toEqual([{ year: 2026, phase: 'agreement' }]);
    const year = detail?.selected;
    expect(year?.obligations.slice(0, 3)).toEqual([
      {
        obligation: 'O1',
        status: 'submitted',
        statutoryDue: '2026-02-28',
        effectiveDue: '2026-03-02',
        completedAt: '2026-02-28T17:00:00.000Z',
        escalationLevel: 0,
      },
      {
        obligation: 'O2',
        status: 'missed',
        statutoryDue: '2026-02-28',
        effectiveDue: '2026-03-02',
        completedAt: null,
        escalationLevel: 2,
      },
      {
        obligation: 'O3',
        status: 'pending',
        statutoryDue: '2026-03-31',
        effectiveDue: '2026-03-31',
        completedAt: null,
        escalationLevel: 0,
      },
    ]);
    expect(year?.waiting.map((w) => [w.key, w.vi, w.en])).toEqual([
      [
        'dashboard.waiting.overdue',
        'Đang chờ Xã Đắc Tôi (XA-2): đề xuất nhu cầu (O2), từ ngày 01/01/2026; đã quá hạn ngày 02/03/2026.',
        'Waiting on Xã Đắc Tôi (XA-2) for the needs proposal (O2) since 01/01/2026; it was due on 02/03/2026.',
      ],
      [
        'dashboard.waiting.on',
        'Đang chờ Xã Đắc Tôi (XA-2): chương trình kết nghĩa đã ký (O3), từ ngày 03/03/2026.',
        'Waiting on Xã Đắc Tôi (XA-2) for the signed twinning programme (O3) since 03/03/2026.',
      ],
    ]);
    expect(year?.owes).toEqual({ sponsor: false, recipient: true });
    expect(year?.temporal).toEqual({ namespace: 'twinning-test', workflowId: 'twinning-cycle:P02:2026' });
    expect([year?.phase, year?.escalationLevel, year?.overdue, year?.flags]).toEqual([
      'agreement',
      2,
      true,
      ['overdue'],
    ]);
  });

  it('tells the timeline in words from the audit trail and the ledger, oldest first', async () => {
    const timeline = (await pairDetail(db.prisma, ALL, 'P02', options))?.selected?.timeline ?? [];
    expect(timeline.map((l) => [l.at, l.vi])).toEqual([
      ['2025-12-31T17:05:00.000Z', 'Mở chu kỳ kết nghĩa năm 2026 của cặp P02 — hệ thống'],
      [
        '2026-02-10T02:00:00.000Z',
        'O1 kế hoạch triển khai: đơn vị được giúp đỡ đã nộp đúng hạn — officer:xa2@example.gov.vn',
      ],
      ['2026-02-23T01:00:00.000Z', 'Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi)'],
      ['2026-03-02T17:00:00.000Z', 'O2 đề xuất nhu cầu: quá hạn 02/03/2026 mà chưa nộp — hệ thống'],
      ['2026-03-02T17:00:00.000Z', 'Chuyển giai đoạn: Đề xuất nhu cầu → Ký kết — hệ thống'],
      // At the same instant the audit entry comes before the message it caused.
      ['2026-03-09T01:00:00.000Z', 'O2 đề xuất nhu cầu: leo thang mức 2 — hệ thống'],
      ['2026-03-09T01:00:00.000Z', 'Thư leo thang mức 2 về O2 đề xuất nhu cầu (Thất bại)'],
      [
        '2026-03-10T03:00:00.000Z',
        'O3 chương trình kết nghĩa đã ký: đơn vị giúp đỡ đã ký, chờ bên còn lại ký — officer:so-a@example.gov.vn',
      ],
    ]);
    expect(timeline[0]?.en).toBe('Opened the 2026 twinning cycle of pair P02 — system');
  });

  it('gives the documents of the year with their texts', async () => {
    const year = (await pairDetail(db.prisma, ALL, 'P02', options))?.selected;
    expect(year?.submissions).toEqual([
      {
        obligation: 'O1',
        side: 'RECIPIENT',
        submittedBy: 'officer:xa2@example.gov.vn',
        submittedAt: '2026-02-10T02:00:00.000Z',
        late: false,
        texts: { summary: 'Kế hoạch năm 2026', monitoringAssignment: 'Phó Chủ tịch xã theo dõi' },
      },
      {
        obligation: 'O3',
        side: 'SPONSOR',
        submittedBy: 'officer:so-a@example.gov.vn',
        submittedAt: '2026-03-10T03:00:00.000Z',
        late: false,
        texts: { signedOn: '2026-03-10', signatoryName: 'Nguyễn Văn A' },
      },
    ]);
  });

  it('gives progress entries with the households helped, exact amounts and corrections, and the history', async () => {
    const detail = await pairDetail(db.prisma, XA_3, 'P03', options);
    const progress = detail?.selected?.progress ?? [];
    expect(progress.map((p) => [p.households, p.amountDong, p.beneficiaries, p.superseded, p.side])).toEqual([
      [3, '150000000', ['Hộ ông Hồ Văn B', 'Hộ bà Alăng Thị C'], true, 'SPONSOR'],
      [4, '9007199254740993', ['Hộ ông Hồ Văn B'], false, 'SPONSOR'],
    ]);
    expect(progress[1]?.supersedesId).toBe(progress[0]?.id);
    expect(detail?.history).toEqual([
      {
        at: '2026-01-05T02:00:00.000Z',
        action: 'created',
        reason: 'Nhập danh mục',
        before: null,
        after: null,
      },
    ]);
    expect([
      detail?.validFrom,
      detail?.validTo,
      detail?.status,
      detail?.predecessor,
      detail?.successors,
    ]).toEqual(['2020-01-01', null, 'ACTIVE', null, []]);
    expect(detail?.selected?.owes).toEqual({ sponsor: true, recipient: false });
  });

  it('gives both units’ ratings with the proposal’s explanation and the decision', async () => {
    const ratings = (await pairDetail(db.prisma, ALL, 'P04', options))?.selected?.ratings;
    expect(ratings?.sponsor).toMatchObject({
      unitCode: 'H-DB',
      proposed: { id: 'KHA', vi: 'Khá', en: 'Fair' },
      score: 87.5,
      final: null,
      explanation: [],
    });
    expect(ratings?.recipient).toMatchObject({
      unitCode: 'H-NG',
      proposed: { id: 'TOT', vi: 'Tốt', en: 'Good' },
      final: { id: 'TOT', vi: 'Tốt', en: 'Good' },
      confirmedBy: 'cli:admin',
      confirmedAt: '2027-01-10T02:00:00.000Z',
      explanation: [{ key: 'evaluation.line.score', vi: 'Điểm: 100', en: 'Score: 100' }],
    });
    const waiting = (
      await pairDetail(db.prisma, ALL, 'P04', { ...options, now: local('2027-01-02T09:00:00') })
    )?.selected?.waiting;
    expect(waiting?.map((w) => [w.obligation, w.party, w.unitCode ?? null, w.overdue])).toEqual([
      ['O5', 'sponsor', 'H-DB', true],
      ['O7', 'coordinator', null, false],
    ]);
    expect(waiting?.[1]?.vi).toBe('Đang chờ Ban Dân tộc tỉnh: đánh giá, xếp loại (O7), từ ngày 16/12/2026.');
  });

  it('selects the latest year by default, an asked one, or none', async () => {
    const latest = await pairDetail(db.prisma, ALL, 'P05', options);
    expect([latest?.years, latest?.selected?.year, latest?.selected?.waiting]).toEqual([
      [
        { year: 2026, phase: 'closed' },
        { year: 2025, phase: 'closed' },
      ],
      2026,
      [],
    ]);
    expect((await pairDetail(db.prisma, ALL, 'P05', { ...options, year: 2025 }))?.selected?.year).toBe(2025);
    const none = await pairDetail(db.prisma, ALL, 'P05', { ...options, year: 2024 });
    expect([none?.code, none?.selected]).toEqual(['P05', undefined]);
  });
});

describe('unit summary', () => {
  it('lists a unit’s pairs with the year’s cycle and its rating', async () => {
    const unit = await unitSummary(db.prisma, ALL, 'SO-B', 2026);
    expect(unit?.pairs).toEqual([
      {
        pairCode: 'P03',
        side: 'sponsor',
        partner: { code: 'XA-3', name: 'Xã Trà Leng' },
        status: 'ACTIVE',
        cycle: { phase: 'implementation', escalationLevel: 0, overdue: false },
      },
      {
        pairCode: 'P05',
        side: 'sponsor',
        partner: { code: 'XA-1', name: 'Xã La Dêê' },
        status: 'ACTIVE',
        cycle: { phase: 'closed', escalationLevel: 0, overdue: false },
      },
    ]);
    expect(unit?.rating).toMatchObject({
      proposed: { id: 'TB', vi: 'Trung bình', en: 'Average' },
      final: { id: 'KHA', vi: 'Khá', en: 'Fair' },
      overrideReason: 'Có nhiều cố gắng',
      decisionNumber: '12/QĐ-UBND',
    });
    expect((await unitSummary(db.prisma, ALL, 'H-NG', 2026))?.pairs.map((p) => [p.pairCode, p.side])).toEqual(
      [['P04', 'recipient']],
    );
    expect((await unitSummary(db.prisma, ALL, 'SO-B', 2024))?.pairs.map((p) => p.cycle)).toEqual([
      null,
      null,
    ]);
  });

  it('shows a reader only the pairs in its scope, and nothing of a unit it has no pair with', async () => {
    expect(await unitSummary(db.prisma, SO_A, 'SO-B', 2026)).toBeUndefined();
    expect(await unitSummary(db.prisma, ALL, 'NOPE', 2026)).toBeUndefined();
    expect((await unitSummary(db.prisma, XA_3, 'SO-B', 2026))?.pairs.map((p) => p.pairCode)).toEqual(['P03']);
    expect((await unitSummary(db.prisma, SO_A, 'XA-1', 2026))?.pairs.map((p) => p.pairCode)).toEqual(['P01']);
    expect((await unitSummary(db.prisma, SO_A, 'SO-A', 2026))?.rating).toBeNull();
  });
});
