import {
  describeNotification,
  describeTimelineActor,
  describeTimelineEntry,
  DESCRIBED_TIMELINE_ACTIONS,
  timelineLines,
  type TimelineNotification,
} from '../../../domain/cycle/timeline';
import { DEFAULT_RATING_SCALE } from '../../../domain/evaluation/settings';
import type { RecordKind } from '../../../machines/cycle/types';

const levels = DEFAULT_RATING_SCALE.levels;

/** An audit entry as the effects activity stores it (`kind:obligation`, the record's detail plus its side). */
type Case = readonly [action: string, detail: Record<string, unknown>, vi: string, en: string];

// One case at least per kind the machine records: a new RecordKind does not compile until it is described here.
const RECORDED: Record<RecordKind, readonly Case[]> = {
  opened: [
    [
      'opened',
      { pairCode: 'KN-01', year: 2026 },
      'Mở chu kỳ kết nghĩa năm 2026 của cặp KN-01',
      'Opened the 2026 twinning cycle of pair KN-01',
    ],
  ],
  notApplicable: [
    [
      'notApplicable:O1',
      { endsAt: '2026-02-28T17:00:00.000Z' },
      'O1 kế hoạch triển khai: không áp dụng, vì hạn 28/02/2026 đã qua khi mở chu kỳ',
      'O1 implementation plan: not applicable, as its due day 28/02/2026 had passed when the cycle opened',
    ],
  ],
  submitted: [
    [
      'submitted:O2',
      { submissionId: 's-1', side: 'recipient' },
      'O2 đề xuất nhu cầu: đơn vị được giúp đỡ đã nộp đúng hạn',
      'O2 needs proposal: submitted on time by the recipient',
    ],
    [
      'submitted:O5',
      { submissionId: 's-2', side: 'sponsor' },
      'O5 báo cáo sơ kết của đơn vị giúp đỡ: đơn vị giúp đỡ đã nộp đúng hạn',
      "O5 sponsor's year-end report: submitted on time by the sponsor",
    ],
  ],
  late: [
    [
      'late:O6',
      { submissionId: 's-3', side: 'recipient' },
      'O6 báo cáo kết quả của đơn vị được giúp đỡ: đơn vị được giúp đỡ đã nộp muộn',
      "O6 recipient's year-end report: submitted late by the recipient",
    ],
  ],
  signed: [
    [
      'signed:O3',
      { submissionId: 's-4', side: 'sponsor' },
      'O3 chương trình kết nghĩa đã ký: đơn vị giúp đỡ đã ký, chờ bên còn lại ký',
      'O3 signed twinning programme: signed by the sponsor, waiting for the other side',
    ],
  ],
  missed: [
    [
      'missed:O2',
      { effectiveDue: '2026-03-02' },
      'O2 đề xuất nhu cầu: quá hạn 02/03/2026 mà chưa nộp',
      'O2 needs proposal: missed, not submitted by 02/03/2026',
    ],
  ],
  escalated: [
    [
      'escalated:O2',
      { level: 2 },
      'O2 đề xuất nhu cầu: leo thang mức 2',
      'O2 needs proposal: escalated to level 2',
    ],
  ],
  waived: [
    [
      'waived:O1',
      { reason: 'Đã nộp cùng đề án của huyện' },
      'O1 kế hoạch triển khai: được miễn; lý do: Đã nộp cùng đề án của huyện',
      'O1 implementation plan: waived; reason: Đã nộp cùng đề án của huyện',
    ],
  ],
  extended: [
    [
      'extended:O2',
      { from: '2026-03-02', to: '2026-03-16', previousStatus: 'pending', reason: 'Lũ lụt', generation: 1 },
      'O2 đề xuất nhu cầu: gia hạn từ 02/03/2026 đến 16/03/2026; lý do: Lũ lụt',
      'O2 needs proposal: deadline extended from 02/03/2026 to 16/03/2026; reason: Lũ lụt',
    ],
    [
      'extended:O3',
      { from: '2026-03-31', to: '2026-04-15', reason: 'Lũ lụt', generation: 1, decisionNumber: '45/QĐ-BDT' },
      'O3 chương trình kết nghĩa đã ký: gia hạn từ 31/03/2026 đến 15/04/2026; lý do: Lũ lụt; quyết định số 45/QĐ-BDT',
      'O3 signed twinning programme: deadline extended from 31/03/2026 to 15/04/2026; reason: Lũ lụt; decision no. 45/QĐ-BDT',
    ],
  ],
  resent: [
    [
      'resent:O5',
      { count: 2 },
      'O5 báo cáo sơ kết của đơn vị giúp đỡ: gửi lại nhắc nhở, lần 2',
      "O5 sponsor's year-end report: reminder sent again, resend no. 2",
    ],
  ],
  progress: [
    [
      'progress:O4',
      { entryId: 'e-1', count: 3 },
      'O4 cập nhật tiến độ: ghi nhận kết quả thực hiện lần thứ 3',
      'O4 progress entries: progress entry no. 3 recorded',
    ],
  ],
  phaseChanged: [
    [
      'phaseChanged',
      { from: 'needsProposal', to: 'agreement' },
      'Chuyển giai đoạn: Đề xuất nhu cầu → Ký kết',
      'Phase changed: needs proposal → agreement',
    ],
    [
      'phaseChanged',
      { from: 'evaluation', to: 'closed' },
      'Chuyển giai đoạn: Đánh giá → Đã kết thúc',
      'Phase changed: evaluation → closed',
    ],
  ],
  dissolved: [
    [
      'dissolved',
      { reason: 'Đơn vị giải thể', repaired: false },
      'Giải thể cặp kết nghĩa; lý do: Đơn vị giải thể',
      'Pair dissolved; reason: Đơn vị giải thể',
    ],
    [
      'dissolved',
      { reason: 'Sáp nhập đơn vị hành chính', repaired: true, successorPairCode: 'P08' },
      'Ghép lại cặp kết nghĩa, chuyển sang cặp P08; lý do: Sáp nhập đơn vị hành chính',
      'Pair re-paired into P08; reason: Sáp nhập đơn vị hành chính',
    ],
  ],
  periodEnding: [
    [
      'periodEnding',
      { lastDay: '2025-06-30', reason: 'Sáp nhập', successorPairCode: 'P08', decisionNumber: '1/NQ' },
      'Thời hạn kết nghĩa của cặp sẽ kết thúc vào ngày 30/06/2025; cặp kế tiếp P08; lý do: Sáp nhập; quyết định số 1/NQ',
      "The pair's period will end on 30/06/2025; successor pair P08; reason: Sáp nhập; decision no. 1/NQ",
    ],
  ],
  periodEnded: [
    [
      'periodEnded',
      { lastDay: '2025-06-30' },
      'Thời hạn kết nghĩa của cặp đã kết thúc (ngày cuối 30/06/2025)',
      "The pair's period ended (last day 30/06/2025)",
    ],
  ],
  unitRated: [
    [
      'unitRated:O7',
      { side: 'sponsor', unitCode: 'SO-NN', rating: 'TOT' },
      'Xếp loại của đơn vị giúp đỡ SO-NN được xác nhận: Tốt',
      'Rating of the sponsor SO-NN confirmed: Good',
    ],
  ],
  rated: [
    [
      'rated:O7',
      { sponsorRating: 'TOT', recipientRating: 'Khá', late: false },
      'O7 đánh giá, xếp loại: đơn vị giúp đỡ được xếp loại Tốt, đơn vị được giúp đỡ được xếp loại Khá',
      'O7 evaluation and rating: sponsor rated Good, recipient rated Fair',
    ],
    [
      'rated:O7',
      {
        sponsorRating: 'Yếu',
        recipientRating: 'trung bình',
        late: true,
        reason: 'Theo đề nghị của Hội đồng thi đua',
        decisionNumber: '99/QĐ-UBND',
      },
      'O7 đánh giá, xếp loại: đơn vị giúp đỡ được xếp loại Yếu, đơn vị được giúp đỡ được xếp loại Trung bình; sau hạn; lý do: Theo đề nghị của Hội đồng thi đua; quyết định số 99/QĐ-UBND',
      'O7 evaluation and rating: sponsor rated Weak, recipient rated Average; after the deadline; reason: Theo đề nghị của Hội đồng thi đua; decision no. 99/QĐ-UBND',
    ],
  ],
};

