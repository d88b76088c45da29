/**
 * The dashboard's overview on the hand-built data set of fixture.ts (real PostgreSQL): counts by phase and by
 * obligation × status, the punctuality chart, the next 14 days from an injected `now`, open escalations, and the
 * mail problems each reader may see.
 */
import type { Scope } from '../../../domain/access';
import { overview } from '../../../services/dashboard/overview';
import { createTestDatabase, type TestDatabase } from '../../support/db';
import { local, UNIT_IDS, writeFixture } from './fixture';

let db: TestDatabase;
const ALL: Scope = { kind: 'all' };
const zero = { pending: 0, submitted: 0, late: 0, missed: 0, waived: 0, notApplicable: 0 };

beforeAll(async () => {
  db = await createTestDatabase();
  await writeFixture(db.prisma);
});

afterAll(async () => {
  await db?.drop();
});

describe('overview', () => {
  it('counts the year’s cycles by phase and its obligations by status, zeros included', async () => {
    const o = await overview(db.prisma, ALL, { year: 2026, now: local('2026-02-20T10:00:00') });
    expect(o.cycles).toBe(5);
    expect(o.byPhase).toEqual([
      { phase: 'needsProposal', count: 1 },
      { phase: 'agreement', count: 1 },
      { phase: 'implementation', count: 1 },
      { phase: 'yearEndReporting', count: 0 },
      { phase: 'evaluation', count: 1 },
      { phase: 'closed', count: 1 },
    ]);
    expect(o.byObligation).toEqual([
      { obligation: 'O1', counts: { ...zero, pending: 1, submitted: 3, late: 1 } },
      { obligation: 'O2', counts: { ...zero, pending: 1, submitted: 3, missed: 1 } },
      { obligation: 'O3', counts: { ...zero, pending: 2, submitted: 3 } },
      { obligation: 'O4', counts: { ...zero, pending: 3, submitted: 2 } },
      { obligation: 'O5', counts: { ...zero, pending: 3, submitted: 1, missed: 1 } },
      { obligation: 'O6', counts: { ...zero, pending: 3, submitted: 2 } },
      { obligation: 'O7', counts: { ...zero, pending: 4, submitted: 1 } },
    ]);
    expect(o.punctuality).toEqual([
      { obligation: 'O1', onTime: 3, late: 1, missed: 0 },
      { obligation: 'O2', onTime: 3, late: 0, missed: 1 },
      { obligation: 'O3', onTime: 3, late: 0, missed: 0 },
      { obligation: 'O4', onTime: 2, late: 0, missed: 0 },
      { obligation: 'O5', onTime: 1, late: 0, missed: 1 },
      { obligation: 'O6', onTime: 2, late: 0, missed: 0 },
      { obligation: 'O7', onTime: 1, late: 0, missed: 0 },
    ]);
    const earlier = await overview(db.prisma, ALL, { year: 2025, now: local('2026-02-20T10:00:00') });
    expect([earlier.cycles, earlier.byPhase.find((p) => p.phase === 'closed')?.count]).toEqual([1, 1]);
  });

  it('lists the deadlines of the next 14 days from the injected now, with who owes them', async () => {
    const february = await overview(db.prisma, ALL, { year: 2026, now: local('2026-02-20T10:00:00') });
    const sxa1 = { code: 'XA-1', name: 'Xã La Dêê' };
    expect(february.upcoming).toEqual({
      from: '2026-02-20',
      to: '2026-03-06',
      total: 2,
      items: ['O1', 'O2'].map((obligation) => ({
        pairCode: 'P01',
        year: 2026,
        sponsor: { code: 'SO-A', name: 'Sở Nông nghiệp' },
        recipient: sxa1,
        obligation,
        due: '2026-03-02',
        at: '2026-03-02T17:00:00.000Z',
        owing: [{ party: 'recipient', unit: sxa1 }],
      })),
    });
    // On 20 March the O1/O2 deadlines of P01 have passed; both O3s fall within the window. P02's sponsor has
    // signed, so only its recipient owes it.
    const march = await overview(db.prisma, ALL, { year: 2026, now: local('2026-03-20T10:00:00') });
    expect(
      march.upcoming.items.map((i) => [i.pairCode, i.obligation, i.due, i.owing.map((w) => w.unit?.code)]),
    ).toEqual([
      ['P01', 'O3', '2026-03-31', ['SO-A', 'XA-1']],
      ['P02', 'O3', '2026-03-31', ['XA-2']],
    ]);
    // The window ends with the 14th day: seen on 16 March it ends on the 30th, one day before the O3s.
    const early = await overview(db.prisma, ALL, { year: 2026, now: local('2026-03-16T23:59:00') });
    expect([early.upcoming.to, early.upcoming.total]).toEqual(['2026-03-30', 0]);
    const limited = await overview(db.prisma, ALL, {
      year: 2026,
      now: local('2026-03-20T10:00:00'),
      limit: 1,
    });
    expect([limited.upcoming.total, limited.upcoming.items.map((i) => i.pairCode)]).toEqual([2, ['P01']]);
  });

  it('lists the open escalations by level with the escalated obligations', async () => {
    const o = await overview(db.prisma, ALL, { year: 2026, now: local('2026-03-20T10:00:00') });
    expect(o.escalations).toEqual({
      level1: 1,
      level2: 1,
      cycles: [
        {
          pairCode: 'P02',
          year: 2026,
          sponsor: { code: 'SO-A', name: 'Sở Nông nghiệp' },
          recipient: { code: 'XA-2', name: 'Xã Đắc Tôi' },
          phase: 'agreement',
          level: 2,
          obligations: [{ obligation: 'O2', level: 2, status: 'missed' }],
        },
        {
          pairCode: 'P04',
          year: 2026,
          sponsor: { code: 'H-DB', name: 'Thị xã Điện Bàn' },
          recipient: { code: 'H-NG', name: 'Huyện Nam Giang' },
          phase: 'evaluation',
          level: 1,
          obligations: [{ obligation: 'O5', level: 1, status: 'missed' }],
        },
      ],
    });
  });

  it('shows administrators every failed message and bounced address', async () => {
    const { mail } = await overview(db.prisma, ALL, { year: 2026, now: local('2026-03-20T10:00:00') });
    expect(mail.failures.map((f) => [f.idempotencyKey, f.recipients, f.lastError, f.attempts])).toEqual([
      ['digest:2026-03-10', ['lanhdao@example.gov.vn'], '421 try later', 1],
      [
        'twinning-cycle:P02:2026:O2:ESCALATION:2',
        ['xa2@example.gov.vn', 'lanhdao@example.gov.vn'],
        '550 5.1.1 no such user',
        3,
      ],
    ]);
    expect(mail.failures[1]).toMatchObject({
      kind: 'ESCALATION',
      createdAt: '2026-03-09T01:00:00.000Z',
      failedAt: '2026-03-09T01:00:05.000Z',
    });
    expect(mail.bounced).toEqual([
      {
        unitCode: 'SO-B',
        email: 'so-b@example.gov.vn',
        bouncedAt: '2026-03-05T01:01:00.000Z',
        reply: '550 mailbox unavailable',
      },
      {
        unitCode: 'XA-2',
        email: 'xa2@example.gov.vn',
        bouncedAt: '2026-03-04T01:01:00.000Z',
        reply: '550 5.1.1 no such user',
      },
    ]);
  });

  it('shows an officer only its pairs’ failures, with its own units’ addresses, and its units’ bounces', async () => {
    const district: Scope = {
      kind: 'units',
      side: 'recipient',
      unitIds: [UNIT_IDS['H-NG']!, UNIT_IDS['XA-1']!, UNIT_IDS['XA-2']!],
    };
    const d = await overview(db.prisma, district, { year: 2026, now: local('2026-03-20T10:00:00') });
    expect(d.mail.failures.map((f) => [f.idempotencyKey, f.recipients])).toEqual([
      ['twinning-cycle:P02:2026:O2:ESCALATION:2', ['xa2@example.gov.vn']],
    ]);
    expect(d.mail.bounced.map((b) => b.email)).toEqual(['xa2@example.gov.vn']);
    expect(d.cycles).toBe(4);

    const sponsor: Scope = { kind: 'units', side: 'sponsor', unitIds: [UNIT_IDS['SO-A']!] };
    const s = await overview(db.prisma, sponsor, { year: 2026, now: local('2026-03-20T10:00:00') });
    expect(s.mail.failures.map((f) => [f.idempotencyKey, f.recipients])).toEqual([
      ['twinning-cycle:P02:2026:O2:ESCALATION:2', []],
    ]);
    expect(s.mail.bounced).toEqual([]);
    expect(s.byPhase.filter((p) => p.count > 0)).toEqual([
      { phase: 'needsProposal', count: 1 },
      { phase: 'agreement', count: 1 },
    ]);
    expect([s.escalations.level1, s.escalations.level2, s.upcoming.total]).toEqual([0, 1, 2]);
  });
});
