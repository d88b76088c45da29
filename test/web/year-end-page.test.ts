/**
 * The year-end summary page, its downloads and its API against a real PostgreSQL: cycles, obligations, progress
 * and a final rating written to the read model; the page shows the report's model (`buildYearSummary`) with the
 * report's own ECharts SVG charts; CSV, XLSX and PDF (real Chromium) are the CLI's files; leadership reads,
 * officers are refused; an unknown year, a bad format, broken settings and a missing browser get their messages.
 */
import ExcelJS from 'exceljs';
import { buildYearSummary, renderReport } from '../../reports';
import { obligationTimelinessChart, ratingDistributionChart } from '../../reports/charts';
import { yearSummaryJson } from '../../reports/render-json';
import { startWebWorld, USERS, type Agent, type WebWorld } from '../support/web';
import { createEvaluatedCycle } from '../support/evaluated-cycles';
import { byTestId, tableRows, textOf } from '../support/html';

let world: WebWorld;
beforeAll(async () => {
  world = await startWebWorld();
  await seedYear(world);
});
afterAll(async () => {
  await world?.close();
});

const cycle = (
  w: WebWorld,
  pairCode: string,
  year: number,
  statuses: Parameters<typeof createEvaluatedCycle>[3],
) => createEvaluatedCycle(w.db.prisma, pairCode, year, statuses);

/**
 * 2026: P01 (QN-SNN, 120 staff → 24 households) meets everything and is rated Tốt; in P02 (QN-STC → XA-CA-DY)
 * the needs came late and the recipient's year-end report is missed.
 */
async function seedYear(w: WebWorld): Promise<void> {
  const p1 = await cycle(w, 'P01', 2026, {});
  const p2 = await cycle(w, 'P02', 2026, { O2: 'LATE', O6: 'MISSED' });
  const entry = (
    cycleId: string,
    n: number,
    values: { households: number; modelsBuilt: number; studyTours: number; amountDong: bigint },
  ) =>
    w.db.prisma.progressEntry.create({
      data: {
        cycleId,
        submittedBy: 'canbo@snn.example.gov.vn',
        submittedAt: new Date(`2026-06-0${n}T03:00:00Z`),
        category: 'SOCIO_ECONOMIC',
        ...values,
        modelsReplicated: 0,
        communeCode: null,
        description: 'Hỗ trợ sinh kế',
        beneficiaries: [],
        idempotencyKey: `year-end-test:${cycleId}:${n}`,
      },
    });
  await entry(p1, 1, { households: 24, modelsBuilt: 1, studyTours: 1, amountDong: 150_000_000n });
  await entry(p2, 2, { households: 5, modelsBuilt: 0, studyTours: 0, amountDong: 0n });
  const snn = await w.db.prisma.unit.findUniqueOrThrow({ where: { code: 'QN-SNN' } });
  await w.db.prisma.unitEvaluation.create({
    data: {
      unitId: snn.id,
      year: 2026,
      side: 'SPONSOR',
      finalRating: 'TOT',
      confirmedBy: 'web:test',
      confirmedAt: new Date('2027-01-10T02:00:00Z'),
    },
  });
}

async function signedIn(role: keyof typeof USERS, w: WebWorld = world): Promise<Agent> {
  const agent = w.agent();
  expect((await agent.signIn(USERS[role].email)).statusCode).toBe(303);
  return agent;
}

/** The summary the report builds for the world's clock: what the page, the API and the files must show. */
const summaryNow = (w: WebWorld = world) => buildYearSummary(w.db.prisma, 2026, { now: w.clock.now() });

function imageSvg(body: string, testId: string): string {
  const src = new RegExp(
    `<img class="chart" src="data:image/svg\\+xml;base64,([^"]+)"[^>]*data-testid="${testId}"`,
  ).exec(body)?.[1];
  return Buffer.from(src ?? '', 'base64').toString('utf8');
}