const EVALUATION: readonly Case[] = [
  [
    'evaluation.proposed',
    { workflowId: 'w', side: 'sponsor', proposedRating: 'KHA', proposedScore: 87.5, criticised: false },
    'Đề xuất xếp loại đơn vị giúp đỡ: Khá, 87,5 điểm',
    'Rating proposed for the sponsor: Fair, 87.5 points',
  ],
  [
    'evaluation.proposed',
    { workflowId: 'w', side: 'recipient', proposedRating: 'YEU', proposedScore: 0, criticised: true },
    'Đề xuất xếp loại đơn vị được giúp đỡ: Yếu, 0 điểm; bị phê bình, không xét thi đua',
    'Rating proposed for the recipient: Weak, 0 points; criticised, not considered for emulation awards',
  ],
  [
    'evaluation.confirmed',
    { workflowId: 'w', side: 'sponsor', finalRating: 'TOT', overrideReason: null, decisionNumber: null },
    'Xác nhận xếp loại đơn vị giúp đỡ: Tốt',
    'Rating of the sponsor confirmed: Good',
  ],
  [
    'evaluation.overridden',
    {
      workflowId: 'w',
      side: 'recipient',
      finalRating: 'TB',
      overrideReason: 'Theo đề nghị của Hội đồng thi đua',
      decisionNumber: '99/QĐ-UBND',
    },
    'Thay đổi xếp loại đề xuất của đơn vị được giúp đỡ thành Trung bình; lý do: Theo đề nghị của Hội đồng thi đua; quyết định số 99/QĐ-UBND',
    'Proposed rating of the recipient overridden: Average; reason: Theo đề nghị của Hội đồng thi đua; decision no. 99/QĐ-UBND',
  ],
  [
    'evaluation.positiveFactors',
    { side: 'recipient', positiveFactors: 'Tích cực phòng chống lũ' },
    'Ghi nhận yếu tố tích cực của đơn vị được giúp đỡ',
    'Positive factors recorded for the recipient',
  ],
  [
    'evaluation.positiveFactors',
    { side: 'sponsor', positiveFactors: null },
    'Xóa yếu tố tích cực của đơn vị giúp đỡ',
    'Positive factors of the sponsor removed',
  ],
];

