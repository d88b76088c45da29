/**
 * A small hand-built read model for the dashboard tests, written straight into the tables (no workflow runs):
 * seven units, five pairs, one 2026 cycle per pair in every phase but year-end reporting, one 2025 cycle, the
 * units' ratings, audit entries, notifications, submissions, progress entries and a bounced address. Every
 * expected value of the tests is worked out by hand from the table in the comments below.
 */
import { endOfLocalDay } from '../../../domain/calendar/time';
import type { ObligationId } from '../../../domain/cycle/types';
import type { Prisma, PrismaClient } from '../../../generated/prisma';
import { DEFAULT_DUE, type ObligationRowStatus } from '../../support/evaluated-cycles';
import { writeNextDeadlines } from '../../support/next-deadline';

/** A unit name that a spreadsheet would run as a formula. */
export const INJECTED = '=HYPERLINK("http://evil.example","Sở Y tế")';

type Status = ObligationRowStatus;

const DUE = DEFAULT_DUE;

/** The IDs of the units, by code. */
export const UNIT_IDS: Readonly<Record<string, string>> = {
  'SO-A': 'unit-so-a',
  'SO-B': 'unit-so-b',
  'H-DB': 'unit-h-db',
  'H-NG': 'unit-h-ng',
  'XA-1': 'unit-xa-1',
  'XA-2': 'unit-xa-2',
  'XA-3': 'unit-xa-3',
};

/** An instant written as local time (Asia/Ho_Chi_Minh). */
export const local = (text: string) => new Date(`${text}+07:00`);

interface CycleSpec {
  readonly pair: string;
  readonly year: number;
  readonly phase: string;
  readonly statuses: Partial<Record<ObligationId, Status>>;
  readonly levels?: Partial<Record<ObligationId, number>>;
  /** Effective due days that differ from the statutory ones (roll-forward, extensions). */
  readonly effective?: Partial<Record<ObligationId, string>>;
  readonly escalationLevel?: number;
  readonly overdue?: boolean;
  readonly waitingFor: readonly ObligationId[];
  readonly waitingSince: Date;
}

async function createCycle(prisma: PrismaClient, spec: CycleSpec): Promise<string> {
  const workflowId = `twinning-cycle:${spec.pair}:${spec.year}`;
  const cycle = await prisma.cycle.create({
    data: {
      id: `cycle-${spec.pair}-${spec.year}`,
      pairId: `pair-${spec.pair}`,
      year: spec.year,
      workflowId,
      phase: spec.phase,
      escalationLevel: spec.escalationLevel ?? 0,
      overdue: spec.overdue ?? false,
      flags: spec.overdue ? ['overdue'] : [],
      waitingFor: spec.waitingFor.join(',') || null,
      waitingSince: spec.waitingSince,
    },
  });
  for (const obligation of Object.keys(DUE) as ObligationId[]) {
    const y = obligation === 'O7' ? spec.year + 1 : spec.year;
    const statutory = endOfLocalDay(`${y}-${DUE[obligation]}`);
    const effective = spec.effective?.[obligation] ? endOfLocalDay(spec.effective[obligation]) : statutory;
    const status = spec.statuses[obligation] ?? 'PENDING';
    await prisma.cycleObligation.create({
      data: {
        cycleId: cycle.id,
        obligation,
        statutoryDue: statutory,
        effectiveDue: effective,
        status,
        escalationLevel: spec.levels?.[obligation] ?? 0,
        completedAt:
          status === 'SUBMITTED'
            ? new Date(effective.getTime() - 2 * 86_400_000)
            : status === 'LATE'
              ? new Date(effective.getTime() + 86_400_000)
              : null,
      },
    });
  }
  await writeNextDeadlines(prisma, [cycle.id]);
  return cycle.id;
}

const done = (...ids: ObligationId[]): Partial<Record<ObligationId, Status>> =>
  Object.fromEntries(ids.map((id) => [id, 'SUBMITTED']));