describe('the year-end page', () => {
  it('shows the report’s summary, charts and ratings to leadership, and refuses officers', async () => {
    const leader = await signedIn('LEADERSHIP');
    const page = await leader.get('/year-end?year=2026');
    expect(page.statusCode).toBe(200);
    const summary = await summaryNow();
    expect(textOf(byTestId(page.body, 'year-end-overview') ?? '')).toBe(
      '2 chu kỳ kết nghĩa; 4 lượt đơn vị được đánh giá, 1 đã có xếp loại chính thức, 1 bị kiểm điểm, 0 được đề nghị khen thưởng. Lập lúc 02/03/2026 09:00.',
    );
    // The charts are the report's own SVG, byte for byte.
    expect(imageSvg(page.body, 'chart-ratings')).toBe(
      ratingDistributionChart(summary.distribution, { lang: 'vi' }),
    );
    expect(imageSvg(page.body, 'chart-timeliness')).toBe(
      obligationTimelinessChart(summary.onTime, { lang: 'vi' }),
    );
    expect(imageSvg(page.body, 'chart-ratings')).toMatch(/^<svg role="img" aria-label="/);
    expect(tableRows(page.body, 'year-end-timeliness')).toEqual([
      ['O1 kế hoạch triển khai', '2', '0', '0'],
      ['O2 đề xuất nhu cầu', '1', '1', '0'],
      ['O3 chương trình kết nghĩa đã ký', '2', '0', '0'],
      ['O4 cập nhật tiến độ', '2', '0', '0'],
      ['O5 báo cáo sơ kết của đơn vị giúp đỡ', '2', '0', '0'],
      ['O6 báo cáo kết quả của đơn vị được giúp đỡ', '1', '0', '1'],
      ['O7 đánh giá, xếp loại', '0', '0', '0'],
    ]);
    const distribution = tableRows(page.body, 'year-end-distribution');
    expect(distribution.map((r) => [r[0], r[2]])).toEqual([
      ['Hoàn thành xuất sắc', '0'],
      ['Tốt', '1'],
      ['Khá', '0'],
      ['Trung bình', '0'],
      ['Yếu', '0'],
    ]);
    expect(distribution.map((r) => r[1])).toEqual(summary.distribution.map((d) => String(d.proposed)));
    const totals = tableRows(page.body, 'year-end-totals');
    expect(totals[0]!.slice(0, 2)).toEqual(['Sở, ban, ngành', '2']);
    expect(totals[0]![3]).toBe('29');
    expect(totals[0]![4]).toBe('150.000.000 đ');
    const ratings = tableRows(page.body, 'year-end-ratings');
    const snn = ratings.find((r) => r[0] === 'Sở Nông nghiệp và Phát triển nông thôn (QN-SNN)');
    const snnSummary = summary.units.find((u) => u.code === 'QN-SNN')!;
    expect(snn).toEqual([
      'Sở Nông nghiệp và Phát triển nông thôn (QN-SNN)',
      'Sở, ban, ngành',
      'Giúp đỡ',
      'P01',
      String(snnSummary.evaluation.score).replace('.', ','),
      `${snnSummary.evaluation.level.vi} (tạm tính)`,
      'Tốt',
      '',
      '',
    ]);
    expect(ratings.find((r) => r[0] === 'Sở Tài chính (QN-STC)')![6]).toBe('Chưa xác nhận');
    // Xã Cà Dy's year-end report (O6) was missed: it is criticised.
    expect(ratings.find((r) => r[0] === 'Xã Cà Dy (XA-CA-DY)')!.slice(6)).toEqual([
      'Chưa xác nhận',
      'Có',
      '',
    ]);
    expect(ratings).toHaveLength(4);
    expect(
      [...(byTestId(page.body, 'year-end-downloads') ?? '').matchAll(/href="([^"]+)"/g)].map((m) =>
        m[1]!.replace(/&amp;/g, '&'),
      ),
    ).toEqual([
      '/year-end/download?year=2026&format=xlsx',
      '/year-end/download?year=2026&format=csv',
      '/year-end/download?year=2026&format=pdf',
    ]);

    const officer = await signedIn('SPONSOR_OFFICER');
    const refused = await officer.get('/year-end?year=2026');
    expect(refused.statusCode).toBe(403);
    expect((await officer.get('/year-end/download?year=2026&format=csv')).statusCode).toBe(403);
    expect((await officer.get('/api/v1/year-end/2026')).statusCode).toBe(403);
  });

  it('speaks English with ?lang=en', async () => {
    const admin = await signedIn('ADMIN');
    const page = await admin.get('/year-end?year=2026&lang=en');
    expect(textOf(byTestId(page.body, 'year-end-overview') ?? '')).toBe(
      '2 twinning cycles; 4 unit evaluations, 1 with a final rating, 1 criticised, 0 proposed for reward. Made at 02/03/2026 09:00.',
    );
    expect(imageSvg(page.body, 'chart-timeliness')).toBe(
      obligationTimelinessChart((await summaryNow()).onTime, { lang: 'en' }),
    );
    expect(tableRows(page.body, 'year-end-totals')[0]![4]).toBe('150,000,000 VND');
  });

  it.each([
    ['/year-end?year=2031', 404, 'Năm 2031 chưa có chu kỳ kết nghĩa nào, nên chưa có gì để tổng kết.'],
    [
      '/year-end?year=1999',
      400,
      'Năm «1999» không hợp lệ: hãy ghi năm bằng bốn chữ số, từ 2000 đến 2100 (ví dụ 2026).',
    ],
    [
      '/year-end/download?year=2026&format=docx',
      400,
      'Định dạng «docx» không được hỗ trợ; dùng csv, xlsx hoặc pdf.',
    ],
    [
      '/year-end/download?year=2031&format=csv',
      404,
      'Năm 2031 chưa có chu kỳ kết nghĩa nào, nên chưa có gì để tổng kết.',
    ],
  ])('%s → %i with its message', async (url, status, message) => {
    const admin = await signedIn('ADMIN');
    const response = await admin.get(url);
    expect(response.statusCode).toBe(status);
    expect(textOf(response.body)).toContain(message);
  });

  it('refuses a year whose evaluation settings are broken, saying what is wrong', async () => {
    await cycle(world, 'P01', 2027, {});
    await world.db.prisma.yearSettings.create({
      data: { year: 2027, settings: { evaluation: { rating: 'sai' } } },
    });
    const admin = await signedIn('ADMIN');
    const page = await admin.get('/year-end?year=2027');
    expect(page.statusCode).toBe(409);
    expect(textOf(page.body)).toMatch(
      /Không lập được tổng kết năm 2027: cấu hình đánh giá của năm không hợp lệ \(evaluation\.rating: .+\)\./,
    );
    const api = await admin.get('/api/v1/year-end/2027');
    expect([api.statusCode, api.json<{ error: { code: string } }>().error.code]).toEqual([409, 'conflict']);
  });
});