describe('describeTimelineEntry', () => {
  const cases = [...Object.values(RECORDED).flat(), ...EVALUATION];

  it.each(cases)('%s %j', (action, detail, vi, en) => {
    expect(describeTimelineEntry(action, detail, 'vi', { levels })).toBe(vi);
    expect(describeTimelineEntry(action, detail, 'en', { levels })).toBe(en);
  });

  it('has words for every kind the machine records and every evaluation action, and nothing else', () => {
    expect([...DESCRIBED_TIMELINE_ACTIONS].sort()).toEqual(
      [...Object.keys(RECORDED), ...new Set(EVALUATION.map(([action]) => action))].sort(),
    );
  });

  it('shows a rating as recorded when the scale does not know it', () => {
    expect(
      describeTimelineEntry('rated:O7', { sponsorRating: 'TOT', recipientRating: 'Khá', late: false }, 'en'),
    ).toBe('O7 evaluation and rating: sponsor rated TOT, recipient rated Khá');
  });

  it('reads an unknown action as another event, in both languages', () => {
    expect(describeTimelineEntry('calendar.day.add', { day: '2026-09-02' }, 'vi')).toBe(
      'Sự kiện khác «calendar.day.add»',
    );
    expect(describeTimelineEntry('calendar.day.add', { day: '2026-09-02' }, 'en')).toBe(
      'Other event "calendar.day.add"',
    );
    expect(describeTimelineEntry('toString', null, 'en')).toBe('Other event "toString"');
  });

  it('still reads when the detail lacks a value', () => {
    expect(describeTimelineEntry('escalated:O2', null, 'vi')).toBe('O2 đề xuất nhu cầu: leo thang mức ?');
    expect(describeTimelineEntry('missed:O2', {}, 'en')).toBe(
      'O2 needs proposal: missed, not submitted by ?',
    );
  });
});