/**
 * Writes the data set.
 *
 * | pair | sponsor | recipient | 2026 phase     | owed / pending                       | esc | overdue |
 * | ---- | ------- | --------- | -------------- | ------------------------------------ | --- | ------- |
 * | P01  | SO-A    | XA-1      | needsProposal  | O1, O2 due 02/03 (rolled from 28/02)  | 0   | no      |
 * | P02  | SO-A    | XA-2      | agreement      | O2 missed (level 2), O3 (sponsor signed) | 2 | yes     |
 * | P03  | SO-B    | XA-3      | implementation | O4                                   | 0   | no      |
 * | P04  | H-DB    | H-NG      | evaluation     | O5 missed (level 1), O7              | 1   | yes     |
 * | P05  | SO-B    | XA-1      | closed         | nothing (also a closed 2025 cycle)   | 0   | no      |
 *
 * Ratings 2026: H-DB proposed KHA; H-NG proposed and final TOT; SO-B proposed TB, final KHA; XA-1 proposed TOT.
 * XA-3 has no district above it; XA-1 and XA-2 belong to H-NG.
 */
export async function writeFixture(prisma: PrismaClient): Promise<void> {
  const unit = (
    code: string,
    name: string,
    kind: Prisma.UnitCreateManyInput['kind'],
    parent?: string,
  ): Prisma.UnitCreateManyInput => ({
    id: UNIT_IDS[code]!,
    code,
    name,
    kind,
    parentId: parent ? UNIT_IDS[parent]! : null,
  });
  await prisma.unit.createMany({
    data: [
      unit('H-NG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT'),
      unit('SO-A', 'Sở Nông nghiệp', 'DEPARTMENT'),
      unit('SO-B', INJECTED, 'DEPARTMENT'),
      unit('H-DB', 'Thị xã Điện Bàn', 'LOWLAND_DISTRICT'),
      unit('XA-1', 'Xã La Dêê', 'COMMUNE', 'H-NG'),
      unit('XA-2', 'Xã Đắc Tôi', 'COMMUNE', 'H-NG'),
      unit('XA-3', 'Xã Trà Leng', 'COMMUNE'),
    ],
  });
  await prisma.contact.createMany({
    data: [
      { unitId: UNIT_IDS['SO-A']!, email: 'so-a@example.gov.vn' },
      { unitId: UNIT_IDS['SO-A']!, email: 'giamdoc@so-a.example.gov.vn', role: 'HEAD' },
      {
        unitId: UNIT_IDS['XA-2']!,
        email: 'xa2@example.gov.vn',
        bouncedAt: local('2026-03-04T08:01:00'),
        bounceReply: '550 5.1.1 no such user',
      },
      {
        unitId: UNIT_IDS['SO-B']!,
        email: 'so-b@example.gov.vn',
        bouncedAt: local('2026-03-05T08:01:00'),
        bounceReply: '550 mailbox unavailable',
      },
      { unitId: UNIT_IDS['XA-1']!, email: 'xa1@example.gov.vn' },
    ],
  });
  const pair = (code: string, sponsor: string, recipient: string): Prisma.PairCreateManyInput => ({
    id: `pair-${code}`,
    code,
    sponsorId: UNIT_IDS[sponsor]!,
    recipientId: UNIT_IDS[recipient]!,
    validFrom: new Date(Date.UTC(2020, 0, 1)),
  });
  await prisma.pair.createMany({
    data: [
      pair('P01', 'SO-A', 'XA-1'),
      pair('P02', 'SO-A', 'XA-2'),
      pair('P03', 'SO-B', 'XA-3'),
      pair('P04', 'H-DB', 'H-NG'),
      pair('P05', 'SO-B', 'XA-1'),
    ],
  });

  await createCycle(prisma, {
    pair: 'P01',
    year: 2026,
    phase: 'needsProposal',
    statuses: {},
    effective: { O1: '2026-03-02', O2: '2026-03-02' },
    waitingFor: ['O1', 'O2'],
    waitingSince: local('2026-01-01T00:05:00'),
  });
  const p02 = await createCycle(prisma, {
    pair: 'P02',
    year: 2026,
    phase: 'agreement',
    statuses: { O1: 'SUBMITTED', O2: 'MISSED' },
    levels: { O2: 2 },
    effective: { O1: '2026-03-02', O2: '2026-03-02' },
    escalationLevel: 2,
    overdue: true,
    waitingFor: ['O3'],
    waitingSince: local('2026-03-03T00:00:00'),
  });
  const p03 = await createCycle(prisma, {
    pair: 'P03',
    year: 2026,
    phase: 'implementation',
    statuses: { O1: 'LATE', ...done('O2', 'O3') },
    effective: { O1: '2026-03-02', O2: '2026-03-02' },
    waitingFor: ['O4'],
    waitingSince: local('2026-04-01T00:00:00'),
  });
  await createCycle(prisma, {
    pair: 'P04',
    year: 2026,
    phase: 'evaluation',
    statuses: { ...done('O1', 'O2', 'O3', 'O4', 'O6'), O5: 'MISSED' },
    levels: { O5: 1 },
    escalationLevel: 1,
    overdue: true,
    waitingFor: ['O7'],
    waitingSince: local('2026-12-16T00:00:00'),
  });
  await createCycle(prisma, {
    pair: 'P05',
    year: 2026,
    phase: 'closed',
    statuses: done('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'),
    waitingFor: [],
    waitingSince: local('2027-01-20T09:00:00'),
  });
  await createCycle(prisma, {
    pair: 'P05',
    year: 2025,
    phase: 'closed',
    statuses: done('O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'),
    waitingFor: [],
    waitingSince: local('2026-01-20T09:00:00'),
  });

  await prisma.unitEvaluation.createMany({
    data: [
      { unitId: UNIT_IDS['H-DB']!, year: 2026, side: 'SPONSOR', proposedRating: 'KHA', proposedScore: 87.5 },
      {
        unitId: UNIT_IDS['H-NG']!,
        year: 2026,
        side: 'RECIPIENT',
        proposedRating: 'TOT',
        proposedScore: 100,
        finalRating: 'TOT',
        confirmedBy: 'cli:admin',
        confirmedAt: local('2027-01-10T09:00:00'),
        explanation: {
          version: 1,
          lines: [{ key: 'evaluation.line.score', params: {}, vi: 'Điểm: 100', en: 'Score: 100' }],
        },
      },
      {
        unitId: UNIT_IDS['SO-B']!,
        year: 2026,
        side: 'SPONSOR',
        proposedRating: 'TB',
        proposedScore: 62.5,
        finalRating: 'KHA',
        overrideReason: 'Có nhiều cố gắng',
        decisionNumber: '12/QĐ-UBND',
      },
      { unitId: UNIT_IDS['XA-1']!, year: 2026, side: 'RECIPIENT', proposedRating: 'TOT', proposedScore: 100 },
    ],
  });

  // P02: what its workflow would have recorded.
  const wf = 'twinning-cycle:P02:2026';
  const audit = (at: string, action: string, after: Prisma.InputJsonObject, actor = 'system') => ({
    at: local(at),
    actor,
    action,
    entityType: 'Cycle',
    entityId: wf,
    after,
  });
  await prisma.auditEvent.createMany({
    data: [
      audit('2026-01-01T00:05:00', 'opened', { year: 2026, pairCode: 'P02' }),
      audit('2026-02-10T09:00:00', 'submitted:O1', { side: 'recipient' }, 'officer:xa2@example.gov.vn'),
      audit('2026-03-03T00:00:00', 'missed:O2', { effectiveDue: '2026-03-02' }),
      audit('2026-03-03T00:00:00', 'phaseChanged', { from: 'needsProposal', to: 'agreement' }),
      audit('2026-03-09T08:00:00', 'escalated:O2', { level: 2 }),
      audit('2026-03-10T10:00:00', 'signed:O3', { side: 'sponsor' }, 'officer:so-a@example.gov.vn'),
    ],
  });
  await prisma.notification.createMany({
    data: [
      {
        idempotencyKey: `${wf}:O2:REMINDER:2026-02-23`,
        cycleId: p02,
        kind: 'REMINDER',
        obligation: 'O2',
        scheduledFor: local('2026-02-23T08:00:00'),
        status: 'SENT',
      },
      {
        idempotencyKey: `${wf}:O2:ESCALATION:2`,
        cycleId: p02,
        kind: 'ESCALATION',
        obligation: 'O2',
        level: 2,
        scheduledFor: local('2026-03-09T08:00:00'),
        recipients: ['xa2@example.gov.vn', 'lanhdao@example.gov.vn'],
        subject: 'Leo thang mức 2',
        status: 'FAILED',
        attempts: 3,
        lastError: '550 5.1.1 no such user',
        createdAt: local('2026-03-09T08:00:00'),
        claimedAt: local('2026-03-09T08:00:05'),
      },
      {
        idempotencyKey: 'digest:2026-03-10',
        kind: 'DIGEST',
        scheduledFor: local('2026-03-10T07:30:00'),
        recipients: ['lanhdao@example.gov.vn'],
        subject: 'Tổng hợp',
        status: 'FAILED',
        attempts: 1,
        lastError: '421 try later',
        createdAt: local('2026-03-10T07:30:00'),
      },
    ],
  });
  await prisma.submission.createMany({
    data: [
      {
        cycleId: p02,
        obligation: 'O1',
        side: 'RECIPIENT',
        submittedBy: 'officer:xa2@example.gov.vn',
        submittedAt: local('2026-02-10T09:00:00'),
        payload: { summary: 'Kế hoạch năm 2026', monitoringAssignment: 'Phó Chủ tịch xã theo dõi' },
        idempotencyKey: `${wf}:u1`,
      },
      {
        cycleId: p02,
        obligation: 'O3',
        side: 'SPONSOR',
        submittedBy: 'officer:so-a@example.gov.vn',
        submittedAt: local('2026-03-10T10:00:00'),
        payload: { signedOn: '2026-03-10', signatoryName: 'Nguyễn Văn A' },
        idempotencyKey: `${wf}:u2`,
      },
    ],
  });
  const first = await prisma.progressEntry.create({
    data: {
      cycleId: p03,
      submittedBy: 'officer:so-b@example.gov.vn',
      submittedAt: local('2026-05-02T10:00:00'),
      category: 'SOCIO_ECONOMIC',
      households: 3,
      amountDong: 150_000_000n,
      description: 'Hỗ trợ bò giống',
      beneficiaries: ['Hộ ông Hồ Văn B', 'Hộ bà Alăng Thị C'],
      idempotencyKey: 'twinning-cycle:P03:2026:p1',
      side: 'SPONSOR',
    },
  });
  await prisma.progressEntry.create({
    data: {
      cycleId: p03,
      submittedBy: 'officer:so-b@example.gov.vn',
      submittedAt: local('2026-05-03T10:00:00'),
      category: 'SOCIO_ECONOMIC',
      households: 4,
      amountDong: 9_007_199_254_740_993n,
      description: 'Sửa số hộ',
      beneficiaries: ['Hộ ông Hồ Văn B'],
      supersedesId: first.id,
      idempotencyKey: 'twinning-cycle:P03:2026:p2',
      side: 'SPONSOR',
    },
  });
  await prisma.pairHistory.create({
    data: {
      pairId: 'pair-P03',
      at: local('2026-01-05T09:00:00'),
      action: 'created',
      reason: 'Nhập danh mục',
    },
  });
}
