/**
 * The pair page as rendered from the read model's `PairDetail` (a pure view: no server, no database): every
 * year linked, the waiting sentences in the reader's language, the dates as dd/mm/yyyy, the two units' ratings
 * with their explanation, money in đồng, and every stored text shown as text, never as markup.
 */
import type { PairDetail, PairYear } from '../../services/dashboard';
import { staticContext } from '../../web/views/layout';
import { renderPair } from '../../web/views/pair';

const unit = (code: string, name: string, kind: string) => ({
  code,
  name,
  kind,
  border: false,
  parent: null,
  contactCount: 2,
});

const script = '<script>alert("x")</script>';

const selected: PairYear = {
  year: 2026,
  phase: 'agreement',
  escalationLevel: 1,
  overdue: true,
  flags: ['overdue'],
  waitingSince: '2026-03-02T17:00:00.000Z',
  nextTimerAt: null,
  obligations: [
    {
      obligation: 'O2',
      status: 'missed',
      statutoryDue: '2026-02-28',
      effectiveDue: '2026-03-02',
      completedAt: null,
      escalationLevel: 1,
    },
  ],
  waiting: [
    {
      obligation: 'O3',
      party: 'recipient',
      unitCode: 'XA-TRA-MY',
      since: '2026-03-02T17:00:00.000Z',
      days: 8,
      due: '2026-03-31',
      overdue: false,
      key: 'dashboard.waiting.on',
      params: {},
      vi: 'Đang chờ Xã Trà My nộp chương trình kết nghĩa đã ký từ 03/03/2026',
      en: 'Waiting on Xã Trà My for the signed twinning programme since 03/03/2026',
    },
  ],
  owes: { sponsor: false, recipient: true },
  timeline: [{ at: '2026-03-02T17:00:00.000Z', vi: 'O2 quá hạn', en: 'O2 missed' }],
  ratings: {
    sponsor: {
      unitCode: 'P-HOI-AN',
      proposed: { id: 'GOOD', vi: 'Khá', en: 'Good' },
      score: 82,
      proposedAt: '2027-01-05T01:00:00.000Z',
      criticised: false,
      proposedReward: false,
      explanation: [{ key: 'evaluation.line.target', vi: 'Đạt 3/4 chỉ tiêu', en: 'Met 3 of 4 targets' }],
      positiveFactors: script,
      final: null,
      overrideReason: null,
      decisionNumber: null,
      confirmedBy: null,
      confirmedAt: null,
    },
    recipient: null,
  },
  temporal: { namespace: 'default', workflowId: 'twinning-cycle:KN-2025-01:2026' },
  submissions: [
    {
      obligation: 'O2',
      side: 'RECIPIENT',
      submittedBy: 'web:canbo@xatramy.example.gov.vn',
      submittedAt: '2026-03-03T02:00:00.000Z',
      late: true,
      texts: {
        summary: script,
        items: [
          { category: 'SOCIO_ECONOMIC', description: 'Đường bê tông', estimatedAmountDong: '1250000000' },
        ],
      },
    },
  ],
  progress: [],
};

const detail: PairDetail = {
  code: 'KN-2025-01',
  status: 'ACTIVE',
  validFrom: '2025-07-01',
  validTo: null,
  communes: ['XA-TRA-MY'],
  sponsor: unit('P-HOI-AN', 'Phường Hội An', 'LOWLAND_COMMUNE'),
  recipient: unit('XA-TRA-MY', 'Xã Trà My', 'COMMUNE'),
  predecessor: 'KN-2020-03',
  successors: [],
  history: [],
  years: [
    { year: 2026, phase: 'agreement' },
    { year: 2025, phase: 'closed' },
  ],
  selected,
};

const text = (page: string): string => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

it('links every year of the pair and marks the one shown', () => {
  const page = renderPair(staticContext('vi'), { year: 2026, detail });
  expect(page).toContain('href="/pairs/KN-2025-01?year=2025&amp;lang=vi"');
  expect(page).toMatch(/aria-current="page"\s+data-year="2026"/);
  expect(text(page)).toContain('2025 (Đã kết thúc)');
});

it('says what the cycle waits for in the reader’s language, with dates as dd/mm/yyyy', () => {
  const vi = text(renderPair(staticContext('vi'), { year: 2026, detail }));
  const en = text(renderPair(staticContext('en'), { year: 2026, detail }));
  expect(vi).toContain('Đang chờ Xã Trà My nộp chương trình kết nghĩa đã ký từ 03/03/2026');
  expect(en).toContain('Waiting on Xã Trà My for the signed twinning programme since 03/03/2026');
  expect(vi).toContain('O2 đề xuất nhu cầu 28/02/2026 02/03/2026 quá hạn');
  expect(en).toContain('From 01/07/2025');
  expect(vi).toContain('Tiếp nối cặp: KN-2020-03');
});

it('shows each unit’s rating proposal with its explanation, and money in đồng', () => {
  const vi = text(renderPair(staticContext('vi'), { year: 2026, detail }));
  expect(vi).toContain('Đề xuất xếp loại: Khá (điểm 82) Đạt 3/4 chỉ tiêu');
  expect(vi).toContain('Chưa có xếp loại chính thức.');
  expect(vi).toContain('Chưa có đánh giá năm này.');
  expect(vi).toContain('Đầu tư phát triển kinh tế - xã hội — Đường bê tông: 1.250.000.000 đ');
});

it('shows stored HTML and script as text, never as markup', () => {
  const page = renderPair(staticContext('vi'), { year: 2026, detail });
  expect(page).not.toContain(script);
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
});

it('tells a year without a cycle plainly, still linking the others', () => {
  const page = renderPair(staticContext('en'), { year: 2027, detail });
  expect(page).toContain('data-testid="no-cycle"');
  expect(page).toContain('href="/pairs/KN-2025-01?year=2026&amp;lang=en"');
});