describe('describeTimelineActor', () => {
  it('calls the engine itself "hệ thống" / "system" and shows any other actor by its ID', () => {
    expect(describeTimelineActor('system', 'vi')).toBe('hệ thống');
    expect(describeTimelineActor('system', 'en')).toBe('system');
    expect(describeTimelineActor('cli:admin', 'vi')).toBe('cli:admin');
    expect(describeTimelineActor('', 'en')).toBe('system');
  });
});

describe('describeNotification', () => {
  const at = new Date('2026-02-16T01:00:00.000Z');
  const cases: readonly [TimelineNotification, string, string][] = [
    [
      { at, kind: 'REMINDER', obligation: 'O2', level: null, status: 'SENT' },
      'Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi)',
      'Reminder of the O2 needs proposal (Sent)',
    ],
    [
      { at, kind: 'ESCALATION', obligation: 'O3', level: 1, status: 'PENDING' },
      'Thư leo thang mức 1 về O3 chương trình kết nghĩa đã ký (Chờ gửi)',
      'Level 1 escalation about the O3 signed twinning programme (Pending)',
    ],
    [
      { at, kind: 'PROGRESS_REMINDER', obligation: 'O4', level: null, status: 'FAILED' },
      'Thư nhắc cập nhật tiến độ (Thất bại)',
      'Progress reminder (Failed)',
    ],
    [
      { at, kind: 'DIGEST', obligation: null, level: null, status: 'SENDING' },
      'Thư «Tổng hợp» (Đang gửi)',
      '"Digest" message (Sending)',
    ],
  ];

  it.each(cases)('%j', (notification, vi, en) => {
    expect(describeNotification(notification, 'vi')).toBe(vi);
    expect(describeNotification(notification, 'en')).toBe(en);
  });
});

describe('timelineLines', () => {
  it('puts audit entries with their actor and notifications in time order, an entry before its messages', () => {
    const at = (iso: string) => new Date(iso);
    const lines = timelineLines(
      {
        timeline: [
          {
            at: at('2026-01-01T00:05:00+07:00'),
            kind: 'opened',
            actor: 'system',
            detail: { pairCode: 'P01', year: 2026 },
          },
          {
            at: at('2026-03-03T08:00:00+07:00'),
            kind: 'escalated:O2',
            actor: 'system',
            detail: { level: 1 },
          },
          {
            at: at('2027-01-20T09:01:00+07:00'),
            kind: 'rated:O7',
            actor: 'cli:admin',
            detail: { sponsorRating: 'TOT', recipientRating: 'TOT', late: false },
          },
        ],
        notifications: [
          {
            at: at('2026-03-03T08:00:00+07:00'),
            kind: 'ESCALATION',
            obligation: 'O2',
            level: 1,
            status: 'SENT',
          },
          {
            at: at('2026-02-16T08:00:00+07:00'),
            kind: 'REMINDER',
            obligation: 'O2',
            level: null,
            status: 'SENT',
          },
        ],
      },
      { levels },
    );
    expect(lines.map((l) => [l.at.toISOString(), l.vi, l.en])).toEqual([
      [
        '2025-12-31T17:05:00.000Z',
        'Mở chu kỳ kết nghĩa năm 2026 của cặp P01 — hệ thống',
        'Opened the 2026 twinning cycle of pair P01 — system',
      ],
      [
        '2026-02-16T01:00:00.000Z',
        'Thư nhắc hạn O2 đề xuất nhu cầu (Đã gửi)',
        'Reminder of the O2 needs proposal (Sent)',
      ],
      [
        '2026-03-03T01:00:00.000Z',
        'O2 đề xuất nhu cầu: leo thang mức 1 — hệ thống',
        'O2 needs proposal: escalated to level 1 — system',
      ],
      [
        '2026-03-03T01:00:00.000Z',
        'Thư leo thang mức 1 về O2 đề xuất nhu cầu (Đã gửi)',
        'Level 1 escalation about the O2 needs proposal (Sent)',
      ],
      [
        '2027-01-20T02:01:00.000Z',
        'O7 đánh giá, xếp loại: đơn vị giúp đỡ được xếp loại Tốt, đơn vị được giúp đỡ được xếp loại Tốt — cli:admin',
        'O7 evaluation and rating: sponsor rated Good, recipient rated Good — cli:admin',
      ],
    ]);
  });
});