describe('the downloads', () => {
  it('are the CLI’s CSV and XLSX of the same summary', async () => {
    const admin = await signedIn('LEADERSHIP');
    const csv = await admin.get('/year-end/download?year=2026&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="bao-cao-ket-nghia-2026.csv"');
    expect(csv.rawPayload.equals(await renderReport(await summaryNow(), 'csv'))).toBe(true);

    const xlsx = await admin.get('/api/v1/year-end/2026/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const got = new ExcelJS.Workbook();
    await got.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const want = new ExcelJS.Workbook();
    await want.xlsx.load((await renderReport(await summaryNow(), 'xlsx')) as unknown as ArrayBuffer);
    expect(got.worksheets.map((s) => s.name)).toEqual(want.worksheets.map((s) => s.name));
    expect(got.worksheets.map((s) => s.rowCount)).toEqual(want.worksheets.map((s) => s.rowCount));
  });

  it('prints the PDF with Chromium, and a server without it says what to download instead', async () => {
    const admin = await signedIn('ADMIN');
    const pdf = await admin.get('/year-end/download?year=2026&format=pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="bao-cao-ket-nghia-2026.pdf"');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const bare = await startWebWorld({ chromiumPath: '/nonexistent/chromium' });
    try {
      await seedYear(bare);
      const agent = await signedIn('ADMIN', bare);
      const page = await agent.get('/year-end/download?year=2026&format=pdf');
      expect(page.statusCode).toBe(503);
      expect(textOf(page.body)).toContain(
        'Máy chủ này không in được PDF (không có Chromium tại /nonexistent/chromium); hãy tải bản XLSX hoặc CSV, hoặc nhờ quản trị hệ thống cài gói chromium.',
      );
      const api = await agent.get('/api/v1/year-end/2026/export?format=pdf');
      expect([api.statusCode, api.json<{ error: { code: string } }>().error.code]).toEqual([
        503,
        'unavailable',
      ]);
      expect((await agent.get('/year-end/download?year=2026&format=csv')).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});

describe('the year-end API', () => {
  it('gives the summary as JSON data, money as decimal strings; 404 for a year without cycles', async () => {
    const leader = await signedIn('LEADERSHIP');
    const response = await leader.get('/api/v1/year-end/2026');
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      units: { code: string; amountDong: string; final: { id: string } | null }[];
    }>();
    expect(body).toEqual(JSON.parse(JSON.stringify(yearSummaryJson(await summaryNow()))));
    expect(body.units.find((u) => u.code === 'QN-SNN')).toMatchObject({
      amountDong: '150000000',
      final: { id: 'TOT', vi: 'Tốt', en: 'Good' },
    });
    const none = await leader.get('/api/v1/year-end/2031');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'Năm 2031 chưa có chu kỳ kết nghĩa nào, nên chưa có gì để tổng kết.',
      },
    });
    const bad = await leader.get('/api/v1/year-end/2026/export?format=html');
    expect([bad.statusCode, bad.json<{ error: { code: string } }>().error.code]).toEqual([
      400,
      'invalid_input',
    ]);
  });

  it('is in the OpenAPI document with the calendar and roster routes', async () => {
    const docs = await world.agent().get('/api/docs/json');
    expect(docs.statusCode).toBe(200);
    const paths = Object.keys(docs.json<{ paths: object }>().paths);
    expect(paths.filter((p) => /^\/api\/v1\/(year-end|calendar|roster)/.test(p)).sort()).toEqual([
      '/api/v1/calendar/{year}',
      '/api/v1/calendar/{year}/changes',
      '/api/v1/calendar/{year}/preview',
      '/api/v1/roster/apply',
      '/api/v1/roster/dry-run',
      '/api/v1/year-end/{year}',
      '/api/v1/year-end/{year}/export',
    ]);
  });
});
