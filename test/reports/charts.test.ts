/**
 * The server-side charts (reports/charts.ts): what each SVG says in both languages (its texts in drawing order,
 * its bars, its accessible name), that it is static and the same on every render, and that rendering many
 * leaves no timer or handle behind. Pure: ECharts runs in this process, no service.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import {
  obligationTimelinessChart,
  phaseCountChart,
  ratingDistributionChart,
  type ObligationTimeliness,
  type RatingLevelCount,
} from '../../reports/charts';

/** The text of every `<text>` element, in drawing order (a wrapped label is one element per line). */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

function ariaLabel(svg: string): string | undefined {
  return /^<svg role="img" aria-label="([^"]*)"/.exec(svg)?.[1];
}

function titleElement(svg: string): string | undefined {
  return /^<svg[^>]*>\n<title>([^<]*)<\/title>/.exec(svg)?.[1];
}

/** Heights of the bars (rectangles drawn upwards from the axis) filled with `color`, in drawing order. */
function barHeights(svg: string, color: string): number[] {
  return [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l[\d.]+ 0l0 (-?[\d.]+)l-[\d.]+ 0Z" fill="([^"]+)"/g)]
    .filter((m) => m[2] === color)
    .map((m) => 0 - Number(m[1]));
}

/** Widths of the segments (drawn rightwards from the axis) filled with `color`, in drawing order. */
function segmentWidths(svg: string, color: string): number[] {
  return [...svg.matchAll(/<path d="M[\d.]+ [\d.]+l([\d.]+) 0l0 [\d.]+l-?[\d.]+ 0Z" fill="([^"]+)"/g)]
    .filter((m) => m[2] === color)
    .map((m) => Number(m[1]));
}

const LEVELS: RatingLevelCount[] = [
  { level: { vi: 'Hoàn thành xuất sắc', en: 'Excellent' }, proposed: 1, final: 1 },
  { level: { vi: 'Tốt', en: 'Good' }, proposed: 2, final: 2 },
  { level: { vi: 'Khá', en: 'Fair' }, proposed: 1200, final: 0 },
  { level: { vi: 'Trung bình', en: 'Average' }, proposed: 1, final: 0 },
  { level: { vi: 'Yếu', en: 'Weak' }, proposed: 0, final: 0 },
];

const TIMELINESS: ObligationTimeliness[] = (['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7'] as const).map(
  (obligation, i) => ({
    obligation,
    onTime: [5, 4, 5, 5, 4, 4, 0][i] ?? 0,
    late: [0, 1, 0, 0, 0, 0, 0][i] ?? 0,
    missed: [0, 0, 0, 0, 1, 1, 0][i] ?? 0,
  }),
);

describe('ratingDistributionChart', () => {
  it('draws proposed and final units per level, with Vietnamese labels and numbers', () => {
    const svg = ratingDistributionChart(LEVELS, { lang: 'vi' });
    const label =
      'Số đơn vị theo mức xếp loại. Hoàn thành xuất sắc: 1 đơn vị đề xuất, 1 đơn vị chính thức; Tốt: 2 đơn vị đề xuất, 2 đơn vị chính thức; Khá: 1.200 đơn vị đề xuất, 0 đơn vị chính thức; Trung bình: 1 đơn vị đề xuất, 0 đơn vị chính thức; Yếu: 0 đơn vị đề xuất, 0 đơn vị chính thức.';
    expect(ariaLabel(svg)).toBe(label);
    expect(titleElement(svg)).toBe(label);
    expect(texts(svg)).toEqual([
      'Số đơn vị',
      'Mức xếp loại',
      ...['0', '500', '1.000', '1.500'],
      ...['Hoàn thành ', 'xuất sắc', 'Tốt', 'Khá', 'Trung bình', 'Yếu'],
      ...['1', '2', '1.200', '1', '0'],
      ...['1', '2', '0', '0', '0'],
      'Đề xuất',
      'Chính thức',
      'Số đơn vị theo mức xếp loại',
    ]);
    // The value axis runs to 1.500 over 176 px: 1 unit is 0,117 px, 1.200 units 140,8 px (rounded by ECharts).
    expect(barHeights(svg, '#5b8fd1')).toEqual([0.1, 0.2, 140.8, 0.1, 0]);
    expect(barHeights(svg, '#1b4f8a')).toEqual([0.1, 0.2, 0, 0, 0]);
  });

  it('speaks English with English separators', () => {
    const svg = ratingDistributionChart(LEVELS, { lang: 'en' });
    expect(ariaLabel(svg)).toBe(
      'Units by rating level. Excellent: 1 proposed, 1 final; Good: 2 proposed, 2 final; Fair: 1,200 proposed, 0 final; Average: 1 proposed, 0 final; Weak: 0 proposed, 0 final.',
    );
    expect(texts(svg)).toEqual([
      'Units',
      'Rating level',
      ...['0', '500', '1,000', '1,500'],
      ...['Excellent', 'Good', 'Fair', 'Average', 'Weak'],
      ...['1', '2', '1,200', '1', '0'],
      ...['1', '2', '0', '0', '0'],
      'Proposed',
      'Final',
      'Units by rating level',
    ]);
  });

  it('says so when no unit has a rating yet', () => {
    const none = LEVELS.map((l) => ({ ...l, proposed: 0, final: 0 }));
    const vi = ratingDistributionChart(none, { lang: 'vi' });
    expect(ariaLabel(vi)).toBe('Số đơn vị theo mức xếp loại. Chưa có số liệu.');
    expect(texts(vi)).toContain('Chưa có số liệu');
    expect(ariaLabel(ratingDistributionChart(none, { lang: 'en' }))).toBe(
      'Units by rating level. No data yet.',
    );
  });

  it('escapes a level name from the settings wherever it appears', () => {
    const svg = ratingDistributionChart(
      [{ level: { vi: '<b>"A" & B</b>', en: 'A' }, proposed: 1, final: 0 }],
      {
        lang: 'vi',
      },
    );
    expect(ariaLabel(svg)).toBe(
      'Số đơn vị theo mức xếp loại. &lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;: 1 đơn vị đề xuất, 0 đơn vị chính thức.',
    );
    expect(svg).not.toContain('<b>');
  });
});

describe('obligationTimelinessChart', () => {
  it('stacks on time, late and missed per obligation, numbering the segments', () => {
    const svg = obligationTimelinessChart(TIMELINESS, { lang: 'vi' });
    expect(ariaLabel(svg)).toBe(
      'Nghĩa vụ đúng hạn, nộp muộn và quá hạn. O1 – kế hoạch triển khai: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O2 – đề xuất nhu cầu: 4 đúng hạn, 1 nộp muộn, 0 quá hạn; O3 – chương trình kết nghĩa đã ký: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O4 – cập nhật tiến độ: 5 đúng hạn, 0 nộp muộn, 0 quá hạn; O5 – báo cáo sơ kết của đơn vị giúp đỡ: 4 đúng hạn, 0 nộp muộn, 1 quá hạn; O6 – báo cáo kết quả của đơn vị được giúp đỡ: 4 đúng hạn, 0 nộp muộn, 1 quá hạn; O7 – đánh giá, xếp loại: 0 đúng hạn, 0 nộp muộn, 0 quá hạn.',
    );
    expect(texts(svg)).toEqual([
      'Nghĩa vụ',
      'Số cặp kết nghĩa',
      'O1 – kế hoạch triển khai',
      'O2 – đề xuất nhu cầu',
      ...['O3 – chương trình kết nghĩa ', 'đã ký'],
      'O4 – cập nhật tiến độ',
      ...['O5 – báo cáo sơ kết của đơn ', 'vị giúp đỡ'],
      ...['O6 – báo cáo kết quả của đơn ', 'vị được giúp đỡ'],
      'O7 – đánh giá, xếp loại',
      ...['0', '1', '2', '3', '4', '5'],
      // Segments with a number: on time O1–O6, late O2, missed O5 and O6; none for a zero.
      ...['5', '4', '5', '5', '4', '4', '1', '1', '1'],
      'Đúng hạn',
      'Nộp muộn',
      'Quá hạn',
      'Nghĩa vụ đúng hạn, nộp muộn và quá hạn',
    ]);
    // 380 px of plot for 5 pairs: 76 px a pair, less the 1 px white seam around each segment.
    expect(segmentWidths(svg, '#1b7a3e')).toEqual([379, 303, 379, 379, 303, 303, 0]);
    expect(segmentWidths(svg, '#8a5a00')).toEqual([0, 75, 0, 0, 0, 0, 0]);
    expect(segmentWidths(svg, '#b3261e')).toEqual([0, 0, 0, 0, 75, 75, 0]);
  });

  it('speaks English', () => {
    const svg = obligationTimelinessChart(TIMELINESS, { lang: 'en' });
    expect(ariaLabel(svg)).toBe(
      'Obligations on time, late and missed. O1 – implementation plan: 5 on time, 0 late, 0 missed; O2 – needs proposal: 4 on time, 1 late, 0 missed; O3 – signed twinning programme: 5 on time, 0 late, 0 missed; O4 – progress entries: 5 on time, 0 late, 0 missed; O5 – sponsor&#39;s year-end report: 4 on time, 0 late, 1 missed; O6 – recipient&#39;s year-end report: 4 on time, 0 late, 1 missed; O7 – evaluation and rating: 0 on time, 0 late, 0 missed.',
    );
    expect(texts(svg).slice(-4)).toEqual([
      'On time',
      'Late',
      'Missed',
      'Obligations on time, late and missed',
    ]);
    expect(texts(svg).slice(0, 2)).toEqual(['Obligation', 'Twinning pairs']);
  });

  it('leaves a segment too narrow for its number unnumbered, and still reads it out', () => {
    const svg = obligationTimelinessChart([{ obligation: 'O4', onTime: 1, late: 0, missed: 99 }], {
      lang: 'vi',
    });
    expect(ariaLabel(svg)).toBe(
      'Nghĩa vụ đúng hạn, nộp muộn và quá hạn. O4 – cập nhật tiến độ: 1 đúng hạn, 0 nộp muộn, 99 quá hạn.',
    );
    // The axis runs to 100 in steps of 20; the single on-time pair is 3,8 px wide.
    expect(texts(svg)).toEqual([
      'Nghĩa vụ',
      'Số cặp kết nghĩa',
      'O4 – cập nhật tiến độ',
      ...['0', '20', '40', '60', '80', '100'],
      '99',
      'Đúng hạn',
      'Nộp muộn',
      'Quá hạn',
      'Nghĩa vụ đúng hạn, nộp muộn và quá hạn',
    ]);
  });
});

describe('phaseCountChart', () => {
  it('draws every phase in order, a phase left out as 0', () => {
    const counts = { needsProposal: 3, implementation: 1234, closed: 1 };
    const vi = phaseCountChart(counts, { lang: 'vi' });
    expect(ariaLabel(vi)).toBe(
      'Chu kỳ kết nghĩa theo giai đoạn. Đề xuất nhu cầu: 3 chu kỳ; Ký kết: 0 chu kỳ; Triển khai thực hiện: 1.234 chu kỳ; Báo cáo cuối năm: 0 chu kỳ; Đánh giá: 0 chu kỳ; Đã kết thúc: 1 chu kỳ.',
    );
    expect(texts(vi)).toEqual([
      'Số chu kỳ',
      'Giai đoạn',
      ...['0', '500', '1.000', '1.500'],
      ...['Đề xuất nhu ', 'cầu', 'Ký kết', 'Triển khai ', 'thực hiện', 'Báo cáo ', 'cuối năm', 'Đánh giá'],
      'Đã kết thúc',
      ...['3', '0', '1.234', '0', '0', '1'],
      'Chu kỳ kết nghĩa theo giai đoạn',
    ]);
    const en = phaseCountChart(counts, { lang: 'en' });
    expect(ariaLabel(en)).toBe(
      'Twinning cycles by phase. Needs proposal: 3; Agreement: 0; Implementation: 1,234; Year-end reporting: 0; Evaluation: 0; Closed: 1.',
    );
    expect(texts(en)).toEqual([
      'Cycles',
      'Phase',
      ...['0', '500', '1,000', '1,500'],
      ...['Needs ', 'proposal', 'Agreement', 'Implementation', 'Year-end ', 'reporting', 'Evaluation'],
      'Closed',
      ...['3', '0', '1,234', '0', '0', '1'],
      'Twinning cycles by phase',
    ]);
  });

  it('says so when there is no cycle', () => {
    expect(ariaLabel(phaseCountChart({}, { lang: 'vi' }))).toBe(
      'Chu kỳ kết nghĩa theo giai đoạn. Chưa có số liệu.',
    );
  });
});

describe('every chart', () => {
  const all = () => [
    ratingDistributionChart(LEVELS, { lang: 'vi' }),
    obligationTimelinessChart(TIMELINESS, { lang: 'en' }),
    phaseCountChart({ agreement: 2 }, { lang: 'vi', width: 480, height: 260 }),
  ];

  it('is the same string on every render, whatever was rendered before', () => {
    const first = all();
    expect(all()).toEqual(first);
    expect(ratingDistributionChart(LEVELS, { lang: 'vi' })).toBe(first[0]);
  });

  it('is a static picture a strict Content-Security-Policy accepts: no script, style, class or ID', () => {
    for (const svg of all()) {
      expect(svg.startsWith('<svg role="img" aria-label="')).toBe(true);
      expect(svg.endsWith('</svg>')).toBe(true);
      expect(svg).not.toMatch(/<script|<style|style=|class=| id=|zr\d|ecmeta_|on\w+=/);
    }
    expect(all()[2]).toMatch(/^<svg [^>]*width="480" height="260"/);
  });

  it('leaves no timer behind after 200 renders', async () => {
    // Timers are what a chart left undisposed keeps running (zrender's animation loop); the other handles of
    // the process belong to jest. The last frames of charts rendered earlier run out first.
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate');
    await sleep(50);
    const before = timers();
    const renders = [
      (i: number) => ratingDistributionChart(LEVELS, { lang: i % 2 ? 'vi' : 'en' }),
      () => obligationTimelinessChart(TIMELINESS, { lang: 'vi' }),
      (i: number) => phaseCountChart({ implementation: i }, { lang: 'en' }),
    ];
    let rendered = 0;
    for (let i = 0; i < 200; i++) if (renders[i % 3]!(i).endsWith('</svg>')) rendered += 1;
    expect(rendered).toBe(200);
    // A disposed chart's loop still has its last 16 ms frame queued; it runs before a timer due later, and
    // schedules nothing more.
    await sleep(50);
    expect(timers()).toEqual(before);
  });
});
